package dev.rehearsal.verification;

import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.FingerprintDiffer;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.data.TableFingerprint;
import dev.rehearsal.snapshot.diff.Diff;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** row_count, row_count_equals and checksum_preserved. */
final class CountChecks {
    private CountChecks() {
    }

    static Outcome rowCount(Check.RowCount check, CheckContext context) throws SQLException {
        long rows = context.rowCount(check.table());
        String found = context.tableName(check.table()) + " has " + rows(rows);
        if (check.exact() != null) {
            return Outcome.of(rows == check.exact(), found + (rows == check.exact() ? ""
                    : ", expected exactly " + number(check.exact())));
        }
        if (check.min() != null && rows < check.min()) {
            return Outcome.broken(found + ", expected at least " + number(check.min()));
        }
        if (check.max() != null && rows > check.max()) {
            return Outcome.broken(found + ", expected at most " + number(check.max()));
        }
        return Outcome.held(found);
    }

    /** {@code media has 1,498 rows, pre.images + pre.docs = 1,500 (pre.images 1,000, pre.docs 500)}. */
    static Outcome rowCountEquals(Check.RowCountEquals check, CheckContext context) throws SQLException {
        CountEquation equation = check.equation();
        long left = sum(equation.left(), context);
        long right = sum(equation.right(), context);
        String message = describe(equation.left(), left, context) + ", " + describe(equation.right(), right, context);
        return Outcome.of(left == right, message);
    }

    static Outcome checksumPreserved(Check.ChecksumPreserved check, CheckContext context) {
        TableFingerprint before = context.capture(check.capture());
        TableFingerprint now = Fingerprinter.fingerprintTable(context.connection, context.dialect,
                context.tableName(before.table()));
        if (before.sameContent(now)) {
            return Outcome.held(before.table() + " unchanged: " + rows(now.rowCount()) + ", checksum "
                    + now.checksum().substring(0, Math.min(12, now.checksum().length())));
        }
        TableFingerprint renamed = new TableFingerprint(before.table(), now.rowCount(), now.checksum(),
                now.columnChecksums());
        Diff diff = FingerprintDiffer.compare(new DatabaseFingerprint(context.dialect.name(), List.of(before)),
                new DatabaseFingerprint(context.dialect.name(), List.of(renamed)), "before the migration", "now");
        return Outcome.broken(diff.render());
    }

    private static long sum(List<CountEquation.Term> terms, CheckContext context) throws SQLException {
        long total = 0;
        for (CountEquation.Term term : terms) {
            long value = value(term, context);
            total += term.negative() ? -value : value;
        }
        return total;
    }

    private static long value(CountEquation.Term term, CheckContext context) throws SQLException {
        if (term.operand() == CountEquation.Operand.LITERAL) {
            return term.literal();
        }
        if (term.operand() == CountEquation.Operand.CAPTURE) {
            return context.capture(term.name()).rowCount();
        }
        return context.rowCount(term.name());
    }

    private static String describe(List<CountEquation.Term> side, long total, CheckContext context)
            throws SQLException {
        if (side.size() == 1 && side.get(0).operand() == CountEquation.Operand.TABLE && !side.get(0).negative()) {
            return context.tableName(side.get(0).name()) + " has " + rows(total);
        }
        String text = CountEquation.render(side) + " = " + number(total);
        List<String> parts = new ArrayList<>();
        for (CountEquation.Term term : side) {
            if (term.operand() != CountEquation.Operand.LITERAL) {
                parts.add(term.text() + " " + number(value(term, context)));
            }
        }
        return side.size() > 1 && !parts.isEmpty() ? text + " (" + String.join(", ", parts) + ")" : text;
    }

    static String rows(long count) {
        return number(count) + (count == 1 ? " row" : " rows");
    }

    static String number(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
