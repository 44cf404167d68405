package dev.rehearsal.migration;

import java.nio.file.Path;

/** The directive comments of one single-file format ({@code -- +migrate Up}, {@code -- migrate:up}...). */
interface MarkerSyntax {

    /** What a directive line asks for. */
    enum Kind { UP, DOWN, NO_TRANSACTION, OTHER }

    /**
     * One directive line.
     *
     * @param noTransaction the section it opens must not run in a transaction
     */
    record Directive(Kind kind, boolean noTransaction) {
    }

    /** The Up marker as people write it, for messages. */
    String upMarker();

    /** The Down marker as people write it, for messages. */
    String downMarker();

    /** True when {@code trimmedLine} is meant as a directive of this format, valid or not. */
    boolean isDirective(String trimmedLine);

    /**
     * Reads a line for which {@link #isDirective} is true.
     *
     * @throws dev.rehearsal.RehearsalException BAD_MIGRATION_FILE at {@code file:line} for an unknown directive
     */
    Directive parse(String trimmedLine, Path file, int line);
}
