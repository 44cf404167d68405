package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/** Backup file names, owner-only files, and file checksums. */
final class BackupFiles {
    static final String PREFIX = "db_backup_";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("SSS").withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private BackupFiles() {
    }

    /**
     * Creates the directory if needed and a new, empty, owner-only backup file in it:
     * {@code db_backup_YYYYMMDD-HHMMSS.<ext>}, then {@code -SSS} millis, then a counter when taken.
     * Runs before the database is touched, so an unwritable place stops the backup early.
     */
    static Path createEmpty(Path dir, Instant now, String extension) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw unwritable(dir, "cannot create the backup directory", e);
        }
        String stamp = PREFIX + SECONDS.format(now);
        String[] candidates = {stamp, stamp + "-" + MILLIS.format(now)};
        for (String base : candidates) {
            Path created = tryCreate(dir.resolve(base + "." + extension));
            if (created != null) {
                return created;
            }
        }
        for (int counter = 2; ; counter++) {
            Path created = tryCreate(dir.resolve(candidates[1] + "-" + counter + "." + extension));
            if (created != null) {
                return created;
            }
        }
    }

    private static Path tryCreate(Path file) {
        if (Files.exists(Backup.manifestFileOf(file))) {
            return null;
        }
        try {
            return Files.createFile(file, ownerOnly());
        } catch (FileAlreadyExistsException e) {
            return null;
        } catch (IOException e) {
            throw unwritable(file.getParent(), "cannot create " + file.getFileName() + " in the backup directory", e);
        }
    }

    /** Writes {@code text} into a new owner-only file (the manifest). */
    static void writeOwnerOnly(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, ownerOnly());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            restrict(file);
        } catch (IOException e) {
            throw unwritable(file.getParent(), "cannot write the manifest " + file.getFileName(), e);
        }
    }

    /** The owner-only mode again, for files a tool may have recreated. */
    static void restrict(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    static String sha256(Path file) {
        MessageDigest digest = DataChecksum.digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot read backup " + file + ": " + e, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A new owner-only directory for a restore's intermediate files (they hold the backup's data in
     * clear): beside {@code backupFile}, where there is room for backups, else in the system's
     * temporary directory.
     */
    static Path createPrivateWorkDirectory(Path backupFile) {
        Path parent = backupFile.toAbsolutePath().getParent();
        try {
            return Files.createTempDirectory(parent, ".rehearsal-restore-", ownerOnlyDirectory());
        } catch (IOException | UnsupportedOperationException beside) {
            try {
                return Files.createTempDirectory("rehearsal-restore-", ownerOnlyDirectory());
            } catch (IOException e) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot create a work directory beside "
                        + backupFile + " (" + beside.getMessage() + ") or in the temporary directory (" + e.getMessage()
                        + "); nothing was changed", e);
            }
        }
    }

    /** Writes a work file; the directory is owner-only already. */
    static Path writeWorkFile(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot write " + file + ": " + e.getMessage()
                    + "; nothing was changed", e);
        }
    }

    /** Deletes a work directory and what is in it; what cannot be deleted stays (it is owner-only). */
    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Leftovers are owner-only; the restore's own outcome is what matters.
        }
    }

    private static FileAttribute<?>[] ownerOnlyDirectory() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static RehearsalException unwritable(Path dir, String what, IOException e) {
        return new RehearsalException(ErrorCode.BACKUP_FAILED, what + " " + dir + " (" + e.getClass().getSimpleName()
                + ": " + e.getMessage() + "); choose a writable directory with --dir; the database was not touched", e);
    }
}
