package dev.rehearsal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.rehearse.plan.Step;
import dev.rehearsal.rehearse.plan.Declarations;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reading of the target run's database is reused only while nothing could have changed the database. */
class TargetRunTests {

    private static Path set(String name) {
        try {
            return Path.of(TargetRunTests.class.getResource("/engine/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TargetRun run(String migrations, String fixtures) {
        MigrationSet set = MigrationLoader.load(set(migrations), Dialects.SQLITE);
        SuiteResources resources = SuiteResources.load(fixtures == null ? null : set(fixtures), null);
        // No generated rows: only the fixtures (when given) reach the database between migrations.
        return new TargetRun(TargetKind.SQLITE, null, set, Declarations.none(), resources, false, 0);
    }

    private static long docs(DatabaseState state) {
        return state.data().tables().stream().filter(t -> t.table().equals("docs")).findFirst().orElseThrow().rowCount();
    }

    /** Rehearses the first migration through its redo; the reading the redo compared. */
    private static DatabaseState redoFirst(TargetRun run) {
        run.rehearse(0).run(Step.REDO);
        return run.state();
    }

    @Test
    void aReadingIsReusedUntilSomethingIsHandedTheDatabase() throws SQLException {
        try (TargetRun run = run("fixture-after-redo/migrations", null)) {
            run.rehearse(0).run(Step.APPLY);
            DatabaseState read = run.state();

            assertThat(run.state()).isSameAs(read);
            try (Connection c = run.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO docs (id, path) VALUES (7, '/x.pdf')");
            }
            DatabaseState after = run.state();
            assertThat(after).isNotSameAs(read);
            assertThat(docs(after)).isEqualTo(docs(read) + 1);

            run.runner();
            assertThat(run.state()).isNotSameAs(after);
        }
    }

    @Test
    void theRedoReadingIsTheNextStateBeforeUpOnlyWithoutAFixtureInBetween() {
        try (TargetRun plain = run("fixture-after-redo/migrations", null)) {
            DatabaseState redone = redoFirst(plain);

            plain.rehearse(1);
            assertThat(plain.state()).isSameAs(redone);
        }
        try (TargetRun seeded = run("fixture-after-redo/migrations", "fixture-after-redo/fixtures")) {
            DatabaseState redone = redoFirst(seeded);

            seeded.rehearse(1);
            DatabaseState beforeUp = seeded.state();
            assertThat(beforeUp).isNotSameAs(redone);
            assertThat(docs(beforeUp)).isEqualTo(3);
            assertThat(docs(redone)).isEqualTo(1);
        }
    }

    @Test
    void aReplacedDatabaseTakesItsReadingWithIt() {
        try (TargetRun run = run("fixture-after-redo/migrations", null)) {
            DatabaseState redone = redoFirst(run);
            run.taint();

            run.rehearse(1);
            assertThat(run.state()).isNotSameAs(redone);
        }
    }

    @Test
    void aSetWithoutFixturesGetsGeneratedRowsInItsEmptyTablesOnly() {
        MigrationSet set = MigrationLoader.load(set("lost-column-data-no-rows"), Dialects.SQLITE);
        try (TargetRun run = new TargetRun(TargetKind.SQLITE, null, set, Declarations.none(), SuiteResources.none(),
                false, 5)) {
            run.rehearse(1);

            assertThat(run.state().data().table("users").orElseThrow().rowCount()).isEqualTo(5);
            assertThat(run.seededRows().rows()).containsExactly(Map.entry("generated rows: users", 5L));
        }
        // docs holds the row its migration inserted: not empty, so nothing is generated into it.
        MigrationSet withRows = MigrationLoader.load(set("fixture-after-redo/migrations"), Dialects.SQLITE);
        try (TargetRun generating = new TargetRun(TargetKind.SQLITE, null, withRows, Declarations.none(),
                SuiteResources.none(), false, 5)) {
            generating.rehearse(1);
            assertThat(docs(generating.state())).isEqualTo(1);
        }
    }
}
