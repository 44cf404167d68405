package dev.rehearsal.engine.execution;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.migration.MigrationVersion;
import java.nio.file.Path;
import java.sql.Connection;

/** Loads the fixtures bound to a migration version, right after that migration is applied. */
final class FixtureSeeding {
    private final Path directory;

    private FixtureSeeding(Path directory) {
        this.directory = directory;
    }

    static FixtureSeeding load(Path directory) {
        return new FixtureSeeding(directory);
    }

    void seed(Connection c, Dialect d, MigrationVersion version) {
        // Wired to dev.rehearsal.fixture once that package is merged.
    }
}
