package dev.rehearsal.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Remove failed history entries (after fixing the database by hand) and realign checksums with the files.")
final class RepairCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Override
    public Integer call() {
        safety.guard("repair");
        List<String> changes = runner().repair();
        if (changes.isEmpty()) {
            out().println("nothing to repair");
            return 0;
        }
        changes.forEach(out()::println);
        out().println("(history changes only, in one transaction; the schema and data were not touched)");
        return 0;
    }
}
