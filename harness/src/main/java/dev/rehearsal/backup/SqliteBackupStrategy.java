package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConnection;

/**
 * SQLite: {@code VACUUM INTO} writes a consistent copy through the engine (never a file copy of an
 * open database, which can catch a half-written page). A restore first checks a private side copy
 * of the backup against the manifest, then sqlite-jdbc's {@code restore from} replaces the target's
 * pages with that checked copy's through SQLite's online backup API. That API writes the pages in one
 * write transaction on the target (its journal undoes a half-done restore) and honours other
 * connections' locks, which replacing the file by a rename would not: a process holding the old
 * file open would go on writing to a deleted file, and a leftover {@code -wal} would be paired with
 * the wrong database.
 */
final class SqliteBackupStrategy implements BackupStrategy {
    private static final int SQLITE_OK = 0;
    private static final int RETRY_SLEEP_MILLIS = 100;
    private static final int RETRIES_WHILE_LOCKED = 30;
    private static final int PAGES_PER_STEP = 100;

    @Override
    public String extension() {
        return "db";
    }

    @Override
    public void checkCanDump(Target source) {
        // Nothing outside the JVM is needed.
    }

    @Override
    public void checkCanRestore(Target target) {
        // Nothing outside the JVM is needed.
    }

    @Override
    public SourceState dump(Target source, Path file, SourceState.Reader reader) {
        SourceState state = BackupStrategy.readSeparately(source, reader);
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            s.execute("vacuum into '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
            return state;
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot back up " + source.displayUrl() + " into "
                    + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the backup into an owner-only side file and checks that copy against the manifest
     * first: a backup whose content differs is refused before the target is touched. Only then
     * does SQLite's backup API copy the checked side file's pages into the target, in one write
     * transaction (see the class comment for why not a rename).
     */
    @Override
    public void restore(Path file, Target target, RestoreCheck check) {
        Path work = BackupFiles.createPrivateWorkDirectory(file);
        try {
            Path side = BackupFiles.copyOwnerOnly(file, work.resolve("restore.db"));
            check.verifyStaged().accept(Target.of("jdbc:sqlite:" + side.toAbsolutePath()));
            copyPages(side, target);
        } finally {
            BackupFiles.deleteTree(work);
        }
    }

    /**
     * Through sqlite-jdbc's backup API call, not its {@code restore from} statement: both report
     * success when the target stays locked and nothing was copied, so completion is taken only from
     * the progress callback reporting no page left.
     */
    private static void copyPages(Path file, Target target) {
        AtomicBoolean complete = new AtomicBoolean();
        int result;
        try (Connection c = target.connect()) {
            result = c.unwrap(SQLiteConnection.class).getDatabase().restore("main", file.toAbsolutePath().toString(),
                    (remaining, pages) -> complete.set(remaining == 0), RETRY_SLEEP_MILLIS,
                    RETRIES_WHILE_LOCKED, PAGES_PER_STEP);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot restore " + file + " into "
                    + target.displayUrl() + ": " + e.getMessage(), e);
        }
        if (result != SQLITE_OK || !complete.get()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "SQLite's backup API did not finish restoring " + file
                    + " into " + target.displayUrl() + " (result code " + result + (result == SQLITE_OK
                    ? "; the target stayed locked by another connection: close it and try again)" : ")"));
        }
    }

    @Override
    public RestoreProtection restoreProtection() {
        return RestoreProtection.TRANSACTION;
    }

    @Override
    public List<String> integrityProblems(Path file) {
        List<String> problems = new ArrayList<>();
        // Read-only, so checking a backup can never change it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("pragma integrity_check")) {
            while (rs.next()) {
                if (!"ok".equalsIgnoreCase(rs.getString(1))) {
                    problems.add("integrity_check: " + rs.getString(1));
                }
            }
        } catch (SQLException e) {
            problems.add("integrity_check cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        return problems;
    }
}
