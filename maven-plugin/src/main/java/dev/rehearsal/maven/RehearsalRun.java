package dev.rehearsal.maven;

import java.util.List;
import java.util.Map;

/**
 * What one run of the engine through the launcher did, on the plugin's side of the class-loader boundary.
 *
 * @param lookedFor what was searched for suites, for the "nothing was rehearsed" message
 * @param suites the suite classes selected
 * @param failures one line per failed step or container: path of display names, then the message
 */
record RehearsalRun(long passed, long failed, long skipped, List<String> failures, String lookedFor, List<String> suites) {

    RehearsalRun {
        failures = List.copyOf(failures);
        suites = List.copyOf(suites);
    }

    @SuppressWarnings("unchecked")
    static RehearsalRun from(Map<String, Object> map) {
        return new RehearsalRun((Long) map.get("passed"), (Long) map.get("failed"), (Long) map.get("skipped"),
                (List<String>) map.get("failures"), (String) map.get("lookedFor"), (List<String>) map.get("suites"));
    }

    long steps() {
        return passed + failed + skipped;
    }

    /** The line a build log shows, e.g. {@code Rehearsal: 10 steps, 9 passed, 1 failed, 0 skipped}. */
    String summary() {
        return "Rehearsal: " + steps() + (steps() == 1 ? " step, " : " steps, ") + passed + " passed, " + failed
                + " failed, " + skipped + " skipped";
    }
}
