package dev.rehearsal.rehearse;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.fixture.FixtureLoadResult;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.verification.Captures;
import dev.rehearsal.verification.SuiteLoader;
import dev.rehearsal.verification.SuiteResult;
import dev.rehearsal.verification.VerificationSuite;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fixtures and verification suites of a migration set, bound to migration versions. Suites
 * without a migration are not run by the engine (they describe no migration step).
 */
public final class SuiteResources {
    private final List<VerificationSuite> suites;
    private final FixtureSeeding fixtures;
    private final Path fixturesDirectory;

    private SuiteResources(List<VerificationSuite> suites, FixtureSeeding fixtures, Path fixturesDirectory) {
        this.suites = List.copyOf(suites);
        this.fixtures = fixtures;
        this.fixturesDirectory = fixturesDirectory;
    }

    /** Reads both directories (either may be null); a broken file throws with its location. */
    public static SuiteResources load(Path fixturesDirectory, Path verificationDirectory) {
        List<VerificationSuite> suites = verificationDirectory == null ? List.of() : SuiteLoader.loadAll(verificationDirectory);
        return new SuiteResources(suites, FixtureSeeding.load(fixturesDirectory), fixturesDirectory);
    }

    public static SuiteResources none() {
        return new SuiteResources(List.of(), FixtureSeeding.load(null), null);
    }

    /** The fixtures directory (the drills load it themselves), or null. */
    Path fixturesDirectory() {
        return fixturesDirectory;
    }

    /** Whether fixtures are bound to {@code version}. */
    boolean seeds(MigrationVersion version) {
        return fixtures.bound(version);
    }

    /** Whether the set has fixtures at all (bound to any version). */
    boolean hasFixtures() {
        return fixtures.any();
    }

    List<FixtureLoadResult> seed(Connection c, Dialect d, MigrationVersion version) {
        return fixtures.seed(c, d, version);
    }

    /** Whether verification suites are bound to {@code version}. */
    boolean verifies(MigrationVersion version) {
        return !boundTo(version).isEmpty();
    }

    /** The pre captures of the suites bound to {@code version}. */
    Map<VerificationSuite, Captures> capture(Connection c, Dialect d, MigrationVersion version) {
        Map<VerificationSuite, Captures> captures = new LinkedHashMap<>();
        for (VerificationSuite suite : boundTo(version)) {
            captures.put(suite, suite.capture(c, d));
        }
        return captures;
    }

    /**
     * Runs the post checks of the suites bound to {@code version}.
     *
     * @return the warnings, rendered, or null when there are none
     * @throws StepFailure when an error-severity check failed
     */
    String verify(Connection c, Dialect d, Map<VerificationSuite, Captures> captures) {
        StringBuilder warnings = new StringBuilder();
        for (Map.Entry<VerificationSuite, Captures> entry : captures.entrySet()) {
            SuiteResult result = entry.getKey().verify(c, d, entry.getValue());
            if (!result.passed()) {
                throw new StepFailure("verification suite " + entry.getKey().name() + " failed:\n" + result.render(),
                        result.render());
            }
            if (!result.warnings().isEmpty()) {
                warnings.append(result.warnings().stream().map(w -> w.render()).collect(Collectors.joining("\n")));
            }
        }
        return warnings.length() == 0 ? null : warnings.toString();
    }

    private List<VerificationSuite> boundTo(MigrationVersion version) {
        return suites.stream()
                .filter(s -> s.migration() != null && MigrationVersion.isVersion(s.migration())
                        && MigrationVersion.parse(s.migration()).equals(version))
                .toList();
    }
}
