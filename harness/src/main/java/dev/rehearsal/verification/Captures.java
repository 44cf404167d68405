package dev.rehearsal.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.snapshot.data.TableFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pre-migration state a suite captured: per capture name, the table's fingerprint (which
 * holds its row count). Storable as JSON, so a capture taken before a real migration can be
 * checked against after it.
 *
 * @since 0.1
 */
public record Captures(Map<String, TableFingerprint> tables) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Captures {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** No captures: for suites without {@code pre}. */
    public static Captures none() {
        return new Captures(Map.of());
    }

    public Optional<TableFingerprint> get(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("captures always serialize", e);
        }
    }

    /** Reads a file written from {@link #toJson()}. */
    public static Captures read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Captures.class);
        } catch (JsonProcessingException e) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not a captures file (" + e.getOriginalMessage()
                    + "); pass the file written by verify --capture-pre --out", e);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot read captures file " + file + ": " + e
                    + "; check the path", e);
        }
    }
}
