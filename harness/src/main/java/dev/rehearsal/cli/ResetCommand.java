package dev.rehearsal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reset", mixinStandardHelpOptions = true, description = "Roll back every applied migration.")
final class ResetCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Override
    public Integer call() {
        safety.guard("reset");
        return summarize(runner().reset(), "nothing to roll back");
    }
}
