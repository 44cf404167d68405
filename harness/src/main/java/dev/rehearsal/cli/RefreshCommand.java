package dev.rehearsal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "refresh", mixinStandardHelpOptions = true, description = "Roll back every migration, then apply all again.")
final class RefreshCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Override
    public Integer call() {
        safety.guard("refresh");
        return summarize(runner().refresh(), "no migrations");
    }
}
