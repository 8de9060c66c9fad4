#!/usr/bin/env bash
# Measures the live control loop against the targets of issue 19: the simulated site (N KEBA P30s with a 32 A car
# each, a Modbus grid meter) runs in the bench process, the controller (`opencpm run`) in a child process configured
# through its REST API as the demo configures itself, so that each one's CPU is measured on its own.
# Usage: bench/demo/loop.sh [stations=200] [options of bench/OpenCpm.LoopBench, e.g. --constant-seconds 120 --steps 3 --json out.json]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
stations=${1:-200}
shift || true
cd "$here"
dotnet build src/OpenCpm/OpenCpm.csproj -c Release -o .build/opencpm -v q -nologo >/dev/null
dotnet build bench/OpenCpm.LoopBench/OpenCpm.LoopBench.csproj -c Release -v q -nologo >/dev/null
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# exec: Ctrl+C and kill reach the bench itself, which stops the controller and removes its data folder.
exec dotnet bench/OpenCpm.LoopBench/bin/Release/net10.0/OpenCpm.LoopBench.dll --stations "$stations" \
  --controller .build/opencpm/opencpm.dll --commit "$commit" "$@"
