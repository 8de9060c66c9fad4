#!/usr/bin/env bash
# Measures `opencpm demo --stations N` as an operator would run it: start-up time to serving, then resident memory
# and CPU with no vehicle, and again with a vehicle plugged in at every station (steady state after a warm-up).
# Usage: bench/demo/footprint.sh [stations=200] [seconds per sample=60]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
stations=${1:-200}
window=${2:-60}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
password="bench-FootPrint-4711"  # loopback only; the demo refuses weak or repetitive passwords
data=$(mktemp -d)
log="$data/demo.log"

dotnet build "$here/src/OpenCpm/OpenCpm.csproj" -c Release -o "$here/.build/opencpm" -v q -nologo >/dev/null
started=$(date +%s.%N)
dotnet "$here/.build/opencpm/opencpm.dll" demo --stations "$stations" --urls "$base" --data-dir "$data" \
  --admin-password "$password" --Serilog:MinimumLevel:Default=Warning >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT

until curl -fs "$base/healthz" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "demo exited:"; cat "$log"; exit 1; }
  sleep 0.05
done
ready=$(date +%s.%N)
token=$(curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

# Resident memory (MB) and CPU (% of one core) of the demo process over $window seconds.
sample() {
  local ticks_before ticks_after hz
  hz=$(getconf CLK_TCK)
  ticks_before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$window"
  ticks_after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local rss_kb
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  python3 -c "print(f'RSS {$rss_kb/1024:.0f} MB, CPU {100*($ticks_after-$ticks_before)/$hz/$window:.1f} % of one core')"
}

printf 'start-up to serving: %.2f s\n' "$(echo "$ready - $started" | bc)"
sleep 20
printf 'idle, %s stations: ' "$stations"; sample
for k in $(seq 1 "$stations"); do
  curl -fs -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
    "$base/api/v1/sim/chargepoints/cp$k/plug" >/dev/null
done
sleep 30
printf '%s vehicles plugged in: ' "$stations"; sample
charging=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/chargepoints" \
  | python3 -c 'import json,sys; print(sum(1 for c in json.load(sys.stdin) if c["state"] == "charging"))')
echo "charging: $charging of $stations"

# A household step of +60 A per phase: time until the setpoints on L1 are 55 A lower and every reduction is
# acknowledged by its station (the meter is polled once a second, so this includes up to one poll).
python3 - "$base" "$token" <<'PY'
import json, sys, time, urllib.request
base, token = sys.argv[1], sys.argv[2]
def call(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None
household = call("GET", "/api/v1/sim/household")
before = call("GET", "/api/v1/status")["allocation"]["site"]["l1"]
step = {k: household[k] + 60 for k in ("l1", "l2", "l3")}
started = time.monotonic()
call("PUT", "/api/v1/sim/household", step)
while True:
    status = call("GET", "/api/v1/status")
    if status["allocation"]["site"]["l1"] <= before - 55 and status["controller"]["pendingReductions"] == 0:
        break
    if time.monotonic() - started > 30:
        print("household step: setpoints did not come down within 30 s"); sys.exit(1)
    time.sleep(0.01)
print(f"household step +60 A: setpoints on L1 {before:.0f} -> {status['allocation']['site']['l1']:.0f} A, "
      f"all reductions acknowledged after {time.monotonic() - started:.2f} s")
lowered = status["allocation"]["site"]["l1"]
started = time.monotonic()
call("PUT", "/api/v1/sim/household", {k: household[k] for k in ("l1", "l2", "l3")})
while call("GET", "/api/v1/status")["allocation"]["site"]["l1"] < before - 10:
    if time.monotonic() - started > 60:
        print("household back: the freed current was not given out again within 60 s"); sys.exit(1)
    time.sleep(0.05)
print(f"household back: setpoints on L1 back above {before - 10:.0f} A after {time.monotonic() - started:.2f} s")
PY
