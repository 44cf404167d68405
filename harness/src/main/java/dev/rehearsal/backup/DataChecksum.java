package dev.rehearsal.backup;

import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One short checksum for a whole data fingerprint, to print two states side by side ("before:
 * 3f2a..., restored: 3f2a..."). Equal fingerprints give equal checksums.
 *
 * @since 0.1
 */
public final class DataChecksum {
    private DataChecksum() {
    }

    /** The SHA-256 of the fingerprint's JSON, first 32 hex digits. */
    public static String of(DatabaseFingerprint fingerprint) {
        return sha256(fingerprint.toJson().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
