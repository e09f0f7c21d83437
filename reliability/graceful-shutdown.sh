#!/usr/bin/env bash
# docs/operations.md, "Shutdown": a SIGTERM under load loses nothing. Concurrent clients POST mixed outcomes; after a few
# seconds the service gets a SIGTERM; the clients go on until their time is up. Then every 201 the
# clients received is compared with the database: the record is there, with the answered outcome or a
# later one. Prints "N passed, N failed" (one check per message answered).
source "$(dirname "$0")/common.sh"
port="${RELIABILITY_HTTP_PORT:-18120}"
start_service "$port"
log "load on one service, SIGTERM after 8 s"
java reliability/FeedbackLoad.java load "http://localhost:$port" "$account_sid" "$authorization" 300 16 12 "$work/answers" &
load_pid=$!
sleep 8
kill -TERM "$service_pid"
status=0; wait "$service_pid" 2>/dev/null || status=$?
log "service stopped (exit status $status)"
wait "$load_pid"
dump_rows "$work/rows"
java reliability/FeedbackLoad.java check "$work/answers" "$work/rows"
