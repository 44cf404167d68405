package dev.rehearsal.runner;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.MigrationLock;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The migration commands (up, down, redo, reset, refresh, status, validate, repair) against one
 * target. Every mutating command takes the migration lock, plans everything (and refuses bad plans)
 * before the first statement runs, and runs each migration in its own transaction where the engine
 * allows it.
 */
public final class MigrationRunner {
    private final Target target;
    private final List<Migration> migrations;
    private final RunnerOptions options;
    private final SchemaHistory history;
    private final HistoryChecks checks;
    private final ChecksumAlignment alignment;

    /** @param migrations the loaded migrations, any order (they are sorted by version) */
    public MigrationRunner(Target target, List<Migration> migrations, RunnerOptions options) {
        this.target = target;
        this.migrations = migrations.stream().sorted(Comparator.comparing(Migration::version)).toList();
        this.options = options;
        this.history = new SchemaHistory(target.dialect(), options.historyTable())
                .withVersions(this.migrations.stream().map(Migration::version).toList());
        this.checks = new HistoryChecks(this.migrations);
        this.alignment = new ChecksumAlignment(history, this.migrations);
    }

    public SchemaHistory history() {
        return history;
    }

    /**
     * This runner with {@code before} called under the migration lock, once a run is planned and
     * before its first statement (see {@link BeforeChanges}); everything else as this one.
     */
    public MigrationRunner withBeforeChanges(BeforeChanges before) {
        return new MigrationRunner(target, migrations, options.withBeforeChanges(before));
    }

    /** Applies pending migrations in version order, all of them or up to and including {@code to}. */
    public RunResult up(MigrationVersion to) {
        if (to != null) {
            find(to);
        }
        return mutate((c, rows) -> {
            refuseUnlessReadyForUp(rows, "migrate");
            List<Migration> pending = pending(rows, Set.of(), to);
            String recovery = announce(PlannedScript.all(Direction.UP, pending));
            return applyPending(c, rows, pending, recovery);
        });
    }

    /**
     * Rolls back applied migrations, newest first. Refuses before running anything if one has no
     * rollback, or if an applied migration's up part changed since it ran: the down script on disk
     * may no longer be the one written for what the database holds. A down script changed on its
     * own is run as it is now, with a warning (the result's and the listener's), and recorded.
     */
    public RunResult down(DownScope scope) {
        if (scope.kind() == DownScope.Kind.TO_VERSION) {
            find(scope.to());
        }
        return mutate((c, rows) -> {
            refuseIfRepairNeeded(rows);
            refuseIf(checks.modified(rows), "roll back");
            List<Migration> plan = rollbackPlan(rows, scope);
            List<String> warnings = warnChangedDowns(rows, plan);
            return rollBack(c, rows, plan, announce(PlannedScript.all(Direction.DOWN, plan))).withWarnings(warnings);
        });
    }

    /**
     * Rolls back the last applied migration and applies it again, under one lock. Everything the up
     * half would refuse is checked before the down half runs, so a refusal never leaves it rolled back.
     */
    public RunResult redo() {
        return mutate((c, rows) -> {
            refuseUnlessReadyForUp(rows, "redo the last migration on");
            List<Migration> plan = rollbackPlan(rows, DownScope.last());
            if (plan.isEmpty()) {
                return RunResult.nothing();
            }
            return rollBackThenApply(c, rows, plan, pending(rows, versions(plan), plan.get(0).version()));
        });
    }

    /** Rolls back every applied migration. */
    public RunResult reset() {
        return down(DownScope.all());
    }

    /**
     * Reset, then up, under one lock: no other runner gets in between, and one safety backup covers
     * both halves. Whatever up would refuse, this refuses before the first rollback (modified or
     * missing files).
     */
    public RunResult refresh() {
        return mutate((c, rows) -> {
            refuseIfRepairNeeded(rows);
            refuseIf(checks.modified(rows), "refresh");
            List<Migration> plan = rollbackPlan(rows, DownScope.all());
            List<Migration> again = pending(rows, versions(plan), null);
            if (plan.isEmpty() && again.isEmpty()) {
                return RunResult.nothing();
            }
            return rollBackThenApply(c, rows, plan, again);
        });
    }

    /** The newest applied version, if any. */
    public Optional<MigrationVersion> currentVersion() {
        return read(rows -> rows.values().stream().filter(r -> r.status() == HistoryStatus.APPLIED)
                .map(HistoryRow::version).max(Comparator.naturalOrder()));
    }

    /** Every migration on disk and every history row without a file, in version order. */
    public List<MigrationStatus> status() {
        return read(rows -> {
            Map<MigrationVersion, MigrationStatus> byVersion = new TreeMap<>();
            for (Migration m : migrations) {
                HistoryRow row = rows.get(m.version());
                byVersion.put(m.version(), row == null
                        ? new MigrationStatus(m.version(), m.description(), "pending", null, -1, 0, m.hasRollback())
                        : new MigrationStatus(m.version(), m.description(), state(row), row.appliedAt(),
                                row.executionMillis(), row.batch(), m.hasRollback()));
            }
            for (HistoryRow row : rows.values()) {
                byVersion.putIfAbsent(row.version(), new MigrationStatus(row.version(), row.name(),
                        row.status() == HistoryStatus.APPLIED ? "missing" : state(row), row.appliedAt(),
                        row.executionMillis(), row.batch(), false));
            }
            return List.copyOf(byVersion.values());
        });
    }

    /** A runner cut off mid-script left its marker row: that is not a failure with a known reason. */
    private static String state(HistoryRow row) {
        return row.status() == HistoryStatus.FAILED && row.statementsRun() == HistoryRow.UNKNOWN_PROGRESS
                ? MigrationStatus.INTERRUPTED : row.status().column();
    }

    /**
     * Migrations that failed or were interrupted part-way and left the database partly changed, one
     * line each with what to do; empty when every mutating command may run. Nothing may migrate
     * until they are repaired.
     */
    public List<String> repairNeeded() {
        return read(this::partialFailures);
    }

    /**
     * Refuses, as every mutating command does under its lock, while a migration failed or was
     * interrupted part-way: for callers that change the database without the runner (a drill's
     * repair and restores) and must not do it on top of that.
     *
     * @throws RehearsalException {@code NEEDS_REPAIR}, one line per migration with what to do (the
     *     restore command of the safety backup taken for its run, when one was)
     */
    public void refuseIfRepairNeeded() {
        read(rows -> {
            refuseIfRepairNeeded(rows);
            return null;
        });
    }

    /** Applied migrations whose down script changed on its own since: warnings, for {@code status}. */
    public List<String> changedDowns() {
        return read(checks::changedDowns);
    }

    /** Checksums, files missing from disk, pending migrations older than the newest applied one. */
    public ValidationReport validate() {
        return read(rows -> {
            List<String> problems = new ArrayList<>(checks.beforeUp(rows, options.allowOutOfOrder()));
            problems.addAll(partialFailures(rows));
            return new ValidationReport(problems, checks.changedDowns(rows));
        });
    }

    /**
     * Clears failed entries and realigns the checksums (up, down and the two together) of applied
     * migrations with their files, as Flyway's repair does. Returns one line per change.
     */
    public List<String> repair() {
        return mutate(alignment::repair);
    }

    private Migration find(MigrationVersion version) {
        return migrations.stream().filter(m -> m.version().equals(version)).findFirst()
                .orElseThrow(() -> new RehearsalException(ErrorCode.UNKNOWN_VERSION, "no migration with version "
                        + version + " in the migrations directory"));
    }

    private void refuseUnlessReadyForUp(Map<MigrationVersion, HistoryRow> rows, String what) {
        refuseIfRepairNeeded(rows);
        refuseIf(checks.beforeUp(rows, options.allowOutOfOrder()), what);
    }

    private void refuseIf(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            throw new RehearsalException(ErrorCode.VALIDATION_FAILED,
                    "refusing to " + what + " " + target.displayUrl() + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** The migrations an up run applies: not applied (or about to be rolled back), up to {@code to}. */
    private List<Migration> pending(Map<MigrationVersion, HistoryRow> rows, Set<MigrationVersion> rolledBack,
            MigrationVersion to) {
        return migrations.stream()
                .filter(m -> !HistoryChecks.isApplied(rows, m.version()) || rolledBack.contains(m.version()))
                .filter(m -> to == null || m.version().compareTo(to) <= 0)
                .toList();
    }

    private RunResult applyPending(Connection c, Map<MigrationVersion, HistoryRow> rows, List<Migration> pending,
            String recovery) throws SQLException {
        int batch = rows.values().stream().mapToInt(HistoryRow::batch).max().orElse(0) + 1;
        MigrationExecutor executor = executor(recovery);
        List<ExecutedMigration> done = new ArrayList<>();
        for (Migration m : pending) {
            done.add(executor.execute(c, m, Direction.UP, batch, rows.get(m.version())));
        }
        return new RunResult(done);
    }

    /** Rolls {@code plan} back, then applies {@code again}: one run, announced once. */
    private RunResult rollBackThenApply(Connection c, Map<MigrationVersion, HistoryRow> rows, List<Migration> plan,
            List<Migration> again) throws SQLException {
        List<String> warnings = warnChangedDowns(rows, plan);
        String recovery = announce(PlannedScript.all(Direction.DOWN, plan, Direction.UP, again));
        RunResult down = rollBack(c, rows, plan, recovery).withWarnings(warnings);
        return down.then(applyPending(c, rowsByVersion(c), again, recovery));
    }

    /** The changed down scripts among {@code plan}, told to the listener before anything runs. */
    private List<String> warnChangedDowns(Map<MigrationVersion, HistoryRow> rows, List<Migration> plan) {
        Set<MigrationVersion> planned = versions(plan);
        Map<MigrationVersion, HistoryRow> inPlan = new LinkedHashMap<>(rows);
        inPlan.keySet().retainAll(planned);
        List<String> warnings = checks.changedDowns(inPlan);
        warnings.forEach(options.listener()::warning);
        return warnings;
    }

    /** Tells {@link RunnerOptions#beforeChanges()} what is about to run, unless nothing is. */
    private String announce(List<PlannedScript> plan) {
        return plan.isEmpty() ? null : options.beforeChanges().beforeChanges(List.copyOf(plan));
    }

    private static Set<MigrationVersion> versions(List<Migration> migrations) {
        return migrations.stream().map(Migration::version).collect(Collectors.toSet());
    }

    /** The migrations {@code scope} rolls back, newest first; refuses if one has no file or no rollback. */
    private List<Migration> rollbackPlan(Map<MigrationVersion, HistoryRow> rows, DownScope scope) {
        List<HistoryRow> applied = rows.values().stream()
                .filter(r -> r.status() == HistoryStatus.APPLIED)
                .sorted(Comparator.comparing(HistoryRow::version).reversed())
                .toList();
        List<HistoryRow> chosen = switch (scope.kind()) {
            case LAST -> applied.isEmpty() ? List.of() : List.of(applied.get(0));
            case ALL -> applied;
            case TO_VERSION -> applied.stream().filter(r -> r.version().compareTo(scope.to()) > 0).toList();
            case LAST_BATCH -> {
                int last = applied.stream().mapToInt(HistoryRow::batch).max().orElse(-1);
                yield applied.stream().filter(r -> r.batch() == last).toList();
            }
        };
        List<Migration> plan = new ArrayList<>();
        for (HistoryRow row : chosen) {
            Migration m = migrations.stream().filter(x -> x.version().equals(row.version())).findFirst()
                    .orElseThrow(() -> new RehearsalException(ErrorCode.VALIDATION_FAILED, "applied migration "
                            + row.version() + " (" + row.name() + ") has no file in the migrations directory;"
                            + " cannot roll it back"));
            if (!m.hasRollback()) {
                throw new RehearsalException(ErrorCode.NO_ROLLBACK, m.missingRollbackReason()
                        + "; nothing was rolled back. Restore a backup instead, or add a down script");
            }
            plan.add(m);
        }
        return plan;
    }

    private RunResult rollBack(Connection c, Map<MigrationVersion, HistoryRow> rows, List<Migration> plan,
            String recovery) throws SQLException {
        MigrationExecutor executor = executor(recovery);
        List<ExecutedMigration> done = new ArrayList<>();
        for (Migration m : plan) {
            HistoryRow current = rows.get(m.version());
            done.add(executor.execute(c, m, Direction.DOWN, current.batch(), current));
        }
        return new RunResult(done);
    }

    private void refuseIfRepairNeeded(Map<MigrationVersion, HistoryRow> rows) {
        List<String> failures = partialFailures(rows);
        if (!failures.isEmpty()) {
            throw new RehearsalException(ErrorCode.NEEDS_REPAIR, String.join("\n", failures));
        }
    }

    private List<String> partialFailures(Map<MigrationVersion, HistoryRow> rows) {
        return HistoryChecks.partialFailures(rows, target.displayUrl());
    }

    private MigrationExecutor executor(String recovery) {
        return new MigrationExecutor(target.dialect(), history, options, recovery);
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection c, Map<MigrationVersion, HistoryRow> rows) throws SQLException;
    }

    @FunctionalInterface
    private interface ReadWork<T> {
        T run(Map<MigrationVersion, HistoryRow> rows) throws SQLException;
    }

    private <T> T mutate(LockedWork<T> work) {
        try (Connection c = target.connect()) {
            try (MigrationLock lock = target.dialect().lock(c, history.lockName(), options.lockTimeout())) {
                history.createIfMissing(c);
                // A format-1 history brought forward: rows still matching their files get split checksums.
                alignment.splitCombinedChecksums(c, rowsByVersion(c));
                return work.run(c, rowsByVersion(c));
            }
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.MIGRATION_FAILED,
                    "database error on " + target.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(ReadWork<T> work) {
        try (Connection c = target.connect()) {
            return work.run(rowsByVersion(c));
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot read the history of " + target.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    private Map<MigrationVersion, HistoryRow> rowsByVersion(Connection c) throws SQLException {
        Map<MigrationVersion, HistoryRow> rows = new LinkedHashMap<>();
        for (HistoryRow row : history.rows(c)) {
            rows.put(row.version(), row);
        }
        return rows;
    }
}
