package dev.rehearsal.snapshot.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQLite's fast path (sqlite-jdbc's core API) must read exactly what {@code getObject} reads. */
class SqliteRowEncoderTests {
    /** Every storage class and the edge cases of each, in columns of every affinity. */
    private static final String[] VALUES = {
        "null", "0", "-1", "9223372036854775807", "-9223372036854775808", "2147483648", "-2147483649",
        "0.0", "-0.0", "1.5", "1e308", "-4.9e-324", "''", "'a'", "'0'", "'1'", "'ü€𝄞 text'",
        "'a' || char(0) || 'b'", "cast(x'c328' as text)", "cast(x'f0908d' as text)", "x''", "x'00'",
        "x'0123456789abcdef0123456789abcdef'", "'abc'", "zeroblob(3)",
    };

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16le", "UTF-16be"})
    void coreApiAndGetObjectGiveTheSameDigestForEveryStorageClass(String encoding) throws Exception {
        try (Connection c = Target.sqlite(dir.resolve("values.db")).connect()) {
            fill(c, encoding);

            assertThat(scansWithCoreApi(c)).isTrue();
            assertThat(digest(c, true)).isEqualTo(digest(c, false));
            assertThat(rowHashes(c, true)).isEqualTo(rowHashes(c, false)).hasSize(VALUES.length);
        }
    }

    @Test
    void theSameTextGivesTheSameFingerprintInUtf8AndUtf16Databases() throws Exception {
        // Valid text only: a blob cast to text keeps its bytes, which each encoding reads differently.
        String[] texts = {"''", "'a'", "'ü€𝄞 text'", "'a' || char(0) || 'b'", "'1'"};
        List<TableFingerprint> fingerprints = new ArrayList<>();
        for (String encoding : List.of("UTF-8", "UTF-16le", "UTF-16be")) {
            try (Connection c = Target.sqlite(dir.resolve(encoding + ".db")).connect()) {
                Sql.run(c, "pragma encoding = '" + encoding + "'", "create table t (id integer primary key, s text)");
                for (int k = 0; k < texts.length; k++) {
                    Sql.run(c, "insert into t values (" + k + ", " + texts[k] + ")");
                }
                fingerprints.add(digest(c, true));
            }
        }

        assertThat(fingerprints).hasSize(3).allSatisfy(f -> assertThat(f).isEqualTo(fingerprints.get(0)));
    }

    @Test
    void emptyTextEmptyBlobAndNullStayApart() throws Exception {
        try (Connection c = Target.sqlite(dir.resolve("empty.db")).connect()) {
            Sql.run(c, "create table t (id integer primary key, v)",
                    "insert into t values (1, null)", "insert into t values (2, '')", "insert into t values (3, x'')");

            List<String> hashes = new ArrayList<>();
            try (TableScan scan = TableScan.open(c, Dialects.SQLITE, "t", List.of("id"), true)) {
                while (scan.next()) {
                    hashes.add(scan.valueHash1(1) + ":" + scan.valueHash2(1));
                }
            }

            assertThat(hashes).doesNotHaveDuplicates().hasSize(3);
        }
    }

    @Test
    void aPooledConnectionThatUnwrapsKeepsTheFastPathAndOneThatDoesNotFallsBackToTheSameDigest() throws Exception {
        try (Connection c = Target.sqlite(dir.resolve("pooled.db")).connect()) {
            fill(c, "UTF-8");
            TableFingerprint direct = digest(c, true);

            for (boolean unwraps : new boolean[] {true, false}) {
                Connection pooled = Delegating.connection(c, unwraps);
                try (TableScan scan = TableScan.open(pooled, Dialects.SQLITE, "t", List.of("id"), true)) {
                    assertThat(scan.readsSqliteCoreApi()).as("unwraps: %s", unwraps).isEqualTo(unwraps);
                    assertThat(TableDigest.of(scan, false).fingerprint("t")).isEqualTo(direct);
                }
            }
        }
    }

    /** What a connection pool hands out: proxies that forward every call, and may or may not unwrap. */
    private static final class Delegating implements InvocationHandler {
        private final Object target;
        private final boolean unwraps;

        private Delegating(Object target, boolean unwraps) {
            this.target = target;
            this.unwraps = unwraps;
        }

        static Connection connection(Connection c, boolean unwraps) {
            return (Connection) Proxy.newProxyInstance(SqliteRowEncoderTests.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Delegating(c, unwraps));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("isWrapperFor") && !unwraps) {
                return false;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            // Statements are proxied too, as a pool does; everything else passes through.
            if (result instanceof Statement s && method.getReturnType() == Statement.class) {
                return Proxy.newProxyInstance(SqliteRowEncoderTests.class.getClassLoader(),
                        new Class<?>[] {Statement.class}, new Delegating(s, unwraps));
            }
            return result;
        }
    }

    private static void fill(Connection c, String encoding) throws SQLException {
        Sql.run(c, "pragma encoding = '" + encoding + "'",
                "create table t (id integer primary key, i integer, r real, s text, b blob, n numeric, any_type)");
        for (int k = 0; k < VALUES.length; k++) {
            String v = VALUES[k];
            Sql.run(c, "insert into t values (" + (k + 1) + ", " + v + ", " + v + ", " + v + ", " + v + ", " + v + ", "
                    + v + ")");
        }
    }

    private static boolean scansWithCoreApi(Connection c) throws SQLException {
        try (TableScan scan = TableScan.open(c, Dialects.SQLITE, "t", List.of("id"), true)) {
            return scan.readsSqliteCoreApi();
        }
    }

    private static TableFingerprint digest(Connection c, boolean coreApi) throws SQLException {
        try (TableScan scan = TableScan.open(c, Dialects.SQLITE, "t", List.of("id"), coreApi)) {
            assertThat(scan.readsSqliteCoreApi()).isEqualTo(coreApi);
            return TableDigest.of(scan, false).fingerprint("t");
        }
    }

    /** Row and key hashes row by row (the table is read in key order), so a mismatch names its row. */
    private static List<String> rowHashes(Connection c, boolean coreApi) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (TableScan scan = TableScan.open(c, Dialects.SQLITE, "t", List.of("id"), coreApi)) {
            while (scan.next()) {
                rows.add(scan.renderKey() + " " + Long.toHexString(scan.rowHash1()) + Long.toHexString(scan.rowHash2())
                        + " " + Long.toHexString(scan.keyHash1()));
            }
        }
        return rows;
    }
}
