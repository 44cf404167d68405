package dev.rehearsal.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which environment labels mean production, for the CLI's guard and the engine's. One rule so the
 * two cannot disagree: a label is production when one of its words is {@code prod}, {@code prd} or
 * {@code production} (words split at anything but a letter or digit and where letters meet digits,
 * case ignored: {@code prod-eu}, {@code production-2}, {@code eu_prd1}, {@code PRD}), or when it
 * equals, case ignored, one of the comma-separated labels in {@code $REHEARSAL_PRODUCTION_LABELS}
 * (for names the rule cannot know, such as {@code live}).
 *
 * <p>The label comes from {@code $REHEARSAL_ENV} and from a command's {@code --env}; when either
 * is production the target is, so a flag can raise the protection but never lower it.
 */
public final class ProductionLabels {
    /** The environment variable holding the target's environment label. */
    public static final String ENV_VARIABLE = "REHEARSAL_ENV";
    /** The environment variable listing further labels that mean production, comma-separated. */
    public static final String EXTRA_LABELS_VARIABLE = "REHEARSAL_PRODUCTION_LABELS";

    private static final Set<String> PRODUCTION_WORDS = Set.of("prod", "prd", "production");

    private ProductionLabels() {
    }

    /** Whether {@code label} means production, with the extra labels {@code environment} lists. */
    public static boolean isProduction(String label, Map<String, String> environment) {
        if (label == null || label.isBlank()) {
            return false;
        }
        String normalized = label.strip().toLowerCase(Locale.ROOT);
        if (Arrays.stream(normalized.split("[^\\p{L}\\p{N}]+|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})"))
                .anyMatch(PRODUCTION_WORDS::contains)) {
            return true;
        }
        String extra = environment.get(EXTRA_LABELS_VARIABLE);
        return extra != null && Arrays.stream(extra.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).anyMatch(normalized::equals);
    }

    /**
     * The first production label among {@code $REHEARSAL_ENV} and the given ones (a command's flag),
     * described by where it came from; empty when none is production.
     *
     * @param labels where each label came from ({@code "--env"}) mapped to its value, which may be null
     */
    public static Optional<String> productionSource(Map<String, String> environment, Map<String, String> labels) {
        List<String> found = new ArrayList<>();
        String fromEnvironment = environment.get(ENV_VARIABLE);
        if (isProduction(fromEnvironment, environment)) {
            found.add(ENV_VARIABLE + " is '" + fromEnvironment.strip() + "'");
        }
        labels.forEach((source, value) -> {
            if (isProduction(value, environment)) {
                found.add(source + " is '" + value.strip() + "'");
            }
        });
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }
}
