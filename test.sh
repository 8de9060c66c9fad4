#!/usr/bin/env bash
# Runs every test of OpenCPM: installs what the tests need, builds, runs all test projects,
# and ends with one line "N passed, N failed". Exit code 0 only when tests ran and none failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

./scripts/install-test-deps.sh || { echo "test.sh: installing test dependencies failed"; echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d "${TMPDIR:-/tmp}/opencpm-test-results.XXXXXX")
echo "test.sh: building and running the four test projects (a few minutes; each project reports when it is done)…"
started=$SECONDS
dotnet test --solution OpenCpm.slnx -c Release --report-trx --results-directory "$results" "$@"
status=$?
echo "test.sh: the tests took $((SECONDS - started)) s"

passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done
if ((failed > 0)); then
  python3 scripts/trx-failures.py "$results"/*.trx || true
fi
rm -rf "$results"

if ((status != 0 && failed == 0)); then
  # The build or the runner failed without a failing test to show for it: count that as a failure.
  failed=1
fi
echo "$passed passed, $failed failed"
((passed > 0 && failed == 0))
