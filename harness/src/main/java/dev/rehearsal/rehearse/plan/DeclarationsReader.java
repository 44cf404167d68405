package dev.rehearsal.rehearse.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.SqliteFunctions;
import dev.rehearsal.drill.Durations;
import dev.rehearsal.rehearse.plan.Step;
import dev.rehearsal.migration.MigrationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads {@code rehearsal.yaml}; a set without one declares nothing. */
public final class DeclarationsReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String KEYS = "irreversible, lossy, volatile, expect, fixtures, verification,"
            + " strict-column-order, drills (backup, faults, max-faults, objective), functions (name, class),"
            + " generated-rows";

    private DeclarationsReader() {
    }

    /** @throws RehearsalException BAD_SUITE_FILE naming the file and the problem */
    public static Declarations read(Path migrationsDirectory) {
        Path file = migrationsDirectory.resolve(Declarations.FILE);
        if (!Files.isRegularFile(file)) {
            return Declarations.none();
        }
        File parsed;
        try {
            parsed = YAML.readerFor(File.class).withAttribute(Path.class, file).readValue(file.toFile());
        } catch (IOException e) {
            throw bad(where(file, e), YamlErrors.describe(e, KEYS));
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
            expected.add(new Declarations.ExpectedDefect(e.migration == null ? null : e.migration.version(),
                    step, e.failsWith));
        }
        Map<MigrationVersion, String> declaredAt = new LinkedHashMap<>();
        Stream.of(parsed.irreversible, parsed.lossy, parsed.expect == null ? null
                        : parsed.expect.stream().map(e -> e.migration).filter(Objects::nonNull).toList())
                .filter(Objects::nonNull).flatMap(List::stream)
                .sorted(Comparator.comparingInt(DeclaredVersion::line).thenComparingInt(DeclaredVersion::column))
                .forEach(v -> declaredAt.putIfAbsent(v.version(), v.where()));
        return new Declarations(versions(parsed.irreversible), versions(parsed.lossy),
                parsed.volatileNames(), expected, parsed.fixtures, parsed.verification,
                parsed.drills == null ? Declarations.Drills.off() : parsed.drills.toDrills(), declaredAt,
                parsed.strictColumnOrder, new SqliteFunctions(parsed.functions == null ? List.of() : parsed.functions),
                parsed.generatedRows);
    }

    /** {@code file:line:column} when the parser knows where it stopped. */
    private static String where(Path file, IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null
                && json.getLocation() != JsonLocation.NA && json.getLocation().getLineNr() > 0) {
            return file + ":" + json.getLocation().getLineNr() + ":" + json.getLocation().getColumnNr();
        }
        return file.toString();
    }

    private static Set<MigrationVersion> versions(List<DeclaredVersion> declared) {
        Set<MigrationVersion> versions = new LinkedHashSet<>();
        (declared == null ? List.<DeclaredVersion>of() : declared).forEach(v -> versions.add(v.version()));
        return versions;
    }

    private static RehearsalException bad(Path file, String what) {
        return bad(file.toString(), what);
    }

    private static RehearsalException bad(String where, String what) {
        return new RehearsalException(ErrorCode.BAD_SUITE_FILE, where + ": " + what);
    }

    /** The file's shape, for Jackson. */
    static final class File {
        public List<DeclaredVersion> irreversible;
        public List<DeclaredVersion> lossy;
        @JsonProperty("volatile")
        public List<VolatileColumn> volatileColumns;
        public List<Expect> expect;
        public String fixtures;
        public String verification;
        public DrillsBlock drills;
        @JsonProperty("strict-column-order")
        public boolean strictColumnOrder;
        @JsonDeserialize(contentUsing = FunctionEntry.class)
        public List<SqliteFunctions.Declared> functions;
        Long generatedRows;

        @JsonProperty("generated-rows")
        public void setGeneratedRows(long rows) {
            if (rows < 0) {
                // no cause: Jackson reports the root cause's message
                throw new IllegalArgumentException("generated-rows must be 0 (off) or more, was " + rows);
            }
            generatedRows = rows;
        }

        Set<String> volatileNames() {
            Set<String> names = new LinkedHashSet<>();
            (volatileColumns == null ? List.<VolatileColumn>of() : volatileColumns).forEach(c -> names.add(c.name));
            return names;
        }
    }

    /** One {@code volatile} entry; a malformed one throws while parsing so the error carries its line. */
    static final class VolatileColumn {
        final String name;

        private VolatileColumn(String name) {
            this.name = name;
        }

        @JsonCreator
        static VolatileColumn parse(String text) {
            int dot = text == null ? -1 : text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0 || !text.strip().equals(text)) {
                // no cause: Jackson reports the root cause's message
                throw new IllegalArgumentException("volatile: '" + text + "' is not table.column;"
                        + " write e.g. users.created_at");
            }
            return new VolatileColumn(text);
        }
    }

    /** {@code drills:}; bad values throw while parsing so the error carries the line. */
    static final class DrillsBlock {
        public boolean backup;
        public boolean faults;
        private int maxFaults = Declarations.Drills.off().maxFaults();
        private Duration objective = Declarations.Drills.off().objective();

        @JsonProperty("max-faults")
        public void setMaxFaults(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("drills.max-faults must be at least 1, was " + max);
            }
            maxFaults = max;
        }

        @JsonProperty("objective")
        public void setObjective(String text) {
            try {
                objective = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                // no cause: Jackson reports the root cause's message
                throw new IllegalArgumentException("drills.objective: " + e.getMessage());
            }
        }

        Declarations.Drills toDrills() {
            return new Declarations.Drills(backup, faults, maxFaults, objective);
        }
    }

    /**
     * A migration version named in the file and where, so that one the set lacks can be pointed at; a
     * malformed one throws while parsing so the error carries its line.
     */
    @JsonDeserialize(using = DeclaredVersion.Reader.class)
    record DeclaredVersion(MigrationVersion version, Path file, int line, int column) {

        /** {@code file:line:column}. */
        String where() {
            return file + ":" + line + ":" + column;
        }

        static final class Reader extends JsonDeserializer<DeclaredVersion> {
            @Override
            public DeclaredVersion deserialize(JsonParser p, DeserializationContext context) throws IOException {
                JsonLocation at = p.currentTokenLocation();
                String text = p.getValueAsString();
                if (!p.currentToken().isScalarValue()) {
                    throw JsonMappingException.from(p, "expected one migration version (e.g. \"20240101120000\"),"
                            + " not a list or a block of keys");
                }
                if (!MigrationVersion.isVersion(text)) {
                    throw JsonMappingException.from(p, "'" + text + "' is not a migration version; write the"
                            + " version as in the file name (e.g. 20240101120000), quoted when it has leading zeros");
                }
                return new DeclaredVersion(MigrationVersion.parse(text), (Path) context.getAttribute(Path.class),
                        at.getLineNr(), at.getColumnNr());
            }
        }
    }

    /**
     * One {@code functions} entry, {@code {name: slug, class: com.example.Slug}}: the class is loaded now,
     * so a missing one, or one that is not an {@code org.sqlite.Function}, is reported at the entry's line.
     */
    static final class FunctionEntry extends JsonDeserializer<SqliteFunctions.Declared> {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        @Override
        public SqliteFunctions.Declared deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            Path file = (Path) context.getAttribute(Path.class);
            String where = file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            if (!p.isExpectedStartObjectToken()) {
                throw new JsonMappingException(p, "a functions entry is {name: SQL_NAME, class: BINARY_CLASS_NAME}",
                        at);
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                p.nextToken();
                if (!key.equals("name") && !key.equals("class")) {
                    throw new JsonMappingException(p, "unknown key '" + key + "' in a functions entry;"
                            + " use name and class", p.currentTokenLocation());
                }
                keys.put(key, p.currentToken().isScalarValue() ? p.getValueAsString() : null);
            }
            String name = keys.get("name");
            String className = keys.get("class");
            if (name == null || !NAME.matcher(name).matches()) {
                throw new JsonMappingException(p, "a functions entry needs name: the SQL name the migrations call"
                        + " (letters, digits, _), was " + (name == null ? "missing" : "'" + name + "'"), at);
            }
            if (className == null || className.isBlank()) {
                throw new JsonMappingException(p, "function " + name + " needs class: the binary name of a class"
                        + " extending org.sqlite.Function (e.g. com.example.Functions$Slug)", at);
            }
            try {
                return SqliteFunctions.Declared.load(name, className.strip(), where);
            } catch (IllegalArgumentException e) {
                throw new JsonMappingException(p, e.getMessage(), at);
            }
        }
    }

    static final class Expect {
        public DeclaredVersion migration;
        public String step;
        @JsonProperty("fails-with")
        public String failsWith;
    }
}
