package dev.rehearsal.maven;

import dev.rehearsal.engine.Constants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * For the Surefire routes: fails the build when Surefire rehearsed nothing in it. The engine writes
 * rehearsal-results.json at the end of every run that selected a suite; this goal fails when
 * that file is missing, older than the build, or lists no step that ran (an unpinned Surefire, 2.12.4
 * under Maven 3.8.7, runs no JUnit Platform engine; Surefire 3's default includes skip {@code *Rehearsal}
 * classes; both end in BUILD SUCCESS otherwise).
 *
 * @since 0.1
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends SkippableMojo {

    /**
     * The engine's report directory, where it writes the results; default: rehearsal.report.dir from
     * the test class path's {@code junit-platform.properties}, else {@code reports}, under the module directory.
     */
    @Parameter(property = Constants.REPORT_DIR)
    String reportDir;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Path directory = project.getBasedir().toPath().resolve(reportDirectory()).normalize();
        Path results = directory.resolve(Constants.RESULTS_FILE);
        Instant buildStart = session.getRequest().getStartTime().toInstant();
        List<Path> written;
        ResultsFile.Counts counts = new ResultsFile.Counts(0, 0, 0);
        try {
            written = writtenThisBuild(directory, buildStart);
            if (written.isEmpty()) {
                throw new MojoFailureException("nothing was rehearsed: " + results + (Files.exists(results)
                        ? " is older than this build" : " does not exist") + ", so Surefire ran no Rehearsal suite in it. "
                        + HOW_TO_FIX);
            }
            for (Path file : written) {
                ResultsFile.Counts one = ResultsFile.count(file);
                counts = new ResultsFile.Counts(counts.total() + one.total(), counts.ran() + one.ran(),
                        counts.failed() + one.failed());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the results under " + directory + ": " + e.getMessage(), e);
        }
        String files = written.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (counts.ran() == 0) {
            throw new MojoFailureException("nothing was rehearsed: " + files + (written.size() == 1 ? " lists " : " list ") + counts.total()
                    + " steps and none ran (every target skipped; the reasons are in the readiness report). " + HOW_TO_FIX);
        }
        getLog().info("Rehearsal: " + counts.ran() + " steps ran in this build (" + (counts.total() - counts.ran())
                + " skipped), " + counts.failed() + " failed: " + files);
    }

    /**
     * The results files this build wrote: the full run's, or, for a sharded or partial run (which
     * never replaces the full run's file), those in its {@code shard-K-of-N/} or {@code partial/} folder.
     */
    private static List<Path> writtenThisBuild(Path directory, Instant buildStart) throws IOException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(directory.resolve(Constants.RESULTS_FILE));
        if (Files.isDirectory(directory)) {
            try (Stream<Path> children = Files.list(directory)) {
                children.filter(child -> child.getFileName().toString().matches("shard-\\d+-of-\\d+|partial"))
                        .sorted()
                        .forEach(child -> candidates.add(child.resolve(Constants.RESULTS_FILE)));
            }
        }
        List<Path> written = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && !Files.getLastModifiedTime(candidate).toInstant().isBefore(buildStart)) {
                written.add(candidate);
            }
        }
        return written;
    }

    private static final String HOW_TO_FIX = "Surefire runs the Rehearsal engine once pinned to 3.5.4 (the version tested;"
            + " Maven 3.8.7 without a pin uses 2.12.4, which runs no JUnit Platform engine): pin maven-surefire-plugin and"
            + " add <include>**/*Rehearsal.java</include> (or dev/rehearsal/engine/ConfiguredRehearsal.java with"
            + " dependenciesToScan) to its <includes>; or use this plugin's rehearse goal, which needs neither."
            + " If the engine writes its results elsewhere, set <reportDir> here to the same directory";

    private String reportDirectory() throws MojoExecutionException {
        if (reportDir != null && !reportDir.isBlank()) {
            return reportDir.trim();
        }
        Path properties = Path.of(project.getBuild().getTestOutputDirectory(), "junit-platform.properties");
        if (Files.isRegularFile(properties)) {
            Properties loaded = new Properties();
            try (InputStream in = Files.newInputStream(properties)) {
                loaded.load(in);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot read " + properties + ": " + e.getMessage(), e);
            }
            String configured = loaded.getProperty(Constants.REPORT_DIR, "").trim();
            if (!configured.isEmpty()) {
                return configured;
            }
        }
        return "reports";
    }
}
