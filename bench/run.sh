#!/usr/bin/env bash
# One command: build migrate, start the scratch PostgreSQL, generate the workloads, run migrate
# (the one-run command, each phase timed; or step by step) and the installed peers on the same data in the same run,
# interleaved, and print the Markdown tables.
#
#   ./run.sh N [--reps R] [--workloads tenant,pgbench] [--directions s2p,p2s] [--peers p1,p2]
#              [--scale S] [--timeout SEC] [--no-verify] [--jar FILE]
#
#   N            rows of the biggest tenant table (charts); pgbench scale S = max(1, N/100000)
#   --peers      default: java-tool (= migrate) + every peer whose program is installed;
#                "java-tool" alone measures migrate only
#   --jar FILE   use this migrate.jar instead of building the repository's
#   other options as in peers.sh
#
# Setup on a fresh Debian bookworm machine (once): see README.md, "Running migrate in the bench".
# Results: $BENCH_RESULTS (default /tmp/bench-results): runs.tsv (one row per tool run),
# steps.tsv (one row per migrate step), runs/<run_id>/ (logs, /usr/bin/time -v output,
# verification, summary.md, migrate.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPO="$(cd "$BENCH_DIR/.." && pwd)"

N="${1:?usage: run.sh N [--reps R] [--workloads w1,w2] [--directions s2p,p2s] [--peers p1,p2] [--scale S] [--timeout SEC] [--no-verify] [--jar FILE]}"; shift
PASS=(); PEERS=""; JAR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --peers) PEERS="$2"; shift 2;;
    --jar) JAR="$2"; shift 2;;
    --reps|--workloads|--directions|--scale|--timeout) PASS+=("$1" "$2"); shift 2;;
    --no-verify) PASS+=("$1"); shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done

for tool in /usr/bin/time sqlite3 psql pgbench "$PG_BIN/pg_ctl" java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: $tool is missing; see README.md (setup)" >&2; exit 4; }
done

# (a) the jar, frozen for the whole run: bin/migrate builds it when missing or stale; a copy
# keeps later source edits (a rebuild in the middle of the run) out of the measurements.
mkdir -p "$BENCH_WORK" "$BENCH_RESULTS"
if [ -z "$JAR" ]; then
  log "building migrate if needed (bin/migrate)"
  "$REPO/bin/migrate" --version >/dev/null
  JAR="$REPO/orchestrator/target/migrate.jar"
fi
# The launcher too (its JVM options are part of what is measured); the class-data archive that
# bin/migrate records on the first run then sits beside the frozen jar.
FROZEN="$BENCH_WORK/frozen"
rm -rf "$FROZEN"; mkdir -p "$FROZEN/bin"
cp "$JAR" "$FROZEN/migrate.jar"
cp "$REPO/bin/migrate" "$FROZEN/bin/migrate"
export MIGRATE_JAR="$FROZEN/migrate.jar" MIGRATE="$FROZEN/bin/migrate"
REV="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
JAVA_VERSION="$(java -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')"

# (b) the scratch PostgreSQL 15 (peers.sh calls it again: idempotent)
"$BENCH_DIR/pg-up.sh" >/dev/null

# (d) migrate in the java-tool slot. Default (MIGRATE_BENCH_MODE=run): the one command a user
# runs, `migrate --from --to`, export + import + validate in one JVM; the copy is its wall minus
# the validate phase (bench/migrate-steps.sh). MIGRATE_BENCH_MODE=steps: export and import as two
# processes timed as the copy, then validate as a third.
MODE="${MIGRATE_BENCH_MODE:-run}"
export JAVA_TOOL_NAME="migrate $("$MIGRATE" --version | head -1 | awk '{print $2}') (git $REV, java $JAVA_VERSION, mode $MODE, MIGRATE_JAVA_OPTS=${MIGRATE_JAVA_OPTS:-})"
case "$MODE" in
  run)
    export JAVA_TOOL_S2P='"$BENCH_DIR/migrate-steps.sh" run-s2p'
    export JAVA_TOOL_P2S='"$BENCH_DIR/migrate-steps.sh" run-p2s'
    unset JAVA_TOOL_POST_S2P JAVA_TOOL_POST_P2S
    ;;
  steps)
    export JAVA_TOOL_S2P='"$BENCH_DIR/migrate-steps.sh" s2p'
    export JAVA_TOOL_P2S='"$BENCH_DIR/migrate-steps.sh" p2s'
    export JAVA_TOOL_POST_S2P='"$BENCH_DIR/migrate-steps.sh" validate-s2p'
    export JAVA_TOOL_POST_P2S='"$BENCH_DIR/migrate-steps.sh" validate-p2s'
    ;;
  *) echo "run.sh: MIGRATE_BENCH_MODE must be run or steps" >&2; exit 2;;
esac

# (e) the peers that are installed
if [ -z "$PEERS" ]; then
  PEERS=java-tool
  have() { command -v "$1" >/dev/null 2>&1; }
  PEERS+=",manual-csv,manual-csv-srvcopy"
  have pgloader && PEERS+=",pgloader,pgloader-prefetch10k"
  have sequel && ruby -e 'require "sqlite3"; require "pg"' 2>/dev/null && PEERS+=",sequel"
  "$PY" -c 'import psycopg2' 2>/dev/null && PEERS+=",py-json"
  have sqlite-utils && PEERS+=",sqlite-utils-csv"
fi

RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)_n${N}"
export BENCH_RUN_ID="$RUN_ID"
log "run $RUN_ID: peers $PEERS"
# (c) + (e): peers.sh generates missing workloads, then times every peer, reps interleaved
"$BENCH_DIR/peers.sh" "$N" --peers "$PEERS" "${PASS[@]}" > /dev/null

# (f) the tables
RUN_DIR="$BENCH_RESULTS/runs/$RUN_ID"
{
  echo "run \`$RUN_ID\` · $(date -u '+%Y-%m-%d %H:%M UTC') · $(hostname) · $(nproc) cores · $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo) · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo
  echo "command: \`bench/run.sh $N --peers $PEERS ${PASS[*]}\` (MIGRATE_BENCH_MODE=$MODE, MIGRATE_JAVA_OPTS=${MIGRATE_JAVA_OPTS:-})"
  echo
  "$PY" "$BENCH_DIR/report-migrate.py" --run "$RUN_ID"
} > "$RUN_DIR/migrate.md"
cat "$RUN_DIR/migrate.md"
log "tables: $RUN_DIR/migrate.md (migrate per step, targets) and $RUN_DIR/summary.md (all peers, verification)"
