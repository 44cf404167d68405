package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.snapshot.data.RowDiffer;
import dev.rehearsal.snapshot.data.TableFingerprint;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal diff before.json after.json}, or two live databases with
 * {@code --before-url/--after-url}: exit 0 when equal, 1 when different. Only live databases can
 * name the differing rows: a snapshot file keeps checksums, not rows.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two snapshots written by 'rehearsal snapshot', or two live databases (--before-url,"
                + " --after-url: then differing rows are named by primary key); exit 1 when they differ.")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BEFORE", description = "The earlier snapshot file.")
    Path before;

    @Parameters(index = "1", arity = "0..1", paramLabel = "AFTER", description = "The later snapshot file.")
    Path after;

    @Option(names = "--before-url", paramLabel = "URL", description = "The earlier state as a live database.")
    String beforeUrl;

    @Option(names = "--after-url", paramLabel = "URL", description = "The later state as a live database.")
    String afterUrl;

    @Mixin
    CredentialOptions credentials;

    @Override
    public Integer call() throws Exception {
        boolean anyFile = before != null || after != null;
        boolean anyUrl = beforeUrl != null || afterUrl != null;
        boolean files = before != null && after != null && !anyUrl;
        boolean live = beforeUrl != null && afterUrl != null && !anyFile;
        if (!files && !live) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "give two snapshot files (rehearsal diff a.json b.json)"
                    + " or two databases (--before-url URL --after-url URL), not a mix");
        }
        String allClear;
        Diff diff;
        if (files) {
            diff = DatabaseSnapshot.compare(DatabaseSnapshot.read(before), DatabaseSnapshot.read(after),
                    "in " + before.getFileName(), "in " + after.getFileName());
            allClear = "no differences between " + before.getFileName() + " and " + after.getFileName();
        } else {
            Target earlier = Target.of(beforeUrl, credentials.user, credentials.password()).requireExisting();
            Target later = Target.of(afterUrl, credentials.user, credentials.password()).requireExisting();
            if (earlier.dialect() != later.dialect()) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, "both databases must be of one engine: "
                        + earlier.dialect().name() + " and " + later.dialect().name());
            }
            diff = liveDiff(earlier, later);
            allClear = "no differences between " + earlier.displayUrl() + " and " + later.displayUrl();
        }
        // The labels read "in before.json" inside a difference line; the all-clear names both plainly.
        spec.commandLine().getOut().println(diff.isEmpty() ? allClear : diff.render());
        return diff.isEmpty() ? 0 : 1;
    }

    /** Schema and data differences, then for every table whose data differ, its differing rows by key. */
    private static Diff liveDiff(Target earlier, Target later) throws Exception {
        try (Connection b = earlier.connect(); Connection a = later.connect()) {
            DatabaseSnapshot sb = DatabaseSnapshot.take(b, earlier.dialect(), Set.of());
            DatabaseSnapshot sa = DatabaseSnapshot.take(a, later.dialect(), Set.of());
            Diff diff = DatabaseSnapshot.compare(sb, sa, "before", "after");
            for (TableFingerprint table : sb.data().tables()) {
                Optional<TableFingerprint> other = sa.data().table(table.table());
                if (other.isPresent() && !other.get().equals(table)) {
                    diff = diff.plus(RowDiffer.compareRows(b, a, earlier.dialect(), table.table(),
                            RowDiffer.DEFAULT_SAMPLE, "before", "after"));
                }
            }
            return diff;
        }
    }
}
