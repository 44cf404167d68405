package dev.rehearsal.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum of a migration, as stored in history and compared on validation. The rule, which must
 * never change without a history migration:
 * <ol>
 *   <li>each file the migration uses for the target's dialect is read as by {@link SourceText#read}
 *       (UTF-8, byte-order mark dropped, {@code \r\n} and {@code \r} turned into {@code \n}, nothing
 *       else touched: trailing spaces and the final newline count);</li>
 *   <li>the texts are taken in the format's order: the single file; or up then down (paired files,
 *       diesel, Flyway V then U), a missing down contributing nothing;</li>
 *   <li>they are joined with one NUL character ({@code \0}) between them and encoded as UTF-8;</li>
 *   <li>the result is SHA-256, written as 64 lowercase hex digits.</li>
 * </ol>
 * So a single-file migration's checksum equals {@code sha256sum} of the file saved with LF endings.
 * The up and down checksums ({@link Migration#upChecksum()}, {@link Migration#downChecksum()}) apply
 * the same rule to one text each: the up file, or a single file's text above its Down marker line;
 * the down file, or a single file's text from its Down marker line to the end.
 */
final class Checksums {
    private Checksums() {
    }

    static String of(List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(String.join("\0", texts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
