package app.strongroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobNameTest {
    @Test
    void eachJobIsFoundByTheNameOfItsJobXml() {
        for (JobName job : JobName.values()) {
            assertThat(JobName.of(job.xmlName())).contains(job);
        }
        assertThat(JobName.of("backup")).contains(JobName.BACKUP);
        assertThat(JobName.of("BACKUP")).as("names are the XML's, exactly").isEmpty();
        assertThat(JobName.of("")).isEmpty();
        assertThat(JobName.of(null)).isEmpty();
        assertThat(JobName.of("backup.xml")).isEmpty();
    }

    @Test
    void staffStartEveryJobButTheRestoreWhichItsOwnUseCaseStarts() {
        assertThat(JobName.values()).filteredOn(JobName::startableByStaff)
                .containsExactly(JobName.BACKUP, JobName.RETENTION, JobName.REPLICATION, JobName.DRILL);
        assertThat(JobName.RESTORE.startableByStaff()).isFalse();
    }

    @Test
    void everyStartableJobHasItsJobXmlInTheBatchModule() {
        Path jobs = Path.of("..", "batch", "src", "main", "resources", "META-INF", "batch-jobs");
        for (JobName job : JobName.values()) {
            if (job.startableByStaff()) {
                Path xml = jobs.resolve(job.xmlName() + ".xml");
                assertThat(xml).exists();
                assertThat(read(xml)).as(job + " is tracked for the console").contains("<listener ref=\"jobTracking\"/>")
                        .contains("id=\"" + job.xmlName() + "\"");
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
