package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Diff text as lines, capped so one runaway difference cannot make the report unreadable. */
final class Diffs {
    static final int MAX_LINES = 200;

    private Diffs() {
    }

    static List<String> lines(String diffText) {
        if (diffText == null || diffText.isBlank()) {
            return List.of();
        }
        return Arrays.stream(diffText.split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    static List<String> capped(List<String> lines) {
        if (lines.size() <= MAX_LINES) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
        kept.add("… " + (lines.size() - MAX_LINES) + " more lines: see rehearsal-results.json");
        return kept;
    }
}
