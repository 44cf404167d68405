package dev.rehearsal.rehearse.plan;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count}: a deterministic part of the plan, so that CI jobs can
 * share a big rehearsal and {@code rehearsal report --merge} can join their results.
 *
 * <p>The unit is a whole migration on one target (its steps and drills stay together: they share
 * the database the migration is rehearsed on), and each set-level step (full chain, history).
 * Each migration set and target is divided on its own: its units, in plan order, are cut into
 * {@code count} contiguous runs of about the same number of steps (a unit goes to the run its first
 * step falls in), and shard {@code k} takes the {@code k}-th. The cut depends only on that set's plan on that target, never on which other sets
 * or targets a run holds, so a CI matrix over shards and targets covers every unit exactly once.
 * Contiguous runs keep the catch-up short: a shard starting at migration {@code v} brings its
 * database there with plain {@code up} (no proofs) once.
 *
 * @param index 1-based
 */
public record Shard(int index, int count) {
    /** The whole plan: no sharding. */
    public static final Shard WHOLE = new Shard(1, 1);

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not one of 1/" + count + ".."
                    + count + "/" + count);
        }
    }

    /**
     * Reads {@code K/N}.
     *
     * @param setting how the face names the setting ({@code --shard}, {@code rehearsal.shard}), for the message
     * @throws RehearsalException BAD_USAGE when the text is not {@code K/N} with {@code 1 <= K <= N}
     */
    public static Shard parse(String text, String setting) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (m.matches()) {
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n >= 1 && k >= 1 && k <= n) {
                return new Shard(k, n);
            }
        }
        throw new RehearsalException(ErrorCode.BAD_USAGE, setting + ": '" + text + "' is not a shard; write K/N with"
                + " 1 <= K <= N, e.g. 2/4 for the second of four shards");
    }

    public boolean whole() {
        return count == 1;
    }

    /** {@code 2/4}. */
    public String label() {
        return index + "/" + count;
    }

    /** This shard's part of a set: each target cut on its own; targets with nothing in this shard are left out. */
    public SuitePlan select(SuitePlan suite) {
        if (whole()) {
            return suite;
        }
        List<TargetPlan> targets = new ArrayList<>();
        for (TargetPlan target : suite.targets()) {
            TargetPlan part = select(target);
            if (part.error() != null || !part.migrations().isEmpty() || !part.setSteps().isEmpty()) {
                targets.add(part);
            }
        }
        return new SuitePlan(suite.id(), suite.name(), suite.migrations(), suite.fixtures(), suite.verification(),
                suite.declarations(), suite.error(), targets);
    }

    /**
     * This shard's part of one target. A target that cannot be read (or has no migrations and no
     * set steps) belongs to shard 1, so its error is reported exactly once.
     */
    public TargetPlan select(TargetPlan target) {
        if (whole() || target.migrations().isEmpty() && target.setSteps().isEmpty()) {
            return index == 1 ? target : target.part(List.of(), List.of());
        }
        int steps = target.migrations().stream().mapToInt(m -> m.steps().size()).sum() + target.setSteps().size();
        List<MigrationPlan> migrations = new ArrayList<>();
        List<PlannedStep> setSteps = new ArrayList<>();
        int first = 0; // the unit's first step, counted over the target's whole plan
        for (MigrationPlan migration : target.migrations()) {
            if (includes(first, steps)) {
                migrations.add(migration);
            }
            first += migration.steps().size();
        }
        for (PlannedStep step : target.setSteps()) {
            if (includes(first, steps)) {
                setSteps.add(step);
            }
            first++;
        }
        return target.part(migrations, setSteps);
    }

    /** Position {@code position} (0-based) of {@code positions} falls in the {@code index}-th of {@code count} contiguous runs. */
    boolean includes(int position, int positions) {
        return (int) ((long) position * count / positions) + 1 == index;
    }
}
