package dev.rehearsal.bench;

import java.util.List;

/** The median of measured durations, in milliseconds (the mean of the middle two for an even count). */
final class Medians {
    private Medians() {
    }

    static double millis(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) / 1e6 : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2e6;
    }
}
