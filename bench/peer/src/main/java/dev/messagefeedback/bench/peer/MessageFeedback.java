package dev.messagefeedback.bench.peer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One feedback per (account, message): the columns of the service's message_feedback, on a table of its own. */
@Entity
@Table(name = "peer_message_feedback")
public class MessageFeedback extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(nullable = false, length = 11)
    public String outcome;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    @Embeddable
    public record Key(
            @Column(name = "account_sid", length = 34) String accountSid,
            @Column(name = "message_sid", length = 34) String messageSid) implements Serializable {
    }
}
