#!/usr/bin/env bash
# Runs migrate (this repository's tool) step by step in the java-tool peer slot, each step as
# its own process under /usr/bin/time -v, and appends one row per step to
# $BENCH_RESULTS/steps.tsv (wall, user, sys, peak RSS, rows, rows/s, load average).
#
#   migrate-steps.sh s2p | p2s                    export + import (what peers.sh times as "the copy")
#   migrate-steps.sh validate-s2p | validate-p2s  validate the target against the source (peers.sh
#                                                 calls it after the timed copy, through the slot's
#                                                 post-* hook; timed here, not in the copy's wall)
#
# Environment: what peers.sh gives every peer (SRC_SQLITE/DST_PGDB or SRC_PGDB/SRC_PGSCHEMA/
# DST_SQLITE, WORK_DIR, BENCH_WORKLOAD, BENCH_RUN_ID, BENCH_REP, BENCH_ROWS) plus MIGRATE, the
# launcher to run (run.sh sets it to bin/migrate with MIGRATE_JAR pointing at the jar frozen for
# the run; JVM options come from bin/migrate and MIGRATE_JAVA_OPTS).
#
# Commands (exactly what runs):
#   s2p: migrate export-sqlite --from $SRC_SQLITE --export-dir $WORK_DIR/staging
#        migrate import-postgres --export-dir $WORK_DIR/staging --to postgresql://postgres@127.0.0.1:$PORT/$DST_PGDB --no-backup
#        migrate validate --from $SRC_SQLITE --to postgresql://.../$DST_PGDB --export-dir $WORK_DIR/staging
#   p2s: migrate export-postgres --from postgresql://.../$SRC_PGDB --schema $SRC_PGSCHEMA --export-dir $WORK_DIR/staging
#        migrate import-sqlite --export-dir $WORK_DIR/staging --to $DST_SQLITE --no-backup
#        MIGRATE_SCHEMA=$SRC_PGSCHEMA migrate validate --from postgresql://.../$SRC_PGDB --to $DST_SQLITE --export-dir $WORK_DIR/staging
set -euo pipefail
. "$(dirname "$0")/lib.sh"

MIGRATE="${MIGRATE:-$BENCH_DIR/../bin/migrate}"
STAGING="$WORK_DIR/staging"
PGURL_BASE="postgresql://postgres@127.0.0.1:$BENCH_PGPORT"
STEPS_TSV="$BENCH_RESULTS/steps.tsv"
RUN_ID="${BENCH_RUN_ID:-adhoc}"
REP="${BENCH_REP:-1}"
ROWS="${BENCH_ROWS:-0}"
TIME_DIR="$BENCH_RESULTS/runs/$RUN_ID/steps"
mkdir -p "$TIME_DIR" "$(dirname "$STEPS_TSV")"
[ -s "$STEPS_TSV" ] || printf 'run_id\tworkload\tdirection\trep\tstep\tstatus\texit\twall_s\tuser_s\tsys_s\tmaxrss_mb\trows\trows_per_s\tloadavg1\n' > "$STEPS_TSV"

# step NAME DIRECTION COMMAND...: run one step as its own process tree, timed; its output goes to
# this script's stdout/stderr (peers.sh keeps it in the run's log).
step() {
  local name="$1" dir="$2"; shift 2
  local tf="$TIME_DIR/${BENCH_WORKLOAD}_${dir}_${name}.rep$REP.txt"
  local load1 t0 t1 rc wall user sys rss rps status
  load1=$(cut -d' ' -f1 /proc/loadavg)
  echo "+ $*" >&2
  t0=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$tf" "$@"
  rc=$?
  set -e
  t1=$(date +%s%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
  user=$(awk -F': ' '/User time \(seconds\)/{print $2}' "$tf"); sys=$(awk -F': ' '/System time \(seconds\)/{print $2}' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.1f", $2/1024}' "$tf")
  rps=$(awk -v r="$ROWS" -v w="$wall" 'BEGIN{printf "%.0f", (w > 0 ? r / w : 0)}')
  status=ok; [ "$rc" = 0 ] || status=FAILED
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN_ID" "$BENCH_WORKLOAD" "$dir" "$REP" "$name" \
    "$status" "$rc" "$wall" "$user" "$sys" "$rss" "$ROWS" "$rps" "$load1" >> "$STEPS_TSV"
  echo "  [$name] $status wall ${wall}s peak RSS ${rss} MB" >&2
  return "$rc"
}

case "${1:?s2p|p2s|validate-s2p|validate-p2s}" in
  s2p)
    rm -rf "$STAGING"
    step export s2p "$MIGRATE" export-sqlite --from "$SRC_SQLITE" --export-dir "$STAGING"
    step import s2p "$MIGRATE" import-postgres --export-dir "$STAGING" --to "$PGURL_BASE/$DST_PGDB" --no-backup
    ;;
  p2s)
    rm -rf "$STAGING"
    step export p2s "$MIGRATE" export-postgres --from "$PGURL_BASE/$SRC_PGDB" --schema "$SRC_PGSCHEMA" --export-dir "$STAGING"
    step import p2s "$MIGRATE" import-sqlite --export-dir "$STAGING" --to "$DST_SQLITE" --no-backup
    ;;
  validate-s2p)
    step validate s2p "$MIGRATE" validate --from "$SRC_SQLITE" --to "$PGURL_BASE/$DST_PGDB" --export-dir "$STAGING"
    ;;
  validate-p2s)
    export MIGRATE_SCHEMA="$SRC_PGSCHEMA"   # validate reads the PostgreSQL side in this schema
    step validate p2s "$MIGRATE" validate --from "$PGURL_BASE/$SRC_PGDB" --to "$DST_SQLITE" --export-dir "$STAGING"
    ;;
  *) echo "usage: migrate-steps.sh s2p|p2s|validate-s2p|validate-p2s" >&2; exit 2;;
esac
