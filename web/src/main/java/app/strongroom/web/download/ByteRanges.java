package app.strongroom.web.download;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Range} and {@code If-Range} as RFC 9110 §13.1.5 and §14 prescribe. A header the server cannot use
 * (malformed, another unit, a last byte before the first) is ignored and the whole is sent; a well-formed range that
 * starts past the end is unsatisfiable.
 */
final class ByteRanges {
    /** One range: {@code first-last}, {@code first-} or {@code -suffix}, digits only. */
    private static final Pattern ONE_RANGE = Pattern.compile("(\\d*)-(\\d*)");

    private ByteRanges() {
    }

    /**
     * Reads the request's headers against the representation's {@code size} and current strong {@code etag}. Several
     * ranges are answered with the whole (RFC 9110 lets a server ignore Range): a resuming client asks for one, and
     * multipart answers would only serve clients that fetch a backup in pieces at once.
     */
    static RangeRequest read(String range, String ifRange, String etag, long size) {
        if (range == null) {
            return new RangeRequest.Whole();
        }
        if (ifRange != null && !strongMatch(ifRange.strip(), etag)) {
            return new RangeRequest.Whole();
        }
        int equals = range.indexOf('=');
        if (equals < 0 || !range.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new RangeRequest.Whole();
        }
        String set = range.substring(equals + 1).strip();
        if (set.contains(",")) {
            return new RangeRequest.Whole();
        }
        Matcher m = ONE_RANGE.matcher(set);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new RangeRequest.Whole();
        }
        Optional<Long> first = number(m.group(1));
        Optional<Long> last = number(m.group(2));
        if (first.isEmpty()) {
            long suffix = last.orElseThrow();
            if (suffix == 0 || size == 0) {
                return new RangeRequest.Unsatisfiable();
            }
            return new RangeRequest.Part(Math.max(0, size - suffix), size - 1);
        }
        if (last.isPresent() && last.get() < first.get()) {
            return new RangeRequest.Whole();
        }
        if (first.get() >= size) {
            return new RangeRequest.Unsatisfiable();
        }
        return new RangeRequest.Part(first.get(), Math.min(last.orElse(Long.MAX_VALUE), size - 1));
    }

    /**
     * RFC 9110 §13.1.5: If-Range holds when it is the current entity tag compared strongly (a weak tag never
     * matches). A date never holds here: no Last-Modified is sent, so no date can be one this server gave.
     */
    private static boolean strongMatch(String ifRange, String etag) {
        return ifRange.startsWith("\"") && ifRange.equals(etag);
    }

    /** Digits as a number; more than a long holds are read as the largest long, which lies past any end. */
    private static Optional<Long> number(String digits) {
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return Optional.of(significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant));
    }
}
