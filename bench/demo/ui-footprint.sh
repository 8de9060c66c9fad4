#!/usr/bin/env bash
# Measures the web UI's cost on `opencpm demo --stations N` with a vehicle at every station: the demo process's CPU
# (% of one core) and resident memory without a browser, with one and with two browsers on the Status page (the second
# shows what one more browser costs, without the one-time cost of loading the UI), how often that page updates, and
# how long it takes to become interactive. Needs /usr/bin/chromium (scripts/install-test-deps.sh).
# Usage: bench/demo/ui-footprint.sh [stations=200] [seconds per sample=60]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
stations=${1:-200}
window=${2:-60}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
password="bench-FootPrint-4711"  # loopback only
data=$(mktemp -d)
log="$data/demo.log"

dotnet build "$here/src/OpenCpm/OpenCpm.csproj" -c Release -o "$here/.build/opencpm" -v q -nologo >/dev/null
version=$(sed -n 's/.*Include="Microsoft.Playwright" Version="\([^"]*\)".*/\1/p' "$here/Directory.Packages.props")
playwright="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.playwright/$version/.playwright"
[[ -d $playwright ]] || dotnet restore "$here/tests/OpenCpm.Tests" -v q >/dev/null
dotnet "$here/.build/opencpm/opencpm.dll" demo --stations "$stations" --urls "$base" --data-dir "$data" \
  --admin-password "$password" --Serilog:MinimumLevel:Default=Warning >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs "$base/healthz" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "demo exited:"; cat "$log"; exit 1; }
  sleep 0.05
done
token=$(curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for k in $(seq 1 "$stations"); do
  curl -fs -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
    "$base/api/v1/sim/chargepoints/cp$k/plug" >/dev/null
done

# CPU (% of one core) and resident memory (MB) of the demo process over $window seconds.
sample() {
  local hz before after rss_kb
  hz=$(getconf CLK_TCK)
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$window"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  python3 -c "print(f'RSS {$rss_kb/1024:.0f} MB, CPU {100*($after-$before)/$hz/$window:.1f} % of one core')"
}

sleep 30
printf 'no browser, %s vehicles plugged in: ' "$stations"; sample
"$playwright/node/linux-x64/node" "$here/bench/demo/ui-footprint.js" "$playwright/package" "$base" "$password" $((2 * window + 40)) &
first=$!
sleep 15
printf 'one browser on the Status page:     '; sample
"$playwright/node/linux-x64/node" "$here/bench/demo/ui-footprint.js" "$playwright/package" "$base" "$password" $((window + 15)) >/dev/null &
second=$!
sleep 15
printf 'two browsers on the Status page:    '; sample
wait $first $second
