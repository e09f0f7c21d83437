#!/usr/bin/env bash
# The image's JVM settings on Java 25, one at a time (BENCHMARKS.md, "JVM settings on Java 25"): each
# variant is Dockerfile.jvm's ENTRYPOINT with one setting changed, given an AOT cache of its own, trained
# the same way for every variant (the baseline too), because the JVM refuses a cache made with other
# object headers and a cache holds what one GC's heap looked like. Per variant, one after the other on
# one embedded PostgreSQL:
#   - train: the variant's command with -XX:AOTCacheOutput, 20 s of load (new and repeated feedback
#     POSTs, authenticated 404s), stopped with SIGTERM (the JVM writes the cache as it exits);
#   - process start to the first 201 with that cache (-XX:AOTMode=on: a cache the JVM cannot use stops
#     the start instead of passing unnoticed), median of BENCH_STARTUP_RUNS;
#   - warm-up until throughput settles, then new-message POSTs at c=4 and c=16 (wrk): req/s, p99, CPU
#     per POST (/proc/PID/stat), the GC pauses in those steps (-Xlog:gc);
#   - resident memory after BENCH_MEMORY_REQUESTS requests (warm-up included): total, anonymous, and
#     the pages read from the cache file.
# The feedback tables are emptied before each variant, so that every variant writes into the same
# database. Prints one table (also BENCH_OUT/jvm-settings.md). Not a test. Compare rows of one run
# only: this machine's speed varies by the hour.
#
#   bench/jvm-settings.sh
#   BENCH_VARIANTS='image;-XX:-UseCompactObjectHeaders;-Xmx64m'   variants, separated by ";"; in each,
#       options replace the image's option of the same name (-Xmx64m replaces -Xmx96m, -XX:+UseG1GC
#       replaces -XX:+UseSerialGC, -XX:-Foo replaces -XX:+Foo), "!-XX:Name" removes one, "image" = none
#   BENCH_SECONDS=10 BENCH_STARTUP_RUNS=3 BENCH_MEMORY_REQUESTS=300000 BENCH_HTTP_PORT BENCH_DB_PORT
#   BENCH_OUT=bench/results/jvm-settings-<UTC timestamp>
source "$(dirname "$0")/../scripts/lib.sh"

seconds="${BENCH_SECONDS:-10}"
startup_runs="${BENCH_STARTUP_RUNS:-3}"
memory_requests="${BENCH_MEMORY_REQUESTS:-300000}"
http_port="${BENCH_HTTP_PORT:-18190}"
db_port="${BENCH_DB_PORT:-54359}"
out="${BENCH_OUT:-bench/results/jvm-settings-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"; table="$(cd "$out" && pwd)/jvm-settings.md"
IFS=';' read -r -a variants <<<"${BENCH_VARIANTS:-image;-XX:-UseCompactObjectHeaders;-Xmx64m;-Xmx128m;-XX:+UseG1GC;-XX:ReservedCodeCacheSize=32m;!-XX:ReservedCodeCacheSize}"

need_apt=()
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
command -v psql >/dev/null 2>&1 || need_apt+=(postgresql-client)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
ensure_built
app_dir="$root/bootstrap/target/quarkus-app"

start_embedded_postgres "$db_port"
export FEEDBACK_CREDENTIALS_DIGEST_KEY="benchmark-only-digest-key-of-enough-length"
export QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$((http_port + 1000))"
log "creating the benchmark account"
create_account jvm-settings
export BENCH_ACCOUNT_SID="$account_sid" BENCH_AUTHORIZATION="$authorization"
base="http://localhost:$http_port"

# The image's command less its cache options; each variant adds its own cache.
read -r -a image_command < <(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' bootstrap/src/main/docker/Dockerfile.jvm | tr -d '",') || true
[ "${image_command[0]:-}" = java ] && [ "${image_command[-2]}" = -jar ] \
  || { log "Dockerfile.jvm's ENTRYPOINT is not [\"java\", ..., \"-jar\", <jar>]"; exit 1; }
image_options=()
for word in "${image_command[@]:1:${#image_command[@]}-3}"; do [[ "$word" == -XX:AOT* ]] || image_options+=("$word"); done

option_name() { # one JVM option -> what another option replaces it by (one name for the GC choice)
  case "$1" in
    -XX:+UseSerialGC | -XX:+UseParallelGC | -XX:+UseG1GC | -XX:+UseZGC | -XX:+UseShenandoahGC | -XX:+UseEpsilonGC) echo gc ;;
    -XX:[+-]*) echo "${1#-XX:?}" ;;
    -XX:*) local name="${1#-XX:}"; echo "${name%%=*}" ;;
    -Xmx* | -Xms* | -Xss* | -Xmn*) echo "${1:0:4}" ;;
    -D*) echo "${1%%=*}" ;;
    *) echo "$1" ;;
  esac
}
variant_options() { # variant -> the image's options with it applied, one per line
  local changes=() change name kept word
  [ "$1" = image ] || read -r -a changes <<<"$1"
  for word in "${image_options[@]}"; do
    kept=1
    for change in "${changes[@]}"; do
      [ "$(option_name "${change#!}")" = "$(option_name "$word")" ] && kept=0
    done
    [ "$kept" = 0 ] || echo "$word"
  done
  for change in "${changes[@]}"; do [[ "$change" == !* ]] || echo "$change"; done
}

start_service() { # java options... -> service_pid, first_201_ms
  local start_ns
  start_ns=$(date +%s%N)
  (cd "$app_dir" && exec java "$@" -jar quarkus-run.jar) >"$work/service.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
  until_201 "$base" "$service_pid" "$work/service.log" || return 1
  first_201_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}
stop_service() { # SIGTERM (a training run writes its cache as it exits), SIGKILL after 120 s
  local running=() pid
  kill "$service_pid" 2>/dev/null || true
  for _ in $(seq 1 1200); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do [ "$pid" = "$service_pid" ] || running+=("$pid"); done; pids=("${running[@]}")
}
alive() { kill -0 "$service_pid" 2>/dev/null; }
empty_tables() { # the same database for every variant
  psql -h localhost -p "$db_port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
    -c 'TRUNCATE message_feedback, feedback_daily_counts' -c 'CHECKPOINT' >/dev/null
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$service_pid/stat"; }
wrk_run() { # mode concurrency seconds -> "rps p99_ms requests" ("0 0 0" when wrk could not run)
  local threads=$(( $2 < 2 ? 1 : 2 )) out
  out="$(BENCH_MODE=$1 wrk -t"$threads" -c"$2" -d"${3}s" --latency -s bench/feedback.lua "$base" 2>&1)" \
    || { echo "0 0 0"; return; }
  awk 'BEGIN { rps = 0; p99 = 0; n = 0 } /^Requests\/sec:/ { rps = $2 } $1 == "99%" { v = $2
         if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms$/, "", v); else { sub(/s$/, "", v); v *= 1000 } p99 = v }
       / requests in / { n = $1 } END { printf "%s %.2f %s\n", rps, p99, n }' <<<"$out"
}
gc_pauses() { # first line of the GC log -> "count total_ms" of the pauses logged from there on
  tail -n +"$1" "$work/gc.log" | awk '/Pause/ { v = $NF; sub(/ms$/, "", v); n++; sum += v } END { printf "%d %.0f\n", n, sum }'
}

printf '| variant | cache | first 201, median (runs) | c=4 req/s | c=16 req/s, p99 | CPU per POST c=4 / c=16 | GC pauses in those steps | resident after %s requests: total (anonymous, cache pages) |\n' "$memory_requests" >"$table"
printf '|---|---:|---:|---:|---:|---:|---:|---:|\n' >>"$table"
row() { printf '| %s |' "$variant" >>"$table"; printf ' %s |' "$@" >>"$table"; printf '\n' >>"$table"; tail -1 "$table" >&2; }
for variant in "${variants[@]}"; do
  [ -n "$variant" ] || continue
  empty_tables
  mapfile -t options < <(variant_options "$variant")
  cache="$work/variant.aot"; rm -f "$cache"
  log "variant $variant: ${options[*]}"
  log "  training its AOT cache"
  if ! start_service "${options[@]}" "-XX:AOTCacheOutput=$cache"; then
    row "the JVM did not start" "" "" "" "" "" ""; continue
  fi
  wrk_run new 16 10 >/dev/null; wrk_run repeated 16 5 >/dev/null; wrk_run floor 16 5 >/dev/null
  stop_service
  if [ ! -s "$cache" ]; then
    tail -20 "$work/service.log" >&2
    row "none written" "" "" "" "" "" ""; continue
  fi
  cache_mb=$(( $(stat -c %s "$cache") / 1048576 ))
  measured=("${options[@]}" -XX:AOTMode=on "-XX:AOTCache=$cache" "-Xlog:gc:file=$work/gc.log")
  starts=()
  for run in $(seq 1 "$startup_runs"); do
    start_service "${measured[@]}" || { log "  the start with its cache failed"; break; }
    starts+=("$first_201_ms")
    [ "$run" = "$startup_runs" ] || stop_service
  done
  [ "${#starts[@]}" = "$startup_runs" ] || { stop_service; row "$cache_mb MB, refused" "" "" "" "" "" ""; continue; }
  log "  first 201: ${starts[*]} ms"
  requests=0
  warm_up_step() { # (a JVM that stopped answers nothing: 0.001 keeps settle_throughput's ratios defined)
    local total; read -r step_rps _ total < <(wrk_run new 16 5); requests=$((requests + total))
    [ "$step_rps" != 0 ] || step_rps=0.001
  }
  settle_throughput warm_up_step
  gc_from=$(( $(wc -l <"$work/gc.log") + 1 ))
  declare -A rps p99 cpu
  for c in 4 16; do
    ticks=$(cpu_ticks)
    read -r "rps[$c]" "p99[$c]" total < <(wrk_run new "$c" "$seconds")
    cpu[$c]=$(awk -v a="$ticks" -v b="$(cpu_ticks)" -v n="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.0f", (b - a) * 1e6 / hz / n; else print "-" }')
    requests=$((requests + total))
  done
  read -r gc_count gc_ms < <(gc_pauses "$gc_from")
  while alive && [ "$requests" -lt "$memory_requests" ]; do read -r _ _ total < <(wrk_run new 16 5); requests=$((requests + total)); done
  if ! alive; then tail -20 "$work/service.log" >&2; row "$cache_mb MB" "the JVM stopped under load" "" "" "" "" ""; continue; fi
  rss_mb=$(( $(ps -o rss= -p "$service_pid") / 1024 ))
  anon_mb=$(awk '/^Anonymous:/ { printf "%d", $2 / 1024 }' "/proc/$service_pid/smaps_rollup")
  # the cache's mappings, less their pages copied on relocation (those are counted as anonymous)
  cache_rss_mb=$(awk '/^[0-9a-f]+-[0-9a-f]+ / { aot = ($6 ~ /\.aot$/) } aot && /^Rss:/ { kb += $2 } aot && /^Anonymous:/ { kb -= $2 }
    END { printf "%d", kb / 1024 }' "/proc/$service_pid/smaps")
  stop_service
  row "$cache_mb MB" "$(median "${starts[@]}") ms (${starts[*]})" "$(printf '%.0f' "${rps[4]}")" \
    "$(printf '%.0f, %s ms' "${rps[16]}" "${p99[16]}")" "${cpu[4]} / ${cpu[16]} µs" "$gc_count, $gc_ms ms" \
    "$rss_mb MB ($anon_mb, $cache_rss_mb)"
  rm -f "$work/gc.log"
done
cat "$table"
