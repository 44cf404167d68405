package dev.rehearsal.snapshot.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Optional;

/**
 * The data fingerprint of every user table of a database, sorted by table name, storable as JSON
 * to compare against later.
 *
 * @param dialect the engine the fingerprint was taken on ({@code sqlite}, {@code postgres}, {@code mariadb})
 * @since 0.1
 */
public record DatabaseFingerprint(String dialect, List<TableFingerprint> tables) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DatabaseFingerprint {
        tables = List.copyOf(tables);
    }

    /** The table of that name (exact, then case-insensitive), if fingerprinted. */
    public Optional<TableFingerprint> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst()
                .or(() -> tables.stream().filter(t -> t.table().equalsIgnoreCase(name)).findFirst());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fingerprint as JSON", e);
        }
    }

    /** Reads what {@link #toJson()} wrote. */
    public static DatabaseFingerprint fromJson(String json) {
        try {
            return JSON.readValue(json, DatabaseFingerprint.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a data fingerprint: " + e.getOriginalMessage(), e);
        }
    }
}
