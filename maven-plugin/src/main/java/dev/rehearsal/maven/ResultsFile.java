package dev.rehearsal.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Counts the steps in the engine's {@code rehearsal-results.json}. Read as a tree, by the documented
 * field names (which are only ever added to), so the plugin does not depend on the engine's classes.
 */
final class ResultsFile {
    private ResultsFile() {
    }

    /** @param ran steps that were not skipped */
    record Counts(int total, int ran, int failed) {
        Counts plus(JsonNode step) {
            String verdict = step.path("verdict").asText();
            return new Counts(total + 1, ran + (verdict.equals("SKIPPED") ? 0 : 1), failed + (verdict.equals("FAILED") ? 1 : 0));
        }
    }

    static Counts count(Path file) throws IOException {
        Counts counts = new Counts(0, 0, 0);
        for (JsonNode suite : new ObjectMapper().readTree(file.toFile()).path("suites")) {
            for (JsonNode target : suite.path("targets")) {
                for (JsonNode migration : target.path("migrations")) {
                    for (JsonNode step : migration.path("steps")) {
                        counts = counts.plus(step);
                    }
                }
                for (JsonNode step : target.path("setSteps")) {
                    counts = counts.plus(step);
                }
            }
        }
        return counts;
    }
}
