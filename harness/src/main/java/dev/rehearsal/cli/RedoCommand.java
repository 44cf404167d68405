package dev.rehearsal.cli;

import dev.rehearsal.runner.MigrationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "redo", mixinStandardHelpOptions = true, description = "Roll back the last migration and apply it again.")
final class RedoCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Mixin
    SafetyBackupOptions safetyBackup;

    @Override
    public Integer call() {
        safety.guard("redo");
        return runProtected(safetyBackup, MigrationRunner::redo, "nothing to redo: no migration is applied");
    }
}
