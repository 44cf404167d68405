package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.migration.sql.StatementSplitter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reads migration files as UTF-8 text with line endings normalized, so checksums and lines agree everywhere. */
final class SourceText {
    private SourceText() {
    }

    /**
     * The file's text: strict UTF-8 without NUL characters, a leading byte-order mark dropped,
     * {@code \r\n} and lone {@code \r} turned into {@code \n}.
     */
    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                    file + ": cannot be read (" + e.getMessage() + "); check that it exists and is readable", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE,
                    file + ": is not valid UTF-8; save it as UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = normalizeLineEndings(text);
        StatementSplitter.rejectNulBytes(text, file.toString()); // directive lines too, which no splitter reads
        return text;
    }

    /** True when {@code settings} exists and {@code pattern} occurs in it (Flyway .conf, diesel metadata.toml). */
    static boolean declares(Path settings, Pattern pattern) {
        return Files.isRegularFile(settings) && pattern.matcher(read(settings)).find();
    }

    static String normalizeLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
