package app.strongroom.web.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangesTest {
    private static final String TAG = "\"3f1c-ab12\"";
    private static final long SIZE = 10_000;

    private static RangeRequest read(String range) {
        return ByteRanges.read(range, null, TAG, SIZE);
    }

    @Test
    void oneRangeInEachOfItsThreeFormsIsAPart() {
        assertThat(read("bytes=0-499")).isEqualTo(new RangeRequest.Part(0, 499));
        assertThat(read("bytes=9500-")).isEqualTo(new RangeRequest.Part(9500, 9999));
        assertThat(read("bytes=-500")).isEqualTo(new RangeRequest.Part(9500, 9999));
        assertThat(read("bytes=5-5")).isEqualTo(new RangeRequest.Part(5, 5));
        assertThat(((RangeRequest.Part) read("bytes=5-5")).length()).isEqualTo(1);
        assertThat(read("BYTES = 100-199 ")).as("the unit is case-insensitive; spaces around the range are allowed")
                .isEqualTo(new RangeRequest.Part(100, 199));
    }

    @Test
    void aRangeReachingPastTheEndEndsAtTheLastByte() {
        assertThat(read("bytes=9000-20000")).isEqualTo(new RangeRequest.Part(9000, 9999));
        assertThat(read("bytes=-20000")).as("a suffix longer than the whole is the whole, as a part")
                .isEqualTo(new RangeRequest.Part(0, 9999));
        assertThat(read("bytes=0-99999999999999999999999")).as("more digits than a long holds")
                .isEqualTo(new RangeRequest.Part(0, 9999));
        assertThat(read("bytes=0009-0010")).isEqualTo(new RangeRequest.Part(9, 10));
    }

    @Test
    void aRangeStartingAtOrPastTheEndIsUnsatisfiable() {
        assertThat(read("bytes=10000-")).isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(read("bytes=10000-10005")).isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(read("bytes=99999999999999999999999-")).isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(read("bytes=-0")).as("a suffix of no bytes").isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(read("bytes=9999-")).isEqualTo(new RangeRequest.Part(9999, 9999));
    }

    @Test
    void aHeaderTheServerCannotUseIsIgnoredAndTheWholeIsSent() {
        for (String ignored : new String[] {"bytes=", "bytes=-", "bytes=abc-", "bytes=1-a", "bytes=5", "bytes 0-5",
                "bytes=500-100", "items=0-5", "bytes=0-5,10-20", "bytes=-5,-6", "=0-5", "bytes=+1-5", "bytes=1--5",
                "bytes=0x10-0x20", ""}) {
            assertThat(read(ignored)).as(ignored).isInstanceOf(RangeRequest.Whole.class);
        }
        assertThat(read(null)).isInstanceOf(RangeRequest.Whole.class);
    }

    @Test
    void ifRangeHoldsOnlyForTheCurrentStrongTag() {
        assertThat(ByteRanges.read("bytes=100-", TAG, TAG, SIZE)).isEqualTo(new RangeRequest.Part(100, 9999));
        assertThat(ByteRanges.read("bytes=100-", " " + TAG + " ", TAG, SIZE)).isEqualTo(new RangeRequest.Part(100, 9999));
        assertThat(ByteRanges.read("bytes=100-", "\"an-older-one\"", TAG, SIZE)).as("stale")
                .isInstanceOf(RangeRequest.Whole.class);
        assertThat(ByteRanges.read("bytes=100-", "W/" + TAG, TAG, SIZE)).as("weak tags never match")
                .isInstanceOf(RangeRequest.Whole.class);
        assertThat(ByteRanges.read("bytes=100-", "Tue, 15 Nov 1994 08:12:31 GMT", TAG, SIZE))
                .as("a date: no Last-Modified was ever sent").isInstanceOf(RangeRequest.Whole.class);
        assertThat(ByteRanges.read(null, "\"an-older-one\"", TAG, SIZE)).as("If-Range without Range is ignored")
                .isInstanceOf(RangeRequest.Whole.class);
        assertThat(ByteRanges.read("bytes=20000-", "\"an-older-one\"", TAG, SIZE))
                .as("a stale If-Range sends the whole, even for a range past the end")
                .isInstanceOf(RangeRequest.Whole.class);
    }
}
