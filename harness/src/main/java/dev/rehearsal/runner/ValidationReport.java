package dev.rehearsal.runner;

import java.util.List;

/** What {@code validate} found; empty when the history and the files agree. */
public record ValidationReport(List<String> problems) {
    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
