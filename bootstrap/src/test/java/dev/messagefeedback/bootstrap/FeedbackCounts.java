package dev.messagefeedback.bootstrap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Compares the kept per-day counters with a count of the rows, with plain SQL. */
final class FeedbackCounts {

    /**
     * Every (account, day) whose kept counts differ from the rows'; reliability/two-replicas.sh runs the
     * same statement.
     */
    static final String DISAGREEMENTS = """
            WITH kept AS (
                SELECT account_sid, day, sum(confirmed) AS confirmed, sum(unconfirmed) AS unconfirmed
                  FROM feedback_daily_counts GROUP BY account_sid, day
            ), counted AS (
                SELECT account_sid, (date_created AT TIME ZONE 'UTC')::date AS day,
                       count(*) FILTER (WHERE outcome = 'confirmed') AS confirmed,
                       count(*) FILTER (WHERE outcome = 'unconfirmed') AS unconfirmed
                  FROM message_feedback GROUP BY account_sid, day
            )
            SELECT account_sid, day, coalesce(kept.confirmed, 0), coalesce(kept.unconfirmed, 0),
                   coalesce(counted.confirmed, 0), coalesce(counted.unconfirmed, 0)
              FROM kept FULL JOIN counted USING (account_sid, day)
             WHERE coalesce(kept.confirmed, 0) <> coalesce(counted.confirmed, 0)
                OR coalesce(kept.unconfirmed, 0) <> coalesce(counted.unconfirmed, 0)
            """;

    private FeedbackCounts() {
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
