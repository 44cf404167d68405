package dev.rehearsal.rehearse.plan;

import dev.rehearsal.RehearsalException;
import java.nio.file.Path;
import java.util.List;

/**
 * One migration set and what will run of it, target by target.
 *
 * @param id the unique-id value: an annotated class's name, or the absolute migrations directory
 * @param name the display name
 * @param fixtures the fixtures directory, or null
 * @param verification the verification-suite directory, or null
 * @param error why the set cannot run at all (a broken {@code rehearsal.yaml}), or null
 */
public record SuitePlan(String id, String name, Path migrations, Path fixtures, Path verification,
        Declarations declarations, RehearsalException error, List<TargetPlan> targets) {

    public SuitePlan {
        targets = List.copyOf(targets);
    }

    public NodeId nodeId() {
        return NodeId.suite(id);
    }
}
