#!/usr/bin/env bash
# The /insights page in a real browser (docs/insights.md): Debian's Chromium, headless, driven by
# playwright-core, against the packaged service on a throwaway embedded PostgreSQL seeded with a known
# month of feedback. Installs what it needs (chromium from apt, playwright-core from the lock file).
# Writes docs/insights.png and prints the page's transfer size and its time to a drawn chart.
# Ports: UI_TEST_HTTP_PORT (57080; management on the next port) and UI_TEST_DB_PORT (57432).
source "$(dirname "$0")/../scripts/lib.sh"
http_port="${UI_TEST_HTTP_PORT:-57080}"
management_port=$((http_port + 1))
db_port="${UI_TEST_DB_PORT:-57432}"
chromium_path="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$chromium_path" ]; then
  log "installing Debian's chromium"
  sudo_if_needed=()
  [ "$(id -u)" = 0 ] || sudo_if_needed=(sudo -n)
  "${sudo_if_needed[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq chromium >/dev/null
fi
(cd ui-test && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

ensure_built
start_embedded_postgres "$db_port"
export FEEDBACK_CREDENTIALS_DIGEST_KEY="ui-test-only-digest-key-of-enough-length"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
# The parent account (its auth token), an API key of it, and one subaccount (its own auth token).
create_account "insights parent"
parent_sid=$account_sid parent_token=$auth_token
output="$(java -jar "$service_jar" keys create "$parent_sid" --friendly-name "insights key" 2>/dev/null)"
key_sid="$(sed -n 's/^api_key_sid=//p' <<<"$output")"
key_secret="$(sed -n 's/^secret=//p' <<<"$output")"
output="$(java -jar "$service_jar" accounts create --friendly-name "insights child" --parent "$parent_sid" 2>/dev/null)"
child_sid="$(sed -n 's/^account_sid=//p' <<<"$output")"
child_token="$(sed -n 's/^auth_token=//p' <<<"$output")"
[ -n "$key_secret" ] && [ -n "$child_token" ] || { echo "could not create the key or the subaccount" >&2; exit 1; }

log "starting the service on port $http_port"
# A first connection on a busy CI machine can take longer than the request path's 0.7 s (Flyway at
# start-up): this test is about the page, not the deadlines, so it waits for connections as dev mode does.
QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=5S QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$management_port" java -Xmx128m -jar "$service_jar" \
  >"$work/service.log" 2>&1 &
pids+=($!)
# Up to 3 minutes: on a CI machine busy with other builds a start-up was seen to take 2.
ready_by=$((SECONDS + 180))
while [ "$SECONDS" -lt "$ready_by" ]; do
  curl -fs "http://127.0.0.1:$management_port/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$management_port/q/health/ready" >/dev/null || { cat "$work/service.log"; exit 1; }

log "seeding and driving Chromium"
BASE_URL="http://127.0.0.1:$http_port" CHROMIUM="$chromium_path" WORK="$work" DB_PORT="$db_port" \
  PARENT_SID="$parent_sid" PARENT_TOKEN="$parent_token" KEY_SID="$key_sid" KEY_SECRET="$key_secret" \
  CHILD_SID="$child_sid" CHILD_TOKEN="$child_token" SCREENSHOT="$root/docs/insights.png" \
  node ui-test/insights.mjs

# The secrets typed into the page never reach the service's log (its access log included).
for secret in "$parent_token" "$key_secret" "$child_token"; do
  if grep -qF "$secret" "$work/service.log"; then
    echo "FAIL a secret is in the service's log" >&2
    exit 1
  fi
done
echo "ok the service's log ($(wc -l <"$work/service.log") lines) holds none of the secrets"
