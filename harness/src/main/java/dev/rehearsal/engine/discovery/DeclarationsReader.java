package dev.rehearsal.engine.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.descriptor.Step;
import dev.rehearsal.migration.MigrationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code rehearsal.yaml}; a set without one declares nothing. */
public final class DeclarationsReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DeclarationsReader() {
    }

    /** @throws RehearsalException BAD_SUITE_FILE naming the file and the problem */
    public static Declarations read(Path migrationsDirectory) {
        Path file = migrationsDirectory.resolve(Constants.DECLARATIONS_FILE);
        if (!Files.isRegularFile(file)) {
            return Declarations.none();
        }
        File parsed;
        try {
            parsed = YAML.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw bad(file, e.getMessage().lines().findFirst().orElse("unreadable")
                    + "; expected keys: irreversible, lossy, expect, fixtures, verification");
        }
        if (parsed == null) {
            return Declarations.none();
        }
        List<Declarations.ExpectedDefect> expected = new ArrayList<>();
        for (Expect e : parsed.expect == null ? List.<Expect>of() : parsed.expect) {
            Step step = Step.find(e.step).orElseThrow(() -> bad(file, "unknown step '" + e.step
                    + "' in expect; use one of apply, rollback restores schema, rollback preserves data, redo,"
                    + " full chain, history"));
            if (e.failsWith == null || e.failsWith.isBlank()) {
                throw bad(file, "expect entry for step '" + e.step + "' needs fails-with: the text the failure must contain");
            }
            if (step.perMigration() == (e.migration == null)) {
                throw bad(file, "expect entry for step '" + e.step + "': "
                        + (step.perMigration() ? "name the migration version" : "a set-level step takes no migration"));
            }
            expected.add(new Declarations.ExpectedDefect(e.migration == null ? null : version(file, e.migration),
                    step, e.failsWith));
        }
        return new Declarations(versions(file, parsed.irreversible), versions(file, parsed.lossy), expected,
                parsed.fixtures, parsed.verification);
    }

    private static Set<MigrationVersion> versions(Path file, List<String> texts) {
        Set<MigrationVersion> versions = new LinkedHashSet<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            versions.add(version(file, text));
        }
        return versions;
    }

    private static MigrationVersion version(Path file, String text) {
        if (!MigrationVersion.isVersion(text)) {
            throw bad(file, "'" + text + "' is not a migration version; quote the version as in the file name");
        }
        return MigrationVersion.parse(text);
    }

    private static RehearsalException bad(Path file, String what) {
        return new RehearsalException(ErrorCode.BAD_SUITE_FILE, file + ": " + what);
    }

    /** The file's shape, for Jackson. */
    static final class File {
        public List<String> irreversible;
        public List<String> lossy;
        public List<Expect> expect;
        public String fixtures;
        public String verification;
    }

    static final class Expect {
        public String migration;
        public String step;
        @JsonProperty("fails-with")
        public String failsWith;
    }
}
