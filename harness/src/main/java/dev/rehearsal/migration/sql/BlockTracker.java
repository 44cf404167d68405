package dev.rehearsal.migration.sql;

/**
 * Follows the keywords of one statement to know whether a {@code ;} ends it or sits inside a
 * compound body: trigger and stored-program {@code BEGIN ... END} (with nested {@code IF},
 * {@code CASE}, {@code LOOP}, {@code WHILE}, {@code REPEAT}), MariaDB's {@code BEGIN NOT ATOMIC}
 * and PostgreSQL's {@code BEGIN ATOMIC}. A plain {@code BEGIN;} (a transaction) opens nothing.
 *
 * <p>Parentheses count too, as in psql: a {@code ;} inside {@code ( )} (PostgreSQL's multi-action
 * rules) never ends a statement.
 */
final class BlockTracker {
    /** What came just before the current word; decides whether IF/LOOP/... start a statement. */
    private static final int OTHER = 0;
    private static final int STATEMENT_START = 1;
    private static final int AFTER_END = 2;

    private static final int UNDECIDED = 0;
    private static final int ROUTINE = 1;
    private static final int PLAIN = 2;

    private final boolean beginEndBlocks;
    private int depth;
    /** Bit d is set when the block at depth d+1 is a CASE expression (nothing else opens in it). */
    private long caseExpressions;
    private int parentheses;
    private int previous;
    private int words;
    private int kind;
    private boolean pendingBegin;

    BlockTracker(boolean beginEndBlocks) {
        this.beginEndBlocks = beginEndBlocks;
        reset();
    }

    /** True while a {@code ;} does not end the statement. */
    boolean open() {
        return depth > 0 || parentheses > 0;
    }

    void reset() {
        depth = 0;
        caseExpressions = 0;
        parentheses = 0;
        previous = STATEMENT_START;
        words = 0;
        kind = UNDECIDED;
        pendingBegin = false;
    }

    /** A quoted literal or identifier. */
    void literal() {
        pendingBegin = false;
        previous = OTHER;
    }

    void punctuation(char c) {
        pendingBegin = false;
        if (c == '(') {
            parentheses++;
        } else if (c == ')' && parentheses > 0) {
            parentheses--;
        }
        previous = c == ';' || c == ':' ? STATEMENT_START : OTHER;
    }

    void word(String text, int from, int to) {
        int length = to - from;
        boolean first = words++ == 0;
        classify(text, from, length, first);
        if (pendingBegin) {
            pendingBegin = false;
            if (is(text, from, length, "NOT") || is(text, from, length, "ATOMIC")) {
                push(false);
                previous = STATEMENT_START;
                return;
            }
        }
        if (is(text, from, length, "END")) {
            if (depth > 0) {
                depth--;
            }
            previous = AFTER_END;
            return;
        }
        boolean atStatementStart = previous == STATEMENT_START;
        boolean afterEnd = previous == AFTER_END;
        previous = startsStatement(text, from, length) ? STATEMENT_START : OTHER;
        if (afterEnd || length < 2 || length > 6) {
            return; // END IF, END LOOP, END label: closers, not openers
        }
        boolean inCaseExpression = depth > 0 && depth <= 64 && (caseExpressions & (1L << (depth - 1))) != 0;
        boolean compoundAllowed = atStatementStart && !inCaseExpression
                && (depth > 0 || beginEndBlocks && (kind == ROUTINE || first));
        if (is(text, from, length, "BEGIN")) {
            if (depth > 0 && !inCaseExpression || beginEndBlocks && kind == ROUTINE) {
                push(false);
            } else {
                pendingBegin = true; // BEGIN; is a transaction, BEGIN NOT ATOMIC / BEGIN ATOMIC a block
            }
        } else if (is(text, from, length, "CASE")) {
            if (compoundAllowed) {
                push(false);
            } else if (depth > 0) {
                push(true);
            }
        } else if (compoundAllowed && (is(text, from, length, "IF") || is(text, from, length, "LOOP")
                || is(text, from, length, "WHILE") || is(text, from, length, "REPEAT"))) {
            push(false);
        }
    }

    private void classify(String text, int from, int length, boolean first) {
        if (first) {
            kind = is(text, from, length, "CREATE") ? UNDECIDED : PLAIN;
        } else if (kind == UNDECIDED) {
            if (is(text, from, length, "TRIGGER") || is(text, from, length, "PROCEDURE")
                    || is(text, from, length, "FUNCTION") || is(text, from, length, "EVENT")) {
                kind = ROUTINE;
            } else if (is(text, from, length, "TABLE") || is(text, from, length, "VIEW")
                    || is(text, from, length, "INDEX") || is(text, from, length, "SCHEMA")
                    || is(text, from, length, "DATABASE") || is(text, from, length, "SEQUENCE")
                    || is(text, from, length, "TYPE") || is(text, from, length, "DOMAIN")) {
                kind = PLAIN; // a column named "event" or "trigger" later must not matter
            }
        }
    }

    private void push(boolean caseExpression) {
        if (depth < 64) {
            if (caseExpression) {
                caseExpressions |= 1L << depth;
            } else {
                caseExpressions &= ~(1L << depth);
            }
        }
        depth++;
    }

    /** Words after which a new statement of a compound body begins. */
    private static boolean startsStatement(String text, int from, int length) {
        switch (length) {
            case 2:
                return is(text, from, length, "DO");
            case 3:
                return is(text, from, length, "ROW");
            case 4:
                return is(text, from, length, "THEN") || is(text, from, length, "ELSE")
                        || is(text, from, length, "LOOP");
            case 5:
                return is(text, from, length, "BEGIN");
            case 6:
                return is(text, from, length, "REPEAT") || is(text, from, length, "ATOMIC");
            default:
                return false;
        }
    }

    static boolean is(String text, int from, int length, String keyword) {
        return length == keyword.length() && text.regionMatches(true, from, keyword, 0, length);
    }
}
