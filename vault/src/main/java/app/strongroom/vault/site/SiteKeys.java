package app.strongroom.vault.site;

/**
 * The shape of object keys: relative, '/'-separated, no empty, '.' or '..' segments, no backslash. A directory site
 * turns keys into paths, so anything that could climb out of its root or mean different files on different systems
 * is refused before it reaches a file system or a bucket.
 */
final class SiteKeys {
    /** What a directory site writes to before renaming; a key may not look like one. */
    static final String PARTIAL = ".partial";

    private SiteKeys() {
    }

    /** {@code key} if it is a valid object key. */
    static String key(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an object key may not be empty");
        }
        if (key.endsWith("/")) {
            throw new IllegalArgumentException("the object key '" + key + "' ends with '/'");
        }
        if (key.endsWith(PARTIAL)) {
            throw new IllegalArgumentException("the object key '" + key + "' ends with " + PARTIAL
                    + ", which is reserved for objects being written");
        }
        return checkSegments(key, key, "object key");
    }

    /** {@code prefix} if it is a valid listing prefix: empty, or a key's beginning (it may end with '/'). */
    static String prefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("the prefix '" + prefix + "' is absolute; it must be relative");
        }
        checkSegments(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix, prefix, "prefix");
        return prefix;
    }

    /** A bucket's key prefix without surrounding '/', checked like a key; empty for none. */
    static String prefixOfSite(String prefix) {
        String trimmed = prefix.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? "" : checkSegments(trimmed, prefix, "key prefix");
    }

    private static String checkSegments(String checked, String original, String what) {
        if (checked.startsWith("/")) {
            throw new IllegalArgumentException("the " + what + " '" + original + "' is absolute; it must be relative");
        }
        if (checked.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("the " + what + " '" + original + "' contains a backslash; use '/'");
        }
        for (int i = 0; i < checked.length(); i++) {
            if (checked.charAt(i) < 0x20 || checked.charAt(i) == 0x7f) {
                throw new IllegalArgumentException("the " + what + " '" + original + "' contains a control character");
            }
        }
        for (String segment : checked.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("the " + what + " '" + original + "' has an empty segment ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("the " + what + " '" + original + "' has a '" + segment
                        + "' segment");
            }
        }
        return checked;
    }
}
