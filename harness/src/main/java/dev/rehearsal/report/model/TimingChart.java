package dev.rehearsal.report.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SVG geometry of one target's timing chart: a band per migration with up, down, restore and
 * recovery bars scaled to the longest timing, and the recovery objective as a tick. Computed here
 * so the template holds no arithmetic.
 */
public record TimingChart(int height, List<Label> labels, List<Bar> bars, List<Tick> objectives) {
    static final int BAND = 46;
    static final int BAR_X = 150;
    static final int SCALE = 360;

    public record Label(int y, String text) {
    }

    public record Bar(String kind, int y, int width, int valueX, String value) {
    }

    public record Tick(int x, int y1, int y2, String title) {
    }

    static TimingChart of(List<MigrationRow> rows, long longest) {
        List<Label> labels = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int y = i * BAND + 4;
            Timings t = rows.get(i).timings();
            labels.add(new Label(y + 14, rows.get(i).version()));
            Long[] values = {t.upMillis(), t.downMillis(), t.restoreMillis(), t.recoveryMillis()};
            String[] kinds = {"up", "down", "restore", "recovery"};
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null) {
                    int width = width(values[k], longest);
                    String value = duration(values[k]);
                    if (k == 3 && t.objectiveMillis() != null) {
                        value += " / objective " + duration(t.objectiveMillis());
                    }
                    bars.add(new Bar(kinds[k], y + k * 10, width, BAR_X + width + 4, value));
                }
            }
            if (t.recoveryMillis() != null && t.objectiveMillis() != null) {
                ticks.add(new Tick(BAR_X + width(t.objectiveMillis(), longest), y + 28, y + 41,
                        "objective " + duration(t.objectiveMillis())));
            }
        }
        return new TimingChart(rows.size() * BAND + 6, labels, bars, ticks);
    }

    private static int width(long value, long longest) {
        return longest <= 0 ? 1 : (int) Math.max(1, Math.round(value * (double) SCALE / longest));
    }

    /** Millis as a person reads them: {@code 45 ms}, {@code 1.4 s}, {@code 2 min 3 s}. */
    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
