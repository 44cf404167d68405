package dev.rehearsal.cli;

import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rehearsal diff before.json after.json}: exit 0 when equal, 1 when different. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two snapshots written by 'rehearsal snapshot'; exit 1 when they differ.")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier snapshot.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later snapshot.")
    Path after;

    @Override
    public Integer call() {
        Diff diff = DatabaseSnapshot.compare(DatabaseSnapshot.read(before), DatabaseSnapshot.read(after),
                "in " + before.getFileName(), "in " + after.getFileName());
        // The labels read "in before.json" inside a difference line; the all-clear names the files plainly.
        spec.commandLine().getOut().println(diff.isEmpty()
                ? "no differences between " + before.getFileName() + " and " + after.getFileName()
                : diff.render());
        return diff.isEmpty() ? 0 : 1;
    }
}
