#!/usr/bin/env bash
# docs/operations.md, "Replicas": two replicas against one database keep every rule under concurrent mixed load on
# overlapping messages: one record per message, a confirmation never withdrawn, every answer a
# stored state. Prints "N passed, N failed" (one check per message).
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
