package app.strongroom.batch.sites;

import app.strongroom.batch.Partitions;
import app.strongroom.sites.SiteRegistry;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/** One partition per site (every site, or those named), all at once: a slow or dead site holds up no other. */
@Named
@Dependent
public class SitePartitions implements PartitionMapper {
    @Inject
    @BatchProperty
    String sites;
    @Inject
    SiteRegistry registry;
    @Inject
    JobContext job;

    @Override
    public PartitionPlan mapPartitions() {
        List<String> names = sites != null && !sites.isBlank()
                ? Arrays.stream(sites.split(",")).map(String::strip).filter(s -> registry.find(s).isPresent()).toList()
                : registry.names();
        return Partitions.of(names, "site", names.size(), job.getExecutionId());
    }
}
