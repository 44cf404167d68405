package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.MigrationStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Every migration's state. Exits 1 (a failure, as {@code up} would report it) when a migration
 * failed or was interrupted part-way and the history needs {@code repair}: a script can tell
 * "needs a person" from the exit code alone. A down script changed since it was applied is a
 * warning only.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every migration: applied, pending, failed, rolled back, or missing from disk."
                + " Exits 1 when a failed or interrupted migration needs repair.")
final class StatusCommand extends MigrationCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    JsonOption jsonOption;

    @Override
    boolean json() {
        return jsonOption.enabled;
    }

    @Override
    public Integer call() {
        if (json()) {
            return JsonOutput.print(out(), "status", this::displayTarget, () -> {
                MigrationRunner runner = runner();
                List<String> repair = runner.repairNeeded();
                return JsonOutput.status(displayTarget(), runner.status(), runner.changedDowns(), repair,
                        exitCode(repair));
            });
        }
        MigrationRunner runner = runner();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "STATUS", "NAME", "LAST RUN (UTC)", "EXECUTION TIME", "ROLLBACK"});
        for (MigrationStatus s : runner.status()) {
            rows.add(new String[] {s.version().text(), s.state(), s.name(),
                    s.appliedAt() == null ? "-" : TIME.format(s.appliedAt()),
                    s.executionMillis() < 0 ? "-" : s.executionMillis() + " ms",
                    s.hasRollback() ? "yes" : "NONE"});
        }
        Tables.print(out(), rows);
        runner.changedDowns().forEach(warning -> out().println("WARNING: " + warning));
        // The table says "failed" or "interrupted"; what that means and what to do is one line more.
        List<String> repair = runner.repairNeeded();
        repair.forEach(problem -> out().println("NEEDS REPAIR: " + problem));
        return exitCode(repair);
    }

    private static int exitCode(List<String> needsRepair) {
        return needsRepair.isEmpty() ? 0 : ErrorCode.NEEDS_REPAIR.exitCode();
    }
}
