-- pgbench: the service's group-commit statement (JdbcFeedbackStore.INSERT_ALL_IF_ABSENT), in
-- autocommit as the service runs it, for :batch new messages at once. The service binds the five
-- columns as text[] parameters; here the arrays are built in SQL (the only difference), so that each
-- transaction writes :batch fresh keys in key order, as the service sorts them.
\set base random(1, 1000000000000)
WITH input AS (
    SELECT account_sid, message_sid, outcome, date_created::timestamptz, date_updated::timestamptz, position
      FROM unnest(array_fill(:account::text, ARRAY[:batch::int]),
                  ARRAY(SELECT 'SM' || lpad(to_hex(:base::bigint * 256 + g), 32, '0') FROM generate_series(1, :batch::int) g),
                  array_fill('confirmed'::text, ARRAY[:batch::int]),
                  array_fill(now()::text, ARRAY[:batch::int]),
                  array_fill(now()::text, ARRAY[:batch::int]))
           WITH ORDINALITY AS rows (account_sid, message_sid, outcome, date_created, date_updated, position)
), inserted AS (
    INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
    SELECT account_sid, message_sid, outcome, date_created, date_updated FROM input ORDER BY position
    ON CONFLICT (account_sid, message_sid) DO NOTHING
    RETURNING account_sid, message_sid
)
SELECT input.position, inserted.message_sid IS NOT NULL AS inserted,
       stored.outcome, stored.date_created, stored.date_updated
  FROM input
  LEFT JOIN inserted
    ON inserted.account_sid = input.account_sid AND inserted.message_sid = input.message_sid
  LEFT JOIN LATERAL (
       SELECT outcome, date_created, date_updated
         FROM message_feedback
        WHERE inserted.message_sid IS NULL
          AND message_feedback.account_sid = input.account_sid
          AND message_feedback.message_sid = input.message_sid
        LIMIT 1
  ) stored ON true;
