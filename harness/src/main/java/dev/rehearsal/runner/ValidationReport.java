package dev.rehearsal.runner;

import java.util.List;

/**
 * What {@code validate} found: problems (each refuses {@code up} or {@code down}; none when the
 * history and the files agree) and warnings (a down script changed on its own since it was applied).
 */
public record ValidationReport(List<String> problems, List<String> warnings) {
    public ValidationReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public ValidationReport(List<String> problems) {
        this(problems, List.of());
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
