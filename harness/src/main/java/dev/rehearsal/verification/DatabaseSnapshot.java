package dev.rehearsal.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.FingerprintDiffer;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.schema.SchemaDiffer;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Set;

/**
 * A whole database at one moment: its schema and its data fingerprint, as one JSON document, so
 * two states can be compared later (the {@code snapshot} and {@code diff} commands).
 *
 * @since 0.1
 */
public record DatabaseSnapshot(SchemaSnapshot schema, DatabaseFingerprint data) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param excludedTables left out of both parts, case-insensitive ({@code rehearsal_*} always is) */
    public static DatabaseSnapshot take(Connection c, Dialect d, Set<String> excludedTables) {
        return new DatabaseSnapshot(SchemaReader.read(c, d, excludedTables),
                Fingerprinter.fingerprint(c, d, excludedTables));
    }

    /** Schema differences first, then data ones. */
    public static Diff compare(DatabaseSnapshot before, DatabaseSnapshot after, String beforeLabel,
            String afterLabel) {
        return SchemaDiffer.compare(before.schema, after.schema, beforeLabel, afterLabel)
                .plus(FingerprintDiffer.compare(before.data, after.data, beforeLabel, afterLabel));
    }

    /** {@code {"schema": ..., "data": ...}}, each part as its own {@code toJson()} writes it. */
    public String toJson() {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.set("schema", JSON.readTree(schema.toJson()));
            root.set("data", JSON.readTree(data.toJson()));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot always serializes", e);
        }
    }

    /** Reads a file {@link #toJson()} wrote. */
    public static DatabaseSnapshot read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.has("schema") || !root.has("data")) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, file + ": not a Rehearsal snapshot (no schema and"
                        + " data); pass a file written by rehearsal snapshot --out");
            }
            return new DatabaseSnapshot(SchemaSnapshot.fromJson(root.get("schema").toString()),
                    DatabaseFingerprint.fromJson(root.get("data").toString()));
        } catch (JsonProcessingException e) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not valid JSON (" + e.getOriginalMessage()
                    + "); pass a file written by rehearsal snapshot --out", e);
        } catch (IllegalArgumentException e) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, file + ": " + e.getMessage()
                    + "; pass a file written by rehearsal snapshot --out", e);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot read snapshot " + file + ": " + e
                    + "; check the path", e);
        }
    }
}
