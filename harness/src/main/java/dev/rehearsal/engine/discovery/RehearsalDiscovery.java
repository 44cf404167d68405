package dev.rehearsal.engine.discovery;

import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.engine.descriptor.RehearsalEngineDescriptor;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/** Discovery: one selector resolver per input kind; reads files, never opens a database. */
public final class RehearsalDiscovery {
    private RehearsalDiscovery() {
    }

    public static void discover(EngineDiscoveryRequest request, RehearsalEngineDescriptor engine,
            RehearsalConfiguration config) {
        EngineDiscoveryRequestResolver.<RehearsalEngineDescriptor>builder()
                .addSelectorResolver(ctx -> new SuiteClassResolver(new SuiteResolution(config, ctx.getIssueReporter()),
                        ctx.getClassNameFilter()))
                .addSelectorResolver(ctx -> new MigrationDirectoryResolver(
                        new SuiteResolution(config, ctx.getIssueReporter())))
                .addSelectorResolver(ctx -> new ClasspathResourceResolver())
                .addSelectorResolver(ctx -> new ChildResolver())
                .build()
                .resolve(request, engine);
    }
}
