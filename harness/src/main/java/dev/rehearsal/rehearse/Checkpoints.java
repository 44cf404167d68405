package dev.rehearsal.rehearse;

import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.RestoreResult;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Checkpoints: a database brought to "migrations 1..v and their fixtures", kept as an ordinary
 * verified backup with its manifest under {@code DIR/<key>/}, so that a shard starting at migration
 * v+1 restores it instead of replaying 1..v with plain up. The key is the SHA-256 of the checksums
 * of migrations 1..v, the fixture files, the engine and its server version, and the checkpoint
 * format: any change to what the state depends on is a different key, never a stale restore. A
 * checkpoint that fails verification is not used (the caller replays with up), and never replaced
 * silently: it is reported.
 */
public final class Checkpoints {
    private static final String FORMAT = "rehearsal-checkpoint-1";

    private final Path directory;
    private final BackupService backups = new BackupService();

    /** @param directory where the checkpoints are kept; created when missing */
    public Checkpoints(Path directory) {
        this.directory = directory;
    }

    /** How a run starting mid-set began. */
    enum Start { RESTORED, MISSING, REFUSED }

    /**
     * Restores the checkpoint of "before migration {@code index}" into the run's fresh database when
     * there is one; one that fails verification or restore is REFUSED (the database must be replaced).
     */
    Start restore(TargetRun run, int index, Consumer<String> notes) {
        Target target = run.databaseTarget();
        Path fixtures = run.resources().fixturesDirectory();
        Optional<Backup> checkpoint = find(target, run.set(), index, fixtures);
        String before = "checkpoint before " + name(run.set(), index);
        if (checkpoint.isEmpty()) {
            notes.accept("no " + before + " in " + directory + ": brought up with plain up");
            return Start.MISSING;
        }
        try {
            RestoreResult restored = backups.restore(checkpoint.get(), target);
            if (restored.safetyBackup() != null) { // MariaDB's backup of the empty scratch database: no checkpoint
                backups.delete(restored.safetyBackup());
            }
            notes.accept(before + " restored: " + checkpoint.get().file());
            return Start.RESTORED;
        } catch (RuntimeException e) {
            notes.accept(before + " not used (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "): brought up with plain up");
            return Start.REFUSED;
        }
    }

    /** Writes the checkpoint of "before migration {@code index}" from the run's database, which holds that state. */
    void writeUnlessPresent(TargetRun run, int index, Consumer<String> notes) {
        Path fixtures = run.resources().fixturesDirectory();
        if (find(run.databaseTarget(), run.set(), index, fixtures).isPresent()) {
            return;
        }
        Path dir = directory.resolve(key(run.databaseTarget(), run.set(), index, fixtures));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint directory " + dir, e);
        }
        Backup written = backups.create(run.databaseTarget(), dir, run.internalTables());
        notes.accept("checkpoint before " + name(run.set(), index) + " written: " + written.file());
    }

    private Optional<Backup> find(Target target, MigrationSet set, int index, Path fixtures) {
        Path dir = directory.resolve(key(target, set, index, fixtures));
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        // Only a backup of exactly that state: the directory could hold others (a safety backup a restore took).
        String last = set.migrations().get(index - 1).version().text();
        return backups.list(dir).stream().filter(b -> last.equals(b.manifest().lastMigration())).findFirst();
    }

    private static String name(MigrationSet set, int index) {
        return "V" + set.migrations().get(index).displayName();
    }

    /** SHA-256 (hex) of what the state before migration {@code index} depends on. */
    static String key(Target target, MigrationSet set, int index, Path fixtures) {
        MessageDigest digest = sha256();
        update(digest, FORMAT);
        update(digest, target.dialect().name());
        update(digest, serverVersion(target));
        for (Migration m : set.migrations().subList(0, index)) {
            update(digest, m.version().text() + " " + m.checksum());
        }
        if (fixtures != null && Files.isDirectory(fixtures)) {
            try (Stream<Path> files = Files.walk(fixtures)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    update(digest, fixtures.relativize(file).toString().replace('\\', '/'));
                    digest.update(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the fixtures in " + fixtures + " for the checkpoint key", e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String serverVersion(Target target) {
        try (Connection c = target.connect()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server version of " + target.displayUrl(), e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Where the checkpoints are kept. */
    public Path directory() {
        return directory;
    }
}
