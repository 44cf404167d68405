package dev.rehearsal.runner;

import dev.rehearsal.migration.Migration;

/** A script that ran to completion. */
public record ExecutedMigration(Migration migration, Direction direction, long executionMillis, int statements,
        boolean transactional) {
}
