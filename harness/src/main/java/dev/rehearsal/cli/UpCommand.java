package dev.rehearsal.cli;

import dev.rehearsal.migration.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Apply pending migrations, each in its own transaction where the database allows it.")
final class UpCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Mixin
    SafetyBackupOptions safetyBackup;

    @Option(names = "--to", paramLabel = "VERSION", description = "Stop after this version.")
    String to;

    @Override
    boolean createsDatabase() {
        return true;
    }

    @Override
    public Integer call() {
        safety.guard("up");
        MigrationVersion target = to == null ? null : MigrationVersion.parse(to);
        return runProtected(safetyBackup, runner -> runner.up(target),
                "nothing to apply: the database is up to date");
    }
}
