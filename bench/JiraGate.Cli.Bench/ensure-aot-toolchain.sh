#!/usr/bin/env bash
# Native AOT links with the platform's C toolchain: clang, lld and zlib's headers (Debian packages). Installs what is
# missing, as root, the way tests/browser/ensure-browser.sh installs Chromium; never downloads a toolchain build.
set -euo pipefail
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v ld.lld >/dev/null 2>&1 || missing+=(lld)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: Native AOT needs ${missing[*]} (Debian packages); install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
apt-get update -qq || { echo "error: apt-get update failed; cannot install ${missing[*]} for Native AOT." >&2; exit 1; }
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { echo "error: apt-get could not install ${missing[*]}; Native AOT cannot link without them." >&2; exit 1; }
