package dev.rehearsal.cli;

import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.MigrationStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every migration: applied, pending, failed, rolled back, or missing from disk.")
final class StatusCommand extends MigrationCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() {
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
        // The table says "failed" or "interrupted"; what that means and what to do is one line more.
        runner.repairNeeded().forEach(problem -> out().println("NEEDS REPAIR: " + problem));
        return 0;
    }
}
