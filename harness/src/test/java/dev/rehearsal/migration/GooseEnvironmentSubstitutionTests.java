package dev.rehearsal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** goose's {@code -- +goose ENVSUB ON}: substituted by goose's rules, refused where goose refuses, named by file:line:column. */
class GooseEnvironmentSubstitutionTests {
    private static final Path FILE = Path.of("00001_x.sql");
    private static final Map<String, String> ENV = Map.of("REGION", "eu_", "EMPTY", "", "COMMIT", "1adf998e39f6");

    private static String substitute(String text) {
        return GooseReader.substituteEnvironment(FILE, text, ENV::get);
    }

    @Test
    void variablesAreReplacedOnlyBetweenOnAndOff() {
        String text = "CREATE TABLE ${REGION}a (x int);\n-- +goose ENVSUB ON\n-- +goose Up\n"
                + "CREATE TABLE ${REGION}b (x int); -- $REGION\n-- keep $REGION and $1 in a comment line\n"
                + "-- +goose ENVSUB OFF\nCREATE TABLE ${REGION}c (x int);\n-- +goose envsub on\nSELECT '$REGION';";

        assertThat(substitute(text)).isEqualTo("CREATE TABLE ${REGION}a (x int);\n-- +goose ENVSUB ON\n-- +goose Up\n"
                + "CREATE TABLE eu_b (x int); -- eu_\n-- keep $REGION and $1 in a comment line\n"
                + "-- +goose ENVSUB OFF\nCREATE TABLE ${REGION}c (x int);\n-- +goose envsub on\nSELECT 'eu_';");
    }

    @Test
    void goosesExpansionRulesApply() {
        String on = "-- +goose ENVSUB ON\n";
        assertThat(substitute(on + "a${MISSING}b $MISSING|${REGION}x $REGION_x")).endsWith("\nab |eu_x ");
        assertThat(substitute(on + "${EMPTY:-d1} ${EMPTY-d2} ${MISSING-d3} ${MISSING:-${REGION-no}}"))
                .endsWith("\nd1  d3 eu_");
        assertThat(substitute(on + "$$ \\$REGION $${REGION} $(date) \\\\ 5$"))
                .endsWith("\n$ $REGION ${REGION} $(date) \\\\ 5$");
        assertThat(substitute(on + "${COMMIT:0:7} ${COMMIT: -4} ${COMMIT:7:-2} ${COMMIT:99} ${MISSING:1:2}|"))
                .endsWith("\n1adf998 39f6 e39  |");
        assertThat(substitute(on + "${REGION:-${NOPE?only checked when used}} ${REGION?set}")).endsWith("\neu_ eu_");
    }

    @Test
    void whatGooseRefusesIsBadInputAtItsColumn() {
        String on = "-- +goose ENVSUB ON\n-- +goose Up\n";
        assertRefused(on + "CREATE FUNCTION f(int) RETURNS int AS 'SELECT $1' LANGUAGE sql;",
                "00001_x.sql:3:47: '$1': after '-- +goose ENVSUB ON' a $ starts a variable");
        assertRefused(on + "SELECT 1;\nSELECT '${TABLE_PREFIX?the prefix of every table}';",
                "00001_x.sql:4:9: '${TABLE_PREFIX?the prefix of every table}': TABLE_PREFIX is not set (goose stops"
                        + " with \"$TABLE_PREFIX: the prefix of every table\"); set it in the environment");
        assertRefused(on + "SELECT '${REGION';", "00001_x.sql:3:9: '${REGION'' is no variable goose can substitute");
        assertRefused(on + "SELECT '${REGION:x}';", "00001_x.sql:3:9: the offset 'x' in '${REGION:x}';' is not a whole");
    }

    @Test
    void loadedMigrationsRunWithTheValueFromTheEnvironment(@TempDir Path dir) throws Exception {
        String home = System.getenv("HOME");
        assumeTrue(home != null && !home.contains("'"), "HOME is set and quotable");
        Files.writeString(dir.resolve("00001_seed.sql"), "-- +goose Up\nCREATE TABLE seen (v VARCHAR(200));\n"
                + "-- +goose ENVSUB ON\nINSERT INTO seen (v) VALUES ('${HOME}');\n-- +goose ENVSUB OFF\n"
                + "INSERT INTO seen (v) VALUES ('${HOME}');\n");
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            MigrationSet set = MigrationLoader.load(dir, db.target().dialect());
            new MigrationRunner(db.target(), set.migrations(), RunnerOptions.defaults()).up(null);

            assertThat(TestDatabases.firstColumn(db.target(), "select v from seen order by rowid"))
                    .containsExactly(home, "${HOME}");
            assertThat(set.migrations().get(0).checksum()).as("the checksum is the file's, not the values'")
                    .isEqualTo(MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).checksum());
        }
    }

    private static void assertRefused(String text, String messageStart) {
        assertThatThrownBy(() -> substitute(text)).isInstanceOfSatisfying(RehearsalException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_MIGRATION_FILE)).hasMessageStartingWith(messageStart);
    }
}
