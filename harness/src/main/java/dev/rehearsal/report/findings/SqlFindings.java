package dev.rehearsal.report.findings;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationScript;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.migration.sql.SqlStatement;
import dev.rehearsal.report.model.Finding;
import dev.rehearsal.report.model.Severity;
import dev.rehearsal.runner.TransactionControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings from reading the migrations' SQL, statement by statement as the splitter cut them:
 * destructive statements without a verified backup, missing or empty downs, downs that leave
 * behind what their up created, statements that cannot run in a transaction, and DDL that commits
 * implicitly on MariaDB.
 *
 * @since 0.1
 */
public final class SqlFindings {

    private SqlFindings() {
    }

    /**
     * Reads {@code directory} once per target's dialect and merges what each reading finds.
     *
     * @param targets {@code sqlite}, {@code postgres}, {@code mariadb}; unknown names are ignored
     * @param verifiedBackups versions (as written) whose backup restore was proven; their destructive statements are INFO
     * @return findings ordered by migration, file and line; an unreadable directory gives one {@code unreadable} finding
     */
    public static List<Finding> find(Path directory, Collection<String> targets, Set<String> verifiedBackups) {
        Map<String, Finding> merged = new LinkedHashMap<>();
        Set<Dialect> dialects = new LinkedHashSet<>();
        for (String target : targets) {
            Dialects.all().stream().filter(d -> d.name().equalsIgnoreCase(target)
                    || d.fileVariant().equalsIgnoreCase(target)).findFirst().ifPresent(dialects::add);
        }
        for (Dialect dialect : dialects) {
            try {
                for (Finding finding : inspect(MigrationLoader.load(directory, dialect), dialect, verifiedBackups)) {
                    merged.putIfAbsent(finding.kind() + "|" + finding.location() + "|" + finding.message(), finding);
                }
            } catch (RehearsalException e) {
                Finding unreadable = new Finding(Severity.WARNING, "unreadable", null, directory.toString(), 0,
                        "the migrations could not be read for " + dialect.name() + ": " + e.getMessage());
                merged.putIfAbsent(unreadable.message(), unreadable);
            }
        }
        List<Finding> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparing((Finding f) -> f.file()).thenComparingInt(Finding::line));
        return sorted;
    }

    /** The findings for one migration set as read for {@code dialect}. */
    public static List<Finding> inspect(MigrationSet set, Dialect dialect, Set<String> verifiedBackups) {
        Set<MigrationVersion> backedUp = new LinkedHashSet<>();
        verifiedBackups.stream().filter(MigrationVersion::isVersion).map(MigrationVersion::parse).forEach(backedUp::add);
        List<Finding> findings = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            new MigrationFindings(set.directory(), migration, dialect, backedUp.contains(migration.version()))
                    .collectInto(findings);
        }
        return findings;
    }

    /** Everything one migration shows. */
    private record MigrationFindings(Path directory, Migration migration, Dialect dialect, boolean backedUp) {

        void collectInto(List<Finding> findings) {
            destructive(findings);
            rollback(findings);
            nonTransactional(migration.up(), findings);
            ownTransaction(migration.up(), findings);
            if (migration.down() != null) {
                nonTransactional(migration.down(), findings);
                ownTransaction(migration.down(), findings);
            }
            if (dialect == Dialects.MARIADB) {
                implicitCommits(migration.up(), findings);
                if (migration.down() != null) {
                    implicitCommits(migration.down(), findings);
                }
            }
        }

        private void destructive(List<Finding> findings) {
            for (SqlStatement statement : migration.up().statements()) {
                String what = new StatementShape(statement.sql()).destruction();
                if (what != null) {
                    findings.add(finding(backedUp ? Severity.INFO : Severity.WARNING, "destructive", migration.up(), statement.line(),
                            "the up script " + what + (backedUp ? "; covered by a verified backup restore"
                                    : " and no verified backup restore covers this migration: rehearse a backup restore"
                                            + " (rehearsal backup, drill) before releasing")));
                }
            }
        }

        private void rollback(List<Finding> findings) {
            if (!migration.hasRollback()) {
                MigrationScript where = migration.down() != null ? migration.down() : migration.up();
                findings.add(finding(Severity.WARNING, "missing-down", where, migration.down() != null ? where.firstLine() : 0,
                        migration.missingRollbackReason() + ": write a down script, or declare the migration irreversible"
                                + " in rehearsal.yaml and prove a backup restore"));
                return;
            }
            Set<String> dropped = new LinkedHashSet<>();
            migration.down().statements().forEach(s -> dropped.addAll(new StatementShape(s.sql()).dropped()));
            for (SqlStatement statement : migration.up().statements()) {
                StatementShape shape = new StatementShape(statement.sql());
                for (String created : shape.created()) {
                    if (!undone(created, shape.indexTable(), dropped)) {
                        findings.add(finding(Severity.WARNING, "unmirrored-down", migration.up(), statement.line(),
                                "the up script creates " + created + " and the down script never drops it: add a DROP to "
                                        + migration.down().fileName()));
                    }
                }
            }
        }

        private static boolean undone(String created, String indexTable, Set<String> dropped) {
            if (dropped.contains(created)) {
                return true;
            }
            if (created.startsWith("column ")) {
                String table = created.substring("column ".length(), created.indexOf('.'));
                return dropped.contains("table " + table);
            }
            return created.startsWith("index ") && indexTable != null && dropped.contains("table " + indexTable);
        }

        private void nonTransactional(MigrationScript script, List<Finding> findings) {
            for (SqlStatement statement : script.statements()) {
                if (!statement.transactional()) {
                    findings.add(finding(Severity.WARNING, "non-transactional", script, statement.line(),
                            "this statement cannot run inside a transaction: a failure after it leaves the migration half"
                                    + " applied; keep it alone in its migration"));
                }
            }
        }

        private void ownTransaction(MigrationScript script, List<Finding> findings) {
            TransactionControl.firstIn(script).ifPresent(statement -> findings.add(finding(Severity.WARNING,
                    "own-transaction", script, statement.line(), "the script manages its own transaction ("
                            + TransactionControl.describe(script, statement) + "): Rehearsal runs it as written, outside"
                            + " its own transaction and behind a verified safety backup; a failure after a COMMIT leaves"
                            + " the migration half applied. Drop BEGIN/COMMIT to let the runner's transaction cover it")));
        }

        private void implicitCommits(MigrationScript script, List<Finding> findings) {
            List<SqlStatement> statements = script.statements();
            // A DDL statement that is the script's last has nothing after it to fail: nothing is left midway.
            List<SqlStatement> committedEarly = statements.subList(0, Math.max(0, statements.size() - 1)).stream()
                    .filter(s -> new StatementShape(s.sql()).isDdl()).toList();
            if (!committedEarly.isEmpty()) {
                findings.add(finding(Severity.WARNING, "implicit-commit", script, committedEarly.get(0).line(),
                        committedEarly.size() + " DDL statement" + (committedEarly.size() == 1 ? " commits" : "s commit")
                                + " implicitly on MariaDB before the statements after it: a failure midway leaves the"
                                + " earlier ones applied and the transaction cannot undo them; keep one DDL statement per"
                                + " migration or prove a backup restore"));
            }
        }

        private Finding finding(Severity severity, String kind, MigrationScript script, int line, String message) {
            return new Finding(severity, kind, migration.displayName(), relative(script.file()), line, message);
        }

        private String relative(Path file) {
            Path absolute = file.toAbsolutePath().normalize();
            Path base = directory.toAbsolutePath().normalize();
            return (absolute.startsWith(base) ? base.relativize(absolute) : file).toString().replace('\\', '/');
        }
    }
}
