package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    private static final String WORK_PREFIX = ".rehearsal-restore-";
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
        prepareDirectory(dir);
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

    /** Creates the backup directory if needed and refuses one that others can write. */
    static void prepareDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw unwritable(dir, "cannot create the backup directory", e);
        }
        requireNotWritableByOthers(dir);
    }

    /**
     * A new, empty, owner-only file for a dump in progress, in a private work directory of this
     * process in {@code dir}: a dump cut off by a kill -9 is never a file {@code backup list} could
     * mistake for a backup, and the next command that opens {@code dir} removes it ({@link
     * #removeAbandonedWorkDirectories}). {@link #publish} gives the finished dump its backup name.
     */
    static Path createPartial(Path dir, String extension) {
        prepareDirectory(dir);
        Path work = createPrivateWorkDirectory(dir.resolve(PREFIX + "in-progress." + extension));
        try {
            return Files.createFile(work.resolve("dump." + extension), ownerOnly());
        } catch (IOException e) {
            deleteTree(work);
            throw unwritable(dir, "cannot create a file in the work directory of", e);
        }
    }

    /** Moves a finished dump from {@link #createPartial} to a new backup name in {@code dir}, and removes its work directory. */
    static Path publish(Path partial, Path dir, Instant now, String extension) {
        Path file = createEmpty(dir, now, extension);
        try {
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING); // the work directory fell back to /tmp
            }
            restrict(file);
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an empty owner-only file; the error below is what matters
            }
            throw unwritable(dir, "cannot move the finished dump " + partial + " into", e);
        } finally {
            deleteTree(partial.getParent());
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
     * Refuses a backup directory (or a file in it) that users other than its owner may write: whoever
     * can write there can swap a backup and its manifest for ones that restore what they like (a
     * MariaDB dump can carry client commands, a manifest can vouch for anything).
     *
     * @throws RehearsalException {@code BAD_USAGE}, naming the {@code chmod} that fixes it
     */
    static void requireNotWritableByOthers(Path path) {
        if (!posix() || !Files.exists(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                String kind = Files.isDirectory(path) ? "backup directory " : "backup file ";
                throw new RehearsalException(ErrorCode.BAD_USAGE, kind + path.toAbsolutePath() + " is writable by other"
                        + " users (mode " + PosixFilePermissions.toString(mode) + "), so anyone could replace a backup or"
                        + " its manifest; fix it with `chmod o-w " + path.toAbsolutePath() + "` (and check what is in it);"
                        + " nothing was changed");
            }
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot read the mode of " + path + ": " + e, e);
        }
    }

    /**
     * A new owner-only directory for a restore's intermediate files (they hold the backup's data in
     * clear): beside {@code backupFile}, where there is room for backups, else in the system's
     * temporary directory. Its name carries this process's id, so that a later command can remove
     * it once that process is gone ({@link #removeAbandonedWorkDirectories}), even after a kill -9.
     */
    static Path createPrivateWorkDirectory(Path backupFile) {
        Path parent = backupFile.toAbsolutePath().getParent();
        String prefix = WORK_PREFIX + ProcessHandle.current().pid() + "-";
        try {
            return Files.createTempDirectory(parent, prefix, ownerOnlyDirectory());
        } catch (IOException | UnsupportedOperationException beside) {
            try {
                return Files.createTempDirectory(prefix, ownerOnlyDirectory());
            } catch (IOException e) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot create a work directory beside "
                        + backupFile + " (" + beside.getMessage() + ") or in the temporary directory (" + e.getMessage()
                        + "); nothing was changed", e);
            }
        }
    }

    /**
     * Deletes the work directories in {@code dir} left by restores whose process no longer runs (a
     * kill -9 skips every cleanup): they hold a copy of a backup's data.
     */
    static void removeAbandonedWorkDirectories(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> abandonedBy(f.getFileName().toString())).forEach(BackupFiles::deleteTree);
        } catch (IOException | UncheckedIOException e) {
            // Leftovers are owner-only; whatever the caller does next matters more.
        }
    }

    private static boolean abandonedBy(String name) {
        if (!name.startsWith(WORK_PREFIX)) {
            return false;
        }
        String rest = name.substring(WORK_PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(rest.substring(0, dash));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Copies {@code source} into a new owner-only file {@code copy}. */
    static Path copyOwnerOnly(Path source, Path copy) {
        try {
            Files.createFile(copy, ownerOnly());
            try (OutputStream out = Files.newOutputStream(copy, StandardOpenOption.TRUNCATE_EXISTING)) {
                Files.copy(source, out); // into the file created owner-only: it is never readable by others
            }
            return copy;
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot copy " + source + " to " + copy + ": "
                    + e.getMessage() + "; nothing was changed", e);
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
                + ": " + e.getMessage() + "); choose a writable directory with --backup-dir; the database was not touched", e);
    }
}
