#!/usr/bin/env bash
# Runs the tests of every PostgreSQL-facing module (core, export-postgres, import-postgres,
# validate, orchestrator) once per supported PostgreSQL major version, each against embedded
# binaries of that version from Maven Central (profiles pg15, pg16, pg18 in the parent pom; 17 is
# the default and what CI runs on every push). Prints, per version, PASS/FAIL with the tests run,
# failed, errored and skipped, and exits non-zero if any version failed.
#
#   scripts/pg-matrix.sh                    # 15, 16, 17, 18 one after the other
#   PG_VERSIONS="15 18" scripts/pg-matrix.sh
#   scripts/pg-matrix.sh -o                 # extra arguments go to every Maven run (offline, -Pheavy...)
#
# The first run of a version downloads its binaries (~15 MB) into ~/.m2. The modules the tested
# ones need (import-sqlite, export-sqlite, schema_design) are built in the same reactor (-am) but
# their tests are not run (-Dtest keeps to the PostgreSQL-facing packages), and nothing is
# installed into ~/.m2. Every module runs even when another's tests fail. Logs:
# target/pg-matrix-<version>.log. dev.migrate.cli.reliability.ServerVersionTest fails a run whose
# server is not the version asked for.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

modules=core,export-postgres,import-postgres,validate,orchestrator
tests='dev.migrate.core.**,dev.migrate.testing.**,dev.migrate.exportpg.**,dev.migrate.importpg.**,dev.migrate.validate.**,dev.migrate.cli.**'
versions=${PG_VERSIONS:-15 16 17 18}
declare -a results=()
failed=0
mkdir -p target
for version in $versions; do
    profile=()
    if [ "$version" != 17 ]; then
        profile=("-Ppg$version")
    fi
    log="target/pg-matrix-$version.log"
    echo "== PostgreSQL $version: mvn -B -fae verify ${profile[*]} -pl $modules -am $* (log: $log)"
    start=$(date +%s)
    status=PASS
    # Formatting is CI's separate spotless:check; this run is about server versions. Test failures
    # do not stop the reactor (a module's failure would skip the modules that depend on it);
    # they are counted below.
    if ! mvn -B -fae verify "${profile[@]}" -pl "$modules" -am -Dspotless.check.skip=true \
        -Dmaven.test.failure.ignore=true -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
        >"$log" 2>&1; then
        status="FAIL (build)"
    fi
    # Sum the per-module "Tests run: ..." totals (the lines right after "Results:").
    counts=$(awk '/^\[(INFO|WARNING|ERROR)\] Results:/ {grab=1; next}
                  grab && /Tests run:/ {
                      gsub(/,/, ""); for (i = 1; i <= NF; i++) {
                          if ($i == "run:") r += $(i+1); if ($i == "Failures:") f += $(i+1);
                          if ($i == "Errors:") e += $(i+1); if ($i == "Skipped:") s += $(i+1) }
                      grab = 0 }
                  END { printf "tests run %d, failed %d, errors %d, skipped %d", r, f, e, s }' "$log")
    if [ "$status" = PASS ] && ! grep -q 'failed 0, errors 0' <<<"$counts"; then
        status=FAIL
    fi
    if [ "$status" = PASS ] && ! grep -q 'in dev.migrate.cli.reliability.ServerVersionTest' "$log"; then
        status="FAIL (orchestrator tests did not run)"
    fi
    if [ "$status" != PASS ]; then
        failed=1
    fi
    results+=("PostgreSQL $version: $status, $counts ($(( $(date +%s) - start )) s)")
    echo "   ${results[-1]}"
    if [ "$status" != PASS ]; then
        grep -E '^\[(ERROR|WARNING)\] +[A-Za-z][A-Za-z0-9_.]*(:[0-9]+| »)' "$log" | sort -u | head -20 | sed 's/^/   /'
    fi
done

echo "== summary"
printf '%s\n' "${results[@]}"
exit "$failed"
