package dev.messagefeedback.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.Instant;

/** The {@code message_feedback} table. Never leaves this adapter: {@link FeedbackMapper} converts it. */
@Entity
@Table(name = "message_feedback")
@SqlResultSetMapping(name = FeedbackEntity.INSERT_IF_ABSENT_RESULT, classes = @ConstructorResult(
        targetClass = InsertIfAbsentRow.class,
        columns = {
            @ColumnResult(name = "account_sid", type = String.class),
            @ColumnResult(name = "message_sid", type = String.class),
            @ColumnResult(name = "outcome", type = String.class),
            @ColumnResult(name = "date_created", type = Instant.class),
            @ColumnResult(name = "date_updated", type = Instant.class),
            @ColumnResult(name = "inserted", type = Boolean.class),
        }))
public class FeedbackEntity extends PanacheEntityBase {

    static final String INSERT_IF_ABSENT_RESULT = "FeedbackEntity.insertIfAbsent";

    @EmbeddedId
    public FeedbackEntityKey id;

    @Column(name = "outcome", nullable = false, length = 11)
    public String outcome;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
