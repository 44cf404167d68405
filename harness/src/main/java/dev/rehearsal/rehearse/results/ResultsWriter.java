package dev.rehearsal.rehearse.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@code rehearsal-results.json}. */
public final class ResultsWriter {
    /** The results file written into the report directory at the end of every run. */
    public static final String FILE = "rehearsal-results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {
    }

    /** @return the file written */
    public static Path write(RehearsalResults results, Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            JSON.writeValue(file.toFile(), results);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": check that the report directory is writable", e);
        }
    }

    public static RehearsalResults read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RehearsalResults.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
