package dev.rehearsal.report.model;

import java.util.List;
import java.util.Map;

/**
 * Where and when the proofs were made.
 *
 * @param startedAt the run's start, ISO-8601
 * @param generatedAt when this report was written, ISO-8601
 * @param engines every target the run met, with the version its server reported
 * @param fixtureRows rows loaded per fixture table; empty when unknown
 */
public record Environment(String rehearsalVersion, String javaVersion, String startedAt, String finishedAt,
        String generatedAt, List<Engine> engines, Map<String, Long> fixtureRows) {

    public Environment {
        engines = List.copyOf(engines);
        fixtureRows = Map.copyOf(fixtureRows);
    }

    /**
     * One target of one suite as the run found it.
     *
     * @param server where the server came from (configured URL, Testcontainers image, embedded release and its
     *     start-up time); null for SQLite and unreached servers
     */
    public record Engine(String suite, String target, String status, String serverVersion, String maskedUrl,
            String server) {
    }
}
