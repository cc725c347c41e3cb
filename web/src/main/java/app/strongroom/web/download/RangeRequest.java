package app.strongroom.web.download;

/**
 * What a request's {@code Range} and {@code If-Range} ask of a representation of a known size (see {@link ByteRanges}):
 * the whole of it, one part of it, or nothing it has.
 */
public sealed interface RangeRequest {
    /**
     * The whole representation, 200: no Range, one the server ignores (malformed, another unit, several ranges), or
     * a stale If-Range.
     */
    record Whole() implements RangeRequest {
    }

    /** Bytes {@code first} to {@code last}, both included, 206. */
    record Part(long first, long last) implements RangeRequest {
        public Part {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("bytes " + first + "-" + last + " are no range");
            }
        }

        public long length() {
            return last - first + 1;
        }
    }

    /** A well-formed range that starts past the end, 416. */
    record Unsatisfiable() implements RangeRequest {
    }
}
