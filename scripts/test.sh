#!/usr/bin/env bash
# Runs the test suite: installs what is missing, then `swift test` for Redline and for the
# plug-in example in Examples/CustomRule (a separate package built against this one).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/test-tools.sh
swift build --build-tests 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
swift test "$@"
echo "== Examples/CustomRule (a rule plug-in package)"
(cd Examples/CustomRule && swift test)
echo "== ThreadSanitizer (scripts/test-tsan.sh)"
scripts/test-tsan.sh
