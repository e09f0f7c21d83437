#!/usr/bin/env bash
# The README's examples, taken out of README.md (never from a copy) and run as printed, so that the
# README cannot drift: the run command (its build must print nothing), the curl calls, the Java, Node
# and Python programs with the commands printed for them, the operator commands, the summary, and a
# busy port. The service is the local runner, started here on its own ports with a throwaway database;
# only the address changes (localhost:8080 becomes this script's port, the programs get the base URL
# as their argument). A block is found by the `<!-- readme-example: NAME -->` comment above it, a
# program by its language. Needs java, curl, node/npm and, for Python, root to install python3-twilio.
# Prints `N passed, N failed`. docs/testing.md lists what runs what.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
http_port="${README_HTTP_PORT:-18380}"
management_port="${README_MANAGEMENT_PORT:-19380}"
db_port="${README_DB_PORT:-54380}"
base="http://localhost:$http_port"
work="$(mktemp -d)"
service=""
stop() {
  if [ -n "$service" ]; then
    kill "$service" 2>/dev/null || true
    wait "$service" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

passed=0; failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# The fenced block right after `<!-- readme-example: NAME -->`.
block() {
  local text
  text="$(awk -v marker="<!-- readme-example: $1 -->" '
    $0 == marker { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' README.md)"
  [ -n "$text" ] || { echo "README.md has no block marked readme-example: $1" >&2; exit 1; }
  printf '%s\n' "$text"
}
# The first ```LANGUAGE block that contains TEXT.
program() {
  local text
  text="$(awk -v language="$1" -v needle="$2" '
    $0 == "```" language { inside = 1; body = ""; next }
    inside && /^```$/ { if (index(body, needle)) { printf "%s", body; exit } inside = 0; next }
    inside { body = body $0 "\n" }' README.md)"
  [ -n "$text" ] || { echo "README.md has no \`\`\`$1 block with $2" >&2; exit 1; }
  printf '%s\n' "$text"
}
# A command the README gives in its prose, e.g. run `node send.mjs`: it must be printed there as is.
printed() {
  grep -qF "\`$1\`" README.md || { echo "README.md no longer says \`$1\`" >&2; exit 1; }
  printf '%s\n' "$1"
}
local_address() { sed "s#localhost:8080#localhost:$http_port#g"; }
without_dates() { sed -E 's/"date_(created|updated)":"[^"]*"/"date_\1":"(date)"/g'; }

runner_env=(QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$management_port"
  FEEDBACK_DB_PORT="$db_port" FEEDBACK_DATA_DIR="$work/postgres")

# 1. The run command: `<build> && <start>`. The build must print nothing (it is -q).
run_command="$(block run)"
build="${run_command%% && *}"
start="${run_command#* && }"
[[ "$build" == ./mvnw* && "$start" == java* ]] || { echo "unexpected run command: $run_command" >&2; exit 1; }
if [ "${README_EXAMPLES_SKIP_BUILD:-}" = 1 ]; then
  echo "skip $build (README_EXAMPLES_SKIP_BUILD=1)"
else
  build_output="$(bash -c "$build" 2>&1)" || { echo "$build_output"; fail "$build: exit $?"; }
  if [ -z "$build_output" ]; then pass "$build prints nothing"; else fail "$build printed:"; echo "$build_output" | head -20; fi
fi
read -ra start_words <<<"$start"
env "${runner_env[@]}" "${start_words[@]}" >"$work/service.log" 2>&1 &
service=$!
started=$(date +%s)
until curl -fs "http://localhost:$management_port/q/health/ready" >/dev/null 2>&1; do
  kill -0 "$service" 2>/dev/null || { cat "$work/service.log"; fail "$start: the service did not start"; echo "$passed passed, $failed failed"; exit 1; }
  [ $(($(date +%s) - started)) -lt 180 ] || { cat "$work/service.log"; fail "$start: not ready after 180 s"; exit 1; }
  sleep 0.5
done
pass "$start: ready after $(($(date +%s) - started)) s"
if grep -E '^[0-9-]+ [0-9:,.]+ +(WARN|ERROR) ' "$work/service.log"; then
  fail "the start logged a warning or an error (above)"
else
  pass "the start logged no warning and no error"
fi

# 2. A second service on the same ports: it must say which variables move them, and exit 1.
set +e
busy="$(env "${runner_env[@]}" "${start_words[@]}" 2>&1)"; busy_rc=$?
set -e
if [ "$busy_rc" = 1 ] && grep -q "QUARKUS_HTTP_PORT" <<<"$busy" && grep -q "QUARKUS_MANAGEMENT_PORT" <<<"$busy"; then
  pass "a busy port: exit 1: $(grep -o 'port [0-9]* is taken.*' <<<"$busy" | head -1)"
else
  fail "a busy port: exit $busy_rc, printed:"; tail -5 <<<"$busy"
fi

# 3. The curl POST and its printed answer (the dates are the current time).
answer="$(bash -c "$(block curl-post | local_address)" 2>"$work/curl.err")" || true
if [ "$(without_dates <<<"$answer")" = "$(block curl-post-answer | without_dates)" ]; then
  pass "curl POST: the printed answer"
else
  fail "curl POST answered: $answer $(head -c 300 "$work/curl.err")"
fi

# 4. Java: the printed pom.xml and SendFeedback.java, run with the printed command (mvn = ./mvnw).
mkdir -p "$work/java"
block java-pom >"$work/java/pom.xml"
program java "extends HttpClient" >"$work/java/SendFeedback.java"
java_run="$(block java-run)"
# (twilio-java's SLF4J notice on standard error, that no logger is bound, is not the example's output)
if output="$(cd "$work/java" && MVNW="$root/mvnw" bash -c 'mvn() { "$MVNW" "$@"; }; '"$java_run $base" 2>"$work/java.err")" \
    && [[ "$output" == confirmed\ * ]]; then
  pass "Java: $java_run -> $output"
else
  fail "Java: $java_run -> $output $(tail -5 "$work/java.err")"
fi

# 5. Node: the printed install line in an empty directory, the program saved as send.mjs.
mkdir -p "$work/node"
program js "client.api.baseUrl" >"$work/node/send.mjs"
node_run="$(printed "node send.mjs")"
node_install="$(block node-install)"
if ! command -v npm >/dev/null 2>&1; then
  fail "Node: no node/npm on the PATH"
elif (cd "$work/node" && bash -c "$node_install" >"$work/npm.log" 2>&1) \
    && output="$(cd "$work/node" && $node_run "$base" 2>&1)" && [[ "$output" == confirmed\ * ]]; then
  pass "Node: $node_install; $node_run -> $output"
else
  fail "Node: $(tail -3 "$work/npm.log") ${output:-}"
fi

# 6. Python: Debian's python3-twilio for the system Python, installed with the printed line if missing.
mkdir -p "$work/python"
program python "base_url" >"$work/python/send.py"
python_run="$(printed "/usr/bin/python3 send.py")"
if ! /usr/bin/python3 -c "import twilio" 2>/dev/null; then
  install="$(block python-install)"
  bash -c "$install" >"$work/apt.log" 2>&1 || { apt-get update >>"$work/apt.log" 2>&1 && bash -c "$install" >>"$work/apt.log" 2>&1; } || true
fi
if output="$(cd "$work/python" && $python_run "$base" 2>&1)" && [[ "$output" == confirmed\ * ]]; then
  pass "Python (twilio $(/usr/bin/python3 -c 'import twilio; print(twilio.__version__)')): $python_run -> $output"
else
  fail "Python: $python_run -> $output $(tail -3 "$work/apt.log" 2>/dev/null)"
fi

# 7. The operator commands, through the runner beside the running service.
while IFS= read -r command; do
  set +e
  out="$(env "${runner_env[@]}" bash -c "$command" 2>"$work/cli.err")"; rc=$?
  set -e
  case "$command" in
    *"accounts create"*) [[ "$rc" = 0 && "$out" == *account_sid=AC* && "$out" == *auth_token=* ]] ;;
    *"accounts list"*) [[ "$rc" = 0 && "$out" == *"friendly_name=Acme"* ]] ;;
    *"--help") [[ "$rc" = 0 && "$out" == Usage:* ]] ;;
    *) false ;;
  esac && pass "CLI: $command" || fail "CLI: $command (exit $rc): $out $(head -c 300 "$work/cli.err")"
done < <(block cli)
# Help through the runner answers at once and touches nothing: no database started, no data directory
# made (a port and a directory nobody uses). Misuse exits 2 with the usage of the misused command.
for help in --help -h help --version; do
  begin=$(date +%s%N)
  set +e
  out="$(env FEEDBACK_DB_PORT=$((db_port + 1)) FEEDBACK_DATA_DIR="$work/untouched/postgres" "${start_words[@]}" $help 2>"$work/cli.err")"; rc=$?
  set -e
  ms=$(( ($(date +%s%N) - begin) / 1000000 ))
  if [[ "$rc" = 0 && ( "$out" == Usage:* || "$out" == message-feedback\ * ) ]] && [ ! -e "$work/untouched" ] && [ ! -s "$work/cli.err" ]; then
    pass "CLI: $start $help: answered in $ms ms, no database started"
  else
    fail "CLI: $start $help (exit $rc, $ms ms, data directory made: $([ -e "$work/untouched" ] && echo yes || echo no)): $(head -c 300 "$work/cli.err")"
  fi
done
set +e
out="$(env "${runner_env[@]}" "${start_words[@]}" accounts suspend not-a-sid 2>"$work/cli.err")"; rc=$?
set -e
if [ "$rc" = 2 ] && [ -z "$out" ] && grep -q "'not-a-sid' is not an Account SID: AC followed by 32 hexadecimal characters" "$work/cli.err" \
    && grep -q "^Usage: message-feedback accounts suspend" "$work/cli.err" && ! grep -q "Exception" "$work/cli.err"; then
  pass "CLI: a malformed SID: exit 2, what a SID looks like, the command's usage"
else
  fail "CLI: a malformed SID (exit $rc): $(cat "$work/cli.err")"
fi

# 8. Reading back, and the summary of today (the printed answer, with today's date).
if bash -c "$(block curl-get | local_address)" 2>/dev/null | grep -q '"outcome":"confirmed"'; then
  pass "curl GET: the feedback read back"
else
  fail "curl GET"
fi
printed_summary="$(block summary-answer)"
printed_day="$(sed -E 's/.*"start_date":"([0-9-]+)".*/\1/' <<<"$printed_summary")"
summary="$(bash -c "$(block summary | local_address)" 2>/dev/null)" || true
if [ "$summary" = "${printed_summary//$printed_day/$(date -u +%F)}" ]; then
  pass "summary of today: the printed answer"
else
  fail "summary answered: $summary"
fi

echo "readme-examples: $passed passed, $failed failed"
[ "$failed" = 0 ]
