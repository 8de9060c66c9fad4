#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK: interop peers and the browser.
# Idempotent: installs only what is missing. Needs root (or sudo) on Debian/Ubuntu for apt packages.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

apt_packages=()
# pymodbus: an independent Modbus TCP peer for the grid-meter tests
/usr/bin/python3 -c 'import pymodbus' 2>/dev/null || apt_packages+=(python3-pymodbus)
/usr/bin/python3 -c 'import serial_asyncio' 2>/dev/null || apt_packages+=(python3-serial-asyncio) # pymodbus.server imports it (a Recommends)
# pyftpdlib: an independent FTP/FTPS server for the OCPP file-transfer tests (its TLS handler needs pyOpenSSL)
/usr/bin/python3 -c 'import pyftpdlib' 2>/dev/null || apt_packages+=(python3-pyftpdlib)
/usr/bin/python3 -c 'import OpenSSL' 2>/dev/null || apt_packages+=(python3-openssl)
# Debian's Chromium for the web UI tests (Playwright drives it; Playwright's own browser download never runs)
[[ -x /usr/bin/chromium ]] || apt_packages+=(chromium)
# a font with the glyphs of the UI's three languages, for readable screenshots
[[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]] || apt_packages+=(fonts-liberation)

if ((${#apt_packages[@]})); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  echo "install-test-deps: installing Debian packages: ${apt_packages[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# npm peers (ocpp-rpc) live in tests/interop with a lockfile; installed only when that folder exists.
if [[ -f "$here/tests/interop/package.json" && ! -d "$here/tests/interop/node_modules" ]]; then
  echo "install-test-deps: installing npm packages for the interop peers"
  (cd "$here/tests/interop" && npm ci --no-audit --no-fund --silent)
fi
