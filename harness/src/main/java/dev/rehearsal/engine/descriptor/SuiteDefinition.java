package dev.rehearsal.engine.descriptor;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.engine.RehearsalSuite;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.engine.TestSource;

/**
 * One migration set to rehearse, as discovery found it.
 *
 * @param id the unique-id value: the annotated class's name, or the absolute migrations directory
 * @param displayName the class's simple name, or the directory's name
 * @param fixtures the fixtures directory, or null
 * @param verification the verification-suite directory, or null
 * @param allowedTargets the targets the set may run on (the engine runs those also enabled by configuration)
 * @param problem why the suite cannot run (a configuration parameter it needs is missing), or null;
 *     the suite node then fails with it
 */
public record SuiteDefinition(String id, String displayName, Path migrations, Path fixtures, Path verification,
        List<RehearsalSuite.Target> allowedTargets, TestSource source, RehearsalException problem) {

    public SuiteDefinition {
        allowedTargets = List.copyOf(allowedTargets);
    }
}
