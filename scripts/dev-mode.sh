#!/usr/bin/env bash
# A fresh clone develops: `./mvnw quarkus:dev` answers the README's curl example with 201 when the local
# Maven repository holds none of this project's artifacts (nothing installed, no test-jar to find).
#
# The local repository is a new directory whose entries link to the usual one's (third-party artifacts
# are reused, not downloaded again), except this project's groupId, dev.messagefeedback. Dev mode then
# starts in the background, without a console (no stdin here), on its own ports and with a throwaway
# embedded PostgreSQL; the script waits for readiness (at most DEV_MODE_TIMEOUT seconds), POSTs the
# README's example, expects 201, and stops dev mode with every process it started.
#
# Environment: DEV_MODE_HTTP_PORT (default 55080), DEV_MODE_MANAGEMENT_PORT (55090), DEV_MODE_DB_PORT
# (55432), DEV_MODE_TIMEOUT (600), MAVEN_REPOSITORY (the repository linked from: ~/.m2/repository).
set -euo pipefail
cd "$(dirname "$0")/.."

http_port="${DEV_MODE_HTTP_PORT:-55080}"
management_port="${DEV_MODE_MANAGEMENT_PORT:-55090}"
db_port="${DEV_MODE_DB_PORT:-55432}"
timeout="${DEV_MODE_TIMEOUT:-600}"
shared="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
work="$(mktemp -d)"
dev_pid=""

log() { printf '%s dev-mode: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_dev_mode() {
  [ -n "$dev_pid" ] || return 0
  # Dev mode runs in a process group of its own (setsid): Maven, the forked application JVM, PostgreSQL.
  kill -TERM -- "-$dev_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 -- "-$dev_pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$dev_pid" 2>/dev/null || true
  wait "$dev_pid" 2>/dev/null || true
  dev_pid=""
}
cleanup() {
  stop_dev_mode
  # PostgreSQL may have left its own group; its postmaster.pid names it.
  if [ -f "$work/postgres/postmaster.pid" ]; then
    kill -TERM "$(head -1 "$work/postgres/postmaster.pid")" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

for port in "$http_port" "$management_port" "$db_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is already in use"; exit 1
  fi
done

# The isolated repository: every groupId directory linked, except this project's.
repository="$work/m2"
mkdir -p "$repository/dev"
if [ -d "$shared" ]; then
  for entry in "$shared"/*; do
    [ -e "$entry" ] || continue
    case "$(basename "$entry")" in
      dev) for sub in "$entry"/*; do
             [ -e "$sub" ] && [ "$(basename "$sub")" != messagefeedback ] && ln -s "$sub" "$repository/dev/"
           done ;;
      *) ln -s "$entry" "$repository/" ;;
    esac
  done
fi
if [ -e "$repository/dev/messagefeedback" ]; then
  log "the isolated repository holds dev.messagefeedback"; exit 1
fi

log "starting dev mode (HTTP $http_port, management $management_port, PostgreSQL $db_port)"
QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$management_port" \
  FEEDBACK_DB_PORT="$db_port" FEEDBACK_DATA_DIR="$work/postgres" \
  setsid ./mvnw -B -Dmaven.repo.local="$repository" quarkus:dev -Dquarkus.console.enabled=false \
  </dev/null >"$work/dev-mode.log" 2>&1 &
dev_pid=$!

deadline=$(( $(date +%s) + timeout ))
ready=""
while [ "$(date +%s)" -lt "$deadline" ]; do
  if ! kill -0 "$dev_pid" 2>/dev/null; then
    tail -50 "$work/dev-mode.log" >&2
    log "dev mode ended before it was ready"; exit 1
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$management_port/q/health/ready")" = 200 ]; then
    ready=yes; break
  fi
  sleep 2
done
if [ -z "$ready" ]; then
  tail -50 "$work/dev-mode.log" >&2
  log "dev mode was not ready within $timeout s"; exit 1
fi
log "ready after $(( timeout - (deadline - $(date +%s)) )) s"

# The README's first example, as printed there (the first `curl -X POST` and its continuation lines),
# on this run's port.
example="$(awk '/^curl -X POST/ { on = 1 } on { print; if ($0 !~ /\\$/) exit }' README.md)"
if [ -z "$example" ]; then
  log "README.md has no curl -X POST example"; exit 1
fi
example="${example//localhost:8080/127.0.0.1:$http_port}"
status="$(eval "$example -s -o '$work/answer.json' -w '%{http_code}'")"
if [ "$status" != 201 ]; then
  cat "$work/answer.json" >&2 || true
  tail -50 "$work/dev-mode.log" >&2
  log "the curl example answered $status, not 201"; exit 1
fi
log "the curl example answered 201: $(cat "$work/answer.json")"

stop_dev_mode
if pgrep -f -- "$work" >/dev/null; then
  pgrep -af -- "$work" >&2
  log "processes of this run outlived dev mode"; exit 1
fi
log "dev mode stopped; nothing of it is left running"
