package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.io.IOException;
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

/**
 * MariaDB: {@code mariadb-dump} (or {@code mysqldump}) in one consistent transaction with routines and
 * triggers, restored with the {@code mariadb} client into a dropped and recreated database (same
 * character set and collation), so tables created after the backup do not survive. MariaDB commits
 * DDL implicitly, so a failure part-way leaves the database partly restored: {@link BackupService}
 * takes a safety backup first.
 */
final class MariaDbBackupStrategy implements BackupStrategy {
    private static final String PACKAGE = "the MariaDB client (Debian: mariadb-client)";
    private static final String DUMP_DONE = "-- Dump completed";

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
    public void dump(Target source, Path file) {
        ServerAddress address = ServerAddress.of(source, 3306);
        List<String> command = new ArrayList<>(List.of(dumpTool().toString(), "--single-transaction", "--routines",
                "--triggers", "--skip-dump-date", "--result-file=" + file.toAbsolutePath()));
        command.addAll(connection(address));
        command.add(address.database());
        ExternalTools.runOrFail("mariadb-dump of " + source.displayUrl(), command, environment(address), null, null);
    }

    @Override
    public void restore(Path file, Target target) {
        ServerAddress address = ServerAddress.of(target, 3306);
        Path client = clientTool();
        recreateDatabase(target, address.database());
        List<String> command = new ArrayList<>(List.of(client.toString()));
        command.addAll(connection(address));
        command.add(address.database());
        ExternalTools.runOrFail("mariadb restore into " + target.displayUrl(), command, environment(address), file, null);
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

    private static void recreateDatabase(Target target, String database) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            String charset;
            String collation;
            try (PreparedStatement p = c.prepareStatement("select default_character_set_name, default_collation_name"
                    + " from information_schema.schemata where schema_name = ?")) {
                p.setString(1, database);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new RehearsalException(ErrorCode.BACKUP_FAILED, "database " + database + " not found on "
                                + target.displayUrl());
                    }
                    charset = rs.getString(1);
                    collation = rs.getString(2);
                }
            }
            String quoted = target.dialect().quote(database);
            s.execute("drop database " + quoted);
            s.execute("create database " + quoted + " character set " + charset + " collate " + collation);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot recreate database " + database + " on "
                    + target.displayUrl() + " before the restore: " + e.getMessage(), e);
        }
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
