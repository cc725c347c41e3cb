package app.strongroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingOutputStreamTest {
    @Test
    void everyByteIsPassedOnAndReportedOnceInStepsThenTheRestOnClose() throws IOException {
        List<Long> reports = new ArrayList<>();
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        try (CountingOutputStream out = new CountingOutputStream(target, recorder(reports))) {
            for (int i = 0; i < 9; i++) {
                out.write(chunk, 0, chunk.length);
            }
            out.write(7);
        }
        long written = 9L * chunk.length + 1;
        assertThat(target.size()).isEqualTo(written);
        assertThat(reports).containsExactly(4L << 20, 4L << 20, (1L << 20) + 1);
        assertThat(reports.stream().mapToLong(Long::longValue).sum()).isEqualTo(written);
    }

    @Test
    void nothingWrittenIsNothingReported() throws IOException {
        List<Long> reports = new ArrayList<>();
        new CountingOutputStream(new ByteArrayOutputStream(), recorder(reports)).close();
        assertThat(reports).isEmpty();
    }

    private static ProgressSink recorder(List<Long> reports) {
        return new ProgressSink() {
            @Override
            public void expect(long units) {
                throw new AssertionError("a stream knows nothing of units");
            }

            @Override
            public void advance(long units, long bytes) {
                assertThat(units).isZero();
                reports.add(bytes);
            }
        };
    }
}
