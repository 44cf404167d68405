package dev.rehearsal.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The matrix columns: what can be proven about one migration. Engine steps land in a column by
 * step id; drills and backups add theirs either as steps with these ids or as {@link ProofEvidence}.
 *
 * @since 0.1
 */
public enum Proof {
    APPLY("apply", "apply", id -> id.equals("apply")),
    ROLLBACK_SCHEMA("rollback-schema", "rollback restores schema", id -> id.equals("rollback-schema")),
    ROLLBACK_DATA("rollback-data", "rollback preserves data", id -> id.equals("rollback-data")),
    REDO("redo", "redo", id -> id.equals("redo")),
    BACKUP_RESTORE("backup-restore", "backup restore", id -> id.startsWith("backup")),
    FAULT_DRILLS("fault-drills", "fault drills", id -> id.startsWith("fault") || id.contains("drill")),
    VERIFICATION("verification", "verification checks", id -> id.startsWith("verif") || id.startsWith("check"));

    private final String id;
    private final String title;
    private final Predicate<String> stepIds;

    Proof(String id, String title, Predicate<String> stepIds) {
        this.id = id;
        this.title = title;
        this.stepIds = stepIds;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The column an engine step id ({@code rollback-schema}, {@code backup-restore}) belongs to. */
    public static Optional<Proof> forStep(String stepId) {
        String id = stepId == null ? "" : stepId;
        return Arrays.stream(values()).filter(p -> p.stepIds.test(id)).findFirst();
    }

    public static List<Proof> columns() {
        return List.of(values());
    }
}
