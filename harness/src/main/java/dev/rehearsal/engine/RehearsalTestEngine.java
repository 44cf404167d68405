package dev.rehearsal.engine;

import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.engine.descriptor.RehearsalEngineDescriptor;
import dev.rehearsal.engine.discovery.RehearsalDiscovery;
import dev.rehearsal.engine.execution.RehearsalContext;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

/**
 * The Rehearsal JUnit Platform engine (id {@value Constants#ENGINE_ID}): for every migration set and
 * target it proves each migration applies, rolls back to the same schema and data, and re-applies
 * to the same state; plus the full chain and the history table. Selected by {@link RehearsalSuite}
 * classes, migration directories, {@code rehearsal.yaml} files, class-path resources and unique ids;
 * configured by the {@link Constants} parameters.
 *
 * @since 0.1
 */
public final class RehearsalTestEngine extends HierarchicalTestEngine<RehearsalContext> {

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.rehearsal");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("rehearsal-harness");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        RehearsalEngineDescriptor engine = new RehearsalEngineDescriptor(uniqueId,
                RehearsalConfiguration.from(request.getConfigurationParameters()));
        RehearsalDiscovery.discover(request, engine, engine.configuration());
        return engine;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        if (configuration(request).parallel()) {
            return new ForkJoinPoolHierarchicalTestExecutorService(new PrefixedConfigurationParameters(
                    request.getConfigurationParameters(), Constants.PARALLEL_CONFIG_PREFIX));
        }
        return super.createExecutorService(request);
    }

    @Override
    protected RehearsalContext createExecutionContext(ExecutionRequest request) {
        return RehearsalContext.start(configuration(request), request.getEngineExecutionListener());
    }

    /** The configuration discovery read, kept on the engine descriptor: read once per engine run. */
    private static RehearsalConfiguration configuration(ExecutionRequest request) {
        return ((RehearsalEngineDescriptor) request.getRootTestDescriptor()).configuration();
    }
}
