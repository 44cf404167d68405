package dev.rehearsal.engine.discovery;

import dev.rehearsal.database.JdbcUrls;
import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.engine.descriptor.RehearsalEngineDescriptor;
import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/** Discovery: one selector resolver per input kind; reads files, never opens a database. */
public final class RehearsalDiscovery {
    private RehearsalDiscovery() {
    }

    public static void discover(EngineDiscoveryRequest request, RehearsalEngineDescriptor engine,
            RehearsalConfiguration config) {
        warnOfPasswordsInServerUrls(config,
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), engine.getUniqueId()));
        EngineDiscoveryRequestResolver.<RehearsalEngineDescriptor>builder()
                .addSelectorResolver(ctx -> new SuiteClassResolver(new SuiteResolution(config, ctx.getIssueReporter()),
                        ctx.getClassNameFilter()))
                .addSelectorResolver(ctx -> new MigrationDirectoryResolver(
                        new SuiteResolution(config, ctx.getIssueReporter())))
                .addSelectorResolver(ctx -> new ClasspathResourceResolver())
                .addSelectorResolver(ctx -> new ChildResolver())
                .build()
                .resolve(request, engine);
        if (!config.shard().whole()) {
            engine.keepShard(config.shard());
        }
    }

    /**
     * A password inside a server URL works, but Surefire copies configuration parameters verbatim
     * into its TEST-*.xml reports: one warning per URL, naming the key and the variable to use
     * instead, and never the URL itself.
     */
    private static void warnOfPasswordsInServerUrls(RehearsalConfiguration config, DiscoveryIssueReporter issues) {
        for (RehearsalSuite.Target target : List.of(RehearsalSuite.Target.POSTGRES, RehearsalSuite.Target.MARIADB)) {
            String url = config.serverUrl(target).orElse(null);
            if (url == null || JdbcUrls.maskPasswords(url).equals(url)) {
                continue;
            }
            String key = target == RehearsalSuite.Target.POSTGRES ? Constants.POSTGRES_URL : Constants.MARIADB_URL;
            issues.reportIssue(DiscoveryIssue.create(Severity.WARNING, key + " holds a password, and Surefire copies"
                    + " configuration parameters verbatim into its TEST-*.xml reports: take it out of the URL (keep the user"
                    + " as ?user=NAME) and set the environment variable "
                    + config.passwordVariable(target).orElseThrow() + " instead"));
        }
    }
}
