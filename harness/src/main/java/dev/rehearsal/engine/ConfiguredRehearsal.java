package dev.rehearsal.engine;

/**
 * The rehearsal for projects with no Java test sources: it ships in the harness jar and takes its
 * directories from configuration parameters ({@value Constants#MIGRATIONS}, {@value Constants#FIXTURES},
 * {@value Constants#VERIFICATION}). Surefire finds it through {@code dependenciesToScan}:
 *
 * <pre>{@code
 * <dependenciesToScan><dependency>dev.rehearsal:rehearsal-harness</dependency></dependenciesToScan>
 * <includes><include>**}{@code /ConfiguredRehearsal.java</include></includes>
 * }</pre>
 *
 * with {@code rehearsal.migrations=db/migrations} in {@code src/test/resources/junit-platform.properties}
 * or as {@code -Drehearsal.migrations=...}. Without that parameter the suite fails and names it.
 *
 * @since 0.1
 */
@RehearsalSuite(migrations = "${" + Constants.MIGRATIONS + "}", fixtures = "${" + Constants.FIXTURES + "}",
        verification = "${" + Constants.VERIFICATION + "}")
public final class ConfiguredRehearsal {
    private ConfiguredRehearsal() {
    }
}
