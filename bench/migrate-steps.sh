#!/usr/bin/env bash
# Runs migrate (this repository's tool) step by step in the java-tool peer slot, each step as
# its own process under /usr/bin/time -v, and appends one row per step to
# $BENCH_RESULTS/steps.tsv (wall, user, sys, peak RSS, rows, rows/s, load average).
#
#   migrate-steps.sh run-s2p | run-p2s            the one command a user runs (default in run.sh):
#                                                 `migrate --from --to` = export, import and validate in
#                                                 one JVM; its --summary gives each phase's seconds, and
#                                                 the copy is the run's wall minus the validate phase
#   migrate-steps.sh s2p | p2s                    export + import as two processes (MIGRATE_BENCH_MODE=steps)
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
#   run-s2p: migrate --from $SRC_SQLITE --to postgresql://postgres@127.0.0.1:$PORT/$DST_PGDB --export-dir $WORK_DIR/staging --no-backup --summary $WORK_DIR/summary.json
#   run-p2s: MIGRATE_SCHEMA=$SRC_PGSCHEMA migrate --from postgresql://.../$SRC_PGDB --to $DST_SQLITE --export-dir $WORK_DIR/staging --no-backup --summary $WORK_DIR/summary.json
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

# phases RUN_WALL RUN_RSS DIRECTION: after a one-run command, one steps.tsv row per phase from its
# summary (export, import, validate: the seconds the run measured itself), and the copy = the
# run's wall minus its validate phase (so JVM start, configuration and staging are all in it).
# Peak RSS is the whole process's for every phase (one JVM).
phases() {
  local wall="$1" rss="$2" dir="$3" load1
  load1=$(cut -d' ' -f1 /proc/loadavg)
  "$PY" - "$WORK_DIR/summary.json" "$wall" <<'PYEOF' | while IFS=$'\t' read -r name secs; do
import json, sys
d = json.load(open(sys.argv[1]))
wall = float(sys.argv[2])
phase = {}
for s in d["steps"]:
    key = s["step"].split("-")[0]          # export-sqlite -> export, import-postgres -> import
    phase[key] = phase.get(key, 0.0) + float(s["seconds"])
for key in ("export", "import", "validate"):
    if key in phase:
        print("%s\t%.3f" % (key, phase[key]))
print("copy\t%.3f" % (wall - phase.get("validate", 0.0)))
PYEOF
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN_ID" "$BENCH_WORKLOAD" "$dir" "$REP" "$name" \
      ok 0 "$secs" "" "" "$rss" "$ROWS" "$(awk -v r="$ROWS" -v w="$secs" 'BEGIN{printf "%.0f", (w > 0 ? r / w : 0)}')" "$load1" >> "$STEPS_TSV"
    echo "  [$name] ${secs}s (from the run's summary)" >&2
  done
}

# one_run DIRECTION COMMAND...: the whole run timed as step "run", then its phases.
one_run() {
  local dir="$1"; shift
  rm -rf "$STAGING" "$WORK_DIR/summary.json"
  step run "$dir" "$@" --export-dir "$STAGING" --no-backup --summary "$WORK_DIR/summary.json"
  local row
  row=$(tail -1 "$STEPS_TSV")
  phases "$(cut -f8 <<<"$row")" "$(cut -f11 <<<"$row")" "$dir"
}

case "${1:?run-s2p|run-p2s|s2p|p2s|validate-s2p|validate-p2s}" in
  run-s2p)
    one_run s2p "$MIGRATE" --from "$SRC_SQLITE" --to "$PGURL_BASE/$DST_PGDB"
    ;;
  run-p2s)
    export MIGRATE_SCHEMA="$SRC_PGSCHEMA"   # the PostgreSQL schema to export and to validate against
    one_run p2s "$MIGRATE" --from "$PGURL_BASE/$SRC_PGDB" --to "$DST_SQLITE"
    ;;
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
  *) echo "usage: migrate-steps.sh run-s2p|run-p2s|s2p|p2s|validate-s2p|validate-p2s" >&2; exit 2;;
esac
