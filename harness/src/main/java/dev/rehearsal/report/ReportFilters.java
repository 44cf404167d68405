package dev.rehearsal.report;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The two filters the templates need: {@code duration} (millis as a person reads them) and {@code bar(max)} (SVG width). */
final class ReportFilters extends AbstractExtension {
    /** Width in SVG units of the longest bar. */
    static final int BAR_SCALE = 360;

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("duration", new Duration(), "bar", new Bar());
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }

    private static final class Duration implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            return input == null ? "" : duration(((Number) input).longValue());
        }
    }

    private static final class Bar implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of("max");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            long max = ((Number) args.get("max")).longValue();
            long value = input == null ? 0 : ((Number) input).longValue();
            return max <= 0 ? 1 : Math.max(1, Math.round(value * (double) BAR_SCALE / max));
        }
    }
}
