package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rehearse goal's configuration and skip switches; running it is proven by PluginRouteIT with real Maven. */
class RehearseMojoTests {

    @TempDir
    Path module;

    @Test
    void namedOptionsBecomeEngineParametersAndWinOverTheFreeFormMap() {
        RehearseMojo mojo = mojo();
        mojo.migrations = " db/migrations ";
        mojo.targets = "sqlite,postgres";
        mojo.configurationParameters = Map.of("rehearsal.targets", "mariadb", "rehearsal.postgres.url",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

        assertThat(mojo.parameters()).containsEntry("rehearsal.migrations", "db/migrations")
                .containsEntry("rehearsal.targets", "sqlite,postgres")
                .containsEntry("rehearsal.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")
                .containsEntry("rehearsal.project-root", module.toString())
                .doesNotContainKeys("rehearsal.fixtures", "rehearsal.report.dir");
    }

    @Test
    void aConfiguredProjectRootIsKept() {
        RehearseMojo mojo = mojo();
        mojo.configurationParameters = Map.of("rehearsal.project-root", "/elsewhere");

        assertThat(mojo.parameters()).containsEntry("rehearsal.project-root", "/elsewhere");
    }

    @Test
    void skipSwitchesSkipWithAMessageAndRunNothing() throws Exception {
        for (String by : List.of("-Drehearsal.skip", "-DskipTests", "-Dmaven.test.skip")) {
            RehearseMojo mojo = mojo();
            mojo.project = null; // a run would need the project: proves nothing ran
            mojo.skip = by.equals("-Drehearsal.skip");
            mojo.skipTests = by.equals("-DskipTests");
            mojo.skipTestCompilation = by.equals("-Dmaven.test.skip");
            List<String> infos = new ArrayList<>();
            mojo.setLog(new SystemStreamLog() {
                @Override
                public void info(CharSequence content) {
                    infos.add(content.toString());
                }
            });

            mojo.execute();

            assertThat(infos).containsExactly("Rehearsal skipped (" + by + "): no migration was rehearsed");
        }
    }

    private RehearseMojo mojo() {
        MavenProject project = new MavenProject();
        project.setFile(new File(module.toFile(), "pom.xml"));
        RehearseMojo mojo = new RehearseMojo();
        mojo.project = project;
        return mojo;
    }
}
