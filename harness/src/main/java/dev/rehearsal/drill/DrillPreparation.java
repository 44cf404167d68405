package dev.rehearsal.drill;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.fixture.Fixture;
import dev.rehearsal.fixture.FixtureCatalog;
import dev.rehearsal.fixture.FixtureLoader;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.MigrationStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Brings a drill's target to the version before the drilled migration; snapshots it and reads its history. */
final class DrillPreparation {
    static final String NOT_APPLIED = "not applied";

    private DrillPreparation() {
    }

    /** The version just before {@code version} in the set, or null when {@code version} is the first. */
    static MigrationVersion previous(MigrationSet set, MigrationVersion version) {
        Migration drilled = set.get(version);
        List<Migration> all = set.migrations();
        int index = all.indexOf(drilled);
        return index == 0 ? null : all.get(index - 1).version();
    }

    /**
     * Rolls back anything newer than {@code previous}, then applies what is missing up to it one
     * migration at a time, loading each applied version's fixtures right after it (fixtures of
     * versions that were already applied are not loaded again: their rows are presumably there).
     * Refuses first, changing nothing, a target an unfinished restore or migration marks.
     */
    static void bringTo(MigrationRunner runner, Target target, MigrationSet set, MigrationVersion previous,
            Path fixturesDir) {
        DrillTargets.refuseUnfinished(target, runner);
        Optional<MigrationVersion> current = runner.currentVersion();
        if (current.isPresent() && (previous == null || current.get().compareTo(previous) > 0)) {
            runner.down(previous == null ? DownScope.all() : DownScope.to(previous));
        }
        if (previous == null) {
            return;
        }
        List<Fixture> fixtures = fixturesDir == null ? List.of() : FixtureCatalog.discover(fixturesDir);
        List<MigrationVersion> applied = runner.status().stream().filter(s -> s.state().equals("applied"))
                .map(MigrationStatus::version).toList();
        for (Migration m : set.migrations()) {
            if (m.version().compareTo(previous) > 0) {
                break;
            }
            if (applied.contains(m.version())) {
                continue;
            }
            runner.up(m.version());
            load(target, FixtureCatalog.forVersion(fixtures, m.version()));
        }
    }

    private static void load(Target target, List<Fixture> fixtures) {
        if (fixtures.isEmpty()) {
            return;
        }
        try (Connection c = target.connect()) {
            for (Fixture fixture : fixtures) {
                FixtureLoader.load(c, target.dialect(), fixture);
            }
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.FIXTURE_FAILED,
                    "cannot load fixtures into " + target.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The target's schema and data fingerprint, Rehearsal's own tables left out. */
    static DatabaseSnapshot snapshot(Target target, Set<String> excluded) {
        try (Connection c = target.connect()) {
            return DatabaseSnapshot.take(c, target.dialect(), excluded);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot snapshot " + target.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The history's word on {@code version}: its status column, or {@value #NOT_APPLIED} without a row. */
    static String historyStatus(Target target, SchemaHistory history, MigrationVersion version) {
        try (Connection c = target.connect()) {
            return history.rows(c).stream().filter(r -> r.version().equals(version)).findFirst()
                    .map(r -> r.status().column()).orElse(NOT_APPLIED);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot read the history of " + target.displayUrl() + ": " + e.getMessage(), e);
        }
    }

}
