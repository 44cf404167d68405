package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.runner.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check applied migrations against the files: changed checksums, files missing, out-of-order"
                + " pending migrations. A down script changed on its own is a warning.")
final class ValidateCommand extends MigrationCommand {
    @Mixin
    JsonOption jsonOption;

    @Override
    boolean json() {
        return jsonOption.enabled;
    }

    @Override
    public Integer call() {
        if (json()) {
            return JsonOutput.print(out(), "validate", this::displayTarget, () -> {
                ValidationReport report = runner().validate();
                return JsonOutput.validate(displayTarget(), report,
                        report.isValid() ? 0 : ErrorCode.VALIDATION_FAILED.exitCode());
            });
        }
        ValidationReport report = runner().validate();
        report.warnings().forEach(w -> out().println("WARNING: " + w));
        if (report.isValid()) {
            out().println("valid: the history matches the migration files");
            return 0;
        }
        report.problems().forEach(p -> spec.commandLine().getErr().println("invalid: " + p));
        spec.commandLine().getErr().flush();
        return 1;
    }
}
