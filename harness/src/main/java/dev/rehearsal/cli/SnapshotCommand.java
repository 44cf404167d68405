package dev.rehearsal.cli;

import dev.rehearsal.database.Target;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rehearsal snapshot --url ... [--out file.json]}: the schema and data fingerprint as JSON. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Write the schema snapshot and data fingerprint of a database as JSON (to stdout without --out).")
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write; stdout when absent.")
    Path out;

    @Option(names = "--exclude", paramLabel = "TABLE", split = ",",
            description = "Tables to leave out, comma-separated (rehearsal_* tables always are).")
    List<String> excluded = List.of();

    @Override
    public Integer call() throws IOException, SQLException {
        if (out != null) {
            OutputFile.checkWritable(out);
        }
        Target target = targetOptions.existingTarget();
        DatabaseSnapshot snapshot;
        try (Connection c = target.connect()) {
            snapshot = DatabaseSnapshot.take(c, target.dialect(), new HashSet<>(excluded));
        }
        if (out == null) {
            spec.commandLine().getOut().println(snapshot.toJson());
        } else {
            OutputFile.write(out, snapshot.toJson() + "\n");
            spec.commandLine().getOut().println("snapshot of " + target.displayUrl() + ": "
                    + snapshot.schema().tables().size() + " tables, written to " + out);
        }
        return 0;
    }
}
