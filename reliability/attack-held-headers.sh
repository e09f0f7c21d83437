#!/usr/bin/env bash
# Held headers: 2,000 connections each send a request line and ~60 KB of header lines and never finish.
# First measures what one held connection costs the heap (200 connections, 15 KB of headers each: just
# under the 16 KiB limit), the figure behind the connection cap; then the attack. During it a
# legitimate POST still gets 201 (or the cap turns it away fast); after it the usual checks.
: "${RELIABILITY_DB_PORT:=54602}"
source "$(dirname "$0")/attack-lib.sh"
port="${RELIABILITY_HTTP_PORT:-18602}"
connections="${ATTACK_HELD_CONNECTIONS:-2000}"
start_attacked_service "$port"
baseline

hold() { # connections bytes -> runs Attacks.java held in the background until it prints "held"
  $attacks held "$port" "$1" "$2" 5 >"$work/held.out" 2>&1 &
  held_pid=$!
  for _ in $(seq 1 120); do grep -q '^held$' "$work/held.out" && return 0; kill -0 "$held_pid" 2>/dev/null || break; sleep 0.25; done
}

log "measuring: 200 connections holding 15 KB of headers each"
hold 200 15000
heap_held="$(heap_used_mb)"
wait "$held_pid" || true
cat "$work/held.out" >&2
per_connection_kb="$(awk -v a="$heap_held" -v b="$heap_before" 'BEGIN { printf "%.0f", (a - b) * 1024 / 200 }')"
log "heap with 200 held connections ${heap_held} MB (${heap_before} MB before): about ${per_connection_kb} KB per connection"
echo "per-connection heap: ${per_connection_kb} KB (200 connections x 15 KB of unfinished headers)"

log "the attack: $connections connections x 60 KB of unfinished headers"
hold "$connections" 61440
heap_attack="$(heap_used_mb)"
started=$(date +%s%N)
status="$(legitimate_post)"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
log "during the attack: heap after a full GC ${heap_attack} MB; a legitimate POST got '$status' in ${elapsed_ms} ms"
if [ "$status" = 201 ] && [ "$elapsed_ms" -lt 2000 ]; then
  pass "a legitimate POST during the attack got 201 in ${elapsed_ms} ms"
else
  fail "a legitimate POST during the attack got '$status' in ${elapsed_ms} ms"
fi
wait "$held_pid" || true
cat "$work/held.out" >&2
sleep 1
after_attack
finish
