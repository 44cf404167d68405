package dev.rehearsal.cli;

import picocli.CommandLine.Command;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the newest applied migration version.")
final class VersionCommand extends MigrationCommand {
    @Override
    public Integer call() {
        out().println(runner().currentVersion().map(v -> v.text()).orElse("none: no migration is applied"));
        return 0;
    }
}
