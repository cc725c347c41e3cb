package app.strongroom.vault.format;

import app.strongroom.vault.VaultException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what the backup holds and how to check it. Written last, so it can name the size and SHA-256
 * of every other entry; row counts come from the same snapshot as the data.
 */
public record Manifest(String strongroomVersion, int schemaVersion, String postgresVersion, String subject,
                       String subjectName, String backupId, Instant createdAt, Map<String, Long> rowCounts,
                       List<Entry> entries) {
    public static final String FORMAT = "strongroom-backup/1";
    public static final String NAME = "manifest.json";

    public Manifest {
        rowCounts = Map.copyOf(rowCounts);
        entries = List.copyOf(entries);
    }

    /** One zip entry: its name, its size in bytes and the SHA-256 of its content, hex. */
    public record Entry(String name, long size, String sha256) {
    }

    public Manifest withEntries(List<Entry> written) {
        return new Manifest(strongroomVersion, schemaVersion, postgresVersion, subject, subjectName, backupId, createdAt,
                rowCounts, written);
    }

    public byte[] toJson() {
        JsonObjectBuilder rows = Json.createObjectBuilder();
        new java.util.TreeMap<>(rowCounts).forEach(rows::add);
        JsonArrayBuilder files = Json.createArrayBuilder();
        entries.forEach(e -> files.add(Json.createObjectBuilder().add("name", e.name()).add("size", e.size())
                .add("sha256", e.sha256())));
        JsonObject o = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("strongroomVersion", strongroomVersion)
                .add("schemaVersion", schemaVersion)
                .add("postgresVersion", postgresVersion)
                .add("subject", subject)
                .add("subjectName", subjectName)
                .add("backupId", backupId)
                .add("createdAt", createdAt.toString())
                .add("rowCounts", rows)
                .add("entries", files)
                .build();
        StringWriter out = new StringWriter();
        JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        pretty.createWriter(out).writeObject(o);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Manifest fromJson(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            JsonObject o = reader.readObject();
            if (!FORMAT.equals(o.getString("format", ""))) {
                throw new VaultException("the manifest is of an unknown format: " + o.getString("format", "none"));
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            o.getJsonObject("rowCounts").forEach((table, count) -> rows.put(table, ((jakarta.json.JsonNumber) count)
                    .longValueExact()));
            List<Entry> entries = o.getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                    .map(e -> new Entry(e.getString("name"), e.getJsonNumber("size").longValueExact(),
                            e.getString("sha256"))).toList();
            return new Manifest(o.getString("strongroomVersion"), o.getInt("schemaVersion"),
                    o.getString("postgresVersion"), o.getString("subject"), o.getString("subjectName"),
                    o.getString("backupId"), Instant.parse(o.getString("createdAt")), rows, entries);
        } catch (VaultException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VaultException("the manifest is damaged: " + e.getMessage(), e);
        }
    }
}
