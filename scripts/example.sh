#!/usr/bin/env bash
# The main job on the bundled examples: installs what is missing, builds Redline in release
# mode and checks Examples/. Findings are expected there (exit code 1 means "found problems").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The Swift runtime and Foundation are linked in statically: a self-contained binary that starts
# and runs faster (README, Speed).
swift build -c release --static-swift-stdlib --product redline 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
bin="$(swift build -c release --show-bin-path)/redline"
set +e
"$bin" check Examples/ "$@"
code=$?
set -e
if [ "$code" -eq 1 ]; then
  echo "(exit code 1: Redline found problems in the examples, as it should)"
  exit 0
fi
exit "$code"
