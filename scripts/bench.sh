#!/usr/bin/env bash
# Runs the benchmarks against a real platform, all on private ports and stopped afterwards: a private dockerd with
# the sample image and one embedded silo (32 slots, up to 32 warm containers per function); for `state` also a private
# PostgreSQL, a redis-server and a cluster-mode silo; `training` starts two silos of its own instead. Arguments go to
# the benchmark program: `cold` (default), `warm`, `throughput`, `state` or `training`, e.g. `scripts/bench.sh warm --runs 50`
# or `scripts/bench.sh throughput --seconds 30`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/packages.sh
source "$root/scripts/lib/packages.sh"
# shellcheck source=lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"
# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/workdir.sh
source "$root/scripts/lib/workdir.sh"

ensure_commands dockerd:docker.io docker:docker.io busybox:busybox-static curl:curl redis-server:redis-server gcc:gcc
# The container agent is linked statically against libc.
ensure_files "/usr/lib/postgresql/*/bin/initdb:postgresql" "/usr/lib/*/libc.a:libc6-dev"

make_workdir orleans-faas-bench
work="$WORKDIR"

start_private_dockerd "$work/docker"
"$root/samples/hello/build-image.sh"

cd "$root"
dotnet build src/Orleans.Faas.Silo -c Release -nologo -v quiet
dotnet build test/Orleans.Faas.Benchmarks -c Release -nologo -v quiet

# start_silo NAME URL [VAR=VALUE ...]: starts a silo in the background and waits until its gateway is healthy.
start_silo() {
  local name="$1" url="$2"
  shift 2
  env "$@" Faas__Silo__NodeName="$name" Faas__Gateway__Url="$url" Faas__Docker__Endpoint="$DOCKER_HOST" Faas__Docker__SocketParent="$work" \
    dotnet src/Orleans.Faas.Silo/bin/Release/net10.0/Orleans.Faas.Silo.dll >"$work/$name.log" 2>&1 &
  local pid=$!
  STOP_ON_EXIT+=("kill $pid 2>/dev/null; wait $pid 2>/dev/null")
  for _ in $(seq 1 120); do
    curl -fs "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "silo $name exited; its log:" >&2; cat "$work/$name.log" >&2; return 1; }
    sleep 0.5
  done
  echo "silo $name did not become healthy; its log:" >&2
  tail -n 40 "$work/$name.log" >&2
  return 1
}

# `training` needs silos of its own, without the shared one, whose start-up benchmark would run beside the measurement:
# one training out of process (the default), one in process; neither trains nor benchmarks unless asked.
if [ "${1:-cold}" = "training" ]; then
  trainer_env=(Faas__Worker__Slots=16 Faas__Models__AutoTrain=false Faas__Scheduling__AutoBenchmark=false)
  start_silo bench-train-child http://127.0.0.1:18086 "${trainer_env[@]}" Faas__Silo__SiloPort=21117 Faas__Silo__GatewayPort=23007
  start_silo bench-train-inproc http://127.0.0.1:18087 "${trainer_env[@]}" Faas__Models__OutOfProcess=false \
    Faas__Silo__SiloPort=21118 Faas__Silo__GatewayPort=23008
  dotnet test/Orleans.Faas.Benchmarks/bin/Release/net10.0/Orleans.Faas.Benchmarks.dll "$@" \
    --gateway http://127.0.0.1:18086 --in-process-gateway http://127.0.0.1:18087
  exit
fi

gateway="http://127.0.0.1:18080"
start_silo bench-node "$gateway" Faas__Silo__SiloPort=21111 Faas__Silo__GatewayPort=23000 \
  Faas__Worker__Slots=32 Faas__WarmPool__MaxIdlePerFunction=32

if [ "${1:-cold}" = "state" ]; then
  start_private_postgres "$work/postgres" 25435
  STOP_ON_EXIT+=("stop_private_postgres")
  redis-server --port 26380 --bind 127.0.0.1 --dir "$work" --save "" --appendonly yes --daemonize no \
    >"$work/redis.log" 2>&1 &
  STOP_ON_EXIT+=("kill $! 2>/dev/null")
  cluster="http://127.0.0.1:18081"
  start_silo bench-cluster-node "$cluster" Faas__Mode=Cluster Faas__Redis=127.0.0.1:26380 \
    Faas__Postgres="$PRIVATE_POSTGRES_CONNECTION;Database=postgres" Faas__Silo__AdvertisedAddress=127.0.0.1 \
    Faas__Silo__SiloPort=21112 Faas__Silo__GatewayPort=23001
  set -- "$@" --cluster "$cluster"
  dotnet test/Orleans.Faas.Benchmarks/bin/Release/net10.0/Orleans.Faas.Benchmarks.dll "$@" --gateway "$gateway"
else
  dotnet test/Orleans.Faas.Benchmarks/bin/Release/net10.0/Orleans.Faas.Benchmarks.dll "${@:-cold}" \
    --gateway "$gateway" --docker-host "$DOCKER_HOST"
fi
