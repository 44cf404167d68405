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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a backup holds and how to check it, written as JSON beside the backup file. The JSON carries
 * its own digest ({@code manifestDigest}, SHA-256 of its other fields, which include the backup
 * file's SHA-256): a manifest edited by hand, or damaged, no longer matches it. The digest has no
 * secret key: whoever can write the backup directory can rewrite a backup and re-digest its
 * manifest, which is why a directory that others can write is refused.
 *
 * @param sourceUrl the database the backup was taken of, password masked
 * @param engine {@code sqlite}, {@code postgres} or {@code mariadb}
 * @param serverVersion the engine's version as the server reported it
 * @param sizeBytes the backup file's size
 * @param sha256 the backup file's SHA-256, hex
 * @param excludedTables the tables left out of {@code state} (Rehearsal's own; the file still holds them)
 * @param state the schema snapshot and data fingerprint at backup time
 * @param lastMigration the newest applied migration version then; null when none or no history
 * @param unfinishedMigrations the migrations the history said were failed or interrupted then
 *     ({@code "3 failed"}, {@code "4 interrupted"}); empty when none. {@code restore latest} skips
 *     such a backup unless asked
 * @param contentDigests what the restore checks inside its transaction before it commits, where the
 *     engine can (PostgreSQL: rows and a hash per table, taken in the dump's own snapshot); empty
 *     elsewhere
 * @param integrityProblem why the manifest as read cannot be trusted (edited, damaged, or too old
 *     to carry a digest); null when its digest matches, and always null for a manifest being written
 * @since 0.1
 */
public record BackupManifest(int formatVersion, String sourceUrl, String engine, String serverVersion, Instant createdAt,
        long sizeBytes, String sha256, List<String> excludedTables, DatabaseSnapshot state, String lastMigration,
        List<String> unfinishedMigrations, SortedMap<String, String> contentDigests, String integrityProblem) {
    /** Bumped when fields change meaning; an older Rehearsal refuses a newer manifest. 2: the self-digest. */
    public static final int FORMAT_VERSION = 2;
    static final String SUFFIX = ".manifest.json";
    private static final String DIGEST_FIELD = "manifestDigest";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    public BackupManifest {
        excludedTables = List.copyOf(excludedTables);
        unfinishedMigrations = List.copyOf(unfinishedMigrations);
        contentDigests = new TreeMap<>(contentDigests);
    }

    public SchemaSnapshot schema() {
        return state.schema();
    }

    public DatabaseFingerprint data() {
        return state.data();
    }

    /** Whether the history had a failed or interrupted migration when the backup was taken. */
    public boolean hasUnfinishedMigration() {
        return !unfinishedMigrations.isEmpty();
    }

    /** The JSON, with the digest of everything else in it. */
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
            ArrayNode unfinished = root.putArray("unfinishedMigrations");
            unfinishedMigrations.forEach(unfinished::add);
            ArrayNode excluded = root.putArray("excludedTables");
            excludedTables.forEach(excluded::add);
            root.put("dataChecksum", DataChecksum.of(data()));
            ObjectNode digests = root.putObject("contentDigests");
            contentDigests.forEach(digests::put);
            root.set("schema", JSON.readTree(schema().toJson()));
            root.set("data", JSON.readTree(data().toJson()));
            // Digest the tree as it will be read back, so writing and reading agree on every number.
            ObjectNode written = (ObjectNode) JSON.readTree(JSON.writeValueAsString(root));
            written.put(DIGEST_FIELD, digestOf(written));
            return JSON.writeValueAsString(written);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serializes", e);
        }
    }

    /**
     * Reads a manifest. One whose digest does not match is still returned, with {@link #integrityProblem()}
     * saying why, so that {@code verify} can report it next to the other checks.
     *
     * @throws IllegalArgumentException when the text is not a manifest this Rehearsal reads
     */
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
            List<String> unfinished = new ArrayList<>();
            root.path("unfinishedMigrations").forEach(n -> unfinished.add(n.asText()));
            SortedMap<String, String> digests = new TreeMap<>();
            root.path("contentDigests").fields().forEachRemaining(e -> digests.put(e.getKey(), e.getValue().asText()));
            DatabaseSnapshot state = new DatabaseSnapshot(SchemaSnapshot.fromJson(root.get("schema").toString()),
                    DatabaseFingerprint.fromJson(root.get("data").toString()));
            return new BackupManifest(format, root.path("sourceUrl").asText(), root.path("engine").asText(),
                    root.path("serverVersion").asText(), Instant.parse(root.path("createdAt").asText()),
                    root.path("sizeBytes").asLong(), root.get("sha256").asText(), excluded, state,
                    root.path("lastMigration").isNull() ? null : root.path("lastMigration").asText(null), unfinished,
                    digests, integrityProblem((ObjectNode) root, state));
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

    private static String integrityProblem(ObjectNode root, DatabaseSnapshot state) throws JsonProcessingException {
        JsonNode recorded = root.remove(DIGEST_FIELD);
        if (recorded == null) {
            return "the manifest has no " + DIGEST_FIELD + " (written before manifest format " + FORMAT_VERSION
                    + ", or the field was removed), so an edit to it cannot be detected; take a new backup";
        }
        String digest = digestOf(root);
        if (!digest.equals(recorded.asText())) {
            return "the manifest was edited or damaged after the backup: its content digests to " + digest
                    + ", its " + DIGEST_FIELD + " says " + recorded.asText();
        }
        String checksum = root.path("dataChecksum").asText();
        if (!checksum.equals(DataChecksum.of(state.data()))) {
            return "the manifest's dataChecksum " + checksum + " is not the checksum of its own data fingerprint ("
                    + DataChecksum.of(state.data()) + ")";
        }
        return null;
    }

    /** SHA-256 of the compact JSON of {@code root} (without the digest field), as {@code sha256:<hex>}. */
    private static String digestOf(ObjectNode root) throws JsonProcessingException {
        return "sha256:" + DataChecksum.sha256(COMPACT.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
    }
}
