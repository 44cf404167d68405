package dev.rehearsal.rehearse.plan;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.SqliteFunctions;
import dev.rehearsal.drill.DrillOptions;
import dev.rehearsal.drill.FaultOptions;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a migration set declares about itself in its {@code rehearsal.yaml}.
 *
 * @param irreversible versions whose rollback steps are skipped; they need a verified backup before release
 * @param lossy versions whose data loss on rollback is a warning, not a failure
 * @param volatileColumns {@code table.column} names whose values the redo comparison leaves out: their
 *     default reads the clock or a random source, so a redo cannot reproduce them
 * @param expected deliberate defects (the project's own drills): the step must fail with the message
 * @param fixtures fixtures directory relative to the declarations file, or null
 * @param verification verification-suite directory relative to the declarations file, or null
 * @param drills which drills run under each migration; {@link Drills#off()} when none are declared
 * @param declaredAt where ({@code file:line:column}) each version named in the file is first named, in file order
 * @param strictColumnOrder a rollback that brings every column back in another order fails instead of
 *     being a warning ({@code strict-column-order: true})
 * @param sqliteFunctions functions the project registers in its SQLite driver, registered on every SQLite
 *     connection Rehearsal opens for the set
 * @param generatedRows {@code generated-rows}: rows generated into every empty table before each migration of a
 *     set without fixtures; null when the file does not say (the run's setting or {@link #DEFAULT_GENERATED_ROWS})
 */
public record Declarations(Set<MigrationVersion> irreversible, Set<MigrationVersion> lossy,
        Set<String> volatileColumns, List<ExpectedDefect> expected, String fixtures, String verification,
        Drills drills, Map<MigrationVersion, String> declaredAt, boolean strictColumnOrder,
        SqliteFunctions sqliteFunctions, Long generatedRows) {
    /** The declarations file in a migrations directory. */
    public static final String FILE = "rehearsal.yaml";
    /** Rows per table the data proofs of a set without fixtures run on, unless configured. */
    public static final long DEFAULT_GENERATED_ROWS = 200;

    public Declarations {
        irreversible = Set.copyOf(irreversible);
        lossy = Set.copyOf(lossy);
        volatileColumns = Set.copyOf(volatileColumns);
        expected = List.copyOf(expected);
        drills = drills == null ? Drills.off() : drills;
        declaredAt = Collections.unmodifiableMap(new LinkedHashMap<>(declaredAt));
        sqliteFunctions = sqliteFunctions == null ? SqliteFunctions.none() : sqliteFunctions;
    }

    public Declarations(Set<MigrationVersion> irreversible, Set<MigrationVersion> lossy, Set<String> volatileColumns,
            List<ExpectedDefect> expected, String fixtures, String verification, Drills drills,
            Map<MigrationVersion, String> declaredAt) {
        this(irreversible, lossy, volatileColumns, expected, fixtures, verification, drills, declaredAt, false,
                SqliteFunctions.none(), null);
    }

    public static Declarations none() {
        return new Declarations(Set.of(), Set.of(), Set.of(), List.of(), null, null, Drills.off(), Map.of(), false,
                SqliteFunctions.none(), null);
    }

    /** The same declarations with column order made strict (a face's flag can raise it, never lower it). */
    public Declarations withStrictColumnOrder() {
        return new Declarations(irreversible, lossy, volatileColumns, expected, fixtures, verification, drills, declaredAt,
                true, sqliteFunctions, generatedRows);
    }

    /**
     * Checks that every version the file names is a migration of {@code set}: a misspelt version would
     * otherwise declare nothing (an irreversible migration rolled back anyway, a lossy one failing).
     *
     * @throws RehearsalException BAD_SUITE_FILE at the first unknown version, listing the set's versions
     */
    public void requireVersionsOf(MigrationSet set) {
        declaredAt.entrySet().stream().filter(e -> set.find(e.getKey()).isEmpty()).findFirst().ifPresent(e -> {
            throw new RehearsalException(ErrorCode.BAD_SUITE_FILE, e.getValue() + ": version " + e.getKey()
                    + " is not a migration in " + set.directory() + "; use one of its versions ("
                    + (set.isEmpty() ? "there are none" : set.versions().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")))
                    + ") or delete the entry");
        });
    }

    /**
     * Rows per table to generate: the run's setting when it has one (non-null), else the file's, else
     * {@link #DEFAULT_GENERATED_ROWS}. 0 turns generation off.
     */
    public long generatedRows(Long runSetting) {
        return runSetting != null ? runSetting : generatedRows != null ? generatedRows : DEFAULT_GENERATED_ROWS;
    }

    public boolean isIrreversible(MigrationVersion version) {
        return irreversible.contains(version);
    }

    public boolean isLossy(MigrationVersion version) {
        return lossy.contains(version);
    }

    /** Whether {@code table.column} is declared volatile; names compare ignoring case, as the engines mostly do. */
    public boolean isVolatile(String table, String column) {
        String name = table + "." + column;
        return volatileColumns.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** The expected defect of {@code step} of {@code version} (null for set-level steps). */
    public Optional<ExpectedDefect> expectedDefect(MigrationVersion version, Step step) {
        return expected.stream().filter(e -> e.step() == step)
                .filter(e -> version == null ? e.migration() == null : version.equals(e.migration()))
                .findFirst();
    }

    /**
     * One {@code expect} entry.
     *
     * @param migration the version, or null for the set-level steps (full chain, history)
     * @param failsWith text the failure message must contain
     */
    public record ExpectedDefect(MigrationVersion migration, Step step, String failsWith) {
    }

    /**
     * The {@code drills} block: drills run as extra steps under every migration, each on a scratch
     * database of its own.
     *
     * @param backup one step per migration: restoring the pre-migration backup brings back schema and data
     * @param faults one step per planned fault ({@code FaultInjection.plan}): the migration interrupted
     *     there recovers to the pre-migration state
     * @param maxFaults at most this many "fail after statement k" faults per migration (a deterministic sample)
     * @param objective the recovery-time objective of the backup restore
     */
    public record Drills(boolean backup, boolean faults, int maxFaults, Duration objective) {

        public static Drills off() {
            return new Drills(false, false, FaultOptions.DEFAULT_MAX_FAULTS, DrillOptions.DEFAULT_OBJECTIVE);
        }

        public boolean any() {
            return backup || faults;
        }

        /** The injection settings the fault steps are planned and run with. */
        public FaultOptions faultOptions() {
            return FaultOptions.defaults().withMaxFaults(maxFaults);
        }
    }
}
