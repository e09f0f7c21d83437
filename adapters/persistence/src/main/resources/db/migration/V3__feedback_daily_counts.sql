-- Confirmation rates without counting rows: how many feedback records each account has per UTC day
-- of their creation, confirmed and unconfirmed, kept by triggers in the same transaction (the same
-- statement) as the rows they count, so the counts can never disagree with message_feedback.
--
-- Each counter is split into stripes (stripe = the writing backend's pid modulo 16): concurrent
-- writers on other connections (group-commit writers, replicas) then update different rows of the
-- same (account, day) instead of queueing on one row lock until each other's commit is flushed. A
-- stripe's counts may be negative (a row counted in one stripe is confirmed from another); the sum
-- over the stripes of a day is the day's count. A summary reads at most 16 rows per day.
CREATE TABLE feedback_daily_counts (
    account_sid  varchar(34) NOT NULL,
    day          date        NOT NULL,
    stripe       smallint    NOT NULL,
    confirmed    bigint      NOT NULL,
    unconfirmed  bigint      NOT NULL,
    CONSTRAINT feedback_daily_counts_pk PRIMARY KEY (account_sid, day, stripe)
);

-- One statement-level trigger per event, reading the statement's transition tables: a batch insert
-- of many rows costs one counter upsert per (account, day, stripe) it touches. The upserts go in key
-- order, so two statements that touch the same counters lock them in the same order and never
-- deadlock (a statement takes its counter locks only after all its row locks).
CREATE FUNCTION feedback_daily_counts_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feedback_daily_counts AS counts (account_sid, day, stripe, confirmed, unconfirmed)
    SELECT account_sid, (date_created AT TIME ZONE 'UTC')::date, pg_backend_pid() % 16,
           count(*) FILTER (WHERE outcome = 'confirmed'), count(*) FILTER (WHERE outcome = 'unconfirmed')
      FROM inserted_rows
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (account_sid, day, stripe) DO UPDATE
       SET confirmed = counts.confirmed + excluded.confirmed,
           unconfirmed = counts.unconfirmed + excluded.unconfirmed;
    RETURN NULL;
END $$;

-- Updates and deletes: the new rows count up, the old rows count down (a confirmation moves one
-- from unconfirmed to confirmed on its creation day). The service never deletes feedback; the
-- trigger exists so that nothing an operator does by hand can make the counts wrong.
CREATE FUNCTION feedback_daily_counts_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feedback_daily_counts AS counts (account_sid, day, stripe, confirmed, unconfirmed)
    SELECT account_sid, day, pg_backend_pid() % 16, sum(confirmed), sum(unconfirmed)
      FROM (SELECT account_sid, (date_created AT TIME ZONE 'UTC')::date AS day,
                   (outcome = 'confirmed')::int AS confirmed, (outcome = 'unconfirmed')::int AS unconfirmed
              FROM new_rows
            UNION ALL
            SELECT account_sid, (date_created AT TIME ZONE 'UTC')::date,
                   -(outcome = 'confirmed')::int, -(outcome = 'unconfirmed')::int
              FROM old_rows) AS change
     GROUP BY 1, 2
    HAVING sum(confirmed) <> 0 OR sum(unconfirmed) <> 0
     ORDER BY 1, 2
    ON CONFLICT (account_sid, day, stripe) DO UPDATE
       SET confirmed = counts.confirmed + excluded.confirmed,
           unconfirmed = counts.unconfirmed + excluded.unconfirmed;
    RETURN NULL;
END $$;

CREATE FUNCTION feedback_daily_counts_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feedback_daily_counts AS counts (account_sid, day, stripe, confirmed, unconfirmed)
    SELECT account_sid, (date_created AT TIME ZONE 'UTC')::date, pg_backend_pid() % 16,
           -count(*) FILTER (WHERE outcome = 'confirmed'), -count(*) FILTER (WHERE outcome = 'unconfirmed')
      FROM old_rows
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (account_sid, day, stripe) DO UPDATE
       SET confirmed = counts.confirmed + excluded.confirmed,
           unconfirmed = counts.unconfirmed + excluded.unconfirmed;
    RETURN NULL;
END $$;

CREATE FUNCTION feedback_daily_counts_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM feedback_daily_counts;
    RETURN NULL;
END $$;

CREATE TRIGGER feedback_daily_counts_insert AFTER INSERT ON message_feedback
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION feedback_daily_counts_after_insert();
CREATE TRIGGER feedback_daily_counts_update AFTER UPDATE ON message_feedback
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION feedback_daily_counts_after_change();
CREATE TRIGGER feedback_daily_counts_delete AFTER DELETE ON message_feedback
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION feedback_daily_counts_after_delete();
CREATE TRIGGER feedback_daily_counts_truncate AFTER TRUNCATE ON message_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION feedback_daily_counts_after_truncate();

-- The rows that exist already. Creating the triggers above locked message_feedback against writes
-- until this migration commits, so no row is counted twice or missed.
INSERT INTO feedback_daily_counts (account_sid, day, stripe, confirmed, unconfirmed)
SELECT account_sid, (date_created AT TIME ZONE 'UTC')::date, 0,
       count(*) FILTER (WHERE outcome = 'confirmed'), count(*) FILTER (WHERE outcome = 'unconfirmed')
  FROM message_feedback
 GROUP BY 1, 2;
