package org.olympiad.competitions.platform.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading a service's own database in tests (outbox rows, stored values), with one string parameter. */
public final class TestSql {

    private TestSql() {
    }

    /** The first column of every row, as text. */
    public static List<String> column(DataSource db, String sql, String param) throws SQLException {
        List<String> values = new ArrayList<>();
        query(db, sql, param, rs -> values.add(rs.getString(1)));
        return values;
    }

    /** {@code select count(*) ...}. */
    public static long count(DataSource db, String sql, String param) throws SQLException {
        return Long.parseLong(column(db, sql, param).get(0));
    }

    /** Every row as a map from the given names to the columns' text, in column order. */
    public static List<Map<String, String>> rows(DataSource db, String sql, String[] names, String param) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        query(db, sql, param, rs -> {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], rs.getString(i + 1));
            }
            rows.add(row);
        });
        return rows;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(DataSource db, String sql, String param, RowReader reader) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
