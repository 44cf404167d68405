package dev.rehearsal.runner;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.rehearsal.migration.sql.SqlStatement;

/** One script a run is about to execute: a migration and the way it goes. */
public record PlannedScript(Migration migration, Direction direction) {

    /** {@code migrations} going {@code direction}, in their order. */
    static List<PlannedScript> all(Direction direction, List<Migration> migrations) {
        return migrations.stream().map(m -> new PlannedScript(m, direction)).toList();
    }

    /** The first list going its way, then the second going its own (a rollback, then the re-apply). */
    static List<PlannedScript> all(Direction first, List<Migration> firstMigrations, Direction second,
            List<Migration> secondMigrations) {
        List<PlannedScript> plan = new ArrayList<>(all(first, firstMigrations));
        plan.addAll(all(second, secondMigrations));
        return plan;
    }

    public MigrationScript script() {
        return direction == Direction.UP ? migration.up() : migration.down();
    }

    /**
     * Whether it runs in one transaction with its history row: the engine rolls DDL back, the script
     * did not opt out, and it does not manage a transaction of its own ({@link TransactionControl}).
     */
    public boolean transactional(Dialect dialect) {
        return dialect.transactionalDdl() && script().transactional() && ownTransaction().isEmpty();
    }

    /** The statement by which the script manages its own transaction, if it does. */
    public Optional<SqlStatement> ownTransaction() {
        return TransactionControl.firstIn(script());
    }
}
