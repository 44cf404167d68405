package dev.rehearsal.cli;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rehearsal snapshot --url ... [--out file.json]}: the schema and data fingerprint as JSON. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Writes the schema snapshot and data fingerprint of a database as JSON (stdout without --out).")
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, description = "JDBC URL, or a SQLite file path")
    String url;

    @Option(names = "--user", description = "database user")
    String user;

    @Option(names = "--password", description = "database password", arity = "0..1", interactive = true)
    String password;

    @Option(names = "--out", description = "file to write; stdout when absent")
    Path out;

    @Option(names = "--exclude", split = ",", description = "tables to leave out (comma-separated)")
    List<String> excluded = List.of();

    @Override
    public Integer call() {
        try {
            Target target = Target.of(url, user, password);
            DatabaseSnapshot snapshot;
            try (Connection c = target.connect()) {
                snapshot = DatabaseSnapshot.take(c, target.dialect(), new HashSet<>(excluded));
            }
            if (out == null) {
                spec.commandLine().getOut().println(snapshot.toJson());
            } else {
                Files.writeString(out, snapshot.toJson() + "\n");
                spec.commandLine().getOut().println("snapshot of " + target.displayUrl() + ": "
                        + snapshot.schema().tables().size() + " tables, written to " + out);
            }
            return 0;
        } catch (RehearsalException e) {
            spec.commandLine().getErr().println("rehearsal snapshot: " + e.getMessage());
            return e.code().exitCode();
        } catch (IOException | SQLException e) {
            spec.commandLine().getErr().println("rehearsal snapshot: " + e.getMessage());
            return 1;
        }
    }
}
