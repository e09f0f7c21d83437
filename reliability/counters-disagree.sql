-- Every (account, UTC day) whose kept per-day counters (feedback_daily_counts, summed over its
-- stripes) differ from a recount of message_feedback: no row when they agree. Run by
-- reliability/two-replicas.sh and by the service's tests (FeedbackCountersTest).
WITH kept AS (
    SELECT account_sid, day, sum(confirmed) AS confirmed, sum(unconfirmed) AS unconfirmed
      FROM feedback_daily_counts GROUP BY account_sid, day
), counted AS (
    SELECT account_sid, (date_created AT TIME ZONE 'UTC')::date AS day,
           count(*) FILTER (WHERE outcome = 'confirmed') AS confirmed,
           count(*) FILTER (WHERE outcome = 'unconfirmed') AS unconfirmed
      FROM message_feedback GROUP BY account_sid, day
)
SELECT account_sid, day, coalesce(kept.confirmed, 0), coalesce(kept.unconfirmed, 0),
       coalesce(counted.confirmed, 0), coalesce(counted.unconfirmed, 0)
  FROM kept FULL JOIN counted USING (account_sid, day)
 WHERE coalesce(kept.confirmed, 0) <> coalesce(counted.confirmed, 0)
    OR coalesce(kept.unconfirmed, 0) <> coalesce(counted.unconfirmed, 0);
