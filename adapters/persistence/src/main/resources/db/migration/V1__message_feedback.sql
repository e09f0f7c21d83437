-- One feedback per (account, message). The key is compared byte for byte (deterministic collation):
-- SMab... and SMAB... are two messages, as SPEC section 2 requires.
CREATE TABLE message_feedback (
    account_sid  varchar(34) NOT NULL,
    message_sid  varchar(34) NOT NULL,
    outcome      varchar(11) NOT NULL,
    date_created timestamptz NOT NULL,
    date_updated timestamptz NOT NULL,
    CONSTRAINT message_feedback_pk PRIMARY KEY (account_sid, message_sid),
    CONSTRAINT message_feedback_account_sid_shape CHECK (account_sid ~ '^AC[0-9a-fA-F]{32}$'),
    CONSTRAINT message_feedback_message_sid_shape CHECK (message_sid ~ '^(SM|MM)[0-9a-fA-F]{32}$'),
    CONSTRAINT message_feedback_outcome_known CHECK (outcome IN ('confirmed', 'unconfirmed')),
    CONSTRAINT message_feedback_dates_ordered CHECK (date_updated >= date_created)
);
