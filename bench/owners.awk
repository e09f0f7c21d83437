# Reads async-profiler's collapsed stacks (profile.collapsed) and prints, per library, the share of the
# samples whose innermost frame from a known package is that library's: the code that did the work or
# called into the JDK or the kernel for it (a socket write under Netty counts as Netty's). Where
# top-frames.awk says what kind of work, this says whose.
#   awk -f bench/owners.awk profile.collapsed | sort -rn
BEGIN {
  n = split("io/opentelemetry|OpenTelemetry,io/quarkus/opentelemetry|OpenTelemetry,io/smallrye/context|context propagation (SmallRye)," \
            "io/smallrye/mutiny|Mutiny,io/quarkus/security|Quarkus Security," \
            "io/quarkus/vertx/http/runtime/security|Quarkus HTTP security,io/quarkus/micrometer|Micrometer," \
            "io/micrometer|Micrometer,org/jboss/logmanager|logging,org/eclipse/parsson|logging," \
            "io/quarkus/vertx/http/runtime/filters/accesslog|access log,dev/messagefeedback|this service," \
            "org/postgresql|PostgreSQL JDBC,io/agroal|Agroal,org/jboss/resteasy/reactive|Quarkus REST," \
            "io/quarkus/resteasy|Quarkus REST,io/quarkus/arc|ArC,io/quarkus/vertx|Quarkus Vert.x," \
            "io/vertx|Vert.x,io/netty|Netty", spec, ",")
  for (i = 1; i <= n; i++) { split(spec[i], kv, "|"); pat[i] = kv[1]; name[i] = kv[2] }
}
{
  count = $NF; $NF = ""; frames = split($0, frame, ";"); owner = ""
  for (i = frames; i >= 1 && owner == ""; i--)
    for (j = 1; j <= n; j++) if (index(frame[i], pat[j]) == 1) { owner = name[j]; break }
  if (owner == "") owner = ($0 ~ /GC|VMThread|DefNew|Serial|C2Compiler|C1Compiler/) ? "JVM (GC, JIT)" : "JDK, kernel, other"
  share[owner] += count; total += count
}
END { for (o in share) printf "%6.1f%%  %s\n", 100 * share[o] / total, o }
