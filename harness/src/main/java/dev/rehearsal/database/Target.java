package dev.rehearsal.database;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database Rehearsal connects to: a JDBC URL, optional credentials, the dialect the URL implies,
 * and for SQLite the functions a set declares (registered on every connection).
 * {@link #toString()} and {@link #displayUrl()} never show the password.
 */
public record Target(String url, String user, String password, Dialect dialect, SqliteFunctions functions) {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");
    // Also without "//": jdbc:postgresql:app and jdbc:sqlite:app.db are URLs too.
    private static final Set<String> KNOWN_SCHEMES = Set.of("postgres", "postgresql", "mariadb", "mysql", "sqlite");

    public Target {
        functions = functions == null ? SqliteFunctions.none() : functions;
    }

    public Target(String url, String user, String password, Dialect dialect) {
        this(url, user, password, dialect, SqliteFunctions.none());
    }

    /** A JDBC URL, or a plain file path (taken as a SQLite database). */
    public static Target of(String urlOrPath) {
        return of(urlOrPath, null, null);
    }

    public static Target of(String urlOrPath, String user, String password) {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "no database given: pass --url jdbc:... or a SQLite file path");
        }
        String url = urlOrPath;
        if (!url.startsWith("jdbc:")) {
            requireNotAUrl(urlOrPath, password);
            url = "jdbc:sqlite:" + Path.of(urlOrPath).toAbsolutePath();
        }
        return new Target(url, user, password, Dialects.forUrl(url));
    }

    /**
     * Neither pgjdbc nor MariaDB Connector/J reads {@code user:password@} before the host: they fail
     * with "connection attempt failed" or "Incorrect port value". The hint says what they do read.
     */
    private String userInfoHint() {
        return dialect != Dialects.SQLITE && JdbcUrls.userInfoEnd(url) >= 0
                ? ". The " + dialect.name() + " driver does not read user:password@ before the host: write the user as"
                        + " ?user=NAME and give the password through an environment variable (the CLI reads"
                        + " REHEARSAL_PASSWORD, the engine REHEARSAL_" + dialect.name().toUpperCase(Locale.ROOT)
                        + "_PASSWORD)"
                : "";
    }

    /**
     * A URL without its jdbc: prefix would become a SQLite file named after it (password and all), or
     * fail on a missing directory: say what to type instead.
     */
    private static void requireNotAUrl(String urlOrPath, String password) {
        Matcher url = SCHEME.matcher(urlOrPath);
        if (!url.find()) {
            return;
        }
        String scheme = url.group(1).toLowerCase(Locale.ROOT);
        if (urlOrPath.startsWith("//", url.end()) || KNOWN_SCHEMES.contains(scheme)) {
            String fixed = "jdbc:" + (scheme.equals("postgres") ? "postgresql" : scheme) + urlOrPath.substring(url.end(1));
            throw new RehearsalException(ErrorCode.BAD_USAGE, "'" + JdbcUrls.maskPasswords(urlOrPath, urlOrPath, password)
                    + "' is a database URL without the jdbc: prefix: use " + JdbcUrls.maskPasswords(fixed, fixed, password)
                    + " (only a value without a scheme is taken as a SQLite file path)");
        }
    }

    public static Target sqlite(Path file) {
        return of("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Opens a connection in auto-commit mode; failures name the masked URL. */
    public Connection connect() {
        requireSqlitePath();
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        DriverLogMasking.install();
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            if (dialect == Dialects.SQLITE && !functions.isEmpty()) {
                registerFunctions(connection);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot connect to " + displayUrl() + ": " + mask(e.getMessage()) + userInfoHint(),
                    MaskedDriverException.of(e, this::mask));
        }
    }

    private void registerFunctions(Connection connection) throws SQLException {
        try {
            functions.registerOn(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** This target with {@code declared} registered on each SQLite connection it opens (servers ignore them). */
    public Target withFunctions(SqliteFunctions declared) {
        return new Target(url, user, password, dialect, declared);
    }

    /**
     * This target, after checking that a SQLite database file exists: SQLite would create an empty
     * one on connect, so a mistyped path would look like an empty database. Servers are checked by
     * connecting.
     *
     * @throws RehearsalException BAD_USAGE naming the file when it does not exist or is a directory
     */
    public Target requireExisting() {
        requireSqlitePath();
        Optional<Path> file = sqliteFile();
        if (file.isPresent() && !Files.exists(file.get())) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "no SQLite database at " + file.get().toAbsolutePath()
                    + "; check the path (only commands that migrate up create a new database file)");
        }
        return this;
    }

    /**
     * SQLite would say only "unable to open database file" for a directory, or for a file in a missing
     * directory.
     */
    private void requireSqlitePath() {
        Optional<Path> file = sqliteFile();
        if (file.isPresent() && Files.isDirectory(file.get())) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot open SQLite database " + file.get().toAbsolutePath()
                    + ": it is a directory, not a database file; give the path of the database file"
                    + " (e.g. " + file.get().toAbsolutePath().resolve("app.db") + ")");
        }
        Optional<Path> parent = file.map(f -> f.toAbsolutePath().getParent());
        if (parent.isPresent() && !Files.isDirectory(parent.get())) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot open SQLite database " + sqliteFile().get()
                    + ": directory " + parent.get() + " does not exist; create it first or choose another path");
        }
    }

    /** The database file of a SQLite target; empty for a server, an in-memory database or a file: URI. */
    private Optional<Path> sqliteFile() {
        String file = dialect == Dialects.SQLITE ? ServerUrls.databaseName(url) : "";
        return file.isEmpty() || file.equals(":memory:") || file.startsWith("file:") ? Optional.empty()
                : Optional.of(Path.of(file));
    }

    /** The URL with any password masked. */
    public String displayUrl() {
        return mask(url);
    }

    /**
     * {@code text} derived from this target (a driver's message) with the passwords of its URL and its
     * password masked wherever they show, in URL shape or not; null stays null.
     */
    public String mask(String text) {
        return JdbcUrls.maskPasswords(text, url, password);
    }

    /** The same server with another database (schema) name in the URL; not for SQLite. */
    public Target withDatabase(String database) {
        return new Target(ServerUrls.replaceDatabase(url, database), user, password, dialect, functions);
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
