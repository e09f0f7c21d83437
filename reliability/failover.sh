#!/usr/bin/env bash
# docs/operations.md, "High availability": the service on a primary and a synchronous standby of
# PostgreSQL 15 managed by pg_auto_failover (a monitor and two nodes on loopback ports), configured as
# a user would configure it: the formation's multi-host URL turned into a JDBC URL with
# targetServerType=primary. Under steady load from several clients:
#   1. failover: the primary node dies (kill -9 of its keeper and its postmaster, as when its host
#      dies) and the monitor promotes the standby; later the old primary is started again and rejoins
#      as the standby;
#   2. switchover: `pg_autoctl perform switchover`, the planned change of primary during maintenance.
# For each: every request answered 201, or 503 with Retry-After, within the write deadline (2 s) +
# 0.5 s (never a 500, never a hang); every 201 a client received is in the new primary's table
# (FeedbackLoad.java's check); the service is never restarted. One summary line per event.
#
# reliability/failover.sh --async measures (does not assert) what the same kill costs with the standby
# asynchronous (replication-quorum false: synchronous_standby_names empty): acknowledged writes lost.
#
# Installs postgresql-15-auto-failover if missing (apt-get, as root). PostgreSQL refuses to run as
# root: as root the cluster runs as the postgres user. Everything it starts is stopped on exit.
source "$(dirname "$0")/../scripts/lib.sh"
mode=sync
[ "${1:-}" = --async ] && mode=async
base_port="${FAILOVER_BASE_PORT:-56100}"
monitor_port=$base_port
node_port=([1]=$((base_port + 1)) [2]=$((base_port + 2)))
http_port=$((base_port + 10))
deadline_ms=2000 # the service's write deadline (feedback.*.deadline, 2 s by default)
clients="${FAILOVER_CLIENTS:-8}"
pgbin=/usr/lib/postgresql/15/bin

if ! command -v pg_autoctl >/dev/null || [ ! -x "$pgbin/pg_ctl" ]; then
  log "installing pg_auto_failover (postgresql-15-auto-failover)"
  [ "$(id -u)" = 0 ] || { echo "pg_autoctl is missing: apt-get install postgresql-15-auto-failover (as root)" >&2; exit 1; }
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-auto-failover >/dev/null
fi
ensure_built

# The cluster's files: data directories, pg_autoctl's configuration and state (XDG_*), all under $work.
ha="$work/ha"
mkdir -p "$ha/run" # XDG_RUNTIME_DIR: pg_autoctl's pid files, else in /tmp/pg_autoctl
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chmod 755 "$work"
  chown -R postgres: "$ha"
  as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env)
fi
pg_env=(env PATH="$pgbin:/usr/bin:/bin" HOME="$ha" XDG_CONFIG_HOME="$ha/config" XDG_DATA_HOME="$ha/share"
  XDG_RUNTIME_DIR="$ha/run" LANG=C.UTF-8)
autoctl() { (cd "$ha" && "${as_pg[@]}" "${pg_env[@]}" pg_autoctl "$@"); }
declare -A keeper=()
start_keeper() { # name create-arguments... -> pg_autoctl's pid in keeper[name]
  local name=$1
  shift
  (cd "$ha" && exec "${as_pg[@]}" "${pg_env[@]}" pg_autoctl "$@" >>"$ha/$name.log" 2>&1) &
  keeper[$name]=$!
}
stop_cluster() {
  local name pid dir
  for name in "${!keeper[@]}"; do kill "${keeper[$name]}" 2>/dev/null || true; done
  for _ in $(seq 1 60); do
    pid=""
    for name in "${!keeper[@]}"; do kill -0 "${keeper[$name]}" 2>/dev/null && pid=1; done
    [ -z "$pid" ] && break
    sleep 0.25
  done
  # Whatever survived (a postmaster whose keeper was killed): by the pid in its own data directory.
  for dir in "$ha"/monitor "$ha"/node1 "$ha"/node2; do
    [ -f "$dir/postmaster.pid" ] || continue
    pid="$(head -1 "$dir/postmaster.pid")"
    if [ -n "$pid" ] && grep -q "$dir" "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  for name in "${!keeper[@]}"; do kill -9 "${keeper[$name]}" 2>/dev/null || true; done
}
trap 'stop_cluster; cleanup' EXIT
set -E
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

sql() { # port sql -> unaligned rows
  psql -h 127.0.0.1 -p "$1" -U postgres -At -c "$2" "${3:-postgres}"
}
states() { sql "$monitor_port" "SELECT nodename || ':' || reportedstate || '/' || goalstate FROM pgautofailover.node ORDER BY nodeid" pg_auto_failover | tr '\n' ' '; }
wait_states() { # seconds expected-states (e.g. "node1:primary/primary node2:secondary/secondary ")
  local deadline=$(($(date +%s) + $1))
  until [ "$(states 2>/dev/null)" = "$2" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { log "states after $1 s: $(states) (expected $2)"; tail -n 20 "$ha"/*.log >&2; exit 1; }
    sleep 0.2
  done
}
pair() { # state-of-node-n state-of-the-other n -> the states() line expected
  if [ "$3" = 1 ]; then echo "node1:$1 node2:$2 "; else echo "node1:$2 node2:$1 "; fi
}
now_ms() { date +%s%3N; }

started=$(date +%s)
log "pg_auto_failover: a monitor on $monitor_port, nodes on ${node_port[1]} and ${node_port[2]} (PostgreSQL 15, $mode standby)"
common_args=(--hostname 127.0.0.1 --listen 127.0.0.1 --auth trust --no-ssl)
autoctl create monitor --pgdata "$ha/monitor" --pgport "$monitor_port" "${common_args[@]}" >>"$ha/monitor.log" 2>&1
start_keeper monitor run --pgdata "$ha/monitor"
for _ in $(seq 1 60); do sql "$monitor_port" "SELECT 1" pg_auto_failover >/dev/null 2>&1 && break; sleep 0.5; done
# The monitor decides faster than its defaults (5 s health checks, 20 s before a node is unhealthy, 30 s
# before a primary that does not answer is considered demoted): a test must not wait a minute per event.
# docs/operations.md discusses what production should keep.
sql "$monitor_port" "ALTER SYSTEM SET pgautofailover.health_check_period = 1000" >/dev/null
sql "$monitor_port" "ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000" >/dev/null
sql "$monitor_port" "ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1" >/dev/null
sql "$monitor_port" "ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500" >/dev/null
sql "$monitor_port" "ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 2000" >/dev/null
sql "$monitor_port" "ALTER SYSTEM SET pgautofailover.primary_demote_timeout = 5000" >/dev/null
sql "$monitor_port" "SELECT pg_reload_conf()" >/dev/null
monitor_uri="postgres://autoctl_node@127.0.0.1:$monitor_port/pg_auto_failover?sslmode=disable"
create_node() { # n
  start_keeper "node$1" create postgres --pgdata "$ha/node$1" --pgport "${node_port[$1]}" --name "node$1" \
    --monitor "$monitor_uri" "${common_args[@]}" --run
}
create_node 1
wait_states 60 "node1:single/single "
# pg_autoctl sizes shared_buffers to a quarter of the machine's memory: too much on a shared machine.
sql "${node_port[1]}" "ALTER SYSTEM SET shared_buffers = '128MB'" >/dev/null
create_node 2
wait_states 90 "node1:primary/primary node2:secondary/secondary "
if [ "$mode" = async ]; then
  autoctl set node replication-quorum false --pgdata "$ha/node2" >>"$ha/node2.log" 2>&1
  for _ in $(seq 1 100); do [ -z "$(sql "${node_port[1]}" "SHOW synchronous_standby_names")" ] && break; sleep 0.2; done
fi
wait_states 30 "node1:primary/primary node2:secondary/secondary "
sync_names="$(sql "${node_port[1]}" "SHOW synchronous_standby_names")"
log "primary and standby ready after $(($(date +%s) - started)) s; the primary's synchronous_standby_names: '${sync_names}'"
if [ "$mode" = sync ] && [ -z "$sync_names" ]; then echo "the standby is not synchronous" >&2; exit 1; fi
if [ "$mode" = async ] && [ -n "$sync_names" ]; then echo "the standby is still synchronous" >&2; exit 1; fi

# The service, configured as docs/operations.md says: the formation's URI, read from the monitor.
formation_uri="$(autoctl show uri --pgdata "$ha/monitor" --formation default)"
export QUARKUS_DATASOURCE_JDBC_URL="$(sed -E 's#^postgres(ql)?://([^/]*)/([^?]*).*#jdbc:postgresql://\2/\3?targetServerType=primary#' <<<"$formation_uri")"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused-with-trust
export FEEDBACK_CREDENTIALS_DIGEST_KEY="reliability-only-digest-key-of-enough-length"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
log "formation URI $formation_uri -> $QUARKUS_DATASOURCE_JDBC_URL"
log "the schema and an account (operator CLI)"
create_account failover
log "the service on $http_port"
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
  QUARKUS_MANAGEMENT_PORT=$((http_port + 50)) java -Xmx128m -jar "$service_jar" >"$work/service.log" 2>&1 &
service_pid=$!
pids+=("$service_pid")
for _ in $(seq 1 720); do curl -fs "http://127.0.0.1:$((http_port + 50))/q/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done
curl -fs "http://127.0.0.1:$((http_port + 50))/q/health/ready" >/dev/null || { cat "$work/service.log"; exit 1; }

primary_node() { # -> node1 or node2, the node the monitor wants primary
  local name
  for _ in $(seq 1 20); do
    name="$(sql "$monitor_port" "SELECT nodename FROM pgautofailover.node WHERE goalstate IN ('primary', 'wait_primary', 'single')" pg_auto_failover 2>/dev/null || true)"
    [ -n "$name" ] && { echo "$name"; return; }
    sleep 0.5
  done
  echo "the monitor names no primary: $(states)" >&2; return 1
}
start_load() { # name
  rm -f "$work/stop" "$work/stop.started"
  java reliability/HaLoad.java run "http://127.0.0.1:$http_port" "$account_sid" "$authorization" "$clients" 20000 \
    "$work/stop" 120 "$work/$1.calls" "$work/$1.answers" &
  load_pid=$!
  pids+=("$load_pid")
  for _ in $(seq 1 900); do [ -f "$work/stop.started" ] && return; sleep 0.1; done
  echo "no 201 within 90 s of the load's start" >&2; exit 1
}
stop_load() { touch "$work/stop"; wait "$load_pid"; }
lost_writes() { # name -> acknowledged writes that are not in the current primary's table
  local port=${node_port[$(primary_node | tr -dc 0-9)]} out
  psql -h 127.0.0.1 -p "$port" -U postgres -At -c "SELECT message_sid, outcome,
      to_char(date_created AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS') || ' +0000',
      to_char(date_updated AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS') || ' +0000'
      FROM message_feedback WHERE account_sid = '$account_sid'" postgres >"$work/$1.rows"
  out="$(java reliability/FeedbackLoad.java check "$work/$1.answers" "$work/$1.rows" || true)"
  grep -v '^message ' <<<"$out" | sed 's/^/  check: /' >&2
  sed -n 's/^[0-9]* passed, \([0-9]*\) failed$/\1/p' <<<"$out"
}
failed=0
report() { # event load-name from to mark allowed lost [no-assert]
  if ! java reliability/HaLoad.java report "$work/$2.calls" "$1" "$3" "$4" "$5" "$deadline_ms" "$6" "$7" >"$work/$1.report"; then
    [ -n "${8:-}" ] || failed=1
  fi
  grep -v '^PASS \|^FAIL ' "$work/$1.report"
  grep '^PASS \|^FAIL ' "$work/$1.report" | sed 's/^/  /' >&2
}
kill_node() { # n: the node's keeper, its children and its postmaster, at once (the host dies)
  local pm
  pm="$(head -1 "$ha/node$1/postmaster.pid")"
  kill -9 "${keeper[node$1]}" $(pgrep -P "${keeper[node$1]}" || true) "$pm"
}

# --- 1. failover ---------------------------------------------------------------------------------
old=$(primary_node | tr -dc 0-9)
new=$((3 - old))
log "failover: $clients clients; in 5 s node$old (the primary) is killed"
start_load failover
sleep 5
t_kill=$(now_ms)
kill_node "$old"
until [ "$(sql "${node_port[$new]}" "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ]; do
  [ $(($(now_ms) - t_kill)) -lt 60000 ] || { log "node$new not promoted within 60 s: $(states)"; exit 1; }
  sleep 0.1
done
t_promoted=$(now_ms)
wait_states 60 "$(pair primary/demoted wait_primary/wait_primary "$old")"
t_writable=$(now_ms)
log "failover: node$new promoted $(((t_promoted - t_kill)))ms after the kill, writable (wait_primary) after $((t_writable - t_kill)) ms"
if [ "$mode" = sync ]; then
  sleep 3
  log "failover: node$old started again"
  t_rejoin=$(now_ms)
  start_keeper "node$old" run --pgdata "$ha/node$old"
  wait_states 90 "$(pair secondary/secondary primary/primary "$old")"
  t_rejoined=$(now_ms)
  log "failover: node$old back as the standby $((t_rejoined - t_rejoin)) ms after its start"
  sleep 3
else
  sleep 5
fi
t_end=$(now_ms)
stop_load
lost="$(lost_writes failover)"
if [ "$mode" = async ]; then
  report failover-async failover "$t_kill" "$t_end" "$t_promoted" 201,503 "$lost" no-assert
  echo "async standby: $lost acknowledged writes lost in the failover (measured, not asserted)"
  exit 0
fi
report failover failover "$t_kill" "$t_end" "$t_promoted" 201,503 "$lost"
# While the old primary restarts, is rewound and rejoins (the service never held a connection to it
# since it died; targetServerType=primary keeps new ones off a standby): only 201s.
report failover-rejoin failover "$t_rejoin" "$t_end" 0 201 "$lost"

# --- 2. switchover -------------------------------------------------------------------------------
sleep 2
log "switchover: $clients clients; in 5 s pg_autoctl perform switchover"
start_load switchover
sleep 5
t_switch=$(now_ms)
autoctl perform switchover --pgdata "$ha/monitor" >>"$ha/switchover.log" 2>&1
t_switched=$(now_ms)
log "switchover: done in $((t_switched - t_switch)) ms; states: $(states)"
sleep 3
t_end=$(now_ms)
stop_load
lost="$(lost_writes switchover)"
report switchover switchover "$t_switch" "$t_end" "$t_switched" 201,503 "$lost"
[ "$failed" = 0 ] && echo "failover: every check passed" || { echo "failover: some check failed (FAIL above)"; exit 1; }
