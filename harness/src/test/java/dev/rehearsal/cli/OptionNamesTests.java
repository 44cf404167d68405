package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** One name per option across commands; an old name still works, hidden, and says which name replaced it. */
class OptionNamesTests {
    private static final String NOTE = "note: --dir is deprecated and will be removed; use --backup-dir (same meaning)";

    @TempDir
    Path dir;

    /** Every command and subcommand, depth first. */
    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    @Test
    void everyBackupDirectoryOptionIsCalledBackupDirAndDirIsHiddenWhereItStaysAsAnAlias() {
        List<String> withBackupDir = new ArrayList<>();
        for (CommandLine command : commands(RehearsalCommand.commandLine(name -> true))) {
            String name = command.getCommandSpec().qualifiedName(" ");
            OptionSpec dirOption = command.getCommandSpec().findOption("--dir");
            if (dirOption != null) {
                assertThat(dirOption.hidden()).as(name + " --dir is only a deprecated alias").isTrue();
                assertThat(command.getCommandSpec().findOption("--backup-dir")).as(name).isNotNull();
            }
            if (command.getCommandSpec().findOption("--backup-dir") != null) {
                withBackupDir.add(name);
            }
        }
        assertThat(withBackupDir).contains("rehearsal up", "rehearsal down", "rehearsal redo", "rehearsal reset",
                "rehearsal refresh", "rehearsal stage", "rehearsal drill rollback", "rehearsal drill faults",
                "rehearsal backup create", "rehearsal backup list", "rehearsal backup verify",
                "rehearsal backup restore", "rehearsal backup delete");
        CliRun help = CliRun.of("backup", "list", "--help");
        assertThat(help.out()).contains("--backup-dir=DIR").doesNotContain("--dir");
    }

    @Test
    void theOldDirNameStillWorksOnBackupAndStageAndSaysSoOnce() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            Path migrations = Files.createDirectories(dir.resolve("migrations"));
            Files.writeString(migrations.resolve("1_notes.up.sql"), "create table notes (id integer primary key);\n");
            Files.writeString(migrations.resolve("1_notes.down.sql"), "drop table notes;\n");
            Path backups = dir.resolve("old-name");

            CliRun stage = CliRun.of("stage", "--url", db.target().url(), "--migrations", migrations.toString(),
                    "--dir", backups.toString());
            assertThat(stage.exitCode()).as(stage.toString()).isZero();
            assertThat(stage.err().lines().filter(NOTE::equals)).hasSize(1);
            try (Stream<Path> files = Files.list(backups)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("db_backup_"));
            }

            CliRun oldName = CliRun.of("backup", "list", "--dir", backups.toString());
            CliRun newName = CliRun.of("backup", "list", "--backup-dir", backups.toString());
            assertThat(oldName.exitCode()).as(oldName.toString()).isZero();
            assertThat(oldName.err().lines().filter(NOTE::equals)).hasSize(1);
            assertThat(newName.err()).doesNotContain("deprecated");
            assertThat(oldName.out()).isEqualTo(newName.out()).contains("db_backup_");
        }
    }
}
