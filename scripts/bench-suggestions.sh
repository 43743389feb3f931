#!/usr/bin/env bash
# Benchmarks Redline's spelling suggestions on the Aspell list of misspellings in ../shared
# (wrong<TAB>right pairs): first suggestion right, right within the first five, confident
# but wrong, time per word (median/p90/p99) and what building the index costs.
#
#   scripts/bench-suggestions.sh                 # en_US (the default --lang), the Aspell list
#   scripts/bench-suggestions.sh --hunspell      # the same list with Hunspell's own suggestions (slow: ~2 min)
#   scripts/bench-suggestions.sh --index-cache DIR   # read the index from DIR (stored there on the first run), as
#                                                # `redline check` does from ~/.cache/redline
#   scripts/bench-suggestions.sh --verbose       # also print every pair whose first suggestion is wrong, and
#                                                # why each one not within the first five is missed
#   scripts/bench-suggestions.sh --half dev      # one half of the list (dev or held), split by misspelling, fixed seed
#   scripts/bench-suggestions.sh --lang en_US --lang en_GB --house-words   # as `redline check` runs by default
#   PAIRS=list.tab scripts/bench-suggestions.sh  # another list (wrong<TAB>right, or wrong->right1, right2 as
#                                                # in ../shared/corpus/misspellings/wikipedia-common-misspellings.txt)
#
# Set SCRATCH_PATH to build elsewhere than .build (e.g. while another build holds its lock).
# Skips (exit 0) when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PAIRS:-}" ] && [ ! -d ../shared ]; then
    echo "bench-suggestions: skipped: ../shared is absent (it holds the Aspell list of misspellings)"
    exit 0
fi
pairs="${PAIRS:-../shared/corpus/misspellings/aspell-bench.tab}"
if [ ! -f "$pairs" ]; then
    echo "bench-suggestions: skipped: $pairs not found"
    exit 0
fi
scratch=(); [ -n "${SCRATCH_PATH:-}" ] && scratch=(--scratch-path "$SCRATCH_PATH")
swift build "${scratch[@]}" -c release --product suggestion-bench 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]|^Building|^Build of product' || true
bin="$(swift build "${scratch[@]}" -c release --show-bin-path)/suggestion-bench"
"$bin" --data . "$@" "$pairs"
