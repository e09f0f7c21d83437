#!/usr/bin/env bash
# docs/operations.md, "Rollouts": two replicas of the packaged service behind HAProxy, which routes as a
# Kubernetes Service does: only to replicas whose management port answers /q/health/ready. Under steady
# load through HAProxy, each replica in turn is sent SIGTERM and replaced by a new process of the same
# build. Asserts: every request answered 201 (no failure, no refusal, not even a 503), every 201 in
# the table (FeedbackLoad.java's check), and prints the same summary line as reliability/failover.sh
# (its longest answer is reported, not asserted: on a busy 2-core machine a new JVM's start-up can
# hold every process back for a moment; the write deadline is reliability/attack-stalled-database.sh's).
#
# Why it holds: on SIGTERM the service's readiness turns DOWN at once, and it keeps serving for
# QUARKUS_SHUTDOWN_DELAY before it stops accepting (quarkus.shutdown.delay-enabled). HAProxy checks
# readiness every `inter` 1 s and takes a replica out after `fall` 2 failed checks, each given 1 s
# (`timeout check`): the replica is out of rotation at most inter + fall x inter + timeout = 1 + 2 + 1
# = 4 s after the SIGTERM (the check in flight at the SIGTERM may still pass). The delay here is the
# manifests' 10 s, 2.5 times that: no request reaches a replica that has stopped accepting. A delay
# shorter than the balancer's detection time would show as 503s or connection errors in this run.
#
# Installs haproxy if missing (apt-get, as root). Everything it starts is stopped on exit.
: "${RELIABILITY_DB_PORT:=56220}"
if ! command -v haproxy >/dev/null; then
  echo "$(date +%H:%M:%S) installing haproxy" >&2
  [ "$(id -u)" = 0 ] || { echo "haproxy is missing: apt-get install haproxy (as root)" >&2; exit 1; }
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
fi
source "$(dirname "$0")/common.sh"
lb_port="${ROLLING_BASE_PORT:-56200}"
stats_port=$((lb_port + 1))
replica_port=([1]=$((lb_port + 10)) [2]=$((lb_port + 11))) # management port: + 50
shutdown_delay=10s # as the Kubernetes manifests set QUARKUS_SHUTDOWN_DELAY
clients="${ROLLING_CLIENTS:-8}"

declare -A replica_pid=()
launch_replica() { # n: a new process of the same build on replica n's ports
  local port=${replica_port[$1]}
  # A cold JVM's first connection (the password's SCRAM exchange, interpreted) can take more than the
  # pool's 0.7 s acquisition timeout on a busy 2-core machine, and a start whose Flyway step misses it
  # exits. The rollout is about routing, not the pool: the replicas wait up to 3 s for a connection
  # (a POST is still answered by its 2 s write deadline), and a failed start is retried, as a pod's.
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    QUARKUS_MANAGEMENT_PORT=$((port + 50)) QUARKUS_SHUTDOWN_DELAY="$shutdown_delay" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=3S \
    java "${container_java_opts[@]}" -jar "$service_jar" >>"$work/replica-$1.log" 2>&1 &
  replica_pid[$1]=$!
  pids+=("$!")
}
await_replica() { # n: waits for replica n's readiness; a start that fails is retried, twice at most
  local port=${replica_port[$1]} attempt
  for attempt in 1 2 3; do
    for _ in $(seq 1 720); do
      curl -fs "http://127.0.0.1:$((port + 50))/q/health/ready" >/dev/null 2>&1 && return 0
      kill -0 "${replica_pid[$1]}" 2>/dev/null || break
      sleep 0.25
    done
    kill "${replica_pid[$1]}" 2>/dev/null || true
    wait "${replica_pid[$1]}" 2>/dev/null || true
    log "replica $1 did not start (attempt $attempt): $(grep -m1 -o 'Acquisition timeout[^"]*' "$work/replica-$1.log" || tail -n 3 "$work/replica-$1.log")"
    [ "$attempt" = 3 ] || launch_replica "$1"
  done
  tail -n 30 "$work/replica-$1.log"; echo "replica $1 did not become ready" >&2; exit 1
}
lb_status() { # n -> HAProxy's view of replica n (UP, DOWN, "UP 1/2"...), from its CSV statistics
  curl -fs "http://127.0.0.1:$stats_port/stats;csv" | awk -F, -v s="r$1" '$1 == "feedback" && $2 == s { print $18 }'
}
wait_lb() { # n status seconds
  local deadline=$(($(date +%s) + $3))
  until [ "$(lb_status "$1")" = "$2" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "HAProxy: r$1 is '$(lb_status "$1")', not $2, after $3 s" >&2; exit 1; }
    sleep 0.1
  done
}

cat >"$work/haproxy.cfg" <<EOF
global
  maxconn 1000
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout check 1s
frontend api
  bind 127.0.0.1:$lb_port
  default_backend feedback
frontend stats
  bind 127.0.0.1:$stats_port
  stats enable
  stats uri /stats
backend feedback
  balance roundrobin
  option httpchk GET /q/health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  server r1 127.0.0.1:${replica_port[1]} check port $((replica_port[1] + 50))
  server r2 127.0.0.1:${replica_port[2]} check port $((replica_port[2] + 50))
EOF
haproxy -c -q -f "$work/haproxy.cfg"
launch_replica 1
launch_replica 2
await_replica 1
await_replica 2
haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$stats_port/stats;csv" >/dev/null 2>&1 && break; sleep 0.1; done
wait_lb 1 UP 30
wait_lb 2 UP 30
log "HAProxy on $lb_port in front of replicas on ${replica_port[1]} and ${replica_port[2]} (shutdown delay $shutdown_delay)"

rm -f "$work/stop" "$work/stop.started"
java reliability/HaLoad.java run "http://127.0.0.1:$lb_port" "$account_sid" "$authorization" "$clients" 20000 \
  "$work/stop" 400 "$work/rollout.calls" "$work/rollout.answers" &
load_pid=$!
pids+=("$load_pid")
for _ in $(seq 1 300); do [ -f "$work/stop.started" ] && break; sleep 0.1; done
[ -f "$work/stop.started" ] || { echo "no 201 through HAProxy within 30 s" >&2; exit 1; }
sleep 3
t_start=$(date +%s%3N)
for n in 1 2; do
  old_pid=${replica_pid[$n]}
  t_term=$(date +%s%3N)
  kill -TERM "$old_pid"
  wait_lb "$n" DOWN 15
  t_out=$(date +%s%3N)
  wait "$old_pid" 2>/dev/null || true
  t_exit=$(date +%s%3N)
  log "replica $n: out of HAProxy's rotation $((t_out - t_term)) ms after SIGTERM, exited after $((t_exit - t_term)) ms"
  launch_replica "$n"
  await_replica "$n"
  wait_lb "$n" UP 30
  log "replica $n: a new process in rotation $(($(date +%s%3N) - t_exit)) ms after the old one exited"
done
sleep 3
t_end=$(date +%s%3N)
touch "$work/stop"
wait "$load_pid"
dump_rows "$work/rows"
check="$(java reliability/FeedbackLoad.java check "$work/rollout.answers" "$work/rows" || true)"
grep -v '^message ' <<<"$check" | sed 's/^/  check: /' >&2
lost="$(sed -n 's/^[0-9]* passed, \([0-9]*\) failed$/\1/p' <<<"$check")"
status=0
java reliability/HaLoad.java report "$work/rollout.calls" rollout "$t_start" "$t_end" 0 0 201 "${lost:--1}" \
  >"$work/report" || status=1
grep -v '^PASS \|^FAIL ' "$work/report"
grep '^PASS \|^FAIL ' "$work/report" | sed 's/^/  /' >&2
[ "$status" = 0 ] && echo "rolling restart: every check passed" || { echo "rolling restart: some check failed (FAIL above)"; exit 1; }
