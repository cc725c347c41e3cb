package app.strongroom.cli;

/** What the tool's exit code tells a script. */
public final class ExitCodes {
    /** Done; for a watched execution: it COMPLETED. */
    public static final int OK = 0;
    /** The watched execution ended FAILED, STOPPED or ABANDONED. */
    public static final int EXECUTION_UNSUCCESSFUL = 1;
    /** The command line was wrong (or the server found a value in it wrong: HTTP 400). */
    public static final int USAGE = 2;
    /** The server refused the token (401) or its owner's role does not allow it (403). */
    public static final int REFUSED = 3;
    /** No such execution or tenant (404), or not possible in its present state (409). */
    public static final int NOT_FOUND_OR_CONFLICT = 4;
    /** The server could not be reached, TLS failed (a pin mismatch, say), or the server failed (5xx). */
    public static final int UNREACHABLE = 5;

    private ExitCodes() {
    }

    /** The exit code for an HTTP error status the API answered with. */
    public static int forStatus(int status) {
        if (status == 401 || status == 403) {
            return REFUSED;
        }
        if (status == 404 || status == 409) {
            return NOT_FOUND_OR_CONFLICT;
        }
        if (status >= 400 && status < 500) {
            return USAGE;
        }
        return UNREACHABLE;
    }

    /** The exit code for an execution's final status. */
    public static int forFinalStatus(String status) {
        return "COMPLETED".equals(status) ? OK : EXECUTION_UNSUCCESSFUL;
    }
}
