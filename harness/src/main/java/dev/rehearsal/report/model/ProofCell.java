package dev.rehearsal.report.model;

import java.util.List;

/**
 * One proof for one migration (or one migration set) on one target.
 *
 * @param proof the column id, e.g. {@code rollback-schema}
 * @param title the column title, e.g. {@code rollback restores schema}
 * @param message why it failed, was skipped or warned; null for a plain pass or when not run
 * @param diffLines the differences, one line each; empty when there are none
 * @param millis time taken, 0 when unknown
 * @param expectedDefect passed because it failed as declared
 */
public record ProofCell(String proof, String title, ProofStatus status, String message, List<String> diffLines,
        long millis, boolean expectedDefect) {

    public ProofCell {
        diffLines = List.copyOf(diffLines);
    }

    /** True when a person should open it: it carries a reason or a diff. */
    public boolean hasDetails() {
        return message != null || !diffLines.isEmpty();
    }

    /** The same cell under another column id and title (set steps name their own). */
    public ProofCell withProof(String id, String newTitle) {
        return new ProofCell(id, newTitle, status, message, diffLines, millis, expectedDefect);
    }
}
