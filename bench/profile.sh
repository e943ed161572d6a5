#!/usr/bin/env bash
# Profile one migrate step with Java Flight Recorder and print where the time goes.
#
#   ./profile.sh OUT.jfr migrate-args...      e.g.
#   ./profile.sh /tmp/exp.jfr export-sqlite --from /tmp/bench-data/src_pgbench_s10.sqlite --export-dir /tmp/p/staging
#
# Prints the 25 hottest frames on top of the stack (self time) and the 25 hottest methods
# anywhere on the stack (inclusive), as counts of execution samples (every 10 ms per running
# thread with settings=profile). Uses MIGRATE_JAR / MIGRATE_JAVA_OPTS like bin/migrate.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
OUT="${1:?usage: profile.sh OUT.jfr migrate-args...}"; shift
MIGRATE_JAVA_OPTS="${MIGRATE_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$OUT,settings=profile" \
  "$BENCH_DIR/../bin/migrate" "$@" > /dev/null
jfr print --stack-depth 64 --events jdk.ExecutionSample "$OUT" > "$OUT.txt"
echo "== self (top frame), samples:"
awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$OUT.txt" | sort | uniq -c | sort -rn | head -25
echo "== inclusive (anywhere on the stack; stacks are truncated at 64 frames), samples:"
awk '/stackTrace = \[/{delete seen; inside=1; next} inside && /^[ \t]*\]/{inside=0; next}
     inside {l=$0; sub(/^[ \t]+/, "", l); sub(/line:.*/, "", l); sub(/\(.*$/, "", l); if (!(l in seen)) {seen[l]=1; print l}}' "$OUT.txt" \
  | sort | uniq -c | sort -rn | head -25
