package dev.rehearsal.rehearse.plan;

/**
 * The unique-id segment types of the Rehearsal engine:
 * {@code [engine:rehearsal]/[suite:<class or directory>]/[target:sqlite]/[migration:<version>]/[step:apply]},
 * with {@code [step:full-chain]} and {@code [step:history]} directly under a target, and the drills
 * {@code [step:backup-restore]}, {@code [step:fault-fail-3]}, {@code [step:fault-cut-2]} under a migration.
 */
public final class SegmentTypes {
    /** Value: the {@code @RehearsalSuite} class name, or the absolute migrations directory. */
    public static final String SUITE = "suite";
    /** Value: {@code sqlite}, {@code postgres} or {@code mariadb}. */
    public static final String TARGET = "target";
    /** Value: the migration version as written in the file name. */
    public static final String MIGRATION = "migration";
    /** Value: a {@link Step#id()} or a {@link DrillStep#id()}. */
    public static final String STEP = "step";

    private SegmentTypes() {
    }
}
