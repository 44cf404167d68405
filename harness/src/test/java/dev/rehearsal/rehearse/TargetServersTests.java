package dev.rehearsal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.plan.TargetKind;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** A missing optional Testcontainers module is named with the artifact to add, not met as a NoClassDefFoundError. */
class TargetServersTests {

    @Test
    void missingTestcontainersModuleIsNamedWithItsArtifact() throws Exception {
        // A loader that sees the JDK only: what a project without the optional dependency has.
        try (URLClassLoader without = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(TargetServers.testcontainersAbsence(TargetKind.POSTGRES, without))
                    .isEqualTo("Testcontainers is not on the test class path: add the test dependency"
                            + " org.testcontainers:testcontainers-postgresql for a throw-away postgres server");
            assertThat(TargetServers.testcontainersAbsence(TargetKind.MARIADB, without))
                    .contains("org.testcontainers:testcontainers-mariadb");
        }
    }

    @Test
    void presentTestcontainersModuleIsNoReason() {
        ClassLoader harness = TargetServers.class.getClassLoader();

        assertThat(TargetServers.testcontainersAbsence(TargetKind.POSTGRES, harness)).isNull();
        assertThat(TargetServers.testcontainersAbsence(TargetKind.MARIADB, harness)).isNull();
    }
}
