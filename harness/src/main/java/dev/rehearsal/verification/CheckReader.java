package dev.rehearsal.verification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Turns one {@code post} entry of a suite file into a {@link Check}, or says where and why it cannot. */
final class CheckReader {
    private final Set<String> captures;

    CheckReader(Set<String> captures) {
        this.captures = captures;
    }

    Check read(YamlNode entry) {
        if (!entry.isMapping()) {
            throw entry.error("a post entry is a mapping with one check, e.g. '- table_exists: media'");
        }
        List<String> types = new ArrayList<>(entry.fields.keySet());
        types.remove("severity");
        if (types.size() != 1) {
            throw entry.error((types.isEmpty() ? "no check" : "more than one check (" + String.join(", ", types) + ")")
                    + " in this entry; write one of " + Check.typeNames() + " per '-' entry, optionally with severity");
        }
        String type = types.get(0);
        YamlNode body = entry.fields.get(type);
        Severity severity = severity(entry.fields.get("severity"));
        Check check;
        try {
            check = build(type, body, severity, entry.keyWhere.get(type));
        } catch (IllegalArgumentException e) {
            throw body.error(type + ": " + e.getMessage());
        }
        for (String reference : check.captureReferences()) {
            if (!captures.contains(reference)) {
                throw body.error(type + " reads pre." + reference + ", but pre has no capture '" + reference + "'"
                        + (captures.isEmpty() ? "" : " (captures: " + String.join(", ", captures) + ")")
                        + "; add '- capture: " + reference + "' to pre or fix the name");
            }
        }
        return check;
    }

    private Check build(String type, YamlNode body, Severity severity, String typeWhere) {
        switch (type) {
            case "table_exists":
                return new Check.TableExists(body.text("table_exists (a table name)"), severity);
            case "table_absent":
                return new Check.TableAbsent(body.text("table_absent (a table name)"), severity);
            case "column":
                return column(body, severity);
            case "index_exists":
                return index(body, severity);
            case "row_count":
                return rowCount(body, severity);
            case "row_count_equals":
                return new Check.RowCountEquals(
                        CountEquation.parse(body.text("row_count_equals (e.g. \"media == pre.images + pre.docs\")")),
                        severity);
            case "checksum_preserved":
                return new Check.ChecksumPreserved(body.text("checksum_preserved (a capture name)"), severity);
            case "query":
                return query(body, severity);
            case "no_orphans":
                return noOrphans(body, severity);
            case "marker":
                return marker(body, severity);
            default:
                throw YamlNode.error(typeWhere, "unknown check type '" + type + "'; use one of " + Check.typeNames());
        }
    }

    private static Severity severity(YamlNode node) {
        if (node == null) {
            return Severity.ERROR;
        }
        String text = node.text("severity");
        for (Severity severity : Severity.values()) {
            if (severity.yamlName().equals(text)) {
                return severity;
            }
        }
        throw node.error("unknown severity '" + text + "'; use error or warning");
    }

    private static Check column(YamlNode body, Severity severity) {
        if (body.isScalar()) {
            String text = body.text("column (table.column)");
            int dot = text.lastIndexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw body.error("column '" + text + "' must read table.column, or be a mapping {table, name, type,"
                        + " nullable}");
            }
            return new Check.ColumnExists(text.substring(0, dot), text.substring(dot + 1), null, null, severity);
        }
        mapping(body, "column", "{table: media, name: kind, type: varchar(10), nullable: false}");
        body.allowOnly("column", "table", "name", "type", "nullable");
        String example = "column: {table: media, name: kind}";
        return new Check.ColumnExists(body.requiredText("table", "column", example),
                body.requiredText("name", "column", example), body.optionalText("type", "column"),
                body.optionalBoolean("nullable", "column"), severity);
    }

    private static Check index(YamlNode body, Severity severity) {
        if (body.isScalar()) {
            return new Check.IndexExists(body.text("index_exists (an index name)"), null, severity);
        }
        mapping(body, "index_exists", "{name: idx_media_owner, table: media}");
        body.allowOnly("index_exists", "name", "table");
        return new Check.IndexExists(body.requiredText("name", "index_exists", "index_exists: {name: idx_media_owner}"),
                body.optionalText("table", "index_exists"), severity);
    }

    private static Check rowCount(YamlNode body, Severity severity) {
        mapping(body, "row_count", "{table: media, min: 1}");
        body.allowOnly("row_count", "table", "exact", "min", "max");
        Long min = rows(body, "min");
        Long max = rows(body, "max");
        if (min != null && max != null && min > max) {
            throw body.error("row_count min " + min + " is above its max " + max + ": no table can pass; swap them");
        }
        return new Check.RowCount(body.requiredText("table", "row_count", "row_count: {table: media, min: 1}"),
                rows(body, "exact"), min, max, severity);
    }

    /** A row count bound: a whole number, 0 or more. */
    private static Long rows(YamlNode body, String key) {
        Long rows = body.optionalInteger(key, "row_count");
        if (rows != null && rows < 0) {
            throw body.fields.get(key).error("row_count " + key + " " + rows + " is negative: a table has 0 rows or"
                    + " more; write " + key + ": 0 or more");
        }
        return rows;
    }

    private static Check query(YamlNode body, Severity severity) {
        String example = "query: {sql: \"select count(*) from media\", expect: 3}";
        mapping(body, "query", "{sql: \"select count(*) from media\", expect: 3}");
        body.allowOnly("query", "sql", "expect");
        String sql = body.requiredText("sql", "query", example);
        String several = SingleStatement.severalOnEveryEngine(sql, "query sql");
        if (several != null) {
            throw body.fields.get("sql").error(several + "; keep the query, drop the rest");
        }
        YamlNode expect = body.fields.get("expect");
        if (expect == null) {
            throw body.error("query needs 'expect' (a value, or rows as a list of lists); e.g. " + example);
        }
        if (expect.isScalar()) {
            return new Check.Query(sql, List.of(Collections.singletonList(expect.value)), severity);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (YamlNode row : expect.items) {
            if (row.kind != YamlNode.Kind.SEQUENCE || row.items.stream().anyMatch(v -> !v.isScalar())) {
                throw row.error("query expect rows are lists of values, e.g. expect: [[1, 'a'], [2, 'b']]");
            }
            rows.add(row.items.stream().map(v -> v.value).toList());
        }
        if (expect.kind != YamlNode.Kind.SEQUENCE) {
            throw expect.error("query expect is a value or a list of rows, e.g. expect: [[1, 'a'], [2, 'b']]");
        }
        return new Check.Query(sql, rows, severity);
    }

    private static Check noOrphans(YamlNode body, Severity severity) {
        if (body.isScalar()) {
            boolean all = body.value == null || "*".equals(body.value);
            return new Check.NoOrphans(all ? null : body.text("no_orphans (a table name)"), severity);
        }
        mapping(body, "no_orphans", "{table: media}");
        body.allowOnly("no_orphans", "table");
        return new Check.NoOrphans(body.optionalText("table", "no_orphans"), severity);
    }

    private static Check marker(YamlNode body, Severity severity) {
        String example = "marker: {table: migration_markers, column: name, value: media_unification}";
        mapping(body, "marker", "{table: migration_markers, column: name, value: media_unification}");
        body.allowOnly("marker", "table", "column", "value", "where", "present");
        String table = body.requiredText("table", "marker", example);
        String column = body.optionalText("column", "marker");
        String where = body.optionalText("where", "marker");
        YamlNode value = body.fields.get("value");
        if ((column == null) == (where == null) || (column != null) != (value != null)) {
            throw body.error("marker needs column and value, or where (not both); e.g. " + example);
        }
        if (value != null && !value.isScalar()) {
            throw value.error("marker value must be a single value");
        }
        String several = where == null ? null
                : SingleStatement.severalOnEveryEngine("select count(*) from t where " + where, "marker where");
        if (several != null) {
            throw body.fields.get("where").error(several + "; write only the condition, e.g. where: \"name = 'x'\"");
        }
        Boolean present = body.optionalBoolean("present", "marker");
        return new Check.Marker(table, column, value == null ? null : value.value, where,
                present == null || present, severity);
    }

    private static void mapping(YamlNode body, String type, String example) {
        if (!body.isMapping()) {
            throw body.error(type + " takes a mapping, e.g. " + type + ": " + example);
        }
    }
}
