package app.strongroom.web.api.v1;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the records, how many match in all, and the window asked for. */
@Schema(name = "Page")
public record ListJson<T>(List<T> items, long total, int first, int size) {
}
