package dev.rehearsal.cli;

import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.RunResult;
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

    @Mixin
    JsonOption jsonOption;

    @Override
    boolean json() {
        return jsonOption.enabled;
    }

    @Override
    boolean createsDatabase() {
        return true;
    }

    @Override
    public Integer call() {
        if (json()) {
            return JsonOutput.print(out(), "up", this::displayTarget,
                    () -> JsonOutput.run("up", displayTarget(), migrateUp()));
        }
        return summarize(migrateUp(), "nothing to apply: the database is up to date");
    }

    private RunResult migrateUp() {
        safety.guard("up");
        MigrationVersion target = to == null ? null : MigrationVersion.parse(to);
        return protectedRun(safetyBackup, runner -> runner.up(target));
    }
}
