package dev.rehearsal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "redo", mixinStandardHelpOptions = true, description = "Roll back the last migration and apply it again.")
final class RedoCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Override
    public Integer call() {
        safety.guard("redo");
        return summarize(runner().redo(), "nothing to redo: no migration is applied");
    }
}
