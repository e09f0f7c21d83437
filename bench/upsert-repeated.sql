-- pgbench: the very statement the service issues per POST (PanacheFeedbackStore.INSERT_IF_ABSENT),
-- in autocommit as the service runs it, for one of 100 messages, already stored (as wrk's "repeated" run). @ACCOUNT_SID@ is filled in by run.sh.
\set m random(0, 99)
WITH inserted AS (
    INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
    VALUES ('@ACCOUNT_SID@', 'SM' || lpad(:m::bigint::text, 32, '0'), 'confirmed', now(), now())
    ON CONFLICT (account_sid, message_sid) DO NOTHING
    RETURNING 1
)
SELECT true AS inserted, NULL AS outcome, NULL::timestamptz AS date_created, NULL::timestamptz AS date_updated
  FROM inserted
UNION ALL
SELECT false, outcome, date_created, date_updated
  FROM message_feedback
 WHERE account_sid = '@ACCOUNT_SID@' AND message_sid = 'SM' || lpad(:m::bigint::text, 32, '0')
   AND NOT EXISTS (SELECT 1 FROM inserted);
