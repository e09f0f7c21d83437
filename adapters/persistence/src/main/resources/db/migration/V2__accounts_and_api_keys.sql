-- Accounts (with one level of subaccounts) and API keys. Secrets are never stored: only their
-- HMAC-SHA256 digests under a server-side key.
--
-- message_feedback.account_sid deliberately has no foreign key to account: every insert would take a
-- KEY SHARE lock on the account row, and concurrent feedback for one busy account would contend on it
-- (multixacts). Feedback is only written for an account that just authenticated.
CREATE TABLE account (
    sid                varchar(34) NOT NULL,
    friendly_name      varchar(64) NOT NULL,
    status             varchar(9)  NOT NULL,
    parent_sid         varchar(34),
    auth_token_digest  bytea       NOT NULL,
    date_created       timestamptz NOT NULL,
    date_updated       timestamptz NOT NULL,
    CONSTRAINT account_pk PRIMARY KEY (sid),
    CONSTRAINT account_sid_shape CHECK (sid ~ '^AC[0-9a-fA-F]{32}$'),
    CONSTRAINT account_status_known CHECK (status IN ('active', 'suspended', 'closed')),
    CONSTRAINT account_parent_fk FOREIGN KEY (parent_sid) REFERENCES account (sid),
    CONSTRAINT account_not_its_own_parent CHECK (parent_sid IS NULL OR parent_sid <> sid),
    CONSTRAINT account_digest_length CHECK (octet_length(auth_token_digest) = 32)
);
CREATE INDEX account_parent_sid_idx ON account (parent_sid);

CREATE TABLE api_key (
    sid            varchar(34) NOT NULL,
    account_sid    varchar(34) NOT NULL,
    friendly_name  varchar(64) NOT NULL,
    secret_digest  bytea       NOT NULL,
    date_created   timestamptz NOT NULL,
    date_revoked   timestamptz,
    CONSTRAINT api_key_pk PRIMARY KEY (sid),
    CONSTRAINT api_key_sid_shape CHECK (sid ~ '^SK[0-9a-fA-F]{32}$'),
    CONSTRAINT api_key_account_fk FOREIGN KEY (account_sid) REFERENCES account (sid),
    CONSTRAINT api_key_digest_length CHECK (octet_length(secret_digest) = 32)
);
CREATE INDEX api_key_account_sid_idx ON api_key (account_sid);
