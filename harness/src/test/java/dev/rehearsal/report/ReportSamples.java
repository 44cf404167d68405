package dev.rehearsal.report;

import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Results files as the engine writes them, built by hand for the report's tests. */
final class ReportSamples {
    static final String XSS_TABLE = "<img src=x onerror=alert(1)>";
    static final String XSS_MESSAGE = "rollback left table " + XSS_TABLE + " behind <script>alert(2)</script>";
    static final String DIFF = "- table " + XSS_TABLE + " is missing after rollback\n"
            + "~ column users.email: type varchar(255) -> varchar(80)\n"
            + "row users(id=7): email 'a@example.org' -> 'a@exa'";
    static final String POSTGRES_SKIP = "PostgreSQL unavailable: connection refused at 127.0.0.1:5432 (set rehearsal.postgres.url)";
    static final String MARIADB_SKIP = "MariaDB unavailable: no rehearsal.mariadb.url and no Docker";

    private ReportSamples() {
    }

    static StepResult passed(String step) {
        return new StepResult(step, step, Verdict.PASSED, null, null, 12, false);
    }

    static StepResult failed(String step, String message, String diff) {
        return new StepResult(step, step, Verdict.FAILED, message, diff, 30, false);
    }

    static List<StepResult> allPassed() {
        return List.of(passed("apply"), passed("rollback-schema"), passed("rollback-data"), passed("redo"));
    }

    static MigrationResult migration(String version, String name, List<StepResult> steps) {
        return new MigrationResult(version, name, true, false, false, steps);
    }

    static TargetResult ran(String target, TargetStatus status, List<MigrationResult> migrations) {
        boolean sqlite = target.equals("sqlite");
        return new TargetResult(target, status, null,
                sqlite ? null : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=s3cret",
                sqlite ? "3.53.0" : "16.4", migrations,
                List.of(passed("full-chain"), passed("history")));
    }

    static TargetResult skipped(String target, String reason) {
        return new TargetResult(target, TargetStatus.SKIPPED, reason, null, null, List.of(), List.of());
    }

    static RehearsalResults results(SuiteResult... suites) {
        return new RehearsalResults(RehearsalResults.FORMAT_VERSION, "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z",
                List.of(suites));
    }

    static SuiteResult suite(String name, TargetResult... targets) {
        return new SuiteResult("dir:" + name, name, null, null, List.of(targets));
    }

    /** sqlite ran: one clean migration, one whose rollback leaves a table with a hostile name; postgres and mariadb skipped. */
    static RehearsalResults failingWithSkips() {
        List<StepResult> broken = new ArrayList<>(List.of(passed("apply"),
                failed("rollback-schema", XSS_MESSAGE, DIFF), passed("rollback-data"), passed("redo")));
        return results(suite("media", ran("sqlite", TargetStatus.FAILED, List.of(
                        migration("20240101", "create users", allPassed()),
                        migration("20240102", "unify media", broken))),
                skipped("postgres", POSTGRES_SKIP), skipped("mariadb", MARIADB_SKIP)));
    }
}
