#!/usr/bin/env bash
# Runs the benchmarks against a real platform: a private dockerd, the sample image, and one embedded silo on
# private ports, all stopped afterwards. Arguments go to the benchmark program (default: cold).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/packages.sh
source "$root/scripts/lib/packages.sh"
# shellcheck source=lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"
# shellcheck source=lib/workdir.sh
source "$root/scripts/lib/workdir.sh"

ensure_commands dockerd:docker.io docker:docker.io busybox:busybox-static curl:curl

make_workdir orleans-faas-bench
work="$WORKDIR"

start_private_dockerd "$work/docker"
"$root/samples/hello/build-image.sh"

cd "$root"
dotnet build src/Orleans.Faas.Silo -c Release -nologo -v quiet
dotnet build test/Orleans.Faas.Benchmarks -c Release -nologo -v quiet

gateway="http://127.0.0.1:18080"
Faas__Silo__NodeName=bench-node Faas__Silo__SiloPort=21111 Faas__Silo__GatewayPort=23000 \
Faas__Gateway__Url="$gateway" Faas__Docker__Endpoint="$DOCKER_HOST" \
  dotnet src/Orleans.Faas.Silo/bin/Release/net10.0/Orleans.Faas.Silo.dll >"$work/silo.log" 2>&1 &
silo_pid=$!
STOP_ON_EXIT+=("kill $silo_pid 2>/dev/null; wait $silo_pid 2>/dev/null")
for _ in $(seq 1 120); do
  curl -fs "$gateway/healthz" >/dev/null 2>&1 && break
  kill -0 "$silo_pid" 2>/dev/null || { echo "the silo exited; its log:" >&2; cat "$work/silo.log" >&2; exit 1; }
  sleep 0.5
done

dotnet test/Orleans.Faas.Benchmarks/bin/Release/net10.0/Orleans.Faas.Benchmarks.dll "${@:-cold}" \
  --gateway "$gateway" --docker-host "$DOCKER_HOST"
