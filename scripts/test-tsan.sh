#!/usr/bin/env bash
# The concurrency-relevant tests under ThreadSanitizer (scripts/test.sh calls this): the
# engine with several jobs and the per-file time limit (abandoned workers), the spell checker's
# pool of Hunspell handles (one set shared by several threads), the verified suggestion index
# handed to the speller from another thread, the suggester, parallel fix writes, and the fuzz
# properties (whole runs). A separate build folder (.build-tsan); any TSan report fails the run
# (halt_on_error). The whole suite under TSan takes far longer on two cores; these suites are
# the ones that run code on several threads at once.
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${REDLINE_TSAN_FILTER:-ConcurrencyTests|FuzzTests|HostileInputTests/abandonedWorkerDoesNotStopTheRun|SuggesterTests|RuleExampleTests|HunspellPoolTests|VerifiedFormsTests}"
swift build --build-tests --sanitize=thread --scratch-path .build-tsan 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
export TSAN_OPTIONS="halt_on_error=1 abort_on_error=1 ${TSAN_OPTIONS:-}"
export REDLINE_FUZZ_ITERATIONS="${REDLINE_FUZZ_ITERATIONS:-15}"
log=$(mktemp)
status=0
swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$filter" 2>&1 | tee "$log" | grep -E -v '^(◇|✔ Test|↳ Testing Library|↳ Target Platform)' || status=${PIPESTATUS[0]}
if grep -q "WARNING: ThreadSanitizer" "$log"; then
  echo "test-tsan: ThreadSanitizer reported a problem (above)" >&2
  status=1
fi
rm -f "$log"
exit "$status"
