# Sourced by the attack scripts (reliability/attack-*.sh): the service as the container runs it (the JVM
# options of Dockerfile.jvm), a tally of checks printed as "N passed, N failed", and the checks every
# attack ends with: the process is alive, a legitimate POST gets 201, and the heap after a full GC is
# within 20 MB of where it was before the attack.
# The operator CLI that makes the account waits longer for its first connection than the service does:
# on a busy CI machine the service's 0.7 s acquisition timeout can fail a start-up step, not an attack.
export QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=10S
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
unset QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT
attacks="java reliability/Attacks.java"
service_jar="${ATTACK_SERVICE_JAR:-$service_jar}" # another build of the service, e.g. a copy to compare
heap_slack_mb="${ATTACK_HEAP_SLACK_MB:-20}"
passed=0
failed=0

pass() { passed=$((passed + 1)); log "PASS $*"; }
fail() { failed=$((failed + 1)); log "FAIL $*"; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

# Runs an Attacks.java step, shows its output, and adds its "PASS ..." / "FAIL ..." lines to the tally.
run_checks() {
  local out="$work/checks.$RANDOM" status=0
  "$@" >"$out" 2>&1 || status=$?
  cat "$out" >&2
  passed=$((passed + $(grep -c '^PASS ' "$out" || true)))
  failed=$((failed + $(grep -c '^FAIL ' "$out" || true)))
  [ "$status" -eq 0 ] || fail "$* exited with status $status"
}

# The service with the container's JVM options, its management interface (if any) on port + 50. On a
# busy machine its first connection can miss the 0.7 s acquisition timeout at start-up (Flyway): a
# start that fails that way is retried, twice at most.
start_attacked_service() { # port -> pid in $service_pid, base URL in $base
  local port=$1 attempt
  base="http://127.0.0.1:$port"
  for attempt in 1 2 3; do
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
      QUARKUS_MANAGEMENT_PORT=$((port + 50)) \
      java "${container_java_opts[@]}" ${ATTACK_EXTRA_JAVA_OPTS:-} -jar "$service_jar" >"$work/service-$port.log" 2>&1 &
    service_pid=$!
    pids+=("$service_pid")
    for _ in $(seq 1 720); do
      # Ready: the management interface's readiness, or (health behind authentication on the API port)
      # any HTTP answer from the API port once the log says the service started.
      if curl -fs "http://127.0.0.1:$((port + 50))/q/health/ready" >/dev/null 2>&1 \
        || curl -fs "$base/q/health/ready" >/dev/null 2>&1 \
        || { grep -q "started in" "$work/service-$port.log" \
          && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/q/health/ready" 2>/dev/null)" != 000 ]; }; then
        return 0
      fi
      kill -0 "$service_pid" 2>/dev/null || break
      sleep 0.25
    done
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    log "the service did not start (attempt $attempt): $(grep -m1 -o 'Acquisition timeout[^"]*' "$work/service-$port.log" || tail -n 3 "$work/service-$port.log")"
  done
  cat "$work/service-$port.log"; echo "the service did not start" >&2; exit 1
}

new_message_sid() { printf 'SM%s' "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"; }

legitimate_post() { # -> HTTP status of one well-formed, authenticated POST on a new message
  curl -s -o "$work/legit.json" -w '%{http_code}' --max-time 10 -H "Authorization: $authorization" \
    -d Outcome=confirmed "$base/2010-04-01/Accounts/$account_sid/Messages/$(new_message_sid)/Feedback.json" || true
}

heap_used_mb() { # the heap in use after a full GC, in MB (jcmd's GC.heap_info, all generations); -1 if unread
  jcmd "$service_pid" GC.run >/dev/null 2>&1 || { echo -1; return; }
  # JDK 25's Serial GC names its generations "DefNew" and "Tenured" (JDK 17: "def new generation"...)
  jcmd "$service_pid" GC.heap_info 2>/dev/null | awk '/generation|region|garbage-first heap|^ *(DefNew|Tenured) / {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); sum += v; n++ } }
    END { if (n == 0) print -1; else printf "%.1f", sum / 1024 }'
}

# Before an attack: a few legitimate POSTs (the paths warm), then the heap after a full GC.
baseline() {
  for _ in $(seq 1 20); do legitimate_post >/dev/null; done
  heap_before="$(heap_used_mb)"
  log "heap after a full GC before the attack: ${heap_before} MB"
}

after_attack() { # what every attack must leave: a live process, a 201, the heap where it was
  local status heap
  if kill -0 "$service_pid" 2>/dev/null; then pass "the process is alive"; else
    fail "the process is gone"; tail -n 30 "$work"/service-*.log >&2; return; fi
  status="$(legitimate_post)"
  if [ "$status" = 201 ]; then pass "a legitimate POST gets 201 after the attack"; else
    fail "a legitimate POST after the attack got '$status': $(cat "$work/legit.json" 2>/dev/null)"; fi
  heap="$(heap_used_mb)"
  if awk -v a="$heap" -v b="$heap_before" -v s="$heap_slack_mb" 'BEGIN { exit !(a >= 0 && a - b <= s) }'; then
    pass "heap after a full GC ${heap} MB, ${heap_before} MB before (within ${heap_slack_mb} MB)"
  else
    fail "heap after a full GC ${heap} MB, ${heap_before} MB before (more than ${heap_slack_mb} MB)"
  fi
  if grep -q OutOfMemoryError "$work"/service-*.log; then fail "the service log has an OutOfMemoryError"; fi
}
