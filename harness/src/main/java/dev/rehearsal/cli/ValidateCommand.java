package dev.rehearsal.cli;

import dev.rehearsal.runner.ValidationReport;
import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check applied migrations against the files: changed checksums, files missing, out-of-order pending migrations.")
final class ValidateCommand extends MigrationCommand {
    @Override
    public Integer call() {
        ValidationReport report = runner().validate();
        if (report.isValid()) {
            out().println("valid: the history matches the migration files");
            return 0;
        }
        report.problems().forEach(p -> spec.commandLine().getErr().println("invalid: " + p));
        spec.commandLine().getErr().flush();
        return 1;
    }
}
