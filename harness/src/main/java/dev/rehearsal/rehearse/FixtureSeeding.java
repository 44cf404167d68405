package dev.rehearsal.rehearse;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.fixture.Fixture;
import dev.rehearsal.fixture.FixtureCatalog;
import dev.rehearsal.fixture.FixtureLoadResult;
import dev.rehearsal.fixture.FixtureLoader;
import dev.rehearsal.migration.MigrationVersion;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Loads the fixtures bound to a migration version, right after that migration is applied. */
final class FixtureSeeding {
    private final List<Fixture> fixtures;

    private FixtureSeeding(List<Fixture> fixtures) {
        this.fixtures = fixtures;
    }

    /** @param directory null for a set without fixtures */
    static FixtureSeeding load(Path directory) {
        return new FixtureSeeding(directory == null ? List.of() : FixtureCatalog.discover(directory));
    }

    /** Whether the set has any fixture at all; a set without one gets generated rows. */
    boolean any() {
        return !fixtures.isEmpty();
    }

    boolean bound(MigrationVersion version) {
        return !FixtureCatalog.forVersion(fixtures, version).isEmpty();
    }

    List<FixtureLoadResult> seed(Connection c, Dialect d, MigrationVersion version) {
        List<FixtureLoadResult> loaded = new ArrayList<>();
        for (Fixture fixture : FixtureCatalog.forVersion(fixtures, version)) {
            loaded.add(FixtureLoader.load(c, d, fixture));
        }
        return loaded;
    }
}
