package dev.rehearsal.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs after Surefire (Failsafe's integration-test phase) and reads the XML that this module's
 * real Maven run wrote: what a CI server shows of a rehearsal must be one readable test case per step.
 */
class SurefireReportsIT {
    private static final Path TARGET = Path.of("target");

    @Test
    void everyStepOfAnAnnotatedSuiteIsOneReadableTestCase() throws Exception {
        List<String> names = testcases(TARGET.resolve("surefire-reports/TEST-dev.rehearsal.suites.MediaRehearsal.xml"));

        assertThat(names).contains(
                "V20240101000000 create users: apply (sqlite)",
                "V20240101000000 create users: rollback restores schema (sqlite)",
                "V20240101000000 create users: rollback preserves data (sqlite)",
                "V20240101000000 create users: redo (sqlite)",
                "V20240215000000 unify media: rollback restores schema (sqlite)");
        long perMigrationSteps = names.stream().filter(n -> n.startsWith("V2024") && n.endsWith("(sqlite)")
                && n.matches(".*: (apply|rollback restores schema|rollback preserves data|redo) \\(sqlite\\)")).count();
        assertThat(perMigrationSteps).isEqualTo(4 * 4);
        assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).doesNotContain("[", "/", "\\"));
    }

    @Test
    void theSuiteShippedInTheHarnessJarRunsWithoutJavaTestSources() throws Exception {
        List<String> names = testcases(TARGET.resolve(
                "surefire-reports-configured/TEST-dev.rehearsal.engine.ConfiguredRehearsal.xml"));

        assertThat(names).contains("V20240301000000 create users and teams: apply (sqlite)",
                "V20240305000000 create backup runs: redo (sqlite)");
        assertThat(names.stream().filter(n -> n.startsWith("V2024") && n.endsWith("(sqlite)")).count()).isEqualTo(3 * 4);
    }

    private static List<String> testcases(Path xml) throws Exception {
        assertThat(xml).as("Surefire report written by this module's test phase").exists();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(xml));
        NodeList cases = document.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }
}
