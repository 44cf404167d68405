package dev.rehearsal.snapshot.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a catalog query and maps its rows; keeps the JDBC ceremony out of the readers. */
final class Catalog {
    private final Connection connection;

    Catalog(Connection connection) {
        this.connection = connection;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        forEachRow(sql, rs -> rows.add(mapper.map(rs)), parameters);
        return rows;
    }

    void forEachRow(String sql, RowConsumer consumer, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    String single(String sql) throws SQLException {
        List<String> rows = query(sql, rs -> rs.getString(1));
        return rows.isEmpty() ? null : rows.get(0);
    }
}
