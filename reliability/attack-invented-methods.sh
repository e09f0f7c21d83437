#!/usr/bin/env bash
# Invented HTTP methods: 50,000 unauthenticated requests such as "MABC123DEF456 / HTTP/1.1", each with
# a new method name. Each gets a 4xx with Twilio's JSON; no metric label grows with them (the number
# of http_server_requests series stays flat); the process, a legitimate 201 and the heap hold.
: "${RELIABILITY_DB_PORT:=54601}"
source "$(dirname "$0")/attack-lib.sh"
port="${RELIABILITY_HTTP_PORT:-18601}"
count="${ATTACK_METHODS_COUNT:-50000}"
start_attacked_service "$port"
baseline
series() { # http_server_requests series on whichever port serves the metrics ("none": no metrics read)
  local text
  text="$(curl -fs --max-time 30 "http://127.0.0.1:$((port + 50))/q/metrics" 2>/dev/null \
    || curl -fs --max-time 30 "$base/q/metrics" 2>/dev/null || true)"
  if [ -z "$text" ]; then echo none; else grep -c '^http_server_requests_seconds_count{' <<<"$text" || true; fi
}
series_before="$(series)"
log "$count invented-method requests over 8 connections"
run_checks $attacks methods "$port" "$count" 8
series_after="$(series)"
if [ "$series_before" != none ] && [ "$series_after" != none ] && [ "$series_after" -le $((series_before + 5)) ]; then
  pass "http_server_requests series stay flat: $series_before before, $series_after after"
else
  fail "http_server_requests series grew from $series_before to $series_after"
fi
after_attack
finish
