package dev.rehearsal.bench;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.Target;
import dev.rehearsal.fixture.DbUnitConnections;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.data.TableFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dbunit.Assertion;
import org.dbunit.database.IDatabaseConnection;

/**
 * Two identical SQLite tables compared whole: DbUnit {@code Assertion.assertEquals} on the tables
 * read through {@link DbUnitConnections} (Rehearsal's SQLite type factory) against fingerprinting
 * both with {@link Fingerprinter} and comparing the checksums. Alternating rounds, medians.
 */
final class DbUnitComparison {
    private DbUnitComparison() {
    }

    static void run(long rows, int rounds, int warmup) throws Exception {
        Path file = Files.createTempFile("rehearsal-bench-dbunit-", ".db");
        try {
            Target target = Target.sqlite(file);
            try (Connection c = target.connect()) {
                FingerprintBenchmark.build(c, "bench_a", rows);
                try (Statement s = c.createStatement()) {
                    s.execute("create table bench_b (id integer primary key, name text not null, score real, payload blob, note text)");
                    s.execute("insert into bench_b select * from bench_a");
                }
                compare(c, rows, rounds, warmup);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void compare(Connection c, long rows, int rounds, int warmup) throws Exception {
        List<Long> dbunit = new ArrayList<>();
        List<Long> fingerprint = new ArrayList<>();
        IDatabaseConnection connection = DbUnitConnections.wrap(c, Dialects.SQLITE);
        for (int round = 0; round < warmup + rounds; round++) {
            long[] nanos = new long[2];
            for (int k = 0; k < 2; k++) {
                int which = (round + k) % 2;
                long t0 = System.nanoTime();
                if (which == 0) {
                    Assertion.assertEquals(connection.createTable("bench_a"), connection.createTable("bench_b"));
                } else {
                    TableFingerprint a = Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "bench_a");
                    TableFingerprint b = Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "bench_b");
                    if (!a.checksum().equals(b.checksum()) || a.rowCount() != rows || b.rowCount() != rows) {
                        throw new IllegalStateException("the identical tables fingerprint differently: " + a + " / " + b);
                    }
                }
                nanos[which] = System.nanoTime() - t0;
            }
            System.out.printf(Locale.ROOT, "%s %d: DbUnit assertEquals %.0f ms, fingerprint both + compare %.0f ms%n",
                    round < warmup ? "warm-up" : "round  ", round + 1, nanos[0] / 1e6, nanos[1] / 1e6);
            if (round >= warmup) {
                dbunit.add(nanos[0]);
                fingerprint.add(nanos[1]);
            }
        }
        double d = Medians.millis(dbunit);
        double f = Medians.millis(fingerprint);
        System.out.printf(Locale.ROOT, "median DbUnit Assertion.assertEquals (%,d rows x 2 tables): %.0f ms%n", rows, d);
        System.out.printf(Locale.ROOT, "median Fingerprinter (both tables, checksums compared):      %.0f ms%n", f);
        System.out.printf(Locale.ROOT, "DbUnit / fingerprint = %.1fx%n", d / f);
    }

}
