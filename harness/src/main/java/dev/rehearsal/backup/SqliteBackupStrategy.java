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

/**
 * SQLite: {@code VACUUM INTO} writes a consistent copy through the engine (never a file copy of an
 * open database, which can catch a half-written page), and sqlite-jdbc's {@code restore from}
 * replaces the target's pages through SQLite's online backup API.
 */
final class SqliteBackupStrategy implements BackupStrategy {

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
    public void dump(Target source, Path file) {
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            s.execute("vacuum into '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot back up " + source.displayUrl() + " into "
                    + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restore(Path file, Target target) {
        String path = file.toAbsolutePath().toString();
        if (path.contains("\"")) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot restore from " + path
                    + ": sqlite-jdbc cannot read a path with a double quote; move the backup elsewhere");
        }
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("restore from \"" + path + "\"");
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot restore " + file + " into "
                    + target.displayUrl() + ": " + e.getMessage(), e);
        }
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
