package app.strongroom.tenant.apikey;

/** What a key may do: {@link #READ} reads only; {@link #READ_WRITE} may also change what its user may change. */
public enum ApiKeyScope {
    READ, READ_WRITE;

    /** Whether a request of this HTTP method is within the scope; a read key is refused every method but reads. */
    public boolean allowsMethod(String method) {
        return this == READ_WRITE || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
