package dev.rehearsal.rehearse.plan;

import dev.rehearsal.drill.Fault;
import dev.rehearsal.drill.FaultInjection;
import dev.rehearsal.rehearse.plan.Declarations.Drills;
import dev.rehearsal.migration.Migration;
import java.util.ArrayList;
import java.util.List;

/**
 * A drill under one migration, switched on by the {@code drills} block of {@code rehearsal.yaml}:
 * the backup restore ({@code backup-restore}), or one planned fault ({@code fault-fail-3},
 * {@code fault-cut-2}). The ids start with {@code backup} and {@code fault} so the report puts them
 * in its backup-restore and fault-drills columns.
 *
 * @param id the unique-id value
 * @param displayName {@code backup restores state}, {@code fault after statement 3 recovers}
 * @param fault the fault to inject; null for the backup restore
 */
public record DrillStep(String id, String displayName, Fault fault) {
    public static final String BACKUP_RESTORE = "backup-restore";

    static DrillStep backupRestore() {
        return new DrillStep(BACKUP_RESTORE, "backup restores state", null);
    }

    static DrillStep of(Fault fault) {
        boolean cut = fault.kind() == Fault.Kind.CONNECTION_CUT;
        int k = fault.afterStatements();
        return new DrillStep("fault-" + (cut ? "cut" : "fail") + "-" + k,
                (cut ? "connection cut" : "fault") + (k == 0 ? " before the first statement" : " after statement " + k)
                        + " recovers", fault);
    }

    /**
     * The drills of {@code migration}, in order: the backup restore, then the faults of
     * {@link FaultInjection#plan}. Reads only the parsed migration: discovery opens no database.
     */
    public static List<DrillStep> planned(Migration migration, Drills drills) {
        List<DrillStep> steps = new ArrayList<>();
        if (drills.backup()) {
            steps.add(backupRestore());
        }
        if (drills.faults()) {
            FaultInjection.plan(migration, drills.faultOptions()).forEach(f -> steps.add(of(f)));
        }
        return steps;
    }

    public boolean isBackupRestore() {
        return fault == null;
    }
}
