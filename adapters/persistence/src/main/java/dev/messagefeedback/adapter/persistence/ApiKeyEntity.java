package dev.messagefeedback.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The {@code api_key} table. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends PanacheEntityBase {

    @Id
    @Column(name = "sid", length = 34)
    public String sid;

    @Column(name = "account_sid", nullable = false, length = 34)
    public String accountSid;

    @Column(name = "friendly_name", nullable = false, length = 64)
    public String friendlyName;

    @Column(name = "secret_digest", nullable = false)
    public byte[] secretDigest;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_revoked")
    public Instant dateRevoked;
}
