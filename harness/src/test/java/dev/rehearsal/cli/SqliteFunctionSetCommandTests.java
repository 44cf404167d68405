package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code realistic-sets/sqlite-functions} through the CLI: the function the set declares is registered on
 * the connections of {@code rehearse}, {@code up}/{@code down} and the drills; undeclared, the failure names
 * the option; a declared class that is missing is bad input (exit 2, file:line, nothing changed).
 */
class SqliteFunctionSetCommandTests {
    private static final List<String> MIGRATIONS = List.of("1_create_posts.up.sql", "1_create_posts.down.sql",
            "2_add_slugs.up.sql", "2_add_slugs.down.sql");

    @TempDir
    Path dir;

    private final String declared = RealisticSetsCommandTests.set("sqlite-functions").toString();

    @Test
    void rehearseRegistersTheDeclaredFunction() {
        CliRun run = CliRun.of("rehearse", "--migrations", declared, "--out", dir.toString(), "--targets", "sqlite");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("10 passed, 0 warnings, 0 failed, 0 skipped").contains("READY");
    }

    @Test
    void upAndDownRegisterTheDeclaredFunction() throws SQLException {
        Path db = dir.resolve("posts.db");
        assertThat(CliRun.of("up", "--url", db.toString(), "--migrations", declared, "--to", "1").exitCode()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("insert into posts (title) values ('Hello, World!')");
        }

        CliRun up = CliRun.of("up", "--url", db.toString(), "--migrations", declared);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select slug from posts")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("hello-world");
        }
        CliRun down = CliRun.of("down", "--url", db.toString(), "--migrations", declared);
        assertThat(down.exitCode()).as(down.toString()).isZero();

        CliRun drill = CliRun.of("drill", "rollback", "--url", dir.resolve("drill.db").toString(), "--migrations",
                declared, "--migration", "2");
        assertThat(drill.exitCode()).as(drill.toString()).isZero();
    }

    @Test
    void undeclaredFunctionFailsWithTheOptionNamed() throws IOException {
        Path migrations = copyWithout(dir.resolve("undeclared"));

        CliRun up = CliRun.of("up", "--url", dir.resolve("posts.db").toString(), "--migrations", migrations.toString());

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
        assertThat(up.err()).contains("2_add_slugs.up.sql:3:1").contains("no such function: slugify")
                .contains("functions: [{name: slugify, class: com.example.YourFunction}]");
        CliRun rehearse = CliRun.of("rehearse", "--migrations", migrations.toString(), "--out",
                dir.resolve("out").toString(), "--targets", "sqlite");
        assertThat(rehearse.exitCode()).as(rehearse.toString()).isEqualTo(1);
        assertThat(rehearse.out()).contains("4 passed, 0 warnings, 3 failed, 3 skipped")
                .contains("declare it in the set's rehearsal.yaml");
    }

    @Test
    void missingFunctionClassIsBadInputAndChangesNothing() throws IOException {
        Path migrations = copyWithout(dir.resolve("missing"));
        Files.writeString(migrations.resolve("rehearsal.yaml"),
                "functions:\n  - name: slugify\n    class: com.example.Slugify\n");
        Path db = dir.resolve("posts.db");

        CliRun up = CliRun.of("up", "--url", db.toString(), "--migrations", migrations.toString());

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains(migrations.resolve("rehearsal.yaml") + ":2:5")
                .contains("class com.example.Slugify is not on the class path");
        assertThat(db).doesNotExist();
        CliRun rehearse = CliRun.of("rehearse", "--migrations", migrations.toString(), "--out",
                dir.resolve("out").toString(), "--targets", "sqlite");
        assertThat(rehearse.exitCode()).as(rehearse.toString()).isEqualTo(2);
        assertThat(rehearse.err()).contains("rehearsal.yaml:2:5");
    }

    private static Path copyWithout(Path copy) throws IOException {
        Files.createDirectories(copy);
        for (String file : MIGRATIONS) {
            Files.copy(RealisticSetsCommandTests.set("sqlite-functions").resolve(file), copy.resolve(file));
        }
        return copy;
    }
}
