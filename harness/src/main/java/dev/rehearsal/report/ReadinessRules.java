package dev.rehearsal.report;

import dev.rehearsal.rehearse.results.Coverage;
import dev.rehearsal.report.model.Failure;
import dev.rehearsal.report.model.MigrationRow;
import dev.rehearsal.report.model.ProofCell;
import dev.rehearsal.report.model.ProofStatus;
import dev.rehearsal.report.model.Readiness;
import dev.rehearsal.report.model.TargetReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides READY / NOT READY. A target is NOT READY on any failure that was not declared as an
 * expected defect, any migration without a rollback that is not declared irreversible, and any
 * irreversible migration without a verified backup. Skipped targets never count as a pass. A
 * target whose only problems sit on migrations with declared, detected defects is a drill:
 * DEFECTS DETECTED, never READY. A target whose results hold only part of its plan is INCOMPLETE
 * unless what ran already makes it NOT READY.
 */
final class ReadinessRules {

    /** The verdict and its one-line reason. */
    record Decision(Readiness readiness, String reason) {
    }

    private ReadinessRules() {
    }

    static Decision target(String status, String skipReason, List<MigrationRow> rows, List<Failure> failures,
            Coverage coverage) {
        Decision ran = target(status, skipReason, rows, failures);
        if (coverage.complete() || ran.readiness() == Readiness.NOT_READY) {
            return ran;
        }
        return new Decision(Readiness.INCOMPLETE, coverage.describe());
    }

    private static Decision target(String status, String skipReason, List<MigrationRow> rows, List<Failure> failures) {
        if ("SKIPPED".equals(status)) {
            return new Decision(Readiness.SKIPPED, skipReason == null ? "skipped: no reason recorded" : skipReason);
        }
        List<String> problems = new ArrayList<>();
        for (Failure failure : failures) {
            problems.add((failure.migration() == null ? "" : failure.migration() + ": ") + failure.proof() + " failed"
                    + (failure.message() == null ? "" : " (" + firstLine(failure.message()) + ")"));
        }
        List<String> declared = new ArrayList<>();
        for (MigrationRow row : rows) {
            String migration = row.version() + " " + row.name();
            List<String> found = hasExpectedDefect(row) ? declared : problems;
            // A migration whose up changed nothing passes its rollback without a down: measured, not a gap.
            if (!row.hasRollback() && !row.needsBackup() && status(row, Proof.ROLLBACK_SCHEMA) != ProofStatus.PASSED) {
                found.add(migration + ": no rollback, and not declared irreversible");
            }
            if (row.needsBackup() && status(row, Proof.BACKUP_RESTORE) != ProofStatus.PASSED) {
                found.add(migration + ": irreversible, and no verified backup restore");
            }
            row.proofs().stream().filter(ProofCell::expectedDefect)
                    .forEach(c -> declared.add(migration + ": " + c.title() + " fails, as declared"));
        }
        if (!problems.isEmpty()) {
            return new Decision(Readiness.NOT_READY, problems.get(0)
                    + (problems.size() > 1 ? "; and " + (problems.size() - 1) + " more" : ""));
        }
        if (!declared.isEmpty()) {
            return new Decision(Readiness.DEFECTS_DETECTED, "a drill, not releasable: " + declared.get(0)
                    + (declared.size() > 1 ? "; and " + (declared.size() - 1) + " more" : ""));
        }
        long warnings = rows.stream().flatMap(r -> r.proofs().stream()).filter(c -> c.status() == ProofStatus.WARNING).count();
        long backedUp = rows.stream().filter(MigrationRow::needsBackup).count();
        // Count only what was proven: an irreversible migration's rollback was never run, a lossy one's lost data.
        long proven = rows.stream().filter(r -> status(r, Proof.ROLLBACK_SCHEMA) == ProofStatus.PASSED
                && status(r, Proof.ROLLBACK_DATA) == ProofStatus.PASSED).count();
        long lossy = rows.stream().filter(MigrationRow::lossy).count();
        String rollbacks = proven == rows.size()
                ? "every rollback of " + rows.size() + " migration" + (rows.size() == 1 ? "" : "s") + " proven"
                : "rollback proven for " + proven + " of " + rows.size() + " migration" + (rows.size() == 1 ? "" : "s");
        return new Decision(Readiness.READY, rollbacks
                + (backedUp > 0 ? ", " + backedUp + " irreversible covered by a verified backup" : "")
                + (lossy > 0 ? ", " + lossy + " lossy as declared (" + (lossy == 1 ? "its rollback loses" : "their rollbacks lose")
                        + " data)" : "")
                + (warnings > 0 ? "; " + warnings + " warning" + (warnings == 1 ? "" : "s") + " to read" : ""));
    }

    /** A set is as ready as its worst target; skipped targets are named, never folded into a pass. */
    static Decision suite(String error, List<TargetReport> targets) {
        if (error != null) {
            return new Decision(Readiness.NOT_READY, "the set could not run: " + firstLine(error));
        }
        List<TargetReport> notReady = of(targets, Readiness.NOT_READY);
        List<TargetReport> ready = of(targets, Readiness.READY);
        List<TargetReport> skipped = of(targets, Readiness.SKIPPED);
        String skippedNote = skipped.isEmpty() ? "" : "; SKIPPED on " + names(skipped) + ": not proven there";
        if (!notReady.isEmpty()) {
            return new Decision(Readiness.NOT_READY, "NOT READY on " + names(notReady) + ": "
                    + notReady.get(0).reason() + skippedNote);
        }
        List<TargetReport> incomplete = of(targets, Readiness.INCOMPLETE);
        if (!incomplete.isEmpty()) {
            return new Decision(Readiness.INCOMPLETE, "INCOMPLETE on " + names(incomplete) + ": "
                    + incomplete.get(0).reason() + skippedNote);
        }
        List<TargetReport> drills = of(targets, Readiness.DEFECTS_DETECTED);
        if (!drills.isEmpty()) {
            return new Decision(Readiness.DEFECTS_DETECTED, "declared defects detected on " + names(drills) + ": "
                    + drills.get(0).reason() + skippedNote);
        }
        if (ready.isEmpty()) {
            return new Decision(Readiness.SKIPPED, targets.isEmpty() ? "no target was selected"
                    : "no target ran" + skippedNote);
        }
        return new Decision(Readiness.READY, "ready on " + names(ready) + ": " + ready.get(0).reason() + skippedNote);
    }

    /**
     * The whole report: the worst real suite decides. Drill suites (defects declared and detected)
     * are counted beside it, not in it; a report of drills only says DEFECTS DETECTED.
     */
    static Decision overall(List<Decision> suites) {
        List<Decision> real = suites.stream().filter(d -> d.readiness() != Readiness.DEFECTS_DETECTED).toList();
        long drills = suites.size() - real.size();
        String drillNote = drills == 0 ? "" : "; " + drills + " drill set" + (drills == 1 ? "" : "s")
                + " detected " + (drills == 1 ? "its" : "their") + " declared defects";
        if (real.isEmpty()) {
            return suites.size() == 1 ? suites.get(0)
                    : new Decision(Readiness.DEFECTS_DETECTED, "all " + suites.size() + " sets are drills" + drillNote);
        }
        for (Readiness worst : List.of(Readiness.NOT_READY, Readiness.INCOMPLETE, Readiness.SKIPPED)) {
            List<Decision> hits = real.stream().filter(d -> d.readiness() == worst).toList();
            if (!hits.isEmpty()) {
                return suites.size() == 1 ? hits.get(0)
                        : new Decision(worst, hits.size() + " of " + real.size() + " migration sets "
                                + worst.label() + ": " + hits.get(0).reason() + drillNote);
            }
        }
        return suites.size() == 1 ? suites.get(0)
                : new Decision(Readiness.READY, (real.size() == 1 ? "the migration set is ready"
                        : "all " + real.size() + " migration sets ready") + drillNote);
    }

    private static boolean hasExpectedDefect(MigrationRow row) {
        return row.proofs().stream().anyMatch(ProofCell::expectedDefect);
    }

    static ProofStatus status(MigrationRow row, Proof proof) {
        return row.proofs().stream().filter(c -> c.proof().equals(proof.id())).map(ProofCell::status).findFirst()
                .orElse(ProofStatus.NOT_RUN);
    }

    private static List<TargetReport> of(List<TargetReport> targets, Readiness readiness) {
        return targets.stream().filter(t -> t.readiness() == readiness).toList();
    }

    private static String names(List<TargetReport> targets) {
        return targets.stream().map(TargetReport::target).collect(Collectors.joining(", "));
    }

    static String firstLine(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip() + " …";
    }
}
