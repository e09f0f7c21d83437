#!/usr/bin/env bash
# HTTP/2: POSTs over h2c with prior knowledge and over an h2c upgrade (curl) answer exactly as over
# HTTP/1.1: 201 and the same JSON. An unknown Transfer-Encoding ("xchunked") is refused (400 or 501,
# Twilio JSON), never read as if there were no body.
: "${RELIABILITY_DB_PORT:=54605}"
source "$(dirname "$0")/attack-lib.sh"
port="${RELIABILITY_HTTP_PORT:-18605}"
start_attacked_service "$port"
baseline

post() { # name curl-option message outcome -> the body in $work/<name>.json, "status version" on stdout
  curl -s -o "$work/$1.json" -w '%{http_code} %{http_version}' --max-time 10 $2 -H "Authorization: $authorization" \
    -d "Outcome=$4" "$base/2010-04-01/Accounts/$account_sid/Messages/$3/Feedback.json" || true
}
normalised() { sed -E 's/(SM|MM)[0-9a-f]{32}/SID/g; s/"date_(created|updated)":"[^"]*"/"date_\1":"DATE"/g' "$1"; }

shared="$(new_message_sid)"
reference="$(post http1 --http1.1 "$(new_message_sid)" unconfirmed)"
[ "${reference%% *}" = 201 ] && pass "HTTP/1.1: 201" || fail "HTTP/1.1: '$reference' $(cat "$work/http1.json")"
post shared-http1 --http1.1 "$shared" confirmed >/dev/null
for mode in "h2c-prior-knowledge --http2-prior-knowledge" "h2c-upgrade --http2"; do
  name="${mode%% *}" option="${mode#* }"
  answer="$(post "$name" "$option" "$(new_message_sid)" unconfirmed)"
  log "$name: status and version '$answer': $(cat "$work/$name.json")"
  if [ "${answer%% *}" = 201 ] && [ "$(normalised "$work/$name.json")" = "$(normalised "$work/http1.json")" ]; then
    pass "$name: 201 and the JSON of HTTP/1.1 (over HTTP ${answer#* })"
  else
    fail "$name: '$answer' $(cat "$work/$name.json")"
  fi
  answer="$(post "shared-$name" "$option" "$shared" confirmed)"
  if [ "${answer%% *}" = 201 ] && cmp -s "$work/shared-$name.json" "$work/shared-http1.json"; then
    pass "$name: the same message answers byte for byte as over HTTP/1.1"
  else
    fail "$name: '$answer' $(cat "$work/shared-$name.json"), HTTP/1.1 gave $(cat "$work/shared-http1.json")"
  fi
done
answer="$(post prior-version --http2-prior-knowledge "$(new_message_sid)" confirmed)"
[ "${answer#* }" = 2 ] && pass "prior knowledge is served over HTTP/2" || fail "prior knowledge served as '$answer'"

path="/2010-04-01/Accounts/$account_sid/Messages/$(new_message_sid)/Feedback.json"
run_checks $attacks raw "$port" "Transfer-Encoding: xchunked" 400,501 \
  "POST $path HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: $authorization\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: xchunked\r\n\r\n11\r\nOutcome=confirmed\r\n0\r\n\r\n"
after_attack
finish
