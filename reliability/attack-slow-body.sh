#!/usr/bin/env bash
# Slow requests: a body trickled one byte every 20 s, and headers one line every 4 s. A request that
# has not arrived whole within the time limit (FEEDBACK_REQUEST_TIME_LIMIT, default 10 s) is refused
# with Twilio's JSON or its connection closed, within the limit + 2 s. A body that follows its headers
# after 1 s still gets 201.
: "${RELIABILITY_DB_PORT:=54604}"
source "$(dirname "$0")/attack-lib.sh"
port="${RELIABILITY_HTTP_PORT:-18604}"
start_attacked_service "$port"
baseline
run_checks $attacks slow "$port" "$account_sid" "$authorization" "${ATTACK_TIME_LIMIT_SECONDS:-10}"
after_attack
finish
