package dev.rehearsal.bench;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.Fingerprinter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The per-table fixed cost of a whole-database fingerprint: the database {@link EngineCycleBenchmark}
 * ends with (a 10,000-row {@code base} and 199 tables of 50 rows, on SQLite), fingerprinted with
 * {@code Fingerprinter.fingerprint} and, alternating, read by a raw {@code getObject} scan of every table.
 *
 * <pre>java -cp bench/target/rehearsal-bench.jar dev.rehearsal.bench.DatabaseFingerprintBenchmark [migrations] [rounds]</pre>
 */
public final class DatabaseFingerprintBenchmark {
    private DatabaseFingerprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int migrations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("bench"); Connection c = db.target().connect()) {
            try (Statement s = c.createStatement()) {
                for (int i = 1; i <= migrations; i++) {
                    for (String sql : CycleMigrations.change(i, 10_000).up()) {
                        s.execute(sql);
                    }
                }
            }
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select name from sqlite_schema where type = 'table' order by name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            List<Long> fingerprint = new ArrayList<>();
            List<Long> raw = new ArrayList<>();
            long rows = 0;
            for (int round = -5; round < rounds; round++) {
                long t0 = System.nanoTime();
                DatabaseFingerprint f = Fingerprinter.fingerprint(c, Dialects.SQLITE, Set.of());
                long t1 = System.nanoTime();
                rows = scan(c, tables);
                long t2 = System.nanoTime();
                if (f.tables().size() != tables.size()) {
                    throw new IllegalStateException(f.tables().size() + " tables fingerprinted, expected " + tables.size());
                }
                if (round >= 0) {
                    fingerprint.add(t1 - t0);
                    raw.add(t2 - t1);
                }
            }
            double fp = Medians.millis(fingerprint);
            double scan = Medians.millis(raw);
            System.out.printf(Locale.ROOT, "sqlite %d tables, %d rows: Fingerprinter.fingerprint median %.1f ms,"
                    + " raw getObject scan %.1f ms of %d rounds; fixed cost %.3f ms per table%n",
                    tables.size(), rows, fp, scan, rounds, (fp - scan) / tables.size());
        }
    }

    private static long scan(Connection c, List<String> tables) throws SQLException {
        long rows = 0;
        long sink = 0;
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from \"" + table + "\"")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        sink += v == null ? 0 : 1;
                    }
                }
            }
        }
        return sink < 0 ? -1 : rows;
    }
}
