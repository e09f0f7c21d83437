# Shared by the reliability scripts: an embedded PostgreSQL, an account, and service processes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
work="$(mktemp -d)"
db_port="${RELIABILITY_DB_PORT:-54369}"
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

[ -f "$service_jar" ] && [ -f "$runner_jar" ] || ./mvnw -q -B package -DskipTests

FEEDBACK_DATA_DIR="$work/postgres" FEEDBACK_DB_PORT="$db_port" java -jar "$runner_jar" --database-only >"$work/db.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q ready "$work/db.log" 2>/dev/null && break; sleep 0.5; done
grep -q ready "$work/db.log" || { cat "$work/db.log"; exit 1; }
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$db_port/postgres"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres PGPASSWORD=postgres
export FEEDBACK_CREDENTIALS_DIGEST_KEY="reliability-only-digest-key-of-enough-length"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false

account_output="$(java -jar "$service_jar" accounts create --friendly-name reliability)"
account_sid="$(sed -n 's/^account_sid=//p' <<<"$account_output")"
auth_token="$(sed -n 's/^auth_token=//p' <<<"$account_output")"
authorization="Basic $(printf '%s:%s' "$account_sid" "$auth_token" | base64 -w0)"

start_service() { # port -> pid in $service_pid
  QUARKUS_HTTP_PORT="$1" java -Xmx128m -jar "$service_jar" >"$work/service-$1.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
  for _ in $(seq 1 240); do
    curl -fs "http://localhost:$1/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  cat "$work/service-$1.log"; exit 1
}

dump_rows() { # -> file of message_sid|outcome|date_created|date_updated
  psql -h localhost -p "$db_port" -U postgres -At -c "SELECT message_sid, outcome,
      to_char(date_created AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS') || ' +0000',
      to_char(date_updated AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS') || ' +0000'
      FROM message_feedback WHERE account_sid = '$account_sid'" postgres >"$1"
}
