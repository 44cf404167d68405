package dev.rehearsal.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * Fresh databases for tests: a SQLite temp file, or a uniquely named database on the local
 * PostgreSQL / MariaDB server, dropped on close. An unreachable server aborts the test (skipped,
 * with the reason) unless {@code REHEARSAL_REQUIRE_SERVERS=true}, as CI sets: then it fails.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
 * void works(String engine) {
 *     try (IsolatedDatabase db = TestDatabases.create(engine)) { ... db.target() ... }
 * }
 * }</pre>
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = env("REHEARSAL_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    public static final String MARIADB_URL = env("REHEARSAL_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/?user=root");

    private static final Map<String, String> UNREACHABLE = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** The engines every database test runs on. */
    public static Stream<String> engines() {
        return Stream.of("sqlite", "postgres", "mariadb");
    }

    public static IsolatedDatabase create(String engine) {
        return switch (engine) {
            case "sqlite" -> IsolatedDatabase.sqlite("rehearsal_test");
            case "postgres" -> IsolatedDatabase.on(server(engine, POSTGRES_URL), "rehearsal_test");
            case "mariadb" -> IsolatedDatabase.on(server(engine, MARIADB_URL), "rehearsal_test");
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }

    /** The first column of every row {@code sql} returns, as text, over a fresh connection. */
    public static List<String> firstColumn(Target target, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The server's admin target, after checking it answers (once per run). */
    public static Target server(String engine, String url) {
        Target server = Target.of(url);
        String reason = UNREACHABLE.computeIfAbsent(engine, e -> probe(server));
        if (!reason.isEmpty()) {
            String message = engine + " is not reachable at " + server.displayUrl() + ": " + reason;
            if (Boolean.parseBoolean(System.getenv("REHEARSAL_REQUIRE_SERVERS"))) {
                fail(message + " (REHEARSAL_REQUIRE_SERVERS=true; start it with ../shared/services.sh start)");
            }
            throw new TestAbortedException(message);
        }
        return server;
    }

    private static String probe(Target server) {
        try (Connection c = server.connect()) {
            return c.isValid(5) ? "" : "connection not valid";
        } catch (RehearsalException | java.sql.SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
