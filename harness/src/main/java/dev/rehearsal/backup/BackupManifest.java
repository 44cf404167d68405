package dev.rehearsal.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup holds and how to check it, written as JSON beside the backup file.
 *
 * @param sourceUrl the database the backup was taken of, password masked
 * @param engine {@code sqlite}, {@code postgres} or {@code mariadb}
 * @param serverVersion the engine's version as the server reported it
 * @param sizeBytes the backup file's size
 * @param sha256 the backup file's SHA-256, hex
 * @param excludedTables the tables left out of {@code state} (Rehearsal's own; the file still holds them)
 * @param state the schema snapshot and data fingerprint at backup time
 * @param lastMigration the newest applied migration version then; null when none or no history
 * @since 0.1
 */
public record BackupManifest(int formatVersion, String sourceUrl, String engine, String serverVersion, Instant createdAt,
        long sizeBytes, String sha256, List<String> excludedTables, DatabaseSnapshot state, String lastMigration) {
    /** Bumped when fields change meaning; an older Rehearsal refuses a newer manifest. */
    public static final int FORMAT_VERSION = 1;
    static final String SUFFIX = ".manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BackupManifest {
        excludedTables = List.copyOf(excludedTables);
    }

    public SchemaSnapshot schema() {
        return state.schema();
    }

    public DatabaseFingerprint data() {
        return state.data();
    }

    public String toJson() {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("formatVersion", formatVersion);
            root.put("sourceUrl", sourceUrl);
            root.put("engine", engine);
            root.put("serverVersion", serverVersion);
            root.put("createdAt", createdAt.toString());
            root.put("sizeBytes", sizeBytes);
            root.put("sha256", sha256);
            root.put("lastMigration", lastMigration);
            ArrayNode excluded = root.putArray("excludedTables");
            excludedTables.forEach(excluded::add);
            root.put("dataChecksum", DataChecksum.of(data()));
            root.set("schema", JSON.readTree(schema().toJson()));
            root.set("data", JSON.readTree(data().toJson()));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serializes", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a manifest this Rehearsal reads */
    public static BackupManifest fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject() || !root.has("sha256") || !root.has("schema") || !root.has("data")) {
                throw new IllegalArgumentException("not a backup manifest (no sha256, schema and data)");
            }
            int format = root.path("formatVersion").asInt(0);
            if (format > FORMAT_VERSION) {
                throw new IllegalArgumentException("manifest format " + format + " is newer than this Rehearsal reads ("
                        + FORMAT_VERSION + "); upgrade Rehearsal");
            }
            List<String> excluded = new ArrayList<>();
            root.path("excludedTables").forEach(n -> excluded.add(n.asText()));
            DatabaseSnapshot state = new DatabaseSnapshot(SchemaSnapshot.fromJson(root.get("schema").toString()),
                    DatabaseFingerprint.fromJson(root.get("data").toString()));
            return new BackupManifest(format, root.path("sourceUrl").asText(), root.path("engine").asText(),
                    root.path("serverVersion").asText(), Instant.parse(root.path("createdAt").asText()),
                    root.path("sizeBytes").asLong(), root.get("sha256").asText(), excluded, state,
                    root.path("lastMigration").isNull() ? null : root.path("lastMigration").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("not a backup manifest: " + e.getMessage(), e);
        }
    }
}
