package dev.rehearsal.rehearse.results;

import dev.rehearsal.rehearse.plan.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Joins shards' results into one results file: sets by id, targets by engine, steps by unique id,
 * in the order of the whole plan. Every planned step must appear exactly once: a step found in two
 * inputs keeps the first and is listed as duplicated, a planned step in none stays missing; either
 * makes the merged verdict INCOMPLETE (see {@link Coverage}), naming the steps.
 */
public final class ResultsMerger {
    private ResultsMerger() {
    }

    /** @param parts in the order given; the first of a duplicated step wins */
    public static RehearsalResults merge(List<RehearsalResults> parts) {
        Map<String, SuiteParts> suites = new LinkedHashMap<>();
        for (RehearsalResults part : parts) {
            for (SuiteResult suite : part.suites()) {
                SuiteParts merged = suites.computeIfAbsent(suite.id(), id -> new SuiteParts(suite));
                merged.error = merged.error != null ? merged.error : suite.error();
                suite.targets().forEach(t -> merged.targets.computeIfAbsent(t.target(), k -> new TargetParts())
                        .add(suite.id(), t));
            }
        }
        List<SuiteResult> merged = suites.values().stream().map(s -> new SuiteResult(s.first.id(), s.first.name(),
                s.first.migrations(), s.error, s.targets.entrySet().stream()
                        .map(e -> e.getValue().merged(e.getKey())).toList())).toList();
        String started = parts.stream().map(RehearsalResults::startedAt).filter(Objects::nonNull)
                .min(Comparator.comparing(Instant::parse)).orElse(null);
        String finished = parts.stream().map(RehearsalResults::finishedAt).filter(Objects::nonNull)
                .max(Comparator.comparing(Instant::parse)).orElse(null);
        return new RehearsalResults(RehearsalResults.FORMAT_VERSION, started, finished, merged);
    }

    private static final class SuiteParts {
        final SuiteResult first;
        final Map<String, TargetParts> targets = new LinkedHashMap<>();
        String error;

        SuiteParts(SuiteResult first) {
            this.first = first;
        }
    }

    /** One target's pieces from every input. */
    private static final class TargetParts {
        final Set<String> planned = new LinkedHashSet<>();
        final Map<String, StepResult> steps = new LinkedHashMap<>();
        final Map<String, MigrationResult> migrations = new LinkedHashMap<>();
        final Map<String, String> migrationOf = new HashMap<>();
        final Set<String> duplicated = new LinkedHashSet<>();
        final List<TargetResult> inputs = new ArrayList<>();
        boolean planKnown = true;

        void add(String suiteId, TargetResult target) {
            inputs.add(target);
            if (target.planned() == null) {
                planKnown = false;
            } else {
                planned.addAll(target.planned());
            }
            duplicated.addAll(target.duplicated());
            List<NodeId> ids = Coverage.present(suiteId, target);
            List<StepResult> results = Stream.concat(target.migrations().stream().flatMap(m -> m.steps().stream()),
                    target.setSteps().stream()).toList();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i).toString();
                if (steps.putIfAbsent(id, results.get(i)) != null) {
                    duplicated.add(id);
                } else if (ids.get(i).migration() != null) {
                    migrationOf.put(id, ids.get(i).migration());
                }
            }
            target.migrations().forEach(m -> migrations.putIfAbsent(m.version(), m));
        }

        TargetResult merged(String kind) {
            List<String> order = new ArrayList<>(planned);
            steps.keySet().stream().filter(id -> !planned.contains(id)).forEach(order::add);
            Map<String, List<StepResult>> byMigration = new LinkedHashMap<>();
            List<StepResult> setSteps = new ArrayList<>();
            for (String id : order) {
                StepResult step = steps.get(id);
                if (step == null) {
                    continue;
                }
                String version = migrationOf.get(id);
                if (version == null) {
                    setSteps.add(step);
                } else {
                    byMigration.computeIfAbsent(version, v -> new ArrayList<>()).add(step);
                }
            }
            List<MigrationResult> merged = byMigration.entrySet().stream().map(e -> {
                MigrationResult m = migrations.get(e.getKey());
                return new MigrationResult(m.version(), m.name(), m.hasRollback(), m.needsBackup(), m.lossy(), e.getValue());
            }).toList();
            // Each shard seeds the fixtures of its own migrations: together they seeded what one run would.
            Map<String, Long> seeded = new LinkedHashMap<>();
            inputs.forEach(t -> t.seededRows().forEach((table, rows) -> seeded.merge(table, rows, Math::max)));
            return new TargetResult(kind, status(), first(TargetResult::reason), first(TargetResult::maskedUrl),
                    first(TargetResult::serverVersion), merged, setSteps, planKnown ? List.copyOf(planned) : null,
                    List.copyOf(duplicated), first(TargetResult::server), seeded);
        }

        /** Any failure fails the target; any part skipped (its server unreachable) leaves it not proven there. */
        private TargetStatus status() {
            for (TargetStatus worst : List.of(TargetStatus.FAILED, TargetStatus.SKIPPED)) {
                if (inputs.stream().anyMatch(t -> t.status() == worst)) {
                    return worst;
                }
            }
            return TargetStatus.PASSED;
        }

        private String first(Function<TargetResult, String> field) {
            return inputs.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
        }
    }
}
