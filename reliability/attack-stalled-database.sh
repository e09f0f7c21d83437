#!/usr/bin/env bash
# A stalled database: an ACCESS EXCLUSIVE lock on message_feedback held 10 s while 64 clients post.
# Every request is answered within the deadline (FEEDBACK_POST_DEADLINE, default 2 s) + 0.5 s, 201s
# come back within 1 s of the lock's release, and no 201 is lost: each is in the table afterwards.
: "${RELIABILITY_DB_PORT:=54606}"
source "$(dirname "$0")/attack-lib.sh"
port="${RELIABILITY_HTTP_PORT:-18606}"
start_attacked_service "$port"
baseline
log "64 clients, a 10 s lock on message_feedback after 3 s"
run_checks $attacks stall "$port" "$account_sid" "$authorization" 64 "${ATTACK_DEADLINE_MS:-2000}" 10 "$work/answers" \
  psql -h 127.0.0.1 -p "$db_port" -U postgres -At postgres
dump_rows "$work/rows"
if java reliability/FeedbackLoad.java check "$work/answers" "$work/rows" >&2; then
  pass "every 201 answered is in the table ($(wc -l <"$work/answers") answers)"
else
  fail "some 201 answered is not in the table (FeedbackLoad.java check above)"
fi
after_attack
finish
