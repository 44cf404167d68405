package dev.rehearsal.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.JdbcUrls;
import dev.rehearsal.runner.ExecutedMigration;
import dev.rehearsal.runner.MigrationStatus;
import dev.rehearsal.runner.RunResult;
import dev.rehearsal.runner.ValidationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The machine-readable face of {@code status}, {@code validate}, {@code up} and {@code down}
 * ({@code --json}, as Flyway's {@code -outputType=json}): one document per run, described by
 * {@code dev/rehearsal/cli/cli-output.schema.json}. Every document carries the command, the masked
 * target URL and the exit code; a run that failed carries {@code error} (its code and message)
 * instead of a result, so a caller never has to parse standard error.
 */
final class JsonOutput {
    /** Bumped when a field changes meaning or goes away; new fields do not bump it. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private JsonOutput() {
    }

    /** One migration as {@code status} lists it. */
    record MigrationEntry(String version, String name, String state, String appliedAt, Long executionMillis,
            Integer batch, boolean hasRollback) {
        static MigrationEntry of(MigrationStatus s) {
            boolean ran = s.appliedAt() != null;
            return new MigrationEntry(s.version().text(), s.name(), s.state(), ran ? s.appliedAt().toString() : null,
                    s.executionMillis() < 0 ? null : s.executionMillis(), ran ? s.batch() : null, s.hasRollback());
        }
    }

    /** One script that ran. */
    record ExecutedEntry(String version, String name, String direction, long executionMillis, int statements,
            boolean transactional) {
        static ExecutedEntry of(ExecutedMigration e) {
            return new ExecutedEntry(e.migration().version().text(), e.migration().description(),
                    e.direction().name().toLowerCase(Locale.ROOT), e.executionMillis(), e.statements(),
                    e.transactional());
        }
    }

    /** The failure of a run: {@code code} is the {@code ErrorCode} name, e.g. {@code VALIDATION_FAILED}. */
    record ErrorEntry(String code, String message) {
    }

    /** What one run prints: every document says its command, format, target and exit code. */
    sealed interface Document permits StatusDocument, ValidateDocument, RunDocument, FailureDocument {
        int exitCode();
    }

    record StatusDocument(String command, int formatVersion, String target, int exitCode,
            List<MigrationEntry> migrations, List<String> warnings, List<String> needsRepair) implements Document {
    }

    record ValidateDocument(String command, int formatVersion, String target, int exitCode, boolean valid,
            List<String> problems, List<String> warnings) implements Document {
    }

    record RunDocument(String command, int formatVersion, String target, int exitCode, List<ExecutedEntry> executed,
            List<String> warnings) implements Document {
    }

    /** A run that stopped with an error; {@code target} is null when the target itself was the bad input. */
    record FailureDocument(String command, int formatVersion, String target, int exitCode, ErrorEntry error)
            implements Document {
    }

    static StatusDocument status(String target, List<MigrationStatus> rows, List<String> warnings,
            List<String> needsRepair, int exitCode) {
        return new StatusDocument("status", FORMAT_VERSION, target, exitCode,
                rows.stream().map(MigrationEntry::of).toList(), warnings, needsRepair);
    }

    static ValidateDocument validate(String target, ValidationReport report, int exitCode) {
        return new ValidateDocument("validate", FORMAT_VERSION, target, exitCode, report.isValid(), report.problems(),
                report.warnings());
    }

    static RunDocument run(String command, String target, RunResult result) {
        return new RunDocument(command, FORMAT_VERSION, target, 0,
                result.executed().stream().map(ExecutedEntry::of).toList(), result.warnings());
    }

    /**
     * Runs {@code work} and prints its document; a {@link RehearsalException} becomes a
     * {@link FailureDocument} with the exception's exit code. Returns the exit code.
     *
     * @param target the masked target URL, or null when it cannot be told (a bad --url)
     */
    static int print(PrintWriter out, String command, Supplier<String> target, Supplier<Document> work) {
        Document document;
        try {
            document = work.get();
        } catch (RehearsalException e) {
            document = new FailureDocument(command, FORMAT_VERSION, safely(target), e.code().exitCode(),
                    new ErrorEntry(e.code().name(), JdbcUrls.maskPasswords(e.getMessage())));
        }
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CLI's own output records always serialize", e);
        }
        out.flush();
        return document.exitCode();
    }

    private static String safely(Supplier<String> target) {
        try {
            return target.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
