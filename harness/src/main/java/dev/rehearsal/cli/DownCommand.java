package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Roll back the last migration, down to a version (--to), or the last batch (--batch).")
final class DownCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Mixin
    SafetyBackupOptions safetyBackup;

    @Option(names = "--to", paramLabel = "VERSION", description = "Roll back every migration newer than VERSION.")
    String to;

    @Option(names = "--batch", description = "Roll back every migration of the last up run.")
    boolean batch;

    @Mixin
    JsonOption jsonOption;

    @Override
    boolean json() {
        return jsonOption.enabled;
    }

    @Override
    public Integer call() {
        if (json()) {
            return JsonOutput.print(out(), "down", this::displayTarget,
                    () -> JsonOutput.run("down", displayTarget(), rollBack()));
        }
        return summarize(rollBack(), "nothing to roll back");
    }

    private RunResult rollBack() {
        if (to != null && batch) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "--to and --batch exclude each other");
        }
        safety.guard("down");
        DownScope scope = batch ? DownScope.lastBatch() : to != null ? DownScope.to(MigrationVersion.parse(to)) : DownScope.last();
        return protectedRun(safetyBackup, r -> r.down(scope));
    }
}
