package dev.messagefeedback.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The {@code account} table. */
@Entity
@Table(name = "account")
public class AccountEntity extends PanacheEntityBase {

    @Id
    @Column(name = "sid", length = 34)
    public String sid;

    @Column(name = "friendly_name", nullable = false, length = 64)
    public String friendlyName;

    @Column(name = "status", nullable = false, length = 9)
    public String status;

    @Column(name = "parent_sid", length = 34)
    public String parentSid;

    @Column(name = "auth_token_digest", nullable = false)
    public byte[] authTokenDigest;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
