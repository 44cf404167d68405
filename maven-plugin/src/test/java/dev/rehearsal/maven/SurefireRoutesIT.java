package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.maven.BuildOutcomes.Steps;
import dev.rehearsal.maven.SampleBuilds.Build;
import org.junit.jupiter.api.Test;

/**
 * The Surefire routes as the README documents them (Surefire pinned to 3.5.4 with the includes they
 * need, and the plugin's check goal as the guard), and the route issue 11 found silently green: the
 * dependency and a suite class under Maven 3.8.7's default Surefire 2.12.4.
 */
class SurefireRoutesIT {
    private static final int SQLITE_STEPS = 10;

    @Test
    void pinnedSurefireWithIncludesRehearsesTheSuiteClass() {
        assertSurefireRehearsedEveryStep(SampleBuilds.verify("surefire-route", "good"));
    }

    @Test
    void pinnedSurefireFailsTheBuildOnABrokenRollback() {
        Build build = SampleBuilds.verify("surefire-route", "broken-rollback");

        assertThat(build.exitCode()).as(build.tail()).isNotZero();
        Steps steps = BuildOutcomes.surefireReports(build);
        assertThat(steps.failed()).as(build.tail()).isEqualTo(1);
        assertThat(steps.total()).isGreaterThanOrEqualTo(SQLITE_STEPS);
        assertThat(build.log()).contains("rollback restores schema", "BUILD FAILURE");
    }

    @Test
    void dependenciesToScanRouteRehearsesTheConfiguredSetWithoutJavaSources() {
        assertSurefireRehearsedEveryStep(SampleBuilds.verify("scan-route", "good"));
    }

    @Test
    void dependenciesToScanRouteFailsTheBuildOnABrokenRollback() {
        Build build = SampleBuilds.verify("scan-route", "broken-rollback");

        assertThat(build.exitCode()).as(build.tail()).isNotZero();
        assertThat(BuildOutcomes.surefireReports(build).failed()).as(build.tail()).isEqualTo(1);
        assertThat(build.log()).contains("rollback restores schema", "BUILD FAILURE");
    }

    @Test
    void unpinnedSurefireRehearsesNothingAndTheCheckGoalFailsTheBuild() {
        Build build = SampleBuilds.verify("unpinned-surefire-route", "broken-rollback");

        assertThat(build.log()).as("Maven 3.8.7's default Surefire ran").contains("maven-surefire-plugin:2.12.4:test");
        assertThat(BuildOutcomes.surefireReports(build).total()).as("Surefire 2.12.4 ran no rehearsal step").isZero();
        assertThat(build.exitCode()).as(build.tail()).isNotZero();
        assertThat(build.log()).contains("nothing was rehearsed:", "rehearsal-results.json does not exist",
                "pin maven-surefire-plugin");
    }

    /** Surefire's XML counts every step as passed, and the check goal counted the same steps from the results file. */
    private static void assertSurefireRehearsedEveryStep(Build build) {
        assertThat(build.exitCode()).as(build.tail()).isZero();
        Steps steps = BuildOutcomes.surefireReports(build);
        assertThat(steps.passed()).as(build.tail()).isEqualTo(SQLITE_STEPS);
        assertThat(steps.failed()).isZero();
        assertThat(build.log()).contains("Rehearsal: " + SQLITE_STEPS + " steps ran in this build");
    }
}
