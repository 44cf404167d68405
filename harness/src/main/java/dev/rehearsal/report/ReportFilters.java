package dev.rehearsal.report;

import dev.rehearsal.report.model.TimingChart;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/** The filter the templates need: {@code duration}, millis as a person reads them. */
final class ReportFilters extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("duration", new Duration());
    }

    private static final class Duration implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            return input == null ? "" : TimingChart.duration(((Number) input).longValue());
        }
    }
}
