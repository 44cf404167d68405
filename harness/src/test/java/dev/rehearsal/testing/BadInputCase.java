package dev.rehearsal.testing;

import dev.rehearsal.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One folder of the {@code bad-inputs/} corpus and its {@code expected.txt}:
 * <ul>
 *   <li>{@code code: ERROR_CODE} the error the loader (or the CLI) must raise;</li>
 *   <li>{@code contains: text} a fragment of the message (file name, line, what is allowed), repeatable;</li>
 *   <li>{@code dialect: sqlite|postgres|mariadb} the engine (sqlite by default);</li>
 *   <li>{@code symlink: NAME -> TARGET} a symbolic link made at test time (git may not keep a dangling one);</li>
 *   <li>{@code args: --option value} more arguments for the CLI's {@code up};</li>
 *   <li>{@code url: directory} {@code up} gets a directory as its SQLite URL instead of the database;</li>
 *   <li>{@code refused-by: loader|cli|engine} who refuses it: the migration loader (default, so the CLI
 *       refuses it too), only the CLI (its arguments are wrong, the directory loads), or only the JUnit
 *       engine ({@code rehearsal.yaml}, which the CLI does not read).</li>
 * </ul>
 */
public record BadInputCase(String name, Path folder, ErrorCode code, String dialect, List<String> fragments,
        Map<String, String> symlinks, List<String> args, String url, String refusedBy) {

    /** Every case, by name. */
    public static List<BadInputCase> all() {
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory).sorted().map(BadInputCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BadInputCase named(String name) {
        return read(root().resolve(name));
    }

    /** The cases {@code refusedBy} refuses: "cli" also gets the loader's cases, which {@code up} refuses too. */
    public static Stream<String> refusedBy(String who) {
        return all().stream().filter(c -> c.refusedBy().equals(who)
                || who.equals("cli") && c.refusedBy().equals("loader")).map(BadInputCase::name);
    }

    private static Path root() {
        try {
            return Path.of(BadInputCase.class.getResource("/bad-inputs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BadInputCase read(Path folder) {
        ErrorCode code = null;
        String dialect = "sqlite";
        String url = null;
        String refusedBy = "loader";
        List<String> fragments = new ArrayList<>();
        List<String> args = new ArrayList<>();
        Map<String, String> symlinks = new LinkedHashMap<>();
        Path file = folder.resolve("expected.txt");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            switch (line.substring(0, colon).trim()) {
                case "code" -> code = ErrorCode.valueOf(value);
                case "dialect" -> dialect = value;
                case "contains" -> fragments.add(value);
                case "args" -> args.addAll(Arrays.asList(value.split("\\s+")));
                case "url" -> url = value;
                case "refused-by" -> refusedBy = value;
                case "symlink" -> {
                    String[] link = value.split("\\s*->\\s*", 2);
                    symlinks.put(link[0], link[1]);
                }
                default -> throw new IllegalArgumentException(file + ": unknown key in '" + line + "'");
            }
        }
        if (code == null || fragments.isEmpty() || !List.of("loader", "cli", "engine").contains(refusedBy)) {
            throw new IllegalArgumentException(file + ": name a code:, at least one contains: fragment, and"
                    + " refused-by: loader, cli or engine");
        }
        return new BadInputCase(folder.getFileName().toString(), folder, code, dialect, List.copyOf(fragments),
                Map.copyOf(symlinks), List.copyOf(args), url, refusedBy);
    }

    /**
     * The case's files copied into {@code directory} (all but expected.txt), with its symbolic links made.
     *
     * @return {@code directory}
     */
    public Path copyTo(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path source : files.filter(f -> !f.equals(folder.resolve("expected.txt"))).toList()) {
                Path copy = directory.resolve(folder.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        for (Map.Entry<String, String> link : symlinks.entrySet()) {
            Files.createSymbolicLink(directory.resolve(link.getKey()), Path.of(link.getValue()));
        }
        return directory;
    }
}
