-- pgbench: the very statement the service issues for a lone POST (JdbcFeedbackStore.INSERT_IF_ABSENT),
-- in autocommit as the service runs it. run.sh defines :account (the benchmark account) and :messages,
-- how many distinct messages are drawn from: nearly always a new one, or 100 already stored (as wrk's
-- "repeated" run).
\set m random(0, :messages - 1)
WITH inserted AS (
    INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
    VALUES (:account, 'SM' || lpad(to_hex(:m::bigint), 32, '0'), 'confirmed', now(), now())
    ON CONFLICT (account_sid, message_sid) DO NOTHING
    RETURNING 1
)
SELECT true AS inserted, NULL AS outcome, NULL::timestamptz AS date_created, NULL::timestamptz AS date_updated
  FROM inserted
UNION ALL
SELECT false, outcome, date_created, date_updated
  FROM message_feedback
 WHERE account_sid = :account AND message_sid = 'SM' || lpad(to_hex(:m::bigint), 32, '0')
   AND NOT EXISTS (SELECT 1 FROM inserted);
