package dev.rehearsal.rehearse.results;

import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.TargetKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much of a target's whole plan its results hold. A complete result holds every planned step
 * exactly once; anything else (a one-node rerun, one shard, a merge missing a shard or given one
 * twice) is incomplete, and its verdict can never be READY.
 *
 * @param planned how many steps the whole plan has
 * @param ran how many of them the results hold
 * @param missing planned steps the results do not hold, in plan order
 * @param duplicated steps a merge found more than once
 */
public record Coverage(int planned, int ran, List<NodeId> missing, List<NodeId> duplicated) {
    /** How many node names a message lists before it says "and N more". */
    private static final int NAMED = 8;

    public Coverage {
        missing = List.copyOf(missing);
        duplicated = List.copyOf(duplicated);
    }

    /** The coverage of {@code target}, a target of the suite with unique-id value {@code suiteId}. */
    public static Coverage of(String suiteId, TargetResult target) {
        List<NodeId> duplicated = target.duplicated().stream().map(NodeId::parse).toList();
        if (target.planned() == null) { // written before plans were recorded: what it holds is all we know
            int held = target.migrations().stream().mapToInt(m -> m.steps().size()).sum() + target.setSteps().size();
            return new Coverage(held, held, List.of(), duplicated);
        }
        Set<NodeId> held = new LinkedHashSet<>(present(suiteId, target));
        List<NodeId> planned = target.planned().stream().map(NodeId::parse).toList();
        List<NodeId> missing = planned.stream().filter(id -> !held.contains(id)).toList();
        return new Coverage(planned.size(), planned.size() - missing.size(), missing, duplicated);
    }

    /** The unique id of every step {@code target} holds, in its order. */
    public static List<NodeId> present(String suiteId, TargetResult target) {
        NodeId targetId = NodeId.suite(suiteId).target(TargetKind.find(target.target()).orElseThrow(
                () -> new IllegalArgumentException("unknown target '" + target.target() + "' in the results")));
        List<NodeId> ids = new ArrayList<>();
        for (MigrationResult m : target.migrations()) {
            m.steps().forEach(s -> ids.add(targetId.migration(m.version()).step(s.step())));
        }
        target.setSteps().forEach(s -> ids.add(targetId.step(s.step())));
        return ids;
    }

    public boolean complete() {
        return missing.isEmpty() && duplicated.isEmpty();
    }

    /**
     * {@code 3 of 26 proofs ran; not run: V2 apply, V2 redo, ... and 12 more}, and the duplicates; empty
     * text when complete.
     */
    public String describe() {
        if (complete()) {
            return "";
        }
        StringBuilder text = new StringBuilder().append(ran).append(" of ").append(planned)
                .append(planned == 1 ? " proof ran" : " proofs ran");
        if (!missing.isEmpty()) {
            text.append("; not run: ").append(names(missing));
        }
        if (!duplicated.isEmpty()) {
            text.append("; in more than one shard's results: ").append(names(duplicated));
        }
        return text.toString();
    }

    private static String names(List<NodeId> ids) {
        String named = ids.stream().limit(NAMED).map(NodeId::label).collect(Collectors.joining(", "));
        return ids.size() > NAMED ? named + " and " + (ids.size() - NAMED) + " more" : named;
    }
}
