#!/usr/bin/env bash
# Ten operator CLI commands at once against a running service (the local runner, on its own ports, with a
# throwaway embedded database): every one must exit 0 with well-formed key=value records. Prints each
# command's time and `N passed, N failed`. Needs the jars that `./mvnw package` builds.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/jdk25.sh  # the build's JDK 25 first on PATH
use_jdk25 || exit 1
export QUARKUS_HTTP_PORT="${CLI_PARALLEL_HTTP_PORT:-18280}"
export FEEDBACK_DB_PORT="${CLI_PARALLEL_DB_PORT:-54280}"
export FEEDBACK_DATA_DIR
work="$(mktemp -d)"
FEEDBACK_DATA_DIR="$work/postgres"
runner=(java -jar local-runner/target/message-feedback-local.jar)

"${runner[@]}" >"$work/service.log" 2>&1 &
service=$!
stop() {
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$QUARKUS_HTTP_PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { echo "cli-parallel: the service did not start"; cat "$work/service.log"; exit 1; }
  sleep 0.5
done

demo=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
# One command first: it records the CLI's class-data archive (see the README), as a first use would,
# and gives the demo account a key, so that every `keys list` below has a record to print.
"${runner[@]}" keys create "$demo" --friendly-name warm-up >/dev/null 2>"$work/warm-up.err" || { cat "$work/warm-up.err"; exit 1; }
commands=(
  "accounts list" "accounts create --friendly-name parallel-1" "keys list $demo" "accounts create --friendly-name parallel-2"
  "keys create $demo --friendly-name parallel-key" "accounts list" "accounts create --friendly-name parallel-3 --parent $demo"
  "keys list $demo" "accounts list" "accounts create --friendly-name parallel-4"
)
started=$(date +%s%N)
jobs_started=()
for i in "${!commands[@]}"; do
  # shellcheck disable=SC2086 # the commands are word lists on purpose
  ( begin=$(date +%s%N); set +e; "${runner[@]}" ${commands[$i]} >"$work/out-$i" 2>"$work/err-$i"; echo "$? $(( ($(date +%s%N) - begin) / 1000000 ))" >"$work/rc-$i" ) &
  jobs_started+=($!)
done
for job in "${jobs_started[@]}"; do wait "$job" || true; done
total_ms=$(( ($(date +%s%N) - started) / 1000000 ))

passed=0; failed=0
record_line='^[a-z_]+=.*$'
for i in "${!commands[@]}"; do
  rc=missing; ms=?
  [ -s "$work/rc-$i" ] && read -r rc ms <"$work/rc-$i"
  well_formed=yes
  while IFS= read -r line; do
    [[ -z "$line" || "$line" =~ $record_line ]] || well_formed=no
  done <"$work/out-$i"
  if [ "$rc" = 0 ] && [ "$well_formed" = yes ] && [ -s "$work/out-$i" ]; then
    passed=$((passed + 1)); echo "ok   ${ms} ms  ${commands[$i]}"
  else
    failed=$((failed + 1)); echo "FAIL ${ms} ms  ${commands[$i]} (exit $rc): $(head -c 300 "$work/err-$i")"
  fi
done
echo "cli-parallel: ten commands at once took ${total_ms} ms in all"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
