package dev.rehearsal.database;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database Rehearsal connects to: a JDBC URL, optional credentials, and the dialect the URL
 * implies. {@link #toString()} and {@link #displayUrl()} never show the password.
 */
public record Target(String url, String user, String password, Dialect dialect) {

    /** A JDBC URL, or a plain file path (taken as a SQLite database). */
    public static Target of(String urlOrPath) {
        return of(urlOrPath, null, null);
    }

    public static Target of(String urlOrPath, String user, String password) {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "no database given: pass --url jdbc:... or a SQLite file path");
        }
        String url = urlOrPath.startsWith("jdbc:") ? urlOrPath : "jdbc:sqlite:" + Path.of(urlOrPath).toAbsolutePath();
        return new Target(url, user, password, Dialects.forUrl(url));
    }

    public static Target sqlite(Path file) {
        return of("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Opens a connection in auto-commit mode; failures name the masked URL. */
    public Connection connect() {
        if (dialect == Dialects.SQLITE) {
            requireSqliteDirectory();
        }
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot connect to " + displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /** SQLite would say only "unable to open database file" for a file in a missing directory. */
    private void requireSqliteDirectory() {
        String file = ServerUrls.databaseName(url);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot open SQLite database " + file + ": directory "
                    + parent + " does not exist; create it first or choose another path");
        }
    }

    /** The URL with any password masked. */
    public String displayUrl() {
        return JdbcUrls.maskPasswords(url);
    }

    /** The same server with another database (schema) name in the URL; not for SQLite. */
    public Target withDatabase(String database) {
        return new Target(ServerUrls.replaceDatabase(url, database), user, password, dialect);
    }

    /** The database name in the URL (the file name for SQLite). */
    public String databaseName() {
        return ServerUrls.databaseName(url);
    }

    @Override
    public String toString() {
        return dialect.name() + " " + displayUrl() + (user == null ? "" : " as " + user);
    }
}
