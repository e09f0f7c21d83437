#!/usr/bin/env bash
# One PostgreSQL's ceiling for the service's write, on this machine (docs/scaling.md):
#   - pgbench running the group-commit statement (bench/batch-insert.sql) with 1, 16, 64 and 128 rows
#     per statement and commit, at 1 client (the service's one writer per replica) and 4 clients (several
#     replicas or writers); rows per second = transactions per second x rows per statement;
#   - the single-row statement (bench/upsert.sql) for comparison;
#   - bytes per stored feedback: N rows of realistic random SIDs in a copy of the table, then
#     pg_total_relation_size (heap + primary key + TOAST) divided by N.
# Prints one table. Not a test. Short runs: on a shared 2-core machine, read the figures as a floor.
#
#   bench/batch-ceiling.sh                 embedded PostgreSQL 17 (started here, in a throwaway directory)
#   BATCH_SECONDS=10 BATCH_SIZE_ROWS=200000 BATCH_DB_PORT=54401
source "$(dirname "$0")/../scripts/lib.sh"

seconds="${BATCH_SECONDS:-10}"
size_rows="${BATCH_SIZE_ROWS:-200000}"
db_port="${BATCH_DB_PORT:-54401}"
command -v pgbench >/dev/null 2>&1 || { log "installing postgresql-client"; apt-get update -qq >/dev/null && apt-get install -y -qq postgresql-client >/dev/null; }
ensure_built

start_embedded_postgres "$db_port"
export FEEDBACK_CREDENTIALS_DIGEST_KEY="benchmark-only-digest-key-of-enough-length"
# The command line's first connection may take longer than the service's 0.7 s on a busy machine.
export QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=20S
log "applying the migrations (and creating an account) with the service's command line"
create_account batch-ceiling
psql_run() { psql -h localhost -p "$db_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt -F " " "$@"; }

pgbench_tps() { # script clients [batch] -> tps
  local threads=$(( $2 < 2 ? 1 : 2 )) out
  out="$(pgbench -h localhost -p "$db_port" -U postgres -n -M prepared -c "$2" -j "$threads" -T "$seconds" \
    -D account="$account_sid" -D messages=1000000000000 -D batch="${3:-1}" -f "$1" postgres 2>&1)" \
    || { echo "pgbench failed: $out" >&2; exit 1; }
  awk '/^tps = / {printf "%.0f", $3}' <<<"$out"
}

declare -A tps
for clients in 1 4; do
  log "single-row statement, $clients client(s)"
  tps[1,$clients,single]=$(pgbench_tps bench/upsert.sql "$clients")
  for batch in 1 16 64 128; do
    log "group-commit statement, $batch rows, $clients client(s)"
    tps[$batch,$clients,batch]=$(pgbench_tps bench/batch-insert.sql "$clients" "$batch")
  done
done

log "bytes per row: $size_rows rows of random SIDs over 1,000 accounts in a copy of the table"
read -r heap indexes total rows < <(psql_run <<SQL
CREATE TABLE size_probe (LIKE message_feedback INCLUDING ALL);
INSERT INTO size_probe (account_sid, message_sid, outcome, date_created, date_updated)
SELECT 'AC' || md5((g % 1000)::text), (CASE WHEN g % 10 = 0 THEN 'MM' ELSE 'SM' END) || md5(random()::text),
       CASE WHEN g % 3 = 0 THEN 'unconfirmed' ELSE 'confirmed' END, now(), now()
  FROM generate_series(1, $size_rows) g;
VACUUM ANALYZE size_probe;
SELECT pg_relation_size('size_probe'), pg_indexes_size('size_probe'), pg_total_relation_size('size_probe'), count(*) FROM size_probe;
SQL
)
read -r wal_per_row < <(psql_run <<SQL
SELECT pg_current_wal_lsn() AS before \gset
INSERT INTO size_probe (account_sid, message_sid, outcome, date_created, date_updated)
SELECT 'AC' || md5((g % 1000)::text), 'SM' || md5(random()::text), 'confirmed', now(), now() FROM generate_series(1, 10000) g;
SELECT round(pg_wal_lsn_diff(pg_current_wal_lsn(), :'before') / 10000.0);
SQL
)

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '\nPostgreSQL batched-insert ceiling — %s, %s cores, %s; %s s per step; fsync=on, synchronous_commit=on\n\n' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$cpu" "$seconds"
printf '| statement | rows per commit | clients | commits/s | rows/s |\n|---|---:|---:|---:|---:|\n'
for clients in 1 4; do
  printf '| single-row (bench/upsert.sql) | 1 | %s | %s | %s |\n' "$clients" "${tps[1,$clients,single]}" "${tps[1,$clients,single]}"
  for batch in 1 16 64 128; do
    t=${tps[$batch,$clients,batch]}
    printf '| group commit (bench/batch-insert.sql) | %s | %s | %s | %s |\n' "$batch" "$clients" "$t" "$((t * batch))"
  done
done
printf '\n| storage, %s rows | bytes | per row |\n|---|---:|---:|\n' "$rows"
printf '| heap | %s | %s |\n' "$heap" "$((heap / rows))"
printf '| primary key index | %s | %s |\n' "$indexes" "$((indexes / rows))"
printf '| total (pg_total_relation_size) | %s | %s |\n' "$total" "$((total / rows))"
printf '| WAL per inserted row (10,000-row insert) | | %s |\n' "$wal_per_row"
