package dev.rehearsal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.JdbcUrls;
import dev.rehearsal.engine.RehearsalTestEngine;

/**
 * The shape the code must keep: a core that knows nothing of its faces (the JUnit engine, the
 * command line), JUnit Platform and opentest4j types only inside the engine, and no package cycles.
 */
@AnalyzeClasses(packages = "dev.rehearsal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {
    private static final String[] CORE = {"dev.rehearsal.rehearse..", "dev.rehearsal.runner..",
        "dev.rehearsal.snapshot..", "dev.rehearsal.backup..", "dev.rehearsal.drill..", "dev.rehearsal.report..",
        "dev.rehearsal.verification..", "dev.rehearsal.migration..", "dev.rehearsal.database..",
        "dev.rehearsal.fixture.."};

    @ArchTest
    static final ArchRule coreKnowsNeitherFace = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.rehearsal.engine..", "dev.rehearsal.cli..")
            .because("the engine and the command line are two faces of one core; both call it, it calls neither");

    @ArchTest
    static final ArchRule junitTypesStayInTheEngine = noClasses().that().resideOutsideOfPackage("dev.rehearsal.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
            .because("outcomes travel as core types (StepOutcome); only the engine turns them into JUnit results");

    /**
     * Every package is a slice, the root {@code dev.rehearsal} (RehearsalException, ErrorCode) included.
     * Two dependencies are allowed, and only these two:
     * <ul>
     * <li>{@code RehearsalException -> database.JdbcUrls}: the root exception masks passwords in every
     *     message on the way in, with the masking the database layer owns; moving JdbcUrls (whose
     *     package-private helpers Target uses) is left to a change that can touch its callers.</li>
     * <li>{@code engine.RehearsalTestEngine -> engine.*}: the engine's entry class sits beside its
     *     public API (RehearsalSuite, Constants), as Jupiter's does, and wires the subpackages that
     *     read that API; they never reach the entry class.</li>
     * </ul>
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("dev.rehearsal")
                    ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.rehearsal";
        }
    }).should().beFreeOfCycles()
            .ignoreDependency(RehearsalException.class, JdbcUrls.class)
            .ignoreDependency(DescribedPredicate.describe("RehearsalTestEngine",
                    (JavaClass c) -> c.isEquivalentTo(RehearsalTestEngine.class)), DescribedPredicate.alwaysTrue());
}
