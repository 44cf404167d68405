package dev.rehearsal.verification;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.data.TableFingerprint;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A declarative verification suite: what to capture before a migration ({@code pre}) and what must
 * hold after it ({@code post}). Read from YAML with {@link SuiteLoader}, or built in Java.
 *
 * <pre>{@code
 * Captures pre = suite.capture(connection, dialect);
 * // ... apply the migration ...
 * SuiteResult result = suite.verify(connection, dialect, pre);
 * }</pre>
 *
 * @param source the suite file; null for a suite built in code
 * @param migration the version this suite belongs to (run right after it is applied); null when unbound
 * @since 0.1
 */
public record VerificationSuite(String name, Path source, String migration, List<Capture> pre, List<Check> post) {

    /** @throws IllegalArgumentException when a check reads a capture {@code pre} does not declare */
    public VerificationSuite {
        Objects.requireNonNull(name, "name");
        pre = List.copyOf(pre);
        post = List.copyOf(post);
        Set<String> names = new HashSet<>();
        for (Capture capture : pre) {
            if (!names.add(capture.name())) {
                throw new IllegalArgumentException("suite " + name + " declares capture " + capture.name() + " twice");
            }
        }
        for (Check check : post) {
            for (String reference : check.captureReferences()) {
                if (!names.contains(reference)) {
                    throw new IllegalArgumentException(check.display() + " reads pre." + reference
                            + ", which suite " + name + " does not capture; add it to pre");
                }
            }
        }
    }

    /**
     * Takes the {@code pre} captures: call it before applying the migration. They are read in a
     * read-only transaction that is rolled back, as the checks are.
     */
    public Captures capture(Connection c, Dialect d) {
        if (pre.isEmpty()) {
            return Captures.none();
        }
        return ReadOnlyTransaction.run(c, d, () -> {
            Map<String, TableFingerprint> captured = new LinkedHashMap<>();
            CheckContext context = new CheckContext(c, d, Captures.none());
            for (Capture capture : pre) {
                captured.put(capture.name(), Fingerprinter.fingerprintTable(c, d, context.tableName(capture.table())));
            }
            return new Captures(captured);
        });
    }

    /**
     * Runs every {@code post} check, in order, after the migration. Never throws for a failing or
     * broken check: each one's result says what it found. The checks run in one read-only
     * transaction that is always rolled back (PostgreSQL and MariaDB {@code READ ONLY}, SQLite
     * {@code PRAGMA query_only}), one statement each: a check that tries to write fails, saying so.
     *
     * @param c a connection in auto-commit mode; inside a transaction of the caller the checks run
     *     behind a savepoint, which MariaDB cannot make read-only
     * @param pre what {@link #capture} returned before the migration ({@link Captures#none()} when the suite has no pre)
     * @throws dev.rehearsal.RehearsalException with {@code BAD_USAGE} for a MariaDB connection inside a transaction
     */
    public SuiteResult verify(Connection c, Dialect d, Captures pre) {
        return ReadOnlyTransaction.run(c, d, () -> {
            CheckContext context = new CheckContext(c, d, pre);
            List<CheckResult> results = new ArrayList<>();
            for (Check check : post) {
                results.add(CheckEvaluator.evaluate(check, context));
            }
            return new SuiteResult(name, results);
        });
    }
}
