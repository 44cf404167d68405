package dev.rehearsal.runner.history;

/** Where a migration stands in the history table. */
public enum HistoryStatus {
    APPLIED("applied"),
    FAILED("failed"),
    ROLLED_BACK("rolled_back");

    private final String column;

    HistoryStatus(String column) {
        this.column = column;
    }

    /** The value stored in the status column. */
    public String column() {
        return column;
    }

    public static HistoryStatus fromColumn(String value) {
        for (HistoryStatus s : values()) {
            if (s.column.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown history status '" + value + "'");
    }
}
