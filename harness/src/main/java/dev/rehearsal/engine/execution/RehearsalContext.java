package dev.rehearsal.engine.execution;

import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.rehearse.MigrationRehearsal;
import dev.rehearsal.rehearse.RehearsalListener;
import dev.rehearsal.rehearse.RehearsalSession;
import dev.rehearsal.rehearse.TargetRun;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What a node sees while it runs: the core's session, and the target run or migration its
 * container set up. Copy-on-write: a container hands its children a copy; the mutable parts (a
 * target's database, a migration's snapshots) are confined to that target's thread.
 */
public final class RehearsalContext implements EngineExecutionContext {
    private final RehearsalConfiguration config;
    private final EngineExecutionListener listener;
    private final RehearsalSession session;
    private final TargetRun targetRun;
    private final MigrationRehearsal migration;

    private RehearsalContext(RehearsalConfiguration config, EngineExecutionListener listener, RehearsalSession session,
            TargetRun targetRun, MigrationRehearsal migration) {
        this.config = config;
        this.listener = listener;
        this.session = session;
        this.targetRun = targetRun;
        this.migration = migration;
    }

    public static RehearsalContext start(RehearsalConfiguration config, EngineExecutionListener listener) {
        return new RehearsalContext(config, listener, new RehearsalSession(config.serverSettings(), config.runOptions(),
                RehearsalListener.NONE), null, null);
    }

    public RehearsalContext withTargetRun(TargetRun run) {
        return new RehearsalContext(config, listener, session, run, null);
    }

    public RehearsalContext withMigration(MigrationRehearsal rehearsal) {
        return new RehearsalContext(config, listener, session, targetRun, rehearsal);
    }

    public RehearsalConfiguration config() {
        return config;
    }

    /** The core's run: every node's work goes through it. */
    public RehearsalSession session() {
        return session;
    }

    /** The target run of the enclosing target node; null above it. */
    public TargetRun targetRun() {
        return targetRun;
    }

    /** The migration of the enclosing migration node; null above it and for the set-level steps. */
    public MigrationRehearsal migration() {
        return migration;
    }

    /** Publishes report entries (Surefire and IDEs show them beside the test). */
    public void publish(TestDescriptor descriptor, Map<String, String> entries) {
        if (!entries.isEmpty()) {
            listener.reportingEntryPublished(descriptor, ReportEntry.from(entries));
        }
    }
}
