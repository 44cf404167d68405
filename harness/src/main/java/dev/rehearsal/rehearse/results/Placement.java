package dev.rehearsal.rehearse.results;

import dev.rehearsal.rehearse.plan.Shard;
import java.nio.file.Path;

/**
 * Where a run's results and report go, so that a part never silently replaces a whole: a complete
 * run writes into the report directory; a shard into {@code shard-K-of-N/} under it (one directory
 * per shard, ready for {@code rehearsal report --merge}); any other partial run (a one-node rerun
 * from an IDE, a unique-id selector) into {@code partial/} under it, beside the last full run's
 * report, which stays as it was.
 *
 * @param directory where the files go
 * @param note what to tell the person, one line; null for a complete run
 */
public record Placement(Path directory, String note) {
    /** The directory a partial run writes into, under the report directory. */
    public static final String PARTIAL = "partial";

    public static Placement of(Path reportDirectory, RehearsalResults results, Shard shard) {
        int planned = 0;
        int ran = 0;
        boolean complete = true;
        for (SuiteResult suite : results.suites()) {
            for (TargetResult target : suite.targets()) {
                Coverage coverage = Coverage.of(suite.id(), target);
                planned += coverage.planned();
                ran += coverage.ran();
                complete &= coverage.complete();
            }
        }
        String proofs = ran + " of " + planned + " proof" + (planned == 1 ? "" : "s") + " ran";
        if (!shard.whole()) {
            Path directory = reportDirectory.resolve("shard-" + shard.index() + "-of-" + shard.count());
            return new Placement(directory, "shard " + shard.label() + ": " + proofs + "; written to " + directory
                    + "; join every shard's " + ResultsWriter.FILE + " with `rehearsal report --merge` for the verdict");
        }
        if (complete) {
            return new Placement(reportDirectory, null);
        }
        Path directory = reportDirectory.resolve(PARTIAL);
        return new Placement(directory, "partial run (" + proofs + "): written to " + directory + ", beside the"
                + " report of the last full run in " + reportDirectory + ", which is left as it was");
    }
}
