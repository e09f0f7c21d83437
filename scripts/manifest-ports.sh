#!/usr/bin/env bash
# The generated Kubernetes manifests never take their ports from the environment of whoever builds them:
# packages with QUARKUS_HTTP_PORT and QUARKUS_MANAGEMENT_PORT set to other values (the path a developer
# takes with `./mvnw package -DskipTests` in a shell where they are exported), then checks that
# kubernetes.yml still says 8080 and 9000. Prints `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
QUARKUS_HTTP_PORT=18299 QUARKUS_MANAGEMENT_PORT=18298 ./mvnw -B -q package -DskipTests -pl bootstrap -am >/dev/null
manifest=bootstrap/target/kubernetes/kubernetes.yml
passed=0; failed=0
check() { # description, command...
  if "${@:2}" >/dev/null; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi
}
check "containerPort 8080 named http" grep -Pzo 'containerPort: 8080\s+name: http' "$manifest"
check "containerPort 9000 named management" grep -Pzo 'containerPort: 9000\s+name: management' "$manifest"
check "no port from the build environment" bash -c "! grep -Eq '1829[89]' '$manifest'"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
