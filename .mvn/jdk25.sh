# Finds the JDK 25 this project builds and runs with, without a machine-specific path anywhere.
# POSIX sh, sourced by ./mvnw (before anything else) and by the scripts that start a JVM
# (scripts/lib.sh, scripts/cli-parallel.sh, conformance/run-node.sh), so that Maven, the tests, dev
# mode, the AOT training run and every `java` the scripts start are one and the same JDK 25: the AOT
# cache (quarkus-app/app.aot) is only valid for the JVM build that wrote it.
#
# Why here and not Maven toolchains: the Quarkus build (augmentation, in Maven's own JVM) must read
# classes compiled for release 25, so Maven itself has to run on 25; toolchains only change the
# compiler and the forked test JVMs, not Maven's JVM nor the scripts' `java`.
#
# use_jdk25: keeps JAVA_HOME when it is a JDK 25; otherwise takes the first JDK 25 of `java` on the
# PATH, /usr/lib/jvm/*, ~/.sdkman/candidates/java/*, /Library/Java/JavaVirtualMachines/*/Contents/Home,
# /opt/java/*; exports JAVA_HOME and puts its bin/ first on PATH. None: one line on stderr, returns 1.
# A JDK is recognised by its `release` file (JAVA_VERSION="25...") and an executable bin/javac.

jdk25_is_25() { # directory -> 0 when it is a JDK whose release file says 25
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] \
    && grep -q '^JAVA_VERSION="25[."]' "$1/release"
}

use_jdk25() {
  jdk25_found=""
  if jdk25_is_25 "${JAVA_HOME-}"; then
    jdk25_found="$JAVA_HOME"
  else
    jdk25_path_java="$(command -v java 2>/dev/null || :)"
    if [ -n "$jdk25_path_java" ]; then
      jdk25_path_java="$(readlink -f "$jdk25_path_java" 2>/dev/null || printf %s "$jdk25_path_java")"
      jdk25_path_java="${jdk25_path_java%/bin/java}"
      jdk25_is_25 "$jdk25_path_java" && jdk25_found="$jdk25_path_java"
    fi
  fi
  if [ -z "$jdk25_found" ]; then
    # globbing may be off (./mvnw runs with set -f): on for the search only
    case $- in *f*) jdk25_noglob=1; set +f ;; *) jdk25_noglob=0 ;; esac
    for jdk25_candidate in /usr/lib/jvm/* "${HOME-}"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/*; do
      # the last match in each directory's (sorted) listing: the newest update
      if [ ! -L "$jdk25_candidate" ] && jdk25_is_25 "$jdk25_candidate"; then jdk25_found="$jdk25_candidate"; fi
    done
    [ "$jdk25_noglob" = 1 ] && set -f
  fi
  if [ -z "$jdk25_found" ]; then
    echo "No JDK 25 found (JAVA_HOME, PATH, /usr/lib/jvm, ~/.sdkman, /Library/Java): install one, e.g. Temurin 25 (apt-get install temurin-25-jdk, or sdk install java 25-tem), or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$jdk25_found"
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}
