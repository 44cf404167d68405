package dev.rehearsal.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one already split statement does, read from its leading keywords. The splitter has done the
 * hard part (quotes, comments, blocks); this only looks at one statement at a time.
 */
final class StatementShape {
    private static final String NAME = "((?:[`\"\\[]?[\\w$]+[`\"\\]]?\\.)*[`\"\\[]?[\\w$]+[`\"\\]]?)";
    private static final String IF_EXISTS = "(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMPORARY|TEMP|UNLOGGED)\\s+)?TABLE\\s+" + IF_EXISTS + NAME);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?" + IF_EXISTS + NAME + "\\s+ON\\s+" + NAME);
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER\\s+TABLE\\s+(?:ONLY\\s+)?" + IF_EXISTS + NAME + "\\s+(.*)$");
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "(?:^|,)\\s*ADD\\s+(?:COLUMN\\s+)?" + IF_EXISTS + "(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|FOREIGN\\b|CHECK\\b|INDEX\\b|KEY\\b)" + NAME);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "(?:^|,)\\s*DROP\\s+(?:COLUMN\\s+)?" + IF_EXISTS
                    + "(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|FOREIGN\\b|CHECK\\b|INDEX\\b|KEY\\b|DEFAULT\\b|NOT\\b|IDENTITY\\b|EXPRESSION\\b)" + NAME);
    private static final Pattern RETYPE = Pattern.compile(
            "(?:ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\b|(?:^|,)\\s*MODIFY\\s+(?:COLUMN\\s+)?" + NAME
                    + "|(?:^|,)\\s*CHANGE\\s+(?:COLUMN\\s+)?" + NAME + ")");
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+(?:TEMPORARY\\s+)?TABLE\\s+" + IF_EXISTS + "(.+)$");
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?" + IF_EXISTS + NAME);
    private static final Pattern RENAME_TABLE = Pattern.compile("^(?:RENAME\\s+TABLE\\s+" + NAME + "|ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+TO\\b)");
    private static final Pattern DDL = Pattern.compile("^(?:CREATE|ALTER|DROP|RENAME|TRUNCATE)\\b");
    private static final Pattern WHERE = Pattern.compile("\\bWHERE\\b");

    private final String text;

    StatementShape(String sql) {
        this.text = normalize(sql);
    }

    /** Comments out, white space collapsed, upper case; string literals are kept (they never start a statement). */
    static String normalize(String sql) {
        String noBlock = sql.replaceAll("(?s)/\\*.*?\\*/", " ");
        String noLine = noBlock.replaceAll("(?m)--[^\\n]*$", " ");
        return noLine.replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
    }

    /** A table, column or index name as compared across up and down: unquoted, unqualified, lower case. */
    static String bare(String name) {
        String last = name;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            last = name.substring(dot + 1);
        }
        return last.replaceAll("[`\"\\[\\]]", "").toLowerCase(Locale.ROOT);
    }

    boolean isDdl() {
        return DDL.matcher(text).find();
    }

    /** Why this statement destroys data or schema, or null. */
    String destruction() {
        if (DROP_TABLE.matcher(text).find()) {
            return "drops a table";
        }
        if (text.startsWith("TRUNCATE")) {
            return "truncates a table";
        }
        if (text.startsWith("DELETE") && !WHERE.matcher(text).find()) {
            return "deletes every row (DELETE without WHERE)";
        }
        if (text.startsWith("UPDATE") && !WHERE.matcher(text).find()) {
            return "updates every row (UPDATE without WHERE)";
        }
        Matcher alter = ALTER_TABLE.matcher(text);
        if (alter.find()) {
            String actions = alter.group(2);
            if (DROP_COLUMN.matcher(actions).find()) {
                return "drops a column";
            }
            if (RETYPE.matcher(actions).find()) {
                return "changes a column's type (a narrowing type loses data)";
            }
        }
        return null;
    }

    /** Tables, indexes and columns ({@code table.column}) this statement creates. */
    List<String> created() {
        List<String> names = new ArrayList<>();
        Matcher table = CREATE_TABLE.matcher(text);
        if (table.find()) {
            names.add("table " + bare(table.group(1)));
        }
        Matcher index = CREATE_INDEX.matcher(text);
        if (index.find()) {
            names.add("index " + bare(index.group(1)));
        }
        Matcher alter = ALTER_TABLE.matcher(text);
        if (alter.find()) {
            Matcher add = ADD_COLUMN.matcher(alter.group(2));
            while (add.find()) {
                names.add("column " + bare(alter.group(1)) + "." + bare(add.group(1)));
            }
        }
        return names;
    }

    /** Tables, indexes and columns this statement drops (a dropped or renamed table takes its columns and indexes with it). */
    List<String> dropped() {
        List<String> names = new ArrayList<>();
        Matcher table = DROP_TABLE.matcher(text);
        if (table.find()) {
            for (String name : table.group(1).replaceAll("\\s+(CASCADE|RESTRICT)$", "").split(",")) {
                names.add("table " + bare(name.strip()));
            }
        }
        Matcher rename = RENAME_TABLE.matcher(text);
        if (rename.find()) {
            names.add("table " + bare(rename.group(1) != null ? rename.group(1) : rename.group(2)));
        }
        Matcher index = DROP_INDEX.matcher(text);
        if (index.find()) {
            names.add("index " + bare(index.group(1)));
        }
        Matcher alter = ALTER_TABLE.matcher(text);
        if (alter.find()) {
            Matcher drop = DROP_COLUMN.matcher(alter.group(2));
            while (drop.find()) {
                names.add("column " + bare(alter.group(1)) + "." + bare(drop.group(1)));
            }
            Matcher dropIndex = Pattern.compile("(?:^|,)\\s*DROP\\s+(?:INDEX|KEY)\\s+" + IF_EXISTS + NAME).matcher(alter.group(2));
            while (dropIndex.find()) {
                names.add("index " + bare(dropIndex.group(1)));
            }
        }
        return names;
    }

    /** The table an index is created on, for "dropping the table drops the index". */
    String indexTable() {
        Matcher index = CREATE_INDEX.matcher(text);
        return index.find() ? bare(index.group(2)) : null;
    }
}
