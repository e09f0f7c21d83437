#!/usr/bin/env bash
# docs/operations.md, "Replicas": two replicas against one database keep every rule under concurrent mixed load on
# overlapping messages: one record per message, a confirmation never withdrawn, every answer a
# stored state; and the per-day counters of the feedback summary equal a recount of the rows. Prints
# "N passed, N failed" (one check per message) and the counters check.
source "$(dirname "$0")/common.sh"
first="${RELIABILITY_HTTP_PORT:-18130}"
second=$((first + 1))
start_service "$first"
start_service "$second"
log "load over two replicas, 50 overlapping messages"
java reliability/FeedbackLoad.java load "http://localhost:$first,http://localhost:$second" "$account_sid" \
  "$authorization" 50 16 15 "$work/answers"
dump_rows "$work/rows"
java reliability/FeedbackLoad.java check "$work/answers" "$work/rows"
# The per-day counters the feedback summary reads, written by both replicas' statements, against a
# recount of the rows: every (account, day) that disagrees is printed, and fails the run.
log "per-day counters against a recount of the rows"
disagreements="$(psql -h localhost -p "$db_port" -U postgres -At -f reliability/counters-disagree.sql postgres)"
if [ -n "$disagreements" ]; then
  printf 'counters: disagree with the rows (account|day|kept confirmed|kept unconfirmed|rows confirmed|rows unconfirmed):\n%s\n' "$disagreements"
  exit 1
fi
echo "counters: equal to a recount of the rows"
