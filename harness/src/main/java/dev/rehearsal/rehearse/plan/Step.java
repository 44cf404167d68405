package dev.rehearsal.rehearse.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the engine proves: four steps per migration, two per migration set and target. */
public enum Step {
    APPLY("apply", "apply", true),
    ROLLBACK_SCHEMA("rollback-schema", "rollback restores schema", true),
    ROLLBACK_DATA("rollback-data", "rollback preserves data", true),
    REDO("redo", "redo", true),
    FULL_CHAIN("full-chain", "full chain", false),
    HISTORY("history", "history", false);

    private final String id;
    private final String displayName;
    private final boolean perMigration;

    Step(String id, String displayName, boolean perMigration) {
        this.id = id;
        this.displayName = displayName;
        this.perMigration = perMigration;
    }

    /** The unique-id value: {@code rollback-schema}. */
    public String id() {
        return id;
    }

    /** How reports name it: {@code rollback restores schema}. */
    public String displayName() {
        return displayName;
    }

    public boolean perMigration() {
        return perMigration;
    }

    public static List<Step> migrationSteps() {
        return Arrays.stream(values()).filter(Step::perMigration).toList();
    }

    public static List<Step> setSteps() {
        return Arrays.stream(values()).filter(s -> !s.perMigration).toList();
    }

    /** By id ({@code rollback-schema}) or display name ({@code rollback restores schema}), any case. */
    public static Optional<Step> find(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted) || s.displayName.equals(wanted)).findFirst();
    }
}
