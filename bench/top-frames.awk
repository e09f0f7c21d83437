# Reads async-profiler's collapsed stacks ("frame;frame;...;frame COUNT" per line) and prints where the
# samples went: first by kind of work, then the frames most often on top of the stack (self time).
# Kinds that are threads of their own (JIT, GC, logging) are recognised by any frame of the stack; the
# others by the frame nearest the top of the stack that names one, so a socket write made while
# rendering JSON counts as a socket write.  Used by bench/run.sh:  awk -f bench/top-frames.awk FILE
BEGIN {
  whole = "JIT compiler|CompileBroker;GC|VM_GC_Operation,GenCollectedHeap,DefNewGeneration,GCTaskThread,VM_GenCollect;" \
          "logging (access log, log lines)|AccessLogHandler$1,AccessLogReceiver,org/jboss/logmanager,org/jboss/logging,io/quarkus/logging"
  leaf = "JSON response (Jackson)|jackson;database (JDBC, pool)|org/postgresql,io/agroal;" \
         "credentials (HMAC, digests)|javax/crypto,com/sun/crypto,sun/security;exceptions (stack traces)|fill_in_stack_trace,java/lang/Throwable;" \
         "regular expressions|java/util/regex;HTTP codec|HttpObjectDecoder,HttpObjectEncoder;socket writes|writev,__GI_write,sendto;" \
         "socket reads, polling|epoll_wait,__GI_read,recvfrom;thread hand-offs (wake, park)|pthread_cond_signal,futex,LockSupport,Unsafe.park,Unsafe.unpark,__lll_lock_wake"
  nw = split(whole, w, ";"); for (i = 1; i <= nw; i++) { split(w[i], kv, "|"); wname[i] = kv[1]; wpat[i] = kv[2] }
  nl = split(leaf, l, ";"); for (i = 1; i <= nl; i++) { split(l[i], kv, "|"); lname[i] = kv[1]; lpat[i] = kv[2] }
}
function matches(s, pats,   p, m, j) { m = split(pats, p, ","); for (j = 1; j <= m; j++) if (index(s, p[j])) return 1; return 0 }
{
  c = $NF; line = $0; sub(/ [0-9]+$/, "", line); total += c; kind = ""
  k = split(line, f, ";"); self[f[k]] += c
  for (i = 1; i <= nw && kind == ""; i++) if (matches(line, wpat[i])) kind = wname[i]
  for (d = k; d >= 1 && kind == ""; d--) for (i = 1; i <= nl && kind == ""; i++) if (matches(f[d], lpat[i])) kind = lname[i]
  share[kind == "" ? "other (HTTP server, routing, application code)" : kind] += c
}
END {
  printf "%d samples\n\nby kind of work\n", total
  for (x in share) printf "%6.1f%%  %s\n", 100 * share[x] / total, x | "sort -rn"
  close("sort -rn")
  printf "\nself (on top of the stack)\n"
  for (x in self) printf "%6.2f%%  %s\n", 100 * self[x] / total, x | "sort -rn | head -25"
  close("sort -rn | head -25")
}
