package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.maven.BuildOutcomes.Steps;
import dev.rehearsal.maven.SampleBuilds.Build;
import org.junit.jupiter.api.Test;

/**
 * The README's first adoption route, proven with the machine's Maven and its defaults (no plugin pinned,
 * so Surefire 2.12.4, which runs no JUnit Platform engine): one rehearsal-maven-plugin block.
 * The sample sets have two migrations: 4 steps each on SQLite, plus full chain and history.
 */
class PluginRouteIT {
    private static final int SQLITE_STEPS = 10;

    @Test
    void pluginBlockAloneRehearsesEveryStepOfAGoodSetUnderMavensDefaults() {
        Build build = SampleBuilds.verify("plugin-route", "good");

        assertThat(build.exitCode()).as(build.tail()).isZero();
        assertThat(build.log()).as("Maven's own default Surefire ran, and could not have rehearsed anything")
                .contains("maven-surefire-plugin:2.12.4:test");
        Steps steps = BuildOutcomes.pluginSummary(build);
        assertThat(steps.passed()).as(build.tail()).isEqualTo(SQLITE_STEPS);
        assertThat(steps.failed()).isZero();
        assertThat(build.log()).containsPattern("Rehearsal readiness report: .*rehearsal-report\\.html \\(READY\\)");
    }

    @Test
    void brokenRollbackFailsTheBuildAndNamesTheStep() {
        Build build = SampleBuilds.verify("plugin-route", "broken-rollback");

        assertThat(build.exitCode()).as(build.tail()).isNotZero();
        Steps steps = BuildOutcomes.pluginSummary(build);
        assertThat(steps.failed()).as(build.tail()).isEqualTo(1);
        assertThat(steps.total()).isGreaterThanOrEqualTo(SQLITE_STEPS);
        assertThat(build.log()).contains("BUILD FAILURE", "rollback restores schema", "idx_users_name")
                .containsPattern("Rehearsal readiness report: .*\\(NOT READY\\)");
    }

    @Test
    void pluginWithNothingToRehearseFailsTheBuildNamingWhatItLookedFor() {
        Build build = SampleBuilds.verify("plugin-route-unconfigured", "good");

        assertThat(build.exitCode()).as(build.tail()).isNotZero();
        assertThat(build.log()).contains("nothing was rehearsed: looked for classes annotated @dev.rehearsal.engine.RehearsalSuite in",
                "target/test-classes", "rehearsal.migrations (<migrations>), which is not set");
    }

    @Test
    void pluginRunsTheProjectsOwnRehearsalSuiteClassesFromTheTestClassPath() {
        Build build = SampleBuilds.verify("plugin-route-suite-class", "good");

        assertThat(build.exitCode()).as(build.tail()).isZero();
        Steps steps = BuildOutcomes.pluginSummary(build);
        assertThat(steps.passed()).as(build.tail()).isEqualTo(SQLITE_STEPS);
        assertThat(steps.failed()).isZero();
    }
}
