package dev.rehearsal.cli;

import dev.rehearsal.runner.MigrationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reset", mixinStandardHelpOptions = true, description = "Roll back every applied migration.")
final class ResetCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Mixin
    SafetyBackupOptions safetyBackup;

    @Override
    public Integer call() {
        safety.guard("reset");
        return runProtected(safetyBackup, MigrationRunner::reset, "nothing to roll back");
    }
}
