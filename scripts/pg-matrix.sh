#!/usr/bin/env bash
# Runs the whole test suite once per supported PostgreSQL major version (15, 16, 17, 18),
# each against embedded binaries of that version from Maven Central (profiles pg15, pg16,
# pg18 in the parent pom; 17 is the default). Prints one line per version and exits non-zero
# if any version failed. Extra arguments go to every Maven run (e.g. -Pheavy).
#
#   scripts/pg-matrix.sh            # 4 full runs, one after the other
#   scripts/pg-matrix.sh -o         # offline, once the binaries are in ~/.m2
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

declare -a results=()
failed=0
for version in 15 16 17 18; do
    profile=()
    if [ "$version" != 17 ]; then
        profile=("-Ppg$version")
    fi
    log="target/pg-matrix-$version.log"
    mkdir -p target
    echo "== PostgreSQL $version: mvn -B verify ${profile[*]} $* (log: $log)"
    start=$(date +%s)
    if mvn -B verify "${profile[@]}" "$@" >"$log" 2>&1; then
        status=PASS
    else
        status=FAIL
        failed=1
    fi
    results+=("PostgreSQL $version: $status ($(( $(date +%s) - start )) s)")
    echo "   ${results[-1]}"
done

echo "== summary"
printf '%s\n' "${results[@]}"
exit "$failed"
