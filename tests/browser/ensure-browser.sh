#!/usr/bin/env bash
# Makes sure the approvals page's browser test can run: Node.js + npm, Debian's Chromium, and the pinned
# playwright-core. Called by tests/JiraGate.Gateway.Tests before it builds (so `dotnet test` alone sets a fresh
# machine up) and safe to run by hand. Installs only what is missing; never downloads a browser build.
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
apt_updated=""
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: the browser test needs $* (Debian packages); install them as root: apt-get install $*" >&2
    exit 1
  fi
  if [ -z "$apt_updated" ]; then
    apt-get update -qq || { echo "error: apt-get update failed; cannot install $* for the browser test." >&2; exit 1; }
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || { echo "error: apt-get could not install $*; the approvals page's browser test cannot run without them." >&2; exit 1; }
}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then apt_install nodejs npm; fi
if [ ! -x "$chromium_path" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "error: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable browser." >&2
    exit 1
  fi
  apt_install chromium
fi
pinned="$(node -p "require('./package.json').dependencies['playwright-core']")"
installed="$(node -p "try { require('./node_modules/playwright-core/package.json').version } catch { '' }")"
if [ "$pinned" != "$installed" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
