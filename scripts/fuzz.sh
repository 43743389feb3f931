#!/usr/bin/env bash
# Fuzzes Redline's whole pipeline with libFuzzer for SECONDS (default 600):
#   scripts/fuzz.sh [SECONDS] [more libFuzzer flags]
# Builds Fuzz/ (a package of its own, instrumented with -sanitize=fuzzer, release mode), seeds
# the corpus from Fuzz/corpus, and uses Fuzz/markdown.dict for structure-aware mutations. An input
# that crashes, hangs (-timeout, 30 s) or breaks an invariant (PipelineInvariants) is written
# to Fuzz/.build/artifacts/; replay it with `Fuzz/.build/release/redline-fuzz FILE`, then add it
# to Tests/RedlineTests/FuzzRegressions.swift. The short, fixed-seed version runs in the test
# suite (FuzzTests).
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds="${1:-600}"
shift || true
swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
mkdir -p .build/corpus .build/artifacts
cp -n corpus/* .build/corpus/ 2>/dev/null || true
exec .build/release/redline-fuzz -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=16384 \
  -dict=markdown.dict -artifact_prefix=.build/artifacts/ -print_final_stats=1 "$@" .build/corpus
