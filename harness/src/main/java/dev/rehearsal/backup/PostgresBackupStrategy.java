package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: {@code pg_dump -Fc --no-owner}, restored atomically: the schemas are dropped (so objects
 * created after the backup do not survive; {@code --clean} alone only drops what the dump contains)
 * and the dump's SQL is replayed in the same psql transaction. {@code --restrict-key} is not passed:
 * pg_dump accepts it only for plain and tar output, and the checksum is taken of the file as written.
 */
final class PostgresBackupStrategy implements BackupStrategy {
    private static final Pattern CLIENT_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");
    private static final String PACKAGE = "the PostgreSQL client tools (Debian: postgresql-client)";

    private final ExternalTools tools;

    PostgresBackupStrategy(ExternalTools tools) {
        this.tools = tools;
    }

    @Override
    public String extension() {
        return "dump";
    }

    @Override
    public void checkCanDump(Target source) {
        Path pgDump = tools.require("back up PostgreSQL", PACKAGE, "pg_dump");
        int client = clientMajor(pgDump);
        int server = serverMajor(source);
        if (client < server) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "pg_dump " + client + " (" + pgDump
                    + ") is older than the PostgreSQL " + server + " server at " + source.displayUrl()
                    + " and cannot dump it; install the version " + server + " client tools; nothing was changed");
        }
    }

    @Override
    public void checkCanRestore(Target target) {
        tools.require("restore a PostgreSQL backup", PACKAGE, "pg_restore");
        tools.require("restore a PostgreSQL backup", PACKAGE, "psql");
    }

    @Override
    public void dump(Target source, Path file) {
        ServerAddress address = ServerAddress.of(source, 5432);
        List<String> command = new ArrayList<>(List.of(tools.require("back up PostgreSQL", PACKAGE, "pg_dump").toString(),
                "--format=custom", "--no-owner", "--file=" + file.toAbsolutePath()));
        command.addAll(connection(address));
        ExternalTools.runOrFail("pg_dump of " + source.displayUrl(), command, environment(address), null, null);
    }

    /**
     * Converts the dump to SQL (no connection needed: a damaged dump stops here, before the target is
     * touched), then one psql session with {@code --single-transaction} and {@code ON_ERROR_STOP} runs
     * {@link PostgresReplaceScript}: the drops and the dump's SQL commit together or not at all.
     */
    @Override
    public void restore(Path file, Target target) {
        ServerAddress address = ServerAddress.of(target, 5432);
        Path pgRestore = tools.require("restore a PostgreSQL backup", PACKAGE, "pg_restore");
        Path psql = tools.require("restore a PostgreSQL backup", PACKAGE, "psql");
        Path work = BackupFiles.createPrivateWorkDirectory(file);
        try {
            Path sql = work.resolve("dump.sql");
            ExternalTools.runOrFail("pg_restore converting " + file.getFileName() + " to SQL (" + target.displayUrl()
                    + " was not touched)", List.of(pgRestore.toString(), "--no-owner", "--file=" + sql,
                    file.toAbsolutePath().toString()), Map.of(), null, null);
            Path script = BackupFiles.writeWorkFile(work.resolve("replace.sql"),
                    PostgresReplaceScript.of(target).text(sql.getFileName().toString()));
            List<String> command = new ArrayList<>(List.of(psql.toString(), "--no-psqlrc", "--quiet",
                    "--single-transaction", "--set=ON_ERROR_STOP=1", "--output=/dev/null", "--file=" + script));
            command.addAll(connection(address));
            ExternalTools.Result result = ExternalTools.run(command, environment(address), null, null);
            if (!result.ok()) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "psql exited with " + result.exitCode()
                        + " and its transaction was rolled back: " + errorsIn(result.output()));
            }
        } finally {
            BackupFiles.deleteTree(work);
        }
    }

    @Override
    public RestoreProtection restoreProtection() {
        return RestoreProtection.TRANSACTION;
    }

    @Override
    public List<String> integrityProblems(Path file) {
        Path pgRestore = tools.require("check a PostgreSQL backup", PACKAGE, "pg_restore");
        ExternalTools.Result listing = ExternalTools.run(List.of(pgRestore.toString(), "--list",
                file.toAbsolutePath().toString()), Map.of(), null, null);
        return listing.ok() ? List.of() : List.of("pg_restore --list rejects the file: " + listing.output());
    }

    /** The ERROR lines of psql's output (its notices and warnings are noise here), or all of it. */
    private static String errorsIn(String output) {
        List<String> errors = output.lines().filter(l -> l.contains("ERROR:") || l.contains("FATAL:")).toList();
        return errors.isEmpty() ? output : String.join("\n", errors);
    }

    private static List<String> connection(ServerAddress address) {
        List<String> options = new ArrayList<>(List.of("--host=" + address.host(), "--port=" + address.port(),
                "--dbname=" + address.database(), "--no-password"));
        if (address.user() != null) {
            options.add("--username=" + address.user());
        }
        return options;
    }

    private static Map<String, String> environment(ServerAddress address) {
        Map<String, String> environment = new HashMap<>();
        if (address.password() != null) {
            environment.put("PGPASSWORD", address.password());
        }
        return environment;
    }

    private static int clientMajor(Path pgDump) {
        ExternalTools.Result version = ExternalTools.runOrFail("pg_dump --version", List.of(pgDump.toString(), "--version"),
                Map.of(), null, null);
        Matcher m = CLIENT_VERSION.matcher(version.output());
        if (!m.find()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot read the version of " + pgDump + " from '"
                    + version.output() + "'");
        }
        return Integer.parseInt(m.group(1));
    }

    private static int serverMajor(Target source) {
        try (Connection c = source.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).trim()) / 10000;
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED, "cannot read the server version of "
                    + source.displayUrl() + ": " + e.getMessage(), e);
        }
    }
}
