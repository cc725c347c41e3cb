package app.strongroom.common;

/** Reasons and details recorded for people (why a backup, copy or drill failed): never empty, never over a column's size. */
public final class Reasons {
    private Reasons() {
    }

    /** {@code reason} stripped, or {@code fallback} when there is none, cut to {@code max} characters with an ellipsis. */
    public static String fit(String reason, String fallback, int max) {
        String text = reason == null || reason.isBlank() ? fallback : reason.strip();
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
