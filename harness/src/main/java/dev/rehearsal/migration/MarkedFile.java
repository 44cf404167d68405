package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.migration.sql.SqlStatement;
import java.nio.file.Path;
import java.util.List;

/**
 * A single-file migration cut at its Up and Down markers. Directive lines other than Up and Down
 * (StatementBegin/End, NO TRANSACTION) stay in the script text; the splitter reads them there.
 *
 * @param up the up section, never empty
 * @param down the down section, or null when the file has no Down marker
 */
record MarkedFile(MigrationScript up, MigrationScript down) {

    /**
     * @throws RehearsalException BAD_MIGRATION_FILE ({@code file:line}) for a missing, repeated or
     *     misplaced marker, SQL above the Up marker, or an empty up section
     */
    static MarkedFile parse(Path file, String text, MarkerSyntax syntax, Dialect dialect) {
        String[] lines = text.split("\n", -1);
        int upLine = 0;
        int downLine = 0;
        boolean upNoTx = false;
        boolean downNoTx = false;
        boolean fileNoTx = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!syntax.isDirective(line)) {
                continue;
            }
            int number = i + 1;
            MarkerSyntax.Directive directive = syntax.parse(line, file, number);
            if (directive.kind() == MarkerSyntax.Kind.UP) {
                if (upLine > 0) {
                    throw error(file, number, "a second '" + syntax.upMarker() + "' (the first is on line " + upLine
                            + "); keep one up section per file and move the other migration to its own file");
                }
                if (downLine > 0) {
                    throw error(file, downLine, "'" + syntax.downMarker() + "' comes before '" + syntax.upMarker()
                            + "' (line " + number + "); put the up section first and the down section after it");
                }
                upLine = number;
                upNoTx = directive.noTransaction();
            } else if (directive.kind() == MarkerSyntax.Kind.DOWN) {
                if (downLine > 0) {
                    throw error(file, number, "a second '" + syntax.downMarker() + "' (the first is on line "
                            + downLine + "); keep one down section per file");
                }
                downLine = number;
                downNoTx = directive.noTransaction();
            } else if (directive.kind() == MarkerSyntax.Kind.NO_TRANSACTION) {
                fileNoTx = true;
            }
        }
        if (upLine == 0) {
            throw error(file, downLine > 0 ? downLine : 1, "no '" + syntax.upMarker() + "' marker; add a line '"
                    + syntax.upMarker() + "' above the statements that migrate up");
        }
        rejectSqlAbove(file, lines, upLine, syntax, dialect);
        int upEnd = downLine > 0 ? downLine - 1 : lines.length;
        MigrationScript up = Scripts.split(file, slice(lines, upLine, upEnd), upLine + 1, !(upNoTx || fileNoTx), dialect);
        if (up.isEmpty()) {
            throw error(file, upLine, "the up section is empty; add the statements to run below '"
                    + syntax.upMarker() + "'");
        }
        MigrationScript down = downLine == 0 ? null
                : Scripts.split(file, slice(lines, downLine, lines.length), downLine + 1,
                        !(downNoTx || fileNoTx), dialect);
        return new MarkedFile(up, down);
    }

    private static void rejectSqlAbove(Path file, String[] lines, int upLine, MarkerSyntax syntax, Dialect dialect) {
        List<SqlStatement> above = Scripts.statements(file, slice(lines, 0, upLine - 1), 1, dialect);
        if (!above.isEmpty()) {
            throw error(file, above.get(0).line(), "SQL above '" + syntax.upMarker()
                    + "' belongs to no section; move it below the marker (or into the down section)");
        }
    }

    /** Lines {@code from} (0-based, inclusive) to {@code to} (exclusive), each ending in a newline. */
    private static String slice(String[] lines, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(lines[i]);
            if (i < lines.length - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    static RehearsalException error(Path file, int line, String message) {
        return new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, file + ":" + line + ": " + message);
    }
}
