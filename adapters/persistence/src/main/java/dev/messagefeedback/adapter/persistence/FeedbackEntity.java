package dev.messagefeedback.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The {@code message_feedback} table. Never leaves this adapter: {@link FeedbackMapper} converts it. */
@Entity
@Table(name = "message_feedback")
public class FeedbackEntity extends PanacheEntityBase {

    @EmbeddedId
    public FeedbackEntityKey id;

    @Column(name = "outcome", nullable = false, length = 11)
    public String outcome;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
