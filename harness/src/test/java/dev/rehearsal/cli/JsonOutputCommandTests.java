package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.testing.TestDatabases;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --json} on status, validate, up and down: standard output is one document that parses, is
 * valid against the published schema and carries the facts; progress and warnings go to standard
 * error. Also: {@code status} exits 1 when a migration needs repair.
 */
class JsonOutputCommandTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAGS_DOWN = "20240102000000_tags.down.sql";

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20240101000000_images.up.sql"),
                "create table images (id integer primary key, path varchar(200));\n");
        Files.writeString(migrations.resolve("20240101000000_images.down.sql"), "drop table images;\n");
        Files.writeString(migrations.resolve("20240102000000_tags.up.sql"),
                "create table tags (id integer primary key, name varchar(50));\n");
        Files.writeString(migrations.resolve(TAGS_DOWN), "drop table tags;\n");
        return migrations;
    }

    /** Runs the CLI with {@code --json}; asserts the whole of standard output is one schema-valid document. */
    private static JsonNode json(CliRun run) throws Exception {
        JsonNode document = JSON.readTree(run.out());
        try (InputStream schema = JsonOutput.class.getResourceAsStream("cli-output.schema.json")) {
            JsonSchema jsonSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            assertThat(jsonSchema.validate(document)).as(run.toString()).isEmpty();
        }
        assertThat(document.get("exitCode").asInt()).as("the document's exit code is the process's")
                .isEqualTo(run.exitCode());
        return document;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(field == null ? node.asText() : node.get(field).asText()));
        return values;
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void upStatusValidateAndDownPrintDocumentsThatCarryTheFacts(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            Path migrations = migrations();
            String[] common = {"--url", url, "--migrations", migrations.toString()};
            String backups = dir.resolve("backups").toString();

            CliRun up = CliRun.of(args("up", common, "--json", "--backup-dir", backups));
            JsonNode applied = json(up);
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(applied.get("command").asText()).isEqualTo("up");
            assertThat(applied.get("target").asText()).isEqualTo(db.target().displayUrl());
            assertThat(texts(applied.get("executed"), "version")).containsExactly("20240101000000", "20240102000000");
            assertThat(texts(applied.get("executed"), "direction")).containsOnly("up");
            assertThat(applied.get("executed").get(0).get("transactional").asBoolean()).isEqualTo(!engine.equals("mariadb"));
            assertThat(up.err()).contains("applied     20240102000000 tags");

            Files.writeString(migrations.resolve(TAGS_DOWN), "drop table if exists tags;\n");

            CliRun status = CliRun.of(args("status", common, "--json"));
            JsonNode listed = json(status);
            assertThat(status.exitCode()).isZero();
            assertThat(texts(listed.get("migrations"), "state")).containsExactly("applied", "applied");
            assertThat(listed.get("migrations").get(1).get("hasRollback").asBoolean()).isTrue();
            assertThat(listed.get("migrations").get(1).get("appliedAt").asText()).isNotEmpty();
            assertThat(texts(listed.get("warnings"), null)).singleElement().asString()
                    .contains("down script of migration 20240102000000 changed", TAGS_DOWN);
            assertThat(listed.get("needsRepair")).isEmpty();

            CliRun validate = CliRun.of(args("validate", common, "--json"));
            JsonNode checked = json(validate);
            assertThat(checked.get("valid").asBoolean()).isTrue();
            assertThat(checked.get("problems")).isEmpty();
            assertThat(checked.get("warnings")).hasSize(1);

            CliRun down = CliRun.of(args("down", common, "--json", "--backup-dir", backups));
            JsonNode rolledBack = json(down);
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(texts(rolledBack.get("executed"), "version")).containsExactly("20240102000000");
            assertThat(texts(rolledBack.get("executed"), "direction")).containsExactly("down");
            assertThat(texts(rolledBack.get("warnings"), null)).singleElement().asString().contains(TAGS_DOWN);
            assertThat(down.err()).contains("WARNING: the down script of migration 20240102000000 changed");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aRefusedRunIsAFailureDocumentAndStatusExitsOneWhenRepairIsNeeded(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            Path migrations = migrations();
            String[] common = {"--url", url, "--migrations", migrations.toString()};
            String backups = dir.resolve("backups").toString();
            assertThat(CliRun.of(args("up", common, "--to", "20240101000000", "--backup-dir", backups)).exitCode()).isZero();

            Files.writeString(migrations.resolve("20240101000000_images.up.sql"),
                    "create table images (id integer primary key, path varchar(300));\n");
            CliRun refused = CliRun.of(args("up", common, "--json", "--backup-dir", backups));
            JsonNode failure = json(refused);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(failure.get("error").get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(failure.get("error").get("message").asText())
                    .contains("20240101000000_images.up.sql changed (up checksum now ");
            assertThat(json(CliRun.of(args("validate", common, "--json"))).get("valid").asBoolean()).isFalse();

            SchemaHistory history = new SchemaHistory(db.target().dialect(), SchemaHistory.DEFAULT_TABLE);
            try (Connection c = db.target().connect()) {
                history.write(c, new HistoryRow(MigrationVersion.parse("20240102000000"), "tags", "0".repeat(64),
                        "0".repeat(64), null, Instant.now(), 1, 2, HistoryStatus.FAILED, "test", 1, "boom"));
            }
            CliRun status = CliRun.of(args("status", common));
            assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
            assertThat(status.out()).contains("NEEDS REPAIR: migration 20240102000000 tags failed part-way");
            CliRun statusJson = CliRun.of(args("status", common, "--json"));
            JsonNode needsRepair = json(statusJson);
            assertThat(statusJson.exitCode()).isEqualTo(1);
            assertThat(texts(needsRepair.get("needsRepair"), null)).singleElement().asString()
                    .contains("migration 20240102000000 tags failed part-way");
            assertThat(texts(needsRepair.get("migrations"), "state")).containsExactly("applied", "failed");
        }
    }

    private static String[] args(String command, String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
