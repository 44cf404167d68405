package dev.rehearsal.maven;

import dev.rehearsal.engine.Constants;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rehearses the project's migrations in {@code verify}: runs the Rehearsal engine through the JUnit
 * Platform Launcher on the project's test class path, whatever Surefire the project uses. Selects
 * every {@code @RehearsalSuite} class in the test output directory, and the configured set
 * ({@code <migrations>}) when there is one. Fails the build when a step fails, and when it found
 * nothing to rehearse: a green build that checked nothing is the worst outcome.
 *
 * @since 0.1
 */
@Mojo(name = "rehearse", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public final class RehearseMojo extends SkippableMojo {

    /** The migrations directory to rehearse without a suite class (rehearsal.migrations). */
    @Parameter(property = Constants.MIGRATIONS)
    String migrations;

    /** Its fixtures directory (rehearsal.fixtures). */
    @Parameter(property = Constants.FIXTURES)
    String fixtures;

    /** Its verification suites directory (rehearsal.verification). */
    @Parameter(property = Constants.VERIFICATION)
    String verification;

    /** Comma list of targets: sqlite, postgres, mariadb (rehearsal.targets; default sqlite). */
    @Parameter(property = Constants.TARGETS)
    String targets;

    /** Where the results and the readiness report go (rehearsal.report.dir; default {@code reports}). */
    @Parameter(property = Constants.REPORT_DIR)
    String reportDir;

    /** Any other engine parameter, by its {@code rehearsal.} key (see dev.rehearsal.engine.Constants). */
    @Parameter
    Map<String, String> configurationParameters;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
        RehearsalRun run = run(testClasses);
        getLog().info(run.summary());
        if (run.steps() == 0) {
            throw new MojoFailureException("nothing was rehearsed: looked for " + run.lookedFor()
                    + (run.suites().isEmpty() ? "" : "; selected " + String.join(", ", run.suites()) + ", which gave no step")
                    + failureLines(run) + ". Add <migrations>DIR</migrations> to this plugin's <configuration>, or a"
                    + " test class annotated @RehearsalSuite, or skip on purpose with -Drehearsal.skip");
        }
        if (!run.failures().isEmpty()) {
            throw new MojoFailureException(run.summary() + failureLines(run)
                    + "\nThe readiness report (printed above) shows each failure with its diff.");
        }
    }

    private static String failureLines(RehearsalRun run) {
        return run.failures().isEmpty() ? "" : ":\n  " + String.join("\n  ", run.failures());
    }

    private RehearsalRun run(Path testClasses) throws MojoExecutionException {
        List<File> pluginJars = pluginArtifacts.stream().map(Artifact::getFile).toList();
        try (URLClassLoader loader = TestClassLoader.of(project.getTestClasspathElements(), pluginJars)) {
            return RehearsalRun.from(TestClassLoader.runIsolated(loader, parameters(), testClasses));
        } catch (InvocationTargetException e) {
            throw new MojoExecutionException("the Rehearsal engine could not run: " + e.getCause(), e.getCause());
        } catch (DependencyResolutionRequiredException | ReflectiveOperationException | IOException e) {
            throw new MojoExecutionException("the Rehearsal engine could not be loaded: " + e, e);
        }
    }

    /** The free-form map first, so the named parameters win; the project root defaults to the module's directory. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (configurationParameters != null) {
            configurationParameters.forEach((key, value) -> parameters.put(key, value == null ? "" : value.trim()));
        }
        put(parameters, Constants.MIGRATIONS, migrations);
        put(parameters, Constants.FIXTURES, fixtures);
        put(parameters, Constants.VERIFICATION, verification);
        put(parameters, Constants.TARGETS, targets);
        put(parameters, Constants.REPORT_DIR, reportDir);
        if (System.getProperty(Constants.PROJECT_ROOT) == null) {
            parameters.putIfAbsent(Constants.PROJECT_ROOT, project.getBasedir().getAbsolutePath());
        }
        return parameters;
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(key, value.trim());
        }
    }
}
