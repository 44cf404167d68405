package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: {@code pg_dump -Fc --no-owner} in the snapshot the manifest was read in, restored
 * atomically: the schemas are dropped (so objects created after the backup do not survive;
 * {@code --clean} alone only drops what the dump contains), the dump's SQL is replayed and checked
 * against the manifest in the same psql transaction, which commits only when the check passed. {@code --restrict-key} is not passed:
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

    /**
     * The manifest's state, the content digests and the dump all come from one snapshot: a
     * repeatable-read transaction exports it and pg_dump imports it ({@code --snapshot}), so a write
     * during the backup cannot make the manifest describe something else than the file.
     */
    @Override
    public SourceState dump(Target source, Path file, SourceState.Reader reader) {
        ServerAddress address = ServerAddress.of(source, 5432);
        Path pgDump = tools.require("back up PostgreSQL", PACKAGE, "pg_dump");
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            SourceState state = reader.read(c).withContentDigests(PostgresContentDigests.read(c));
            List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-owner",
                    "--snapshot=" + snapshot, "--file=" + file.toAbsolutePath()));
            command.addAll(connection(address));
            ExternalTools.runOrFail("pg_dump of " + source.displayUrl(), command, environment(address), null, null);
            c.rollback();
            return state;
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot read " + source.displayUrl()
                    + " in the dump's snapshot: " + e.getMessage() + "; nothing was changed", e);
        }
    }

    /**
     * One psql session, fed through a pipe from this JVM: {@code BEGIN}, the drops of
     * {@link PostgresReplaceScript}, the dump's SQL as pg_restore streams it (no SQL copy of the
     * backup is written to disk), then {@link PostgresContentDigests#check} compares every table
     * with the manifest, and only after psql confirms that check does this JVM send {@code COMMIT}.
     * Any error stops psql (ON_ERROR_STOP) and the server rolls the transaction back; so does the
     * death of this JVM at any point before COMMIT, because psql then reads end-of-file.
     */
    @Override
    public void restore(Path file, Target target, RestoreCheck check) {
        ServerAddress address = ServerAddress.of(target, 5432);
        Path pgRestore = tools.require("restore a PostgreSQL backup", PACKAGE, "pg_restore");
        Path psql = tools.require("restore a PostgreSQL backup", PACKAGE, "psql");
        String drops = PostgresReplaceScript.of(target).text();
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String checked = "rehearsal-checked-" + nonce;
        List<String> command = new ArrayList<>(List.of(psql.toString(), "--no-psqlrc", "--quiet",
                "--set=ON_ERROR_STOP=1", "--output=/dev/null"));
        command.addAll(connection(address));
        try (ClientProcess session = ClientProcess.start(command, environment(address))) {
            try {
                OutputStream in = session.input();
                in.write(("begin;\n" + drops).getBytes(StandardCharsets.UTF_8));
                PostgresDumpStream.copy(pgRestore, file, in);
                in.write((PostgresContentDigests.check(check.manifest().contentDigests(), "rehearsal_" + nonce)
                        + "\\echo " + checked + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                if (!session.awaitLine(checked)) {
                    throw rolledBack(session.finish());
                }
                in.write("commit;\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException stoppedReading) {
                throw rolledBack(session.finish()); // psql stopped at an error and closed its input
            }
            ExternalTools.Result result = session.finish();
            if (!result.ok()) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "psql exited with " + result.exitCode()
                        + " at COMMIT, so the transaction was rolled back: " + errorsIn(result.output()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "interrupted before COMMIT: psql was stopped and its"
                    + " transaction rolled back", e);
        }
    }

    private static RehearsalException rolledBack(ExternalTools.Result result) {
        return new RehearsalException(ErrorCode.BACKUP_FAILED, "psql exited with " + result.exitCode()
                + " before COMMIT and its transaction was rolled back: " + errorsIn(result.output()));
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

    /**
     * psql's error and the lines that continue it (a multi-line message), without its notices,
     * warnings and the PL/pgSQL context; all of the output when there is no ERROR line.
     */
    private static String errorsIn(String output) {
        List<String> errors = new ArrayList<>();
        boolean inError = false;
        for (String line : output.lines().toList()) {
            if (line.contains("ERROR:") || line.contains("FATAL:")) {
                inError = true;
            } else if (line.startsWith("CONTEXT:") || line.contains("WARNING:") || line.contains("NOTICE:")) {
                inError = false;
            }
            if (inError) {
                errors.add(line);
            }
        }
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
