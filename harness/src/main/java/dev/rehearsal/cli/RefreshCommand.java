package dev.rehearsal.cli;

import dev.rehearsal.runner.MigrationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "refresh", mixinStandardHelpOptions = true, description = "Roll back every migration, then apply all again.")
final class RefreshCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Mixin
    SafetyBackupOptions safetyBackup;

    @Override
    public Integer call() {
        safety.guard("refresh");
        return runProtected(safetyBackup, MigrationRunner::refresh, "no migrations");
    }
}
