package dev.rehearsal.snapshot.diff;

import java.util.List;
import java.util.stream.Collectors;

/**
 * All differences between two states, in a deterministic order, with a plain-text rendering for
 * test failures and the CLI.
 *
 * @param beforeLabel how the first state is called in messages ("before up", "backup")
 * @param afterLabel how the second state is called ("after rollback", "restored")
 */
public record Diff(String beforeLabel, String afterLabel, List<Difference> differences) {

    public Diff {
        differences = List.copyOf(differences);
    }

    public static Diff empty(String beforeLabel, String afterLabel) {
        return new Diff(beforeLabel, afterLabel, List.of());
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    public Diff plus(Diff other) {
        return new Diff(beforeLabel, afterLabel,
                java.util.stream.Stream.concat(differences.stream(), other.differences.stream()).toList());
    }

    /** One line per difference, e.g. {@code index idx_docs_owner on docs: missing after rollback}. */
    public String render() {
        if (isEmpty()) {
            return "no differences between " + beforeLabel + " and " + afterLabel;
        }
        return differences.stream().map(this::render).collect(Collectors.joining("\n"));
    }

    public String render(Difference difference) {
        // Java 17: no pattern switch yet, and the interface is sealed to these three.
        if (difference instanceof Difference.Added a) {
            return a.kind() + " " + a.subject() + ": not there " + beforeLabel + ", present " + afterLabel
                    + (a.after() == null || a.after().isEmpty() ? "" : " (" + a.after() + ")");
        }
        if (difference instanceof Difference.Removed r) {
            return r.kind() + " " + r.subject() + ": missing " + afterLabel
                    + (r.before() == null || r.before().isEmpty() ? "" : " (was " + r.before() + ")");
        }
        Difference.Changed c = (Difference.Changed) difference;
        return c.kind() + " " + c.subject() + ": "
                + (c.detail() != null && !c.detail().isEmpty() ? c.detail()
                        : c.before() + " " + beforeLabel + ", " + c.after() + " " + afterLabel);
    }

    @Override
    public String toString() {
        return render();
    }
}
