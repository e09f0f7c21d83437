# Sourced by bench/run.sh and reliability/*.sh: the processes they start (an embedded PostgreSQL, the
# service), stopped on exit, and an account made with the operator CLI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
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
