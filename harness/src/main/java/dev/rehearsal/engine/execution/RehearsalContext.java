package dev.rehearsal.engine.execution;

import dev.rehearsal.engine.config.RehearsalConfiguration;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What a node sees while it runs. Copy-on-write: a container hands its children a copy with the
 * target run or migration it set up; the mutable parts (a target's database, a migration's
 * snapshots) are confined to that target's thread.
 */
public final class RehearsalContext implements EngineExecutionContext {
    private final RehearsalConfiguration config;
    private final EngineExecutionListener listener;
    private final ResultsRecorder recorder;
    private final TargetServers servers;
    private final TargetRun targetRun;
    private final MigrationRehearsal migration;

    private RehearsalContext(RehearsalConfiguration config, EngineExecutionListener listener, ResultsRecorder recorder,
            TargetServers servers, TargetRun targetRun, MigrationRehearsal migration) {
        this.config = config;
        this.listener = listener;
        this.recorder = recorder;
        this.servers = servers;
        this.targetRun = targetRun;
        this.migration = migration;
    }

    public static RehearsalContext start(RehearsalConfiguration config, EngineExecutionListener listener) {
        return new RehearsalContext(config, listener, new ResultsRecorder(), new TargetServers(config), null, null);
    }

    public RehearsalContext withTargetRun(TargetRun run) {
        return new RehearsalContext(config, listener, recorder, servers, run, null);
    }

    public RehearsalContext withMigration(MigrationRehearsal rehearsal) {
        return new RehearsalContext(config, listener, recorder, servers, targetRun, rehearsal);
    }

    public RehearsalConfiguration config() {
        return config;
    }

    public ResultsRecorder recorder() {
        return recorder;
    }

    public TargetServers servers() {
        return servers;
    }

    /** The target run of the enclosing target node; null above it. */
    public TargetRun targetRun() {
        return targetRun;
    }

    /** The migration of the enclosing migration node; null above it. */
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
