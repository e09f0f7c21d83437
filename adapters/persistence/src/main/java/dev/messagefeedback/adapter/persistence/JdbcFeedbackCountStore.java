package dev.messagefeedback.adapter.persistence;

import dev.messagefeedback.application.port.out.FeedbackCountStore;
import dev.messagefeedback.domain.AccountSid;
import dev.messagefeedback.domain.DailyFeedbackCounts;
import dev.messagefeedback.domain.FeedbackCounts;
import dev.messagefeedback.domain.ReportingPeriod;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The per-day counts on PostgreSQL, in plain JDBC: one aggregate over {@code feedback_daily_counts},
 * which the triggers of migration V3 keep in the same statement as every insert and update of
 * {@code message_feedback}. The table has no entity: nothing in the service writes it, and a sum over
 * a key range is a query, not an object. A period of n days reads at most 16 n rows per account
 * (one per stripe), whatever the number of feedback records.
 */
@ApplicationScoped
class JdbcFeedbackCountStore implements FeedbackCountStore {

    static final String COUNT_PER_DAY = """
            SELECT day, sum(confirmed) AS confirmed, sum(unconfirmed) AS unconfirmed
              FROM feedback_daily_counts
             WHERE account_sid = ANY (?::text[]) AND day BETWEEN ? AND ?
             GROUP BY day
             ORDER BY day
            """;

    private final AgroalDataSource dataSource;

    JdbcFeedbackCountStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<DailyFeedbackCounts> countPerDay(Set<AccountSid> accounts, ReportingPeriod period) {
        String[] sids = accounts.stream().map(AccountSid::value).toArray(String[]::new);
        List<DailyFeedbackCounts> days = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT_PER_DAY)) {
            statement.setArray(1, connection.createArrayOf("text", sids));
            statement.setObject(2, period.start());
            statement.setObject(3, period.end());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    days.add(new DailyFeedbackCounts(row.getObject("day", LocalDate.class),
                            new FeedbackCounts(row.getLong("confirmed"), row.getLong("unconfirmed"))));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("count-per-day", e);
        }
        return days;
    }
}
