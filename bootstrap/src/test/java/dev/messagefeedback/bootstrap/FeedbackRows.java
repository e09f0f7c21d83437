package dev.messagefeedback.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads message_feedback with plain JDBC, so that tests check the database, not the adapter's view of it. */
final class FeedbackRows {

    record Row(String accountSid, String messageSid, String outcome, OffsetDateTime dateCreated,
            OffsetDateTime dateUpdated) {
    }

    private FeedbackRows() {
    }

    static List<Row> of(DataSource dataSource, String accountSid, String messageSid) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT account_sid, message_sid, outcome, date_created, date_updated FROM message_feedback"
                                + " WHERE account_sid = ? AND message_sid = ?")) {
            query.setString(1, accountSid);
            query.setString(2, messageSid);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3),
                            result.getObject(4, OffsetDateTime.class), result.getObject(5, OffsetDateTime.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
