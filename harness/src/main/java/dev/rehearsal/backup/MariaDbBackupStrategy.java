package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MariaDB: {@code mariadb-dump} (or {@code mysqldump}) in one consistent transaction with routines and
 * triggers, restored with the {@code mariadb} client in sandbox mode into the emptied database, so
 * objects created after the backup do not survive. MariaDB commits DDL implicitly, so a failure
 * part-way leaves the database partly restored: {@link BackupService} takes a safety backup first,
 * and a {@link RestoreMarker} says so until the restored content is checked.
 */
final class MariaDbBackupStrategy implements BackupStrategy {
    private static final String PACKAGE = "the MariaDB client (Debian: mariadb-client)";
    private static final String DUMP_DONE = "-- Dump completed";
    private static final String SANDBOX_LINE = "/*M!999999\\- enable the sandbox mode */";
    private static final Map<Path, Boolean> SANDBOX_SUPPORT = new ConcurrentHashMap<>();

    private final ExternalTools tools;

    MariaDbBackupStrategy(ExternalTools tools) {
        this.tools = tools;
    }

    @Override
    public String extension() {
        return "sql";
    }

    @Override
    public void checkCanDump(Target source) {
        dumpTool();
    }

    @Override
    public void checkCanRestore(Target target) {
        clientTool();
    }

    @Override
    public SourceState dump(Target source, Path file, SourceState.Reader reader) {
        SourceState state = BackupStrategy.readSeparately(source, reader);
        ServerAddress address = ServerAddress.of(source, 3306);
        List<String> command = new ArrayList<>(List.of(dumpTool().toString(), "--single-transaction", "--routines",
                "--triggers", "--skip-dump-date", "--ignore-table=" + address.database() + "." + RestoreMarker.TABLE,
                "--result-file=" + file.toAbsolutePath()));
        command.addAll(connection(address));
        command.add(address.database());
        ExternalTools.runOrFail("mariadb-dump of " + source.displayUrl(), command, environment(address), null, null);
        return state;
    }

    /**
     * Places the {@link RestoreMarker} before anything changes, empties the database (everything
     * but the marker; the database itself, with its character set and grants, stays), then feeds
     * the dump to the client through a pipe from this JVM: if this JVM dies, the client reads
     * end-of-file and stops. The client runs in sandbox mode whatever the file says, so a dump
     * carrying client commands ({@code \! sh ...}, {@code \. file}) fails instead of running them.
     */
    @Override
    public void restore(Path file, Target target, RestoreCheck check) {
        ServerAddress address = ServerAddress.of(target, 3306);
        Path client = clientTool();
        List<String> command = new ArrayList<>(List.of(client.toString()));
        command.addAll(sandbox(client, file));
        command.addAll(connection(address));
        command.add(address.database());
        emptyDatabase(target, address.database(), check.interruptedNote());
        try (ClientProcess session = ClientProcess.start(command, environment(address))) {
            try (InputStream dump = Files.newInputStream(file)) {
                dump.transferTo(session.input());
            } catch (IOException stoppedReading) {
                // The client stopped at an error; its exit code and message follow.
            }
            ExternalTools.Result result = session.finish();
            if (!result.ok()) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "mariadb restore into " + target.displayUrl()
                        + " failed: " + client.getFileName() + " exited with " + result.exitCode()
                        + (result.output().isEmpty() ? "" : ": " + result.output()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "interrupted while restoring into "
                    + target.displayUrl() + "; the client was stopped", e);
        }
    }

    /**
     * {@code --sandbox} when the client has it (MariaDB 10.5.25, 10.6.18, 10.11.8 and later); an
     * older client (or MySQL's) only gets a dump whose first line turns the sandbox on itself.
     */
    private List<String> sandbox(Path client, Path file) {
        if (SANDBOX_SUPPORT.computeIfAbsent(client, MariaDbBackupStrategy::hasSandboxOption)) {
            return List.of("--sandbox");
        }
        String first;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = String.valueOf(in.readLine());
        } catch (IOException e) {
            first = "";
        }
        if (!first.startsWith(SANDBOX_LINE)) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, client + " has no --sandbox option and "
                    + file.getFileName() + " does not start with the line that enables the sandbox ('" + SANDBOX_LINE
                    + "'), so client commands in it could run; refusing to restore it (nothing was changed). Install a"
                    + " MariaDB client of 10.5.25, 10.6.18, 10.11.8 or later");
        }
        return List.of();
    }

    private static boolean hasSandboxOption(Path client) {
        ExternalTools.Result help = ExternalTools.run(List.of(client.toString(), "--help"), Map.of(), null, null);
        return help.output().contains("--sandbox");
    }

    @Override
    public RestoreProtection restoreProtection() {
        return RestoreProtection.SAFETY_BACKUP;
    }

    /** A sanity parse: a dump header at the top, and the footer mariadb-dump writes only when it finished. */
    @Override
    public List<String> integrityProblems(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("cannot read " + file.getFileName() + " as UTF-8 text: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        boolean header = lines.stream().limit(5).anyMatch(l -> l.startsWith("-- MariaDB dump") || l.startsWith("-- MySQL dump"));
        if (!header) {
            problems.add("no '-- MariaDB dump' header in the first lines: not a mariadb-dump file");
        }
        String last = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        if (!last.startsWith(DUMP_DONE)) {
            problems.add("the last line is not '" + DUMP_DONE + "': the dump is truncated or was edited");
        }
        return problems;
    }

    private Path dumpTool() {
        return tools.require("back up MariaDB", PACKAGE, "mariadb-dump", "mysqldump");
    }

    private Path clientTool() {
        return tools.require("restore a MariaDB backup", PACKAGE, "mariadb", "mysql");
    }

    /** Marks the target, then drops every view, table, sequence, routine and event in it but the marker. */
    private static void emptyDatabase(Target target, String database, String note) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            RestoreMarker.place(c, target, note);
            s.execute("set foreign_key_checks = 0");
            List<String> drops = new ArrayList<>();
            drops.addAll(strings(c, "select concat(case table_type when 'VIEW' then 'drop view '"
                    + " when 'SEQUENCE' then 'drop sequence ' else 'drop table ' end, '`', replace(table_name, '`', '``'),"
                    + " '`') from information_schema.tables where table_schema = ? and table_name <> ?"
                    + " order by table_type = 'VIEW' desc, table_name", database, RestoreMarker.TABLE));
            drops.addAll(strings(c, "select concat('drop ', routine_type, ' `', replace(routine_name, '`', '``'), '`')"
                    + " from information_schema.routines where routine_schema = ?", database));
            drops.addAll(strings(c, "select concat('drop event `', replace(event_name, '`', '``'), '`')"
                    + " from information_schema.events where event_schema = ?", database));
            for (String drop : drops) {
                s.execute(drop);
            }
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot empty database " + database + " on "
                    + target.displayUrl() + " before the restore: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Connection c, String query, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static List<String> connection(ServerAddress address) {
        List<String> options = new ArrayList<>(List.of("--protocol=tcp", "--host=" + address.host(),
                "--port=" + address.port()));
        if (address.user() != null) {
            options.add("--user=" + address.user());
        }
        return options;
    }

    private static Map<String, String> environment(ServerAddress address) {
        Map<String, String> environment = new HashMap<>();
        if (address.password() != null) {
            environment.put("MYSQL_PWD", address.password());
        }
        return environment;
    }
}
