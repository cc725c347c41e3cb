package app.strongroom.web.api.staff;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of executions, newest first. */
@Schema(name = "ExecutionList")
public record ExecutionListJson(@Schema(description = "Newest first") List<ExecutionJson> executions,
                                @Schema(description = "How many executions there are in all (of the job asked for)")
                                long total,
                                @Schema(description = "Position of the first one in the whole list, from 0") int first,
                                @Schema(description = "How many were asked for") int count) {
}
