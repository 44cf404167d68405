package dev.rehearsal.migration.sql;

/**
 * Recognises statements a database refuses to run inside a transaction, so the runner can run them
 * on their own.
 *
 * @since 0.1
 */
public final class NonTransactionalStatements {
    private NonTransactionalStatements() {
    }

    /**
     * True for PostgreSQL {@code CREATE/DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY},
     * {@code REINDEX DATABASE/SYSTEM}, {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY},
     * {@code VACUUM}, {@code CREATE/DROP DATABASE}, {@code CREATE/DROP TABLESPACE},
     * {@code ALTER SYSTEM}, {@code ALTER TYPE ... ADD VALUE} (refused in a transaction before
     * PostgreSQL 12, and the new value is unusable in the same transaction after), and SQLite
     * {@code VACUUM}. Case-insensitive; leading comments are ignored.
     *
     * @param sql one statement, never null
     */
    public static boolean requiresNoTransaction(String sql) {
        Words words = new Words(sql);
        if (!words.next()) {
            return false;
        }
        if (words.is("VACUUM")) {
            return true;
        }
        if (words.is("CREATE") || words.is("DROP")) {
            if (!words.next()) {
                return false;
            }
            if (words.is("UNIQUE") && !words.next()) {
                return false;
            }
            if (words.is("INDEX")) {
                return words.next() && words.is("CONCURRENTLY");
            }
            return words.is("DATABASE") || words.is("TABLESPACE");
        }
        if (words.is("REINDEX")) {
            return reindexOutsideTransaction(words);
        }
        if (words.is("ALTER") && words.next()) {
            if (words.is("SYSTEM")) {
                return true;
            }
            if (words.is("TYPE")) {
                return words.find("ADD") && words.next() && words.is("VALUE");
            }
            return words.is("TABLE") && words.find("DETACH") && words.find("CONCURRENTLY");
        }
        return false;
    }

    /** REINDEX [ ( options ) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [ CONCURRENTLY ] name */
    private static boolean reindexOutsideTransaction(Words words) {
        while (words.next()) {
            if (words.is("CONCURRENTLY") || words.is("DATABASE") || words.is("SYSTEM")) {
                return true;
            }
            if (words.is("INDEX") || words.is("TABLE") || words.is("SCHEMA")) {
                return words.next() && words.is("CONCURRENTLY");
            }
        }
        return false;
    }

    /** Walks the bare words of a statement, skipping comments, quoted text and punctuation. */
    private static final class Words {
        private final String sql;
        private int from;
        private int to;

        Words(String sql) {
            this.sql = sql;
        }

        boolean next() {
            int i = to;
            int length = sql.length();
            while (i < length) {
                char c = sql.charAt(i);
                if (Character.isLetter(c) || c == '_') {
                    from = i;
                    while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                        i++;
                    }
                    to = i;
                    return true;
                }
                i = skip(c, i);
            }
            to = length;
            return false;
        }

        private int skip(char c, int i) {
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            int end;
            if (c == '-' && next == '-') {
                end = sql.indexOf('\n', i);
            } else if (c == '/' && next == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? -1 : end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                end = sql.indexOf(c, i + 1);
                end = end < 0 ? -1 : end + 1;
            } else {
                end = i + 1;
            }
            return end < 0 ? sql.length() : end;
        }

        boolean is(String keyword) {
            return BlockTracker.is(sql, from, to - from, keyword);
        }

        boolean find(String keyword) {
            while (next()) {
                if (is(keyword)) {
                    return true;
                }
            }
            return false;
        }
    }
}
