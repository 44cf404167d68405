package dev.rehearsal.runner;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationScript;

/** One script a run is about to execute: a migration and the way it goes. */
public record PlannedScript(Migration migration, Direction direction) {

    public MigrationScript script() {
        return direction == Direction.UP ? migration.up() : migration.down();
    }

    /** Whether it runs in one transaction with its history row: the engine rolls DDL back, and the script did not opt out. */
    public boolean transactional(Dialect dialect) {
        return dialect.transactionalDdl() && script().transactional();
    }
}
