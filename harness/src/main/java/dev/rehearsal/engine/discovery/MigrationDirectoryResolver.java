package dev.rehearsal.engine.discovery;

import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.engine.descriptor.SuiteDefinition;
import dev.rehearsal.rehearse.plan.SegmentTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * A migration set selected as a directory (one holding {@code .sql} files, diesel folders, or a
 * {@code rehearsal.yaml}), as its {@code rehearsal.yaml} file, or by a suite unique id holding its path.
 * Fixtures and verification suites come from the paths {@code rehearsal.yaml} names.
 */
final class MigrationDirectoryResolver implements SelectorResolver {
    private final SuiteResolution suites;

    MigrationDirectoryResolver(SuiteResolution suites) {
        this.suites = suites;
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path directory = selector.getPath();
        return isMigrationSet(directory) ? suites.resolve(definition(directory), context, true) : Resolution.unresolved();
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path file = selector.getPath();
        if (!file.getFileName().toString().equals(Constants.DECLARATIONS_FILE) || !Files.isRegularFile(file)) {
            return Resolution.unresolved();
        }
        return suites.resolve(definition(file.toAbsolutePath().getParent()), context, true);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (id.getSegments().size() != 2 || !id.getLastSegment().getType().equals(SegmentTypes.SUITE)) {
            return Resolution.unresolved();
        }
        Path directory = Path.of(id.getLastSegment().getValue());
        return directory.isAbsolute() && Files.isDirectory(directory)
                ? suites.resolve(definition(directory), context, true) : Resolution.unresolved();
    }

    static SuiteDefinition definition(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        return new SuiteDefinition(dir.toString(), dir.getFileName().toString(), dir, null, null,
                List.of(RehearsalSuite.Target.values()), DirectorySource.from(dir.toFile()), null);
    }

    static boolean isMigrationSet(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(e -> {
                String name = e.getFileName().toString();
                return name.equals(Constants.DECLARATIONS_FILE) || name.endsWith(".sql")
                        || Files.isRegularFile(e.resolve("up.sql"));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
