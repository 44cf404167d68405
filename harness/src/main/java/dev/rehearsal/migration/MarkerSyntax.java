package dev.rehearsal.migration;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The directive comments of one single-file format ({@code -- +migrate Up}, {@code -- migrate:up}...). */
abstract class MarkerSyntax {

    /** What a directive line asks for. */
    enum Kind { UP, DOWN, NO_TRANSACTION, OTHER }

    /**
     * One directive line.
     *
     * @param noTransaction the section it opens (or, for NO_TRANSACTION, the whole file) must not run in a transaction
     */
    record Directive(Kind kind, boolean noTransaction) {
    }

    private final String upMarker;
    private final String downMarker;
    private final Pattern directive;

    /**
     * @param upMarker and {@code downMarker}: the markers as people write them, for messages
     * @param directive matches every line meant as a directive of this format, valid or not
     */
    MarkerSyntax(String upMarker, String downMarker, String directive) {
        this.upMarker = upMarker;
        this.downMarker = downMarker;
        this.directive = Pattern.compile(directive);
    }

    final String upMarker() {
        return upMarker;
    }

    final String downMarker() {
        return downMarker;
    }

    /** True when {@code trimmedLine} is meant as a directive of this format, valid or not. */
    final boolean isDirective(String trimmedLine) {
        return directive.matcher(trimmedLine).matches();
    }

    /**
     * The file's text as the tool runs it, before it is cut into sections: goose substitutes
     * environment variables, the other formats run the text as written.
     *
     * @throws dev.rehearsal.RehearsalException BAD_MIGRATION_FILE at {@code file:line:column} for what the tool refuses
     */
    String substitute(Path file, String text) {
        return text;
    }

    /**
     * Reads a line for which {@link #isDirective} is true.
     *
     * @throws dev.rehearsal.RehearsalException BAD_MIGRATION_FILE at {@code file:line} for an unknown directive
     */
    abstract Directive parse(String trimmedLine, Path file, int line);
}
