package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Creates, lists, verifies, restores and deletes backups. The CLI's {@code backup} commands and the
 * staged migration both go through here.
 *
 * <pre>{@code
 * BackupService backups = new BackupService();
 * Backup backup = backups.create(target, Path.of("backups"), runner.history().internalTables());
 * // ... something goes wrong ...
 * backups.restore(backup, target);   // refuses a damaged backup; never loses the target; checks the result
 * }</pre>
 *
 * @since 0.1
 */
public final class BackupService {
    private final Clock clock;
    private final ExternalTools tools;

    public BackupService() {
        this(Clock.systemUTC(), ExternalTools.fromEnvironment());
    }

    BackupService(Clock clock, ExternalTools tools) {
        this.clock = clock;
        this.tools = tools;
    }

    /** The strategy for an engine, with the client tools found on the PATH. */
    public BackupStrategy strategyFor(Dialect dialect) {
        if (dialect == Dialects.SQLITE) {
            return new SqliteBackupStrategy();
        }
        if (dialect == Dialects.POSTGRES) {
            return new PostgresBackupStrategy(tools);
        }
        if (dialect == Dialects.MARIADB) {
            return new MariaDbBackupStrategy(tools);
        }
        throw new RehearsalException(ErrorCode.BAD_USAGE, "no backup strategy for " + dialect.name());
    }

    /**
     * Backs up {@code target} into a new file in {@code dir} with its manifest. Tools and the
     * directory are checked before the database is read; nothing in the database changes.
     *
     * @param excluded tables left out of the manifest's snapshot (Rehearsal's history and lock tables)
     * @throws RehearsalException {@code BACKUP_FAILED} when a tool is missing, the directory is not
     *     writable, or the dump fails (the partial file is removed)
     */
    public Backup create(Target target, Path dir, Set<String> excluded) {
        BackupStrategy strategy = strategyFor(target.dialect());
        strategy.checkCanDump(target);
        Path partial = BackupFiles.createPartial(dir, strategy.extension());
        BackupFiles.removeAbandonedWorkDirectories(dir);
        Path file = null;
        try {
            SourceState source = strategy.dump(target, partial, c -> SourceState.read(c, target.dialect(), excluded));
            BackupFiles.restrict(partial);
            file = BackupFiles.publish(partial, dir, clock.instant(), strategy.extension());
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, target.displayUrl(),
                    target.dialect().name(), source.serverVersion(), clock.instant(), Files.size(file),
                    BackupFiles.sha256(file), List.copyOf(new TreeSet<>(excluded)), source.state(), source.lastMigration(),
                    source.unfinishedMigrations(), source.contentDigests(), null);
            Backup backup = new Backup(file, manifest);
            BackupFiles.writeOwnerOnly(backup.manifestFile(), manifest.toJson() + "\n");
            return backup;
        } catch (IOException | RuntimeException e) {
            BackupFiles.deleteTree(partial.getParent());
            if (file != null) {
                deleteQuietly(file);
                deleteQuietly(Backup.manifestFileOf(file));
            }
            if (e instanceof RehearsalException r) {
                throw r;
            }
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot back up " + target.displayUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every backup in {@code dir} with a readable manifest, newest first; empty when the directory is missing. */
    public List<Backup> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        BackupFiles.requireNotWritableByOthers(dir);
        BackupFiles.removeAbandonedWorkDirectories(dir);
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path manifest : files.filter(f -> f.getFileName().toString().endsWith(BackupManifest.SUFFIX)).toList()) {
                readManifest(manifest).ifPresent(backups::add);
            }
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot list backup directory " + dir + ": " + e, e);
        }
        backups.sort(Comparator.comparing((Backup b) -> b.manifest().createdAt())
                .thenComparing(Backup::name).reversed());
        return backups;
    }

    /**
     * The backup called {@code name} in {@code dir}: its file name (with or without the manifest
     * suffix), a path, or {@code latest} (the newest backup not taken while a migration was failed or
     * interrupted, see {@link #latest}).
     *
     * @throws RehearsalException {@code BAD_USAGE} when there is no such backup, or the directory or
     *     the backup can be written by other users
     */
    public Backup find(Path dir, String name) {
        if ("latest".equals(name)) {
            return latest(dir, false).backup();
        }
        String fileName = name.endsWith(BackupManifest.SUFFIX)
                ? name.substring(0, name.length() - BackupManifest.SUFFIX.length()) : name;
        Path file = Path.of(fileName).isAbsolute() || fileName.contains("/") ? Path.of(fileName) : dir.resolve(fileName);
        Path manifest = Backup.manifestFileOf(file);
        if (!Files.exists(manifest)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "no backup " + name + " in " + dir + " (no " + manifest.getFileName()
                    + "); see `rehearsal backup list --backup-dir " + dir + "`");
        }
        BackupFiles.requireNotWritableByOthers(file.toAbsolutePath().getParent());
        BackupFiles.requireNotWritableByOthers(file);
        BackupFiles.requireNotWritableByOthers(manifest);
        BackupFiles.removeAbandonedWorkDirectories(file.toAbsolutePath().getParent());
        try {
            return new Backup(file, BackupManifest.fromJson(Files.readString(manifest, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, manifest + ": " + e.getMessage()
                    + "; the manifest is damaged, so the backup cannot be trusted", e);
        }
    }

    /** The backup {@code latest} names, and the newer ones it passed over. */
    public record Latest(Backup backup, List<Backup> skipped) {
    }

    /**
     * The newest backup in {@code dir}; unless {@code includeUnfinished}, the newest whose history had
     * no failed or interrupted migration (such a backup holds a half-migrated database, which is
     * rarely what "go back" means).
     */
    public Latest latest(Path dir, boolean includeUnfinished) {
        List<Backup> all = list(dir);
        List<Backup> skipped = new ArrayList<>();
        for (Backup backup : all) {
            if (includeUnfinished || !backup.manifest().hasUnfinishedMigration()) {
                return new Latest(find(dir, backup.name()), skipped);
            }
            skipped.add(backup);
        }
        if (all.isEmpty()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "no backups in " + dir
                    + "; create one with `rehearsal backup create`");
        }
        throw new RehearsalException(ErrorCode.BAD_USAGE, "every backup in " + dir + " was taken while a migration was"
                + " failed or interrupted (newest: " + all.get(0).name() + ", " + String.join(", ",
                all.get(0).manifest().unfinishedMigrations()) + "); name one, or pass --include-failed to take the newest");
    }

    /**
     * Checks the file against the manifest (size, SHA-256), runs the engine's integrity check, and
     * with {@code trialRestore} restores into a scratch database on the backup's source server (a
     * temporary file for SQLite) whose state must equal the manifest's.
     */
    public VerificationOutcome verify(Backup backup, boolean trialRestore) {
        Target scratchServer = null;
        if (trialRestore && Dialects.SQLITE.name().equals(backup.manifest().engine())) {
            scratchServer = Target.of("jdbc:sqlite::memory:");
        } else if (trialRestore) {
            String source = backup.manifest().sourceUrl();
            if (source.contains("****")) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, "the manifest's source URL " + source + " has its"
                        + " password masked; pass the server to restore on (--url) for a trial restore");
            }
            scratchServer = Target.of(source);
        }
        return verify(backup, scratchServer);
    }

    /** {@link #verify(Backup, boolean)} with the trial restore on {@code scratchServer}; none when null. */
    public VerificationOutcome verify(Backup backup, Target scratchServer) {
        return verify(backup, scratchServer == null ? null : () -> IsolatedDatabase.on(scratchServer, "rehearsal_trial"),
                true);
    }

    /**
     * {@link #verify(Backup, boolean)} with the trial restore into {@code scratch}, an empty database
     * the caller created and drops (so a caller can tell "cannot create a scratch database" apart).
     */
    public VerificationOutcome verify(Backup backup, IsolatedDatabase scratch) {
        return verify(backup, () -> scratch, false);
    }

    private VerificationOutcome verify(Backup backup, Supplier<IsolatedDatabase> trialDatabase, boolean dropIt) {
        List<String> passed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        BackupManifest manifest = backup.manifest();
        if (manifest.integrityProblem() == null) {
            passed.add("the manifest's own digest matches its content");
        } else {
            problems.add(manifest.integrityProblem());
        }
        if (!Files.isRegularFile(backup.file())) {
            problems.add("file " + backup.file() + " is missing");
            return new VerificationOutcome(backup, passed, problems, false);
        }
        long size = sizeOf(backup.file());
        String sha = BackupFiles.sha256(backup.file());
        if (size != manifest.sizeBytes()) {
            problems.add("size is " + size + " bytes, the manifest says " + manifest.sizeBytes());
        }
        if (!sha.equals(manifest.sha256())) {
            problems.add("sha256 " + sha + " differs from the manifest's " + manifest.sha256()
                    + ": the file was changed or damaged after the backup");
        } else {
            passed.add("sha256 matches the manifest (" + sha.substring(0, 16) + "...)");
        }
        BackupStrategy strategy = strategyFor(Dialects.forName(manifest.engine()));
        List<String> integrity = strategy.integrityProblems(backup.file());
        if (integrity.isEmpty()) {
            passed.add(manifest.engine() + " integrity check passed");
        }
        problems.addAll(integrity);
        if (trialDatabase == null || !problems.isEmpty()) {
            return new VerificationOutcome(backup, passed, problems, false);
        }
        IsolatedDatabase scratch = null;
        try {
            scratch = trialDatabase.get();
            strategy.checkCanRestore(scratch.target());
            strategy.restore(backup.file(), scratch.target(), new RestoreCheck(manifest, staged -> { },
                    "a trial restore of " + backup.name() + " into this scratch database was cut off; drop it"));
            Diff diff = compareWithManifest(backup, scratch.target());
            if (diff.isEmpty()) {
                passed.add("trial restore reproduces the manifest's schema and data (checksum "
                        + DataChecksum.of(manifest.data()) + ")");
            } else {
                problems.add("trial restore differs from the manifest:\n" + diff.render());
            }
        } catch (RehearsalException e) {
            problems.add("trial restore failed: " + e.getMessage());
        } finally {
            if (dropIt && scratch != null) {
                scratch.close();
            }
        }
        return new VerificationOutcome(backup, passed, problems, true);
    }

    /**
     * Replaces {@code target}'s content with the backup, never losing what it held: refuses a backup
     * that fails verification (the database is not touched then), restores in one transaction where
     * the engine can (PostgreSQL, SQLite: a failure leaves the target unchanged, which is checked) and
     * behind a verified safety backup where it cannot (MariaDB: restored automatically on failure),
     * and checks the restored state against the manifest.
     *
     * @return the restored state, equal to the manifest's, and which protection applied
     * @throws RehearsalException {@code BACKUP_FAILED} when the backup is damaged, the restore fails
     *     (the message says what the target holds now), or the restored state differs (with the diff)
     */
    public RestoreResult restore(Backup backup, Target target) {
        BackupManifest manifest = backup.manifest();
        if (!manifest.engine().equals(target.dialect().name())) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "backup " + backup.name() + " is a " + manifest.engine()
                    + " backup; it cannot be restored into " + target);
        }
        VerificationOutcome outcome = verify(backup, (Target) null);
        if (!outcome.ok()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "refusing to restore " + backup.name()
                    + ": it fails verification; " + target.displayUrl() + " was not touched\n" + outcome.render());
        }
        BackupStrategy strategy = strategyFor(target.dialect());
        strategy.checkCanRestore(target);
        if (strategy.restoreProtection() == RestoreProtection.SAFETY_BACKUP) {
            return new SafetyBackupRestore(this, strategy).restore(backup, target);
        }
        return new TransactionalRestore(this, strategy).restore(backup, target);
    }

    /**
     * Refuses to work on {@code target} while a restore that could not run in one transaction was cut
     * off there: its marker names the safety backup and the command that brings it back.
     *
     * @throws RehearsalException {@code BACKUP_FAILED} with that message; nothing happens otherwise
     */
    public void refuseIfRestoreInterrupted(Target target) {
        if (strategyFor(target.dialect()).restoreProtection() != RestoreProtection.SAFETY_BACKUP) {
            return; // a restore there is one transaction: a cut-off one left nothing behind
        }
        RestoreMarker.find(target).ifPresent(note -> {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, target.displayUrl() + " is marked by an unfinished"
                    + " restore (table " + RestoreMarker.TABLE + "): " + note + ". Its content may be anything from empty"
                    + " to complete; restore a backup before anything else (that clears the mark)");
        });
    }

    /**
     * The target's state after a restore of {@code backup}, which must equal the manifest's.
     *
     * @param afterDiff appended to the message when it differs (where the previous content is)
     */
    DatabaseSnapshot checkRestored(Backup backup, Target target, String afterDiff) {
        BackupManifest manifest = backup.manifest();
        DatabaseSnapshot restored = snapshot(target, new HashSet<>(manifest.excludedTables()));
        Diff diff = DatabaseSnapshot.compare(manifest.state(), restored, "in backup " + backup.name(), "after restore");
        if (!diff.isEmpty()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the restored " + target.displayUrl()
                    + " differs from backup " + backup.name() + " (checksum " + DataChecksum.of(manifest.data())
                    + " expected, " + DataChecksum.of(restored.data()) + " restored)" + afterDiff + ":\n"
                    + diff.render());
        }
        return restored;
    }

    /** Deletes the backup file and its manifest. */
    public void delete(Backup backup) {
        try {
            Files.deleteIfExists(backup.file());
            Files.deleteIfExists(backup.manifestFile());
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot delete " + backup.file() + ": " + e, e);
        }
    }

    private Diff compareWithManifest(Backup backup, Target restored) {
        DatabaseSnapshot state = snapshot(restored, new HashSet<>(backup.manifest().excludedTables()));
        return DatabaseSnapshot.compare(backup.manifest().state(), state, "in the manifest", "after the trial restore");
    }

    static DatabaseSnapshot snapshot(Target target, Set<String> excluded) {
        try (Connection c = target.connect()) {
            return DatabaseSnapshot.take(c, target.dialect(), excluded);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED, "cannot read " + target.displayUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Backup> readManifest(Path manifest) {
        String name = manifest.getFileName().toString();
        Path file = manifest.resolveSibling(name.substring(0, name.length() - BackupManifest.SUFFIX.length()));
        try {
            return Optional.of(new Backup(file, BackupManifest.fromJson(Files.readString(manifest, StandardCharsets.UTF_8))));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot read backup " + file + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The original failure is what the user needs to see.
        }
    }
}
