package dev.rehearsal.verification;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads verification suites from YAML. Everything is validated on load: a bad file fails with
 * {@link ErrorCode#BAD_SUITE_FILE} and a message {@code file:line:column: what; how to fix}.
 *
 * @since 0.1
 */
public final class SuiteLoader {
    private static final YAMLFactory YAML = new YAMLFactory();
    /** Jackson's default nesting limit: it also keeps the recursive {@link YamlNode#read} far from a stack overflow. */
    private static final int MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    private SuiteLoader() {
    }

    public static VerificationSuite load(Path yaml) {
        String text;
        try {
            text = Files.readString(yaml);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BAD_SUITE_FILE, "cannot read suite file " + yaml + ": " + e
                    + "; check the path", e);
        }
        YamlNode root;
        try (JsonParser parser = YAML.createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    throw new RehearsalException(ErrorCode.BAD_SUITE_FILE, yaml + ":1:1: the suite file is empty;"
                            + " write at least a post list of checks");
                }
                root = YamlNode.read(parser, yaml);
                if (parser.nextToken() != null) {
                    throw YamlNode.error(YamlNode.where(yaml, parser.currentTokenLocation()),
                            "more than one YAML document; keep one suite per file");
                }
            } catch (StreamConstraintsException e) {
                // Carries no location; the parser still knows where it stopped.
                throw new RehearsalException(ErrorCode.BAD_SUITE_FILE, YamlNode.where(yaml, parser.currentLocation())
                        + ": lists or mappings nested too deeply (over " + MAX_DEPTH + " levels); a suite needs a"
                        + " few levels: close the brackets or write the checks as a flat post list", e);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new RehearsalException(ErrorCode.BAD_SUITE_FILE, YamlNode.where(yaml, at) + ": "
                        + "not valid YAML: " + problem(e) + "; fix the syntax (indentation, quotes)", e);
            }
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BAD_SUITE_FILE, "cannot read suite file " + yaml + ": " + e, e);
        }
        return suite(root, yaml);
    }

    /** Every {@code *.yaml} and {@code *.yml} file of a directory, sorted by file name. */
    public static List<VerificationSuite> loadAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().map(SuiteLoader::load).toList();
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BAD_SUITE_FILE, "cannot list suite directory " + directory + ": "
                    + e + "; check the path", e);
        }
    }

    /** SnakeYAML's own message quotes the source with carets over several lines; the problem fits on one. */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            return (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
        }
        return e.getOriginalMessage().strip().lines().findFirst().orElse("");
    }

    private static VerificationSuite suite(YamlNode root, Path file) {
        if (!root.isMapping()) {
            throw root.error("a suite file is a mapping with name, migration, pre and post");
        }
        root.allowOnly("a suite", "name", "description", "migration", "pre", "post");
        String name = root.optionalText("name", "suite");
        String migration = root.optionalText("migration", "suite");
        List<Capture> pre = captures(root.fields.get("pre"));
        Set<String> names = new LinkedHashSet<>();
        pre.forEach(c -> names.add(c.name()));

        YamlNode post = root.fields.get("post");
        if (post == null || post.kind != YamlNode.Kind.SEQUENCE || post.items.isEmpty()) {
            throw (post == null ? root : post).error("a suite needs a post list with at least one check;"
                    + " e.g. post:\n  - table_exists: media");
        }
        CheckReader reader = new CheckReader(names);
        List<Check> checks = new ArrayList<>();
        for (YamlNode entry : post.items) {
            checks.add(reader.read(entry));
        }
        return new VerificationSuite(name != null ? name : stem(file), file, migration, pre, checks);
    }

    private static List<Capture> captures(YamlNode pre) {
        if (pre == null) {
            return List.of();
        }
        if (pre.kind != YamlNode.Kind.SEQUENCE) {
            throw pre.error("pre is a list of captures, e.g. pre:\n  - capture: images");
        }
        List<Capture> captures = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (YamlNode entry : pre.items) {
            if (!entry.isMapping()) {
                throw entry.error("a pre entry is a mapping, e.g. '- capture: images' or '- capture: old_images'"
                        + " with 'table: images'");
            }
            entry.allowOnly("a pre capture", "capture", "table");
            String name = entry.requiredText("capture", "a pre entry", "- capture: images");
            if (!seen.add(name)) {
                throw entry.fields.get("capture").error("capture '" + name + "' is declared twice; rename one");
            }
            String table = entry.optionalText("table", "capture");
            captures.add(new Capture(name, table == null ? name : table));
        }
        return captures;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
