package dev.rehearsal.engine.discovery;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.engine.descriptor.SuiteDefinition;
import dev.rehearsal.engine.descriptor.SuiteDescriptor;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver.Context;
import org.junit.platform.engine.support.discovery.SelectorResolver.Match;
import org.junit.platform.engine.support.discovery.SelectorResolver.Resolution;

/** Adds a suite node under the engine and asks for all of its targets; shared by the suite resolvers. */
final class SuiteResolution {
    private final RehearsalConfiguration config;
    private final Consumer<RehearsalException> issues;

    SuiteResolution(RehearsalConfiguration config, DiscoveryIssueReporter reporter) {
        this.config = config;
        DiscoveryIssueReporter once = DiscoveryIssueReporter.deduplicating(reporter);
        // A warning, not an error: the node itself fails with the message, so one broken set
        // does not stop the other suites of the run. Bad input says all in its message (file:line:column,
        // what is allowed): its cause would only add a parser's stack trace and class names.
        this.issues = e -> once.reportIssue(e.code().kind() == ErrorCode.Kind.BAD_INPUT
                ? DiscoveryIssue.builder(Severity.WARNING, e.getMessage())
                : DiscoveryIssue.builder(Severity.WARNING, e.getMessage()).cause(e));
    }

    RehearsalConfiguration config() {
        return config;
    }

    Resolution resolve(SuiteDefinition definition, Context context, boolean expand) {
        Optional<SuiteDescriptor> suite = context.addToParent(
                parent -> Optional.of(new SuiteDescriptor(parent.getUniqueId(), definition, config, issues)));
        return suite.map(s -> Resolution.match(expand
                ? Match.exact(s, () -> new LinkedHashSet<>(s.childSelectors()))
                : Match.exact(s))).orElse(Resolution.unresolved());
    }
}
