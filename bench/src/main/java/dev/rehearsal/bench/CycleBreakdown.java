package dev.rehearsal.bench;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.FingerprintDiffer;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.schema.SchemaDiffer;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the engine's time goes: the calls {@code MigrationRehearsal} makes for each migration (a new
 * runner per call; schema snapshot and fingerprint of the whole database before up, after up, after
 * down (one connection each for schema and data), after redo) and the chain and history steps, made
 * here directly on one SQLite file and timed by kind. Not the engine itself: it has no discovery,
 * no listeners and no report; the difference to the engine's time is that overhead.
 */
final class CycleBreakdown {
    private long runner;
    private long schema;
    private long fingerprint;
    private Target target;
    private List<Migration> migrations;
    private Set<String> internal;

    private CycleBreakdown() {
    }

    static void run(Path work, Path directory) throws Exception {
        CycleBreakdown b = new CycleBreakdown();
        b.migrations = MigrationLoader.load(directory, Dialects.SQLITE).migrations();
        Path db = work.resolve("breakdown.db");
        Files.deleteIfExists(db);
        b.target = Target.sqlite(db);
        b.internal = b.runner().history().internalTables();
        int n = b.migrations.size();
        long[] perMigration = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            b.rehearse(b.migrations.get(i));
            perMigration[i] = System.nanoTime() - t0;
        }
        long steps = System.nanoTime() - start;
        long chainStart = System.nanoTime();
        b.chainAndHistory(work);
        long chain = System.nanoTime() - chainStart;
        int slice = Math.max(1, Math.min(20, n / 4));
        System.out.printf(Locale.ROOT, "breakdown (the engine's calls made directly, one pass, %d migrations):%n", n);
        System.out.printf(Locale.ROOT, "  per-migration steps total   %8.0f ms%n", steps / 1e6);
        System.out.printf(Locale.ROOT, "    migration runner (up, down, redo: 3 runner calls each) %8.0f ms (%.0f%%)%n",
                b.runner / 1e6, 100.0 * b.runner / steps);
        System.out.printf(Locale.ROOT, "    schema snapshots + diffs (4 per migration)            %8.0f ms (%.0f%%)%n",
                b.schema / 1e6, 100.0 * b.schema / steps);
        System.out.printf(Locale.ROOT, "    data fingerprints + diffs (4 per migration)           %8.0f ms (%.0f%%)%n",
                b.fingerprint / 1e6, 100.0 * b.fingerprint / steps);
        System.out.printf(Locale.ROOT, "  full chain + history (two fresh databases)               %8.0f ms%n", chain / 1e6);
        System.out.printf(Locale.ROOT, "  mean per migration: first %d %.1f ms, last %d %.1f ms (the snapshots cover every table so far)%n",
                slice, mean(perMigration, 0, slice), slice, mean(perMigration, n - slice, n));
    }

    private static double mean(long[] nanos, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += nanos[i];
        }
        return sum / 1e6 / (to - from);
    }

    private MigrationRunner runner() {
        return new MigrationRunner(target, migrations, RunnerOptions.defaults());
    }

    private void rehearse(Migration m) throws Exception {
        SchemaSnapshot s0;
        DatabaseFingerprint f0;
        SchemaSnapshot s1;
        DatabaseFingerprint f1;
        try (Connection c = target.connect()) {
            s0 = schema(() -> SchemaReader.read(c, Dialects.SQLITE, internal));
            f0 = data(() -> Fingerprinter.fingerprint(c, Dialects.SQLITE, internal));
        }
        timedRunner(() -> runner().up(m.version()));
        try (Connection c = target.connect()) {
            s1 = schema(() -> SchemaReader.read(c, Dialects.SQLITE, internal));
            f1 = data(() -> Fingerprinter.fingerprint(c, Dialects.SQLITE, internal));
        }
        timedRunner(() -> runner().down(DownScope.last()));
        try (Connection c = target.connect()) {
            check(schema(() -> SchemaDiffer.compare(s0, SchemaReader.read(c, Dialects.SQLITE, internal), "a", "b").isEmpty()));
        }
        try (Connection c = target.connect()) {
            check(data(() -> FingerprintDiffer.compare(f0, Fingerprinter.fingerprint(c, Dialects.SQLITE, internal), "a", "b").isEmpty()));
        }
        timedRunner(() -> runner().up(m.version()));
        try (Connection c = target.connect()) {
            check(schema(() -> SchemaDiffer.compare(s1, SchemaReader.read(c, Dialects.SQLITE, internal), "a", "b").isEmpty()));
            check(data(() -> FingerprintDiffer.compare(f1, Fingerprinter.fingerprint(c, Dialects.SQLITE, internal), "a", "b").isEmpty()));
        }
    }

    private void chainAndHistory(Path work) throws Exception {
        for (String name : List.of("chain.db", "history.db")) {
            Path file = work.resolve(name);
            Files.deleteIfExists(file);
            MigrationRunner chain = new MigrationRunner(Target.sqlite(file), migrations, RunnerOptions.defaults());
            chain.up(null);
            if (name.equals("chain.db")) {
                chain.down(DownScope.all());
            } else {
                chain.validate();
            }
            Files.deleteIfExists(file);
        }
    }

    private static void check(boolean same) {
        if (!same) {
            throw new IllegalStateException("a rollback or redo did not restore the state; the generated migrations are wrong");
        }
    }

    private <T> T schema(Supplier<T> read) {
        long t0 = System.nanoTime();
        T value = read.get();
        schema += System.nanoTime() - t0;
        return value;
    }

    private <T> T data(Supplier<T> read) {
        long t0 = System.nanoTime();
        T value = read.get();
        fingerprint += System.nanoTime() - t0;
        return value;
    }

    private void timedRunner(Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        runner += System.nanoTime() - t0;
    }
}
