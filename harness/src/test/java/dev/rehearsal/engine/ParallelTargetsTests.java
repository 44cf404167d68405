package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** With parallel execution on, the targets of a set rehearse at the same time, each on its own database. */
class ParallelTargetsTests {
    @TempDir
    Path reports;

    @Test
    void targetsOverlapInTimeAndProveTheSameAsInSequence() {
        EngineRuns.on("postgres");
        EngineRuns.on("mariadb");
        Map<String, String> config = new HashMap<>(EngineRuns.on("sqlite"));
        config.put(Constants.TARGETS, "sqlite,postgres,mariadb");
        config.put(Constants.PARALLEL_ENABLED, "true");
        config.put(Constants.PARALLEL_CONFIG_PREFIX + "strategy", "fixed");
        config.put(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "3");

        EngineExecutionResults results = EngineRuns.runSet(reports, "good", config);

        results.testEvents().assertStatistics(s -> s.started(42).succeeded(42).failed(0).skipped(0).aborted(0));
        List<Interval> targets = targetIntervals(results);
        assertThat(targets).hasSize(3);
        // At least two target runs were under way at the same moment.
        boolean overlap = false;
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                overlap |= targets.get(i).overlaps(targets.get(j));
            }
        }
        assertThat(overlap).as("target intervals %s", targets).isTrue();
    }

    private static List<Interval> targetIntervals(EngineExecutionResults results) {
        Map<String, Instant> started = new HashMap<>();
        Map<String, Instant> finished = new HashMap<>();
        for (Event event : results.containerEvents().list()) {
            String id = event.getTestDescriptor().getUniqueId().toString();
            if (!event.getTestDescriptor().getUniqueId().getLastSegment().getType().equals(
                    dev.rehearsal.rehearse.plan.SegmentTypes.TARGET)) {
                continue;
            }
            if (event.getType() == EventType.STARTED) {
                started.put(id, event.getTimestamp());
            } else if (event.getType() == EventType.FINISHED) {
                finished.put(id, event.getTimestamp());
            }
        }
        return started.keySet().stream().map(id -> new Interval(id, started.get(id), finished.get(id))).toList();
    }

    private record Interval(String id, Instant start, Instant end) {
        boolean overlaps(Interval other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }
}
