package dev.rehearsal.rehearse.results;

import java.util.List;

/**
 * Everything one engine run proved, written as {@code rehearsal-results.json}; the HTML report is
 * rendered from it. Fields are only ever added, never renamed: {@link #FORMAT_VERSION} changes when
 * meaning does.
 *
 * @param startedAt ISO-8601 instant
 * @param finishedAt ISO-8601 instant
 */
public record RehearsalResults(int formatVersion, String startedAt, String finishedAt, List<SuiteResult> suites) {
    public static final int FORMAT_VERSION = 1;

    public RehearsalResults {
        suites = List.copyOf(suites);
    }
}
