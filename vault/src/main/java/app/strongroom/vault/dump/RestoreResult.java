package app.strongroom.vault.dump;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a restore did: the rows COPY loaded per table (unquoted names, in the dump's order, as the manifest's row counts
 * name them) and how many SQL statements ran besides.
 */
public record RestoreResult(Map<String, Long> rows, int statements) {
    public RestoreResult {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }
}
