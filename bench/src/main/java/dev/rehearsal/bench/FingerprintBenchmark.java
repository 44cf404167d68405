package dev.rehearsal.bench;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.Target;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.data.TableFingerprint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.SafeStmtPtr;

/**
 * Measures the data fingerprint against three raw scans of the same SQLite table: JDBC with typed
 * getters, JDBC with {@code getObject}, and sqlite-jdbc's core API making the fingerprint's own
 * reads without hashing (and against {@code sqlite3 .sha3sum} when installed). Usage: see bench/README.md.
 *
 * <pre>
 * FingerprintBenchmark [--rows N] [--rounds R] [--warmup W] [--dbunit-rows N] [--heap-only]
 * </pre>
 * After the scan comparison it compares two identical tables of {@code --dbunit-rows} rows
 * (default 100,000; 0 skips) with DbUnit and with the fingerprint, see {@link DbUnitComparison}.
 * {@code --heap-only} builds the table, fingerprints it once and prints the peak heap used: run it
 * under {@code -Xmx128m} with 10,000,000 rows to show the pass streams.
 */
public final class FingerprintBenchmark {
    private static final String TABLE = "bench";

    private FingerprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int rounds = 5;
        int warmup = 2;
        boolean heapOnly = false;
        long dbunitRows = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--heap-only" -> heapOnly = true;
                case "--dbunit-rows" -> dbunitRows = Long.parseLong(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --rows N --rounds R --warmup W --dbunit-rows N --heap-only");
            }
        }
        Path file = Files.createTempFile("rehearsal-bench-", ".db");
        try {
            Target target = Target.sqlite(file);
            long start = System.nanoTime();
            try (Connection c = target.connect()) {
                build(c, TABLE, rows);
            }
            System.out.printf(Locale.ROOT, "built %,d rows in %s (%,d MB file)%n", rows, seconds(System.nanoTime() - start),
                    Files.size(file) >> 20);
            try (Connection c = target.connect()) {
                if (heapOnly) {
                    heapCheck(c, rows);
                } else {
                    compare(c, rows, rounds, warmup);
                    sha3sum(file, rows);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        if (!heapOnly && dbunitRows > 0) {
            System.out.printf(Locale.ROOT, "%nDbUnit Assertion.assertEquals vs Fingerprinter, two identical tables of %,d rows%n", dbunitRows);
            DbUnitComparison.run(dbunitRows, rounds, 1);
        }
    }

    /** An integer key, text, real, blob and a nullable text column, nulls on every third row. */
    static void build(Connection c, String table, long rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id integer primary key, name text not null, score real, payload blob, note text)");
        }
        c.setAutoCommit(false);
        Random random = new Random(42);
        byte[] payload = new byte[16];
        try (PreparedStatement insert = c.prepareStatement("insert into " + table + " values (?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= rows; id++) {
                random.nextBytes(payload);
                insert.setLong(1, id);
                insert.setString(2, "name-" + id);
                insert.setDouble(3, random.nextDouble() * 1000);
                insert.setBytes(4, payload);
                insert.setString(5, id % 3 == 0 ? null : "note " + (id % 97));
                insert.addBatch();
                if (id % 10_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void compare(Connection c, long rows, int rounds, int warmup) throws SQLException {
        String[] names = {"typed raw scan", "getObject raw scan", "core-API raw scan", "fingerprint"};
        List<List<Double>> rates = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            rates.add(new ArrayList<>());
        }
        for (int round = 0; round < warmup + rounds; round++) {
            // Rotate the order each round so that cache state and JIT progress favour none of them.
            long[] nanos = new long[names.length];
            for (int k = 0; k < names.length; k++) {
                int which = (round + k) % names.length;
                long t0 = System.nanoTime();
                long read = switch (which) {
                    case 0 -> typedScan(c);
                    case 1 -> genericScan(c);
                    case 2 -> coreApiScan(c);
                    default -> Fingerprinter.fingerprintTable(c, Dialects.SQLITE, TABLE).rowCount();
                };
                nanos[which] = System.nanoTime() - t0;
                if (read != rows) {
                    throw new IllegalStateException("read " + read + " rows, expected " + rows);
                }
            }
            StringBuilder line = new StringBuilder(round < warmup ? "warm-up " : "round   ").append(round + 1).append(':');
            for (int k = 0; k < names.length; k++) {
                line.append(k == 0 ? " " : ", ").append(names[k]).append(' ').append(perSecond(rows, nanos[k])).append(" rows/s");
                if (round >= warmup) {
                    rates.get(k).add(rows / (nanos[k] / 1e9));
                }
            }
            System.out.println(line);
        }
        double[] medians = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            medians[k] = median(rates.get(k));
            System.out.printf(Locale.ROOT, "median %-19s %,12.0f rows/s%n", names[k] + ":", medians[k]);
        }
        System.out.printf(Locale.ROOT, "fingerprint / typed raw scan = %.1f%% (target >= 80%%)%n", 100 * medians[3] / medians[0]);
        System.out.printf(Locale.ROOT, "fingerprint / getObject raw scan = %.1f%%%n", 100 * medians[3] / medians[1]);
        System.out.printf(Locale.ROOT, "fingerprint / core-API raw scan = %.1f%% (the same reads without hashing)%n",
                100 * medians[3] / medians[2]);
    }

    /**
     * The reads the fingerprint makes on SQLite, without hashing: sqlite-jdbc's exported core API,
     * one lock per row, each value's storage class and value, text decoded from its UTF-8 bytes.
     * What the fingerprint costs on top of reading is its ratio to this scan.
     */
    private static long coreApiScan(Connection c) throws SQLException {
        long[] sink = new long[1];
        long count = 0;
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ResultSet rs = s.executeQuery("select * from " + TABLE)) {
            int columns = rs.getMetaData().getColumnCount();
            SafeStmtPtr.SafePtrConsumer<SQLException> readRow = (db, pointer) -> {
                for (int i = 0; i < columns; i++) {
                    switch (db.column_type(pointer, i)) {
                        case Codes.SQLITE_INTEGER -> sink[0] += db.column_long(pointer, i);
                        case Codes.SQLITE_FLOAT -> sink[0] += (long) db.column_double(pointer, i);
                        case Codes.SQLITE_NULL -> sink[0]++;
                        case Codes.SQLITE_BLOB -> sink[0] += db.column_blob(pointer, i).length;
                        default -> sink[0] += new String(db.column_blob(pointer, i), StandardCharsets.UTF_8).length();
                    }
                }
            };
            SafeStmtPtr statement = ((CoreStatement) s).pointer;
            while (rs.next()) {
                statement.safeRunConsume(readRow);
                count++;
            }
        }
        if (sink[0] == 42) {
            System.out.println(); // keeps the reads alive
        }
        return count;
    }

    /**
     * The generic read: every column through {@code getObject}, which keeps SQLite's per-value
     * storage class (the fingerprint needs it so that INTEGER 1 and TEXT '1' differ) and so boxes
     * every value. The honest floor for a type-faithful comparison.
     */
    private static long genericScan(Connection c) throws SQLException {
        long count = 0;
        long sink = 0;
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ResultSet rs = s.executeQuery("select * from " + TABLE)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    sink += value == null ? 1 : 2;
                }
                count++;
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the reads alive
        }
        return count;
    }

    /** What any full comparison has to pay at least: every column through its typed getter. */
    private static long typedScan(Connection c) throws SQLException {
        long count = 0;
        long sink = 0;
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ResultSet rs = s.executeQuery("select * from " + TABLE)) {
            while (rs.next()) {
                sink += rs.getLong(1);
                sink += rs.getString(2).length();
                sink += (long) rs.getDouble(3);
                byte[] payload = rs.getBytes(4);
                sink += payload == null ? 0 : payload.length;
                String note = rs.getString(5);
                sink += rs.wasNull() ? 1 : note.length();
                count++;
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the reads alive
        }
        return count;
    }

    private static void heapCheck(Connection c, long rows) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        TableFingerprint f = Fingerprinter.fingerprintTable(c, Dialects.SQLITE, TABLE);
        long elapsed = System.nanoTime() - start;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "fingerprinted %,d rows in %s (%s rows/s), checksum %s%n", f.rowCount(),
                seconds(elapsed), perSecond(rows, elapsed), f.checksum());
        System.out.printf(Locale.ROOT, "max heap (-Xmx): %,d MB; peak heap used during the pass (sum of pool peaks): %,d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }

    private static void sha3sum(Path file, long rows) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", file.toString(), ".sha3sum " + TABLE).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("sqlite3 .sha3sum: the sqlite3 binary is not on PATH, skipped");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            System.out.println("sqlite3 .sha3sum failed: " + out);
            return;
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "sqlite3 .sha3sum %s: %s rows/s (%s, one run, includes process start) -> %s%n",
                TABLE, perSecond(rows, elapsed), seconds(elapsed), out.length() > 16 ? out.substring(0, 16) + "..." : out);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String perSecond(long rows, long nanos) {
        return String.format(Locale.ROOT, "%,.0f", rows / (nanos / 1e9));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
