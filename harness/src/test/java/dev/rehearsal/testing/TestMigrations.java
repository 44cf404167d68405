package dev.rehearsal.testing;

import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationFormat;
import dev.rehearsal.migration.MigrationScript;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.migration.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Migrations built in code, one statement per line, for runner tests that need no files. */
public final class TestMigrations {
    private TestMigrations() {
    }

    /** @param down null for a migration without a down script */
    public static Migration migration(String version, String description, List<String> up, List<String> down) {
        Path file = Path.of(version + "_" + description.replace(' ', '_') + ".sql");
        MigrationScript upScript = script(file, 2, up, true);
        MigrationScript downScript = down == null ? null : script(file, 3 + up.size(), down, true);
        return new Migration(MigrationVersion.parse(version), description, MigrationFormat.SQL_MIGRATE, upScript,
                downScript, sha256(String.join("\n", up) + "\n--\n" + (down == null ? "" : String.join("\n", down))));
    }

    public static Migration nonTransactional(Migration m) {
        MigrationScript up = m.up();
        return new Migration(m.version(), m.description(), m.format(),
                new MigrationScript(up.file(), up.firstLine(), up.sql(), up.statements(), false), m.down(), m.checksum());
    }

    private static MigrationScript script(Path file, int firstLine, List<String> statements, boolean transactional) {
        List<SqlStatement> parsed = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            parsed.add(new SqlStatement(statements.get(i), firstLine + i, 1, true));
        }
        return new MigrationScript(file, firstLine, String.join(";\n", statements), parsed, transactional);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
