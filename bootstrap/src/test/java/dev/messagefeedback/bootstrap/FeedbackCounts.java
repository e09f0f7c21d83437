package dev.messagefeedback.bootstrap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Compares the kept per-day counters with a count of the rows, with plain SQL. */
final class FeedbackCounts {

    /** Every (account, day) whose kept counts differ from the rows'; reliability/two-replicas.sh runs it too. */
    static final String DISAGREEMENTS = read(Path.of("..", "reliability", "counters-disagree.sql"));

    private FeedbackCounts() {
    }

    private static String read(Path file) {
        try {
            return Files.readString(file.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per disagreeing (account, day): empty when the counters equal the rows. */
    static List<String> disagreements(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(DISAGREEMENTS)) {
            List<String> lines = new ArrayList<>();
            while (row.next()) {
                lines.add(row.getString(1) + " " + row.getString(2) + ": kept " + row.getLong(3) + "/" + row.getLong(4)
                        + ", rows " + row.getLong(5) + "/" + row.getLong(6));
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows the counters table holds (to show that they are per day, not per record). */
    static long counterRows(DataSource dataSource, String accountSid) {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT count(*) FROM feedback_daily_counts WHERE account_sid = ?")) {
            query.setString(1, accountSid);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
