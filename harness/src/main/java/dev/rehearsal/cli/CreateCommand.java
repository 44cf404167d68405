package dev.rehearsal.cli;

import dev.rehearsal.migration.MigrationFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a new migration in the directory's format, versioned with a UTC timestamp.")
final class CreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--migrations", paramLabel = "DIR", defaultValue = "migrations",
            description = "Migrations directory (default: ${DEFAULT-VALUE}).")
    Path migrations;

    @Parameters(paramLabel = "NAME", description = "What the migration does, e.g. add_user_indexes.")
    String name;

    @Override
    public Integer call() {
        for (Path created : MigrationFiles.create(migrations, name, Clock.systemUTC())) {
            spec.commandLine().getOut().println("created " + created);
        }
        return 0;
    }
}
