package dev.rehearsal.rehearse.results;

import java.util.List;

/**
 * One migration set (a {@code @RehearsalSuite} class or a selected directory).
 *
 * @param id the suite's unique-id value: class name or directory path
 * @param name the display name
 * @param migrations the migrations directory
 * @param error why the suite could not run at all (bad rehearsal.yaml), or null
 */
public record SuiteResult(String id, String name, String migrations, String error, List<TargetResult> targets) {

    public SuiteResult {
        targets = List.copyOf(targets);
    }
}
