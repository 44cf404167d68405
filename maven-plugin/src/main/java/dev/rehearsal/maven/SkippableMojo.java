package dev.rehearsal.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What both goals share: the project, and the switches that skip a rehearsal as they skip tests. */
abstract class SkippableMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips the goal, as it skips Surefire's and Failsafe's tests. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skips the goal; test classes are not even compiled then. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skipTestCompilation;

    /** Skips this plugin only. */
    @Parameter(property = "rehearsal.skip", defaultValue = "false")
    boolean skip;

    /** True, after saying so, when a switch says to skip. */
    boolean skipped() {
        String by = skip ? "-Drehearsal.skip" : skipTests ? "-DskipTests" : skipTestCompilation ? "-Dmaven.test.skip" : null;
        if (by != null) {
            getLog().info("Rehearsal skipped (" + by + "): no migration was rehearsed");
        }
        return by != null;
    }
}
