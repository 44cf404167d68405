package dev.rehearsal.snapshot.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The little SQLite keeps only in the CREATE text of {@code sqlite_schema}: CHECK constraints,
 * generated-column expressions, collations, index expressions and partial-index predicates.
 * Deliberately small: it splits the text at top level (quotes, comments and parentheses respected)
 * and looks for a handful of keywords; it does not parse expressions.
 */
final class SqliteCreateSql {

    /** A top-level token: a word, a quoted name, a comma, or a whole parenthesized group. */
    record Token(String text, int start) {
        boolean isGroup() {
            return text.startsWith("(");
        }

        /** The text inside a group's parentheses. */
        String inner() {
            return text.substring(1, text.length() - 1).strip();
        }

        boolean is(String keyword) {
            return text.equalsIgnoreCase(keyword);
        }
    }

    record Check(String name, String expression) {
    }

    /** One column or constraint definition of a CREATE TABLE, tokenized once: a table's columns all look it up. */
    record Definition(String text, List<Token> tokens) {
    }

    private SqliteCreateSql() {
    }

    /** The comma-separated column and constraint definitions of a CREATE TABLE; empty for CREATE TABLE ... AS. */
    static List<Definition> definitions(String createTable) {
        for (Token token : tokens(createTable)) {
            if (token.is("AS")) {
                return List.of();
            }
            if (token.isGroup()) {
                return split(token.inner()).stream().map(text -> new Definition(text, tokens(text))).toList();
            }
        }
        return List.of();
    }

    /** The definition of the column {@code name}, if the CREATE TABLE text has one. */
    static Optional<List<Token>> column(List<Definition> definitions, String name) {
        for (Definition definition : definitions) {
            List<Token> tokens = definition.tokens();
            if (!tokens.isEmpty() && !isTableConstraint(tokens.get(0))
                    && SqlText.unquote(tokens.get(0).text()).equalsIgnoreCase(name)) {
                return Optional.of(tokens);
            }
        }
        return Optional.empty();
    }

    /** Every CHECK in the table, column-level and table-level, in text order. */
    static List<Check> checks(List<Definition> definitions) {
        List<Check> checks = new ArrayList<>();
        for (Definition definition : definitions) {
            List<Token> tokens = definition.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).is("CHECK") && tokens.get(i + 1).isGroup()) {
                    String name = i >= 2 && tokens.get(i - 2).is("CONSTRAINT") ? SqlText.unquote(tokens.get(i - 1).text()) : null;
                    checks.add(new Check(name, SqlText.whitespace(tokens.get(i + 1).inner())));
                }
            }
        }
        return checks;
    }

    /** The expression of {@code GENERATED ALWAYS AS (expr) [STORED|VIRTUAL]} in a column definition. */
    static Optional<String> generatedExpression(List<Token> column) {
        return after(column, "AS").filter(Token::isGroup).map(t -> SqlText.whitespace(t.inner()));
    }

    /** The word following {@code keyword} in a column definition ({@code COLLATE NOCASE} gives NOCASE). */
    static Optional<Token> after(List<Token> column, String keyword) {
        for (int i = 1; i + 1 < column.size(); i++) {
            if (column.get(i).is(keyword)) {
                return Optional.of(column.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The key items of CREATE INDEX ... ON t (items): columns or expressions, as written. */
    static List<String> indexItems(String createIndex) {
        List<Token> tokens = tokens(createIndex);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).is("ON") && tokens.get(i + 2).isGroup()) {
                return split(tokens.get(i + 2).inner()).stream().map(SqlText::whitespace).toList();
            }
        }
        return List.of();
    }

    /** The predicate after a top-level WHERE of a CREATE INDEX; null when there is none. */
    static String wherePredicate(String createIndex) {
        for (Token token : tokens(createIndex)) {
            if (token.is("WHERE")) {
                return SqlText.stripOuterParentheses(SqlText.whitespace(createIndex.substring(token.start() + 5)));
            }
        }
        return null;
    }

    private static boolean isTableConstraint(Token first) {
        String word = first.text().toUpperCase(Locale.ROOT);
        return List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN").contains(word);
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (Token token : tokens(text)) {
            if (token.text().equals(",")) {
                parts.add(text.substring(from, token.start()).strip());
                from = token.start() + 1;
            }
        }
        String last = text.substring(from).strip();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** Splits at top level; comments are skipped, quoted text and parenthesized groups stay whole. */
    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (ch == ',') {
                tokens.add(new Token(",", i++));
            } else if (ch == '(') {
                int close = SqlText.closingParenthesis(sql, i);
                int end = close < 0 ? sql.length() : close + 1;
                tokens.add(new Token(sql.substring(i, end), i));
                i = end;
            } else {
                int end = wordEnd(sql, i);
                tokens.add(new Token(sql.substring(i, end), i));
                i = end;
            }
        }
        return tokens;
    }

    private static int wordEnd(String sql, int start) {
        char first = sql.charAt(start);
        if (first == '\'' || first == '"' || first == '`' || first == '[') {
            char close = first == '[' ? ']' : first;
            int end = sql.indexOf(close, start + 1);
            return end < 0 ? sql.length() : end + 1;
        }
        int i = start;
        while (i < sql.length() && !Character.isWhitespace(sql.charAt(i)) && "(),".indexOf(sql.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
