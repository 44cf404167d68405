package dev.rehearsal.rehearse;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.fixture.GeneratedRows;
import dev.rehearsal.fixture.GeneratedRowsResult;
import dev.rehearsal.rehearse.plan.Declarations;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One migration set on one target: the database the migrations are rehearsed on, and where it stands.
 *
 * <p>Entering migration {@code i} the database holds migrations {@code 0..i-1} and the fixtures
 * bound to them, each fixture loaded right after its migration. A migration container brings the
 * database there silently when it is not (only later migrations selected; a previous rollback left
 * it in an unknown state, which means a fresh database replayed from the start). Confined to the
 * target's thread.
 *
 * <p>The run remembers the last {@link #state() state} it read from its database, so that a reading
 * is not repeated while nothing could have changed the database: the redo's reading of migration
 * {@code i} is migration {@code i+1}'s state before up when no fixture is loaded in between. The
 * only ways to the database are {@link #runner()} and {@link #connect()}; each discards the
 * reading, and so does replacing the database.
 */
public final class TargetRun implements AutoCloseable {
    private final TargetKind kind;
    private final Target server;
    private final MigrationSet set;
    private final Declarations declarations;
    private final SuiteResources resources;
    private final boolean keepFailed;
    private final long generatedRows;
    private final SeededRows seededRows = new SeededRows();
    private final List<String> kept = new ArrayList<>();
    private IsolatedDatabase database;
    private MigrationRunner runner;
    private Set<String> internalTables;
    private DatabaseState observed;
    private int applied = -1;
    private int seeded = -1;
    private boolean tainted;
    private String blockedReason;
    private boolean failed;
    private Checkpoints checkpoints;
    private Consumer<String> notes = note -> { };

    /**
     * @param server the admin target of the server, or null for SQLite
     * @param generatedRows rows generated into each empty table after every migration when the set has
     *     no fixtures (0: none), so that the data proofs compare real rows
     */
    public TargetRun(TargetKind kind, Target server, MigrationSet set, Declarations declarations,
            SuiteResources resources, boolean keepFailed, long generatedRows) {
        this.generatedRows = generatedRows;
        this.kind = kind;
        this.server = server;
        this.set = set;
        this.declarations = declarations;
        this.resources = resources;
        this.keepFailed = keepFailed;
    }

    public MigrationSet set() {
        return set;
    }

    public Declarations declarations() {
        return declarations;
    }

    SuiteResources resources() {
        return resources;
    }

    /** Brings the database to "migrations and fixtures before {@code index}" and starts rehearsing that migration. */
    public MigrationRehearsal rehearse(int index) {
        bringTo(index);
        return new MigrationRehearsal(this, index);
    }

    /** Starts mid-set from, and writes, {@code checkpoints}; {@code notes} is told which, a line each. */
    void useCheckpoints(Checkpoints checkpoints, Consumer<String> notes) {
        this.checkpoints = checkpoints;
        this.notes = notes;
    }

    /** Writes the checkpoint of "before migration {@code index}" unless it exists (where the next shard starts). */
    void writeCheckpoint(int index) {
        if (checkpoints != null && index > 0 && index < set.migrations().size() && blockedReason == null) {
            bringTo(index);
            checkpoints.writeUnlessPresent(this, index, notes);
        }
    }

    private void bringTo(int index) {
        if (database == null || tainted || applied >= index) {
            replaceDatabase();
        }
        if (checkpoints != null && applied < 0 && index > 0) {
            Checkpoints.Start start = checkpoints.restore(this, index, notes);
            if (start == Checkpoints.Start.RESTORED) {
                applied = seeded = index - 1; // the restore replaced the database's content: no runner, no reading holds
            } else if (start == Checkpoints.Start.REFUSED) {
                replaceDatabase();
            }
        }
        for (int j = 0; j < index; j++) {
            if (applied < j) {
                runner().up(set.migrations().get(j).version());
                applied = j;
            }
            if (seeded < j) {
                seed(j);
            }
        }
    }

    /** The target of this run's database; whoever holds it may change the database, so the last reading is dropped. */
    Target databaseTarget() {
        observed = null;
        return database.target();
    }

    /** A fresh, empty database of this target's kind; hand it back with {@link #release}. */
    IsolatedDatabase freshDatabase() {
        return server == null ? IsolatedDatabase.sqlite("rehearsal", declarations.sqliteFunctions())
                : IsolatedDatabase.on(server, "rehearsal");
    }

    /** A scratch database's work; SQL errors are reported with the database's URL. */
    @FunctionalInterface
    interface ScratchWork {
        StepOutcome run(IsolatedDatabase db) throws SQLException;
    }

    /**
     * Runs {@code work} on a fresh database of this target's kind (the set-level steps and the
     * drills, which must not disturb the migration being rehearsed), then drops it, or keeps it
     * when the work failed and rehearsal.keep-failed-databases is on.
     */
    StepOutcome onFreshDatabase(ScratchWork work) {
        IsolatedDatabase db = freshDatabase();
        boolean passed = false;
        try {
            StepOutcome outcome = work.run(db);
            passed = true;
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("database error on " + db.target().displayUrl() + ": " + e.getMessage(), e);
        } finally {
            if (!passed) {
                failed();
            }
            release(db);
        }
    }

    /** The runner of this run's database; whoever holds it may change the database, so the last reading is dropped. */
    MigrationRunner runner() {
        observed = null;
        if (runner == null) {
            runner = runner(database.target());
        }
        return runner;
    }

    /** A runner of a scratch database (the set-level steps, the drills). */
    MigrationRunner runner(Target target) {
        if (database != null && target.equals(database.target())) {
            observed = null;
        }
        return new MigrationRunner(target, set.migrations(), RunnerOptions.defaults());
    }

    /** Rehearsal's own tables (the same for every database of this run: they depend on the runner options only). */
    Set<String> internalTables() {
        if (internalTables == null) {
            internalTables = runner(database.target()).history().internalTables();
        }
        return internalTables;
    }

    Dialect dialect() {
        return database.target().dialect();
    }

    /** A connection to this run's database; whoever holds it may change the database, so the last reading is dropped. */
    Connection connect() {
        observed = null;
        return database.target().connect();
    }

    /**
     * The schema and data of the database now, read on one connection; the last reading when
     * nothing has been handed a runner or a connection since it was taken (nothing else reaches the
     * database), so it is exactly what a new reading would return.
     */
    DatabaseState state() {
        if (observed == null) {
            DatabaseState read;
            try (Connection c = connect()) {
                read = read(c);
            } catch (SQLException e) {
                throw closing(e);
            }
            observed = read;
        }
        return observed;
    }

    /** The schema and data on {@code c}, a connection to this run's database. */
    DatabaseState read(Connection c) {
        return new DatabaseState(SchemaReader.read(c, dialect(), internalTables()),
                Fingerprinter.fingerprint(c, dialect(), internalTables()));
    }

    /**
     * Loads the fixtures bound to migration {@code index}; in a set without fixtures, fills the tables
     * still empty with generated rows instead. With neither it does not touch the database.
     */
    void seed(int index) {
        Migration m = set.migrations().get(index);
        if (seedsAfter(m)) {
            try (Connection c = connect()) {
                seed(c, m);
            } catch (SQLException e) {
                throw closing(e);
            }
        }
        seeded = index;
    }

    /** Whether rows are loaded after {@code m}: its fixtures, or generated rows in a set without fixtures. */
    boolean seedsAfter(Migration m) {
        return resources.seeds(m.version()) || generates();
    }

    private boolean generates() {
        return !resources.hasFixtures() && generatedRows > 0;
    }

    /** Loads on {@code c} (this run's database or a rebuild of it) the rows that follow {@code m}. */
    void seed(Connection c, Migration m) {
        if (generates()) {
            GeneratedRowsResult filled = GeneratedRows.fill(c, dialect(), internalTables(), generatedRows);
            seededRows.loaded(SeededRows.GENERATED, filled.rowsPerTable());
            seededRows.unfilled(filled.unfilled());
        } else {
            resources.seed(c, dialect(), m.version())
                    .forEach(r -> seededRows.loaded(r.fixture().name(), r.rowsPerTable()));
        }
    }

    /** What this run loaded into its databases so far. */
    SeededRows seededRows() {
        return seededRows;
    }

    private IllegalStateException closing(SQLException e) {
        return new IllegalStateException("cannot close the connection to " + database.target().displayUrl(), e);
    }

    void applied(int index) {
        applied = index;
    }

    /** The database is no longer in a state the next migration can start from. */
    void taint() {
        tainted = true;
    }

    /** Later migrations are skipped with {@code reason}. */
    public void block(String reason) {
        failed = true;
        if (blockedReason == null) {
            blockedReason = reason;
        }
        tainted = true;
    }

    public String blockedReason() {
        return blockedReason;
    }

    /** Something failed: with rehearsal.keep-failed-databases the databases survive the run. */
    void failed() {
        failed = true;
    }

    public TargetKind kind() {
        return kind;
    }

    /** Names of the databases kept for inspection (after {@link #close()}). */
    public List<String> kept() {
        return List.copyOf(kept);
    }

    private void replaceDatabase() {
        if (database != null) {
            release(database);
        }
        database = freshDatabase();
        runner = null;
        observed = null;
        applied = -1;
        seeded = -1;
        tainted = false;
    }

    /** Drops {@code db}, or keeps it when something failed and rehearsal.keep-failed-databases is on. */
    void release(IsolatedDatabase db) {
        if (failed && keepFailed) {
            db.keep();
            kept.add(db.target().displayUrl());
        }
        db.close();
    }

    @Override
    public void close() {
        if (database != null) {
            release(database);
            database = null;
            runner = null;
            observed = null;
        }
    }
}
