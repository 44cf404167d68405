package dev.rehearsal.database;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, uniquely named database for one rehearsal or one test, removed on {@link #close()}:
 * a temporary file for SQLite, {@code CREATE DATABASE rehearsal_<random>} on a server.
 */
public final class IsolatedDatabase implements AutoCloseable {
    private final Target server;
    private final Target target;
    private final Path sqliteFile;
    private boolean keep;

    private IsolatedDatabase(Target server, Target target, Path sqliteFile) {
        this.server = server;
        this.target = target;
        this.sqliteFile = sqliteFile;
    }

    /** A new SQLite file in the temporary directory. */
    public static IsolatedDatabase sqlite(String prefix) {
        return sqlite(prefix, SqliteFunctions.none());
    }

    /** A new SQLite file in the temporary directory, whose connections register {@code functions}. */
    public static IsolatedDatabase sqlite(String prefix, SqliteFunctions functions) {
        try {
            Path file = Files.createTempFile(safe(prefix) + "-", ".db");
            return new IsolatedDatabase(null, Target.sqlite(file).withFunctions(functions), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new database on the server behind {@code server} (whose URL may name any database the
     * user can connect to), created now and dropped on close.
     */
    public static IsolatedDatabase on(Target server, String prefix) {
        if (server.dialect() == Dialects.SQLITE) {
            return sqlite(prefix);
        }
        String name = safe(prefix) + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create database " + server.dialect().quote(name));
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot create database " + name + " on " + server.displayUrl() + ": " + e.getMessage(), e);
        }
        return new IsolatedDatabase(server, server.withDatabase(name), null);
    }

    public Target target() {
        return target;
    }

    /** Keeps the database after close (for looking into a failed run). */
    public void keep() {
        this.keep = true;
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        if (sqliteFile != null) {
            try {
                Files.deleteIfExists(sqliteFile);
                Files.deleteIfExists(Path.of(sqliteFile + "-journal"));
                Files.deleteIfExists(Path.of(sqliteFile + "-wal"));
                Files.deleteIfExists(Path.of(sqliteFile + "-shm"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String name = target.databaseName();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            if (server.dialect() == Dialects.POSTGRES) {
                s.execute("drop database if exists " + server.dialect().quote(name) + " with (force)");
            } else {
                s.execute("drop database if exists " + server.dialect().quote(name));
            }
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot drop database " + name + " on " + server.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    private static String safe(String prefix) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return cleaned.isEmpty() ? "rehearsal" : cleaned;
    }
}
