/**
 * {@code strongroom-cli}: the batch console on the command line. It starts, stops, restarts and watches the
 * platform's jobs and lists a tenant's kept backups through the staff JSON API, authenticated by a staff API token
 * read from a file or the environment (never the command line, where {@code ps} shows it), over TLS verified by the
 * JDK's trust store, a given trust store, or a pinned public key. Exit codes are for scripts: see {@link ExitCodes}.
 */
package app.strongroom.cli;
