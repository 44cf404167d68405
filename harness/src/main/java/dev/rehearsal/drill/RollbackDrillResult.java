package dev.rehearsal.drill;

import dev.rehearsal.migration.Migration;
import java.util.List;

/**
 * The outcome of one {@link RollbackDrill}: each recovery option in the order it was tried.
 *
 * @since 0.1
 */
public record RollbackDrillResult(Migration migration, List<RecoveryOption> options) {

    public RollbackDrillResult {
        options = List.copyOf(options);
    }

    /** True when every option passed. */
    public boolean passed() {
        return options.stream().allMatch(RecoveryOption::passed);
    }

    /** The option named {@code name}. */
    public RecoveryOption option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recovery option '" + name + "' in " + options));
    }
}
