package dev.rehearsal.report.model;

import java.util.List;

/**
 * A failed proof laid out for reading: where, what, and the differences one per line.
 *
 * @param anchor the HTML id the matrix cell links to
 * @param migration {@code 20240102 unify media}, or null for a set step (full chain, history)
 */
public record Failure(String anchor, String migration, String proof, String message, List<String> diffLines) {

    public Failure {
        diffLines = List.copyOf(diffLines);
    }
}
