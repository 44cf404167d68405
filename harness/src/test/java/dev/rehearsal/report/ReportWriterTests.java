package dev.rehearsal.report;

import static dev.rehearsal.report.ReportSamples.allPassed;
import static dev.rehearsal.report.ReportSamples.migration;
import static dev.rehearsal.report.ReportSamples.ran;
import static dev.rehearsal.report.ReportSamples.results;
import static dev.rehearsal.report.ReportSamples.skipped;
import static dev.rehearsal.report.ReportSamples.suite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private String html(Path file) throws IOException {
        return Files.readString(file);
    }

    static Set<ValidationMessage> validate(Path json) throws IOException {
        try (InputStream schema = ReportWriterTests.class.getResourceAsStream("/dev/rehearsal/report/report.schema.json")) {
            JsonSchema jsonSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return jsonSchema.validate(JSON.readTree(json.toFile()));
        }
    }

    @Test
    void writesTheHtmlAndJsonFilesAndReturnsTheHtml() {
        Path html = ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults());

        assertThat(html).isEqualTo(out.resolve("rehearsal-report.html")).isRegularFile();
        assertThat(out.resolve("rehearsal-report.json")).isRegularFile();
        assertThat(out.resolve("index.html")).doesNotExist();
    }

    @Test
    void markupInTableNamesAndMessagesIsEscaped() throws IOException {
        String page = html(ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults()));

        assertThat(page).doesNotContain("<img src=x").doesNotContain("<script>alert(2)</script>");
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").contains("&lt;script&gt;alert(2)&lt;/script&gt;");
        // the only script element is the report's own
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(1);
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String page = html(ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults()));

        assertThat(page).doesNotContainPattern("(?i)<link\\b").doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)(src|href)=\"https?:").doesNotContain("@import").doesNotContain("url(");
        assertThat(page).contains("<style>").contains("@media print").contains("beforeprint");
    }

    @Test
    void skippedPostgresAndMariaDbShowAVisibleSkippedVerdictWithTheirReasons() throws IOException {
        String page = html(ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults()));

        assertThat(page).contains("SKIPPED: 2 target runs did not happen. Nothing was proven there.");
        for (String[] skip : new String[][] {{"postgres", ReportSamples.POSTGRES_SKIP}, {"mariadb", ReportSamples.MARIADB_SKIP}}) {
            assertThat(page).containsPattern("<li><b>" + skip[0] + "</b> SKIPPED: <span class=\"skip-reason\">"
                    + Pattern.quote(skip[1]) + "</span>");
            assertThat(page).containsPattern("data-target=\"" + skip[0] + "\">\\s*<span class=\"chip-name\">" + skip[0]
                    + "</span>\\s*<span class=\"badge v-skipped\">SKIPPED</span>\\s*<span class=\"chip-reason\">"
                    + Pattern.quote(skip[1]));
        }
    }

    @Test
    void everyFailureShowsItsDiffOneLinePerDifference() throws IOException {
        String page = html(ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults()));

        assertThat(page).contains("id=\"f-s0-sqlite-20240102-rollback-schema\"");
        assertThat(page).contains("<span class=\"dl\">~ column users.email: type varchar(255) -&gt; varchar(80)</span>\n");
        assertThat(page).contains("<span class=\"dl\">row users(id=7): email &#39;a@example.org&#39; -&gt; &#39;a@exa&#39;</span>\n");
    }

    @Test
    void theJsonValidatesAgainstThePublishedSchema() throws IOException {
        ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults()
                .withEvidence(List.of(new ProofEvidence(null, "sqlite", "20240101", Proof.FAULT_DRILLS, Verdict.PASSED,
                        null, null, 120, 5000L)))
                .withFixtureRows(java.util.Map.of("users", 10_000L)));

        assertThat(validate(out.resolve("rehearsal-report.json"))).isEmpty();
        JsonNode json = JSON.readTree(out.resolve("rehearsal-report.json").toFile());
        assertThat(json.get("reportFormat").asInt()).isEqualTo(1);
        assertThat(json.get("readiness").asText()).isEqualTo("NOT_READY");
        assertThat(json.at("/suites/0/targets/1/readiness").asText()).isEqualTo("SKIPPED");
        assertThat(json.at("/suites/0/targets/1/reason").asText()).isEqualTo(ReportSamples.POSTGRES_SKIP);
    }

    @Test
    void theSchemaRejectsAReportThatBreaksIt() throws IOException {
        ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults());
        Path json = out.resolve("rehearsal-report.json");
        Files.writeString(json, Files.readString(json).replace("\"NOT_READY\"", "\"ALMOST\""));

        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void severalSuitesGetAnIndexPageLinkingIntoTheReport() throws IOException {
        var results = results(suite("billing", ran("sqlite", TargetStatus.PASSED, List.of(migration("1", "a", allPassed())))),
                suite("accounts", skipped("postgres", "no server")));

        ReportWriter.write(results, out, ReportOptions.defaults());

        String index = html(out.resolve("index.html"));
        assertThat(index).contains("href=\"rehearsal-report.html#suite-0\">billing</a>")
                .contains("href=\"rehearsal-report.html#suite-1\">accounts</a>");
        assertThat(index).contains("<span class=\"badge v-skipped\">SKIPPED</span>");
        assertThat(html(out.resolve("rehearsal-report.html"))).contains("id=\"suite-1\"");
    }

    @Test
    void findingsAndTimingsAppearForASetOnDisk(@TempDir Path root) throws IOException {
        Path migrations = Files.createDirectories(root.resolve("db/migrations"));
        Files.writeString(migrations.resolve("1_users.up.sql"), "CREATE TABLE users (id INT);\nDROP TABLE legacy;\n");
        Files.writeString(migrations.resolve("1_users.down.sql"), "DROP TABLE users;\n");
        var results = results(new dev.rehearsal.rehearse.results.SuiteResult("d", "users", "db/migrations", null,
                List.of(ran("sqlite", TargetStatus.PASSED, List.of(migration("1", "users", allPassed()))))));

        String page = html(ReportWriter.write(results, out, ReportOptions.defaults().withMigrationsRoot(root)));

        assertThat(page).contains("<td class=\"mono\">1_users.up.sql:2</td>").contains("the up script drops a table");
        assertThat(page).contains("<svg class=\"chart\"").contains("<title>up 12 ms</title>");
    }
}
