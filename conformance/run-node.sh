#!/usr/bin/env bash
# Runs the official Twilio Node SDK (conformance/node) against the service, started here by the local
# runner on its own ports with a throwaway embedded database. Needs the jars that `./mvnw verify` builds.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/jdk25.sh  # the build's JDK 25 first on PATH
use_jdk25 || exit 1

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node conformance: skipped (no node or npm on the PATH)"
  exit 0
fi

export QUARKUS_HTTP_PORT="${CONFORMANCE_HTTP_PORT:-18080}"
export QUARKUS_MANAGEMENT_PORT="${CONFORMANCE_MANAGEMENT_PORT:-19080}"
export FEEDBACK_DB_PORT="${CONFORMANCE_DB_PORT:-54339}"
export FEEDBACK_DATA_DIR
FEEDBACK_DATA_DIR="$(mktemp -d)/postgres"
runner=(java -jar local-runner/target/message-feedback-local.jar)
log="$(mktemp)"

"${runner[@]}" >"$log" 2>&1 &
service=$!
stop() {
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  rm -rf "$(dirname "$FEEDBACK_DATA_DIR")"
}
trap stop EXIT

base="http://localhost:${QUARKUS_HTTP_PORT}"
for _ in $(seq 1 120); do
  if curl -fs "http://localhost:${QUARKUS_MANAGEMENT_PORT}/q/health/ready" >/dev/null 2>&1 || curl -s -o /dev/null -w '%{http_code}' "$base/" 2>/dev/null | grep -q 401; then
    break
  fi
  if ! kill -0 "$service" 2>/dev/null; then
    echo "node conformance: the service did not start"; cat "$log"; exit 1
  fi
  sleep 0.5
done

account=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
token=f00df00df00df00df00df00df00df00d
key_output="$("${runner[@]}" keys create "$account" --friendly-name node-conformance)"
key_sid="$(sed -n 's/^api_key_sid=//p' <<<"$key_output")"
key_secret="$(sed -n 's/^secret=//p' <<<"$key_output")"

(cd conformance/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
FEEDBACK_BASE_URL="$base" FEEDBACK_ACCOUNT_SID="$account" FEEDBACK_AUTH_TOKEN="$token" \
  FEEDBACK_API_KEY_SID="$key_sid" FEEDBACK_API_KEY_SECRET="$key_secret" \
  node conformance/node/conformance.mjs

# The README's Node example runs in scripts/readme-examples.sh, as printed, with the other examples.
