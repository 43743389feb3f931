#!/usr/bin/env bash
# Installs the system libraries Redline builds against, when they are missing:
# Hunspell (libhunspell-dev) and cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
# Works as root or through sudo; otherwise says exactly what to install.
set -euo pipefail

missing=()
pkg-config --exists hunspell 2>/dev/null || missing+=(libhunspell-dev)
{ [ -f /usr/include/cmark-gfm.h ] || [ -f /usr/local/include/cmark-gfm.h ]; } || missing+=(libcmark-gfm-dev)
{ [ -f /usr/include/cmark-gfm-core-extensions.h ] || [ -f /usr/local/include/cmark-gfm-core-extensions.h ]; } || missing+=(libcmark-gfm-extensions-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "redline setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "redline setup: please install these packages, then run this again:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "redline setup: no apt-get here; install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
