#!/usr/bin/env bash
# Runs the benchmarks against a real platform, all on private ports and stopped afterwards, also on failure. The first
# argument is the benchmark, the rest go to the benchmark program, e.g. `scripts/bench.sh warm --runs 50`:
#   cold (default), warm, throughput: a private dockerd with the sample image and one embedded silo (32 slots, up to
#     32 warm containers per function, no provider benchmark or model training unless asked); warm also a second one like it that exports every span over OTLP to the
#     benchmark, for what tracing costs;
#   state: that, and a private PostgreSQL, a redis-server and a cluster-mode silo;
#   placement: a private dockerd, PostgreSQL and redis-server and three cluster-mode silos, birch, cedar and ash, capped
#     at 0.25, 1.0 and 0.5 cores, one slot each; its table, charts, task log and the silos' logs go to $BENCH_OUTPUT
#     (default artifacts/bench/placement-TIME), which is kept;
#   decisions: no platform, the placement code in process over simulated providers;
#   simulate: no platform, the placement code in process in virtual time over 10, 100 and 1,000 simulated providers of
#     real device classes; its tables and charts go to $BENCH_OUTPUT (default artifacts/bench/simulate-TIME);
#   features: no platform, the training code in process: FastTree's cross-validated MAPE with and without declared
#     features, on runs whose time follows them;
#   replay: no platform, the training code in process over a placement run's task log (--from its output folder):
#     each arrival run held out in turn, FastTree trained on the others against the linear model;
#   training: two embedded silos of its own, one training out of process (the default), one in process;
#   map: the embedded silo, and the client library's Map against one InvokeAsync at a time;
#   python: the embedded silo, a Python no-op warm against raw /usr/bin/python3 -c pass, and cold against a raw docker
#     run of the Python image the node built;
#   batch: the embedded silo, one batch of 10,000 no-op inputs against 10,000 single async invocations at the same concurrency;
#   kills: a private PostgreSQL and redis-server, three cluster-mode silos and a gateway of its own; async submissions
#     with no faults, then while a random silo is SIGKILLed, started again 5 s later, and the next killed 25 s after;
#   mqtt: the embedded silo and a mosquitto broker of its own: tasks per second one MQTT trigger makes of QoS 1
#     messages into a no-op function, against as many async invocations;
#   keepalive: two silos of its own, one keeping containers a fixed 10 minutes, one by each function's idle-time
#     histogram, and a synthetic trace of 200 functions over 4 hours replayed against both at once, time compressed 30x;
#   soak: an embedded silo of its own with a 3-second task retention and a 10,000-row history, 100,000 no-op tasks
#     (--count), and its working set at the end against after a warm-up.
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

mode="${1:-cold}"
[ "$#" -gt 0 ] && shift

ensure_commands dockerd:docker.io docker:docker.io busybox:busybox-static curl:curl redis-server:redis-server gcc:gcc
# The container agent is linked statically against libc.
ensure_files "/usr/lib/postgresql/*/bin/initdb:postgresql" "/usr/lib/*/libc.a:libc6-dev"
ensure_files "/usr/bin/python3:python3" "/usr/lib/python3/dist-packages/dill:python3-dill"

make_workdir orleans-faas-bench
work="$WORKDIR"
logs="$work"

start_private_dockerd "$work/docker"

cd "$root"
dotnet build src/Orleans.Faas.Silo -c Release -nologo -v quiet
dotnet build test/Orleans.Faas.Benchmarks -c Release -nologo -v quiet
bench=(dotnet test/Orleans.Faas.Benchmarks/bin/Release/net10.0/Orleans.Faas.Benchmarks.dll)

# start_silo NAME URL [VAR=VALUE ...]: starts a silo in the background, its log in $logs, its process id in $STARTED_PID,
# and waits until its gateway is healthy.
start_silo() {
  local name="$1" url="$2"
  shift 2
  env "$@" Faas__Silo__NodeName="$name" Faas__Gateway__Url="$url" Faas__Docker__Endpoint="$DOCKER_HOST" Faas__Docker__SocketParent="$work" \
    dotnet src/Orleans.Faas.Silo/bin/Release/net10.0/Orleans.Faas.Silo.dll >"$logs/$name.log" 2>&1 &
  local pid=$!
  STARTED_PID=$pid
  STOP_ON_EXIT+=("kill $pid 2>/dev/null; wait $pid 2>/dev/null")
  for _ in $(seq 1 120); do
    curl -fs "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "silo $name exited; its log:" >&2; cat "$logs/$name.log" >&2; return 1; }
    sleep 0.5
  done
  echo "silo $name did not become healthy; its log:" >&2
  tail -n 40 "$logs/$name.log" >&2
  return 1
}

# start_cluster_stores POSTGRES_PORT REDIS_PORT: a private PostgreSQL and redis-server; sets CLUSTER_SETTINGS for cluster-mode silos.
start_cluster_stores() {
  start_private_postgres "$work/postgres" "$1"
  STOP_ON_EXIT+=("stop_private_postgres")
  redis-server --port "$2" --bind 127.0.0.1 --dir "$work" --save "" --appendonly yes --daemonize no \
    >"$work/redis.log" 2>&1 &
  STOP_ON_EXIT+=("kill $! 2>/dev/null")
  # The benchmarks' functions are process functions, which a cluster-mode silo offers only when told to.
  CLUSTER_SETTINGS=(Faas__Mode=Cluster Faas__Redis="127.0.0.1:$2" Faas__Postgres="$PRIVATE_POSTGRES_CONNECTION;Database=postgres"
    Faas__Silo__AdvertisedAddress=127.0.0.1 Faas__Process__Enabled=true)
}

# The shared embedded silo, and the warm benchmark's traced twin of it: 32 slots, up to 32 warm containers per function.
# Neither a provider benchmark nor a model training runs by itself beside what is measured: both are asked for.
embedded_settings=(Faas__Worker__Slots=32 Faas__WarmPool__MaxIdlePerFunction=32 Faas__Scheduling__AutoBenchmark=false Faas__Models__AutoTrain=false)
start_embedded_silo() {
  "$root/samples/hello/build-image.sh"
  gateway="http://127.0.0.1:18080"
  start_silo bench-node "$gateway" Faas__Silo__SiloPort=21111 Faas__Silo__GatewayPort=23000 "${embedded_settings[@]}"
}

case "$mode" in
  state)
    start_embedded_silo
    start_cluster_stores 25435 26380
    cluster="http://127.0.0.1:18081"
    start_silo bench-cluster-node "$cluster" "${CLUSTER_SETTINGS[@]}" Faas__Silo__SiloPort=21112 Faas__Silo__GatewayPort=23001 \
      Faas__Scheduling__AutoBenchmark=false Faas__Models__AutoTrain=false
    "${bench[@]}" state "$@" --gateway "$gateway" --cluster "$cluster"
    ;;
  placement)
    out="${BENCH_OUTPUT:-$root/artifacts/bench/placement-$(date +%Y%m%d-%H%M%S)}"
    mkdir -p "$out"
    logs="$out"
    echo "output: $out"
    start_cluster_stores 25445 26390
    # One slot each, so a provider runs one task at a time and its queue is real. Neither the names nor the order
    # follow the speeds, so nothing that orders or starts providers by name favours the fast one by accident; cedar
    # is the reference every score is relative to. Models train only when asked, so the predictive run places with
    # the model trained before it and every prediction it makes is held out.
    reference=cedar
    node=0
    for cap in birch=0.25 cedar=1.0 ash=0.5; do
      start_silo "${cap%%=*}" "http://127.0.0.1:$((18091 + node))" "${CLUSTER_SETTINGS[@]}" \
        Faas__Silo__SiloPort=$((21121 + node)) Faas__Silo__GatewayPort=$((23011 + node)) Faas__Docker__CpuCap="${cap#*=}" \
        Faas__Worker__Slots=1 Faas__Scheduling__ReferenceProvider="$reference" Faas__Models__AutoTrain=false
      node=$((node + 1))
    done
    "${bench[@]}" placement "$@" --gateway http://127.0.0.1:18091 --output "$out" 2>&1 | tee "$out/placement.txt"
    ;;
  decisions)
    "${bench[@]}" decisions "$@"
    ;;
  simulate)
    out="${BENCH_OUTPUT:-$root/artifacts/bench/simulate-$(date +%Y%m%d-%H%M%S)}"
    mkdir -p "$out"
    "${bench[@]}" simulate "$@" --output "$out" 2>&1 | tee "$out/simulate.txt"
    ;;
  features)
    "${bench[@]}" features "$@"
    ;;
  replay)
    "${bench[@]}" replay "$@"
    ;;
  training)
    # Silos of its own, without the shared one, whose start-up benchmark would run beside the measurement: one
    # training out of process (the default), one in process; neither trains nor benchmarks unless asked.
    trainer_env=(Faas__Worker__Slots=16 Faas__Models__AutoTrain=false Faas__Scheduling__AutoBenchmark=false)
    start_silo bench-train-child http://127.0.0.1:18086 "${trainer_env[@]}" Faas__Silo__SiloPort=21117 Faas__Silo__GatewayPort=23007
    start_silo bench-train-inproc http://127.0.0.1:18087 "${trainer_env[@]}" Faas__Models__OutOfProcess=false \
      Faas__Silo__SiloPort=21118 Faas__Silo__GatewayPort=23008
    "${bench[@]}" training "$@" --gateway http://127.0.0.1:18086 --in-process-gateway http://127.0.0.1:18087
    ;;
  warm)
    start_embedded_silo
    # Its twin with tracing on; the benchmark itself is its OTLP receiver, so spans sent before it starts are dropped.
    traced="http://127.0.0.1:18089"
    start_silo bench-traced "$traced" Faas__Silo__SiloPort=21120 Faas__Silo__GatewayPort=23010 "${embedded_settings[@]}" \
      Faas__Telemetry__Otlp__Endpoint=http://127.0.0.1:24318
    "${bench[@]}" warm "$@" --gateway "$gateway" --docker-host "$DOCKER_HOST" --traced-gateway "$traced" --otlp-port 24318
    ;;
  map)
    start_embedded_silo
    "${bench[@]}" map "$@" --gateway "$gateway"
    ;;
  python)
    start_embedded_silo
    "${bench[@]}" python "$@" --gateway "$gateway" --docker-host "$DOCKER_HOST"
    ;;
  kills)
    start_cluster_stores 25455 26400
    dotnet build src/Orleans.Faas.Gateway -c Release -nologo -v quiet
    # Silos started again by the killer below are started in its subshell: their pids are kept in files to stop them.
    soak_silo() {
      start_silo "soak-$1" "http://127.0.0.1:$((18101 + $1))" "${CLUSTER_SETTINGS[@]}" Faas__Silo__SiloPort=$((21131 + $1)) \
        Faas__Silo__GatewayPort=$((23021 + $1)) Faas__Worker__Slots=4 Faas__Scheduling__AutoBenchmark=false
      echo "$STARTED_PID" >"$work/soak-$1.pid"
    }
    STOP_ON_EXIT+=("cat '$work'/soak-*.pid 2>/dev/null | xargs -r kill -9 2>/dev/null")
    for n in 0 1 2; do soak_silo "$n"; done
    env "${CLUSTER_SETTINGS[@]}" Faas__Gateway__Url=http://127.0.0.1:18100 \
      dotnet src/Orleans.Faas.Gateway/bin/Release/net10.0/Orleans.Faas.Gateway.dll >"$logs/soak-gateway.log" 2>&1 &
    STOP_ON_EXIT+=("kill $! 2>/dev/null")
    until curl -fs http://127.0.0.1:18100/healthz >/dev/null 2>&1; do sleep 0.5; done
    # While the benchmark's signal file exists: a random silo is SIGKILLed, started again 5 s later, and 25 s after that the next.
    (
      while true; do
        sleep 25
        [ -f "$work/kill-now" ] || continue
        n=$((RANDOM % 3))
        kill -9 "$(cat "$work/soak-$n.pid")" 2>/dev/null || true
        echo "killed soak-$n at $(date +%T)"
        sleep 5
        soak_silo "$n" >/dev/null
      done
    ) &
    STOP_ON_EXIT+=("kill $! 2>/dev/null")
    "${bench[@]}" kills "$@" --gateway http://127.0.0.1:18100 --signal-file "$work/kill-now"
    ;;
  mqtt)
    ensure_commands mosquitto:mosquitto
    broker_port=18883
    mkdir -p "$work/mosquitto"
    # As root, mosquitto would become the user 'mosquitto', who cannot write to the folder: it stays who it is.
    printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location %s/\nmax_queued_messages 0\nuser %s\n' \
      "$broker_port" "$work/mosquitto" "$(id -un)" >"$work/mosquitto/mosquitto.conf"
    mosquitto -c "$work/mosquitto/mosquitto.conf" >"$logs/mosquitto.log" 2>&1 &
    STOP_ON_EXIT+=("kill $! 2>/dev/null")
    start_embedded_silo
    "${bench[@]}" mqtt "$@" --gateway "$gateway" --broker "mqtt://127.0.0.1:$broker_port"
    ;;
  batch)
    start_embedded_silo
    "${bench[@]}" batch "$@" --gateway "$gateway"
    ;;
  keepalive)
    # Two silos of their own, replayed together: one with the fixed keep-alive, one learning it per function. Time is
    # compressed 30x alike (a trace minute is 2 s): the fixed 10 minutes are 20 s, the histogram's 1-minute bins 2 s;
    # the benchmark is told the same. The same budgets for both, high enough that neither binds.
    "$root/samples/hello/build-image.sh"
    keep_env=(Faas__Worker__Slots=32 Faas__WarmPool__IdleTimeout=00:00:20 Faas__WarmPool__MaxIdleOnNode=1000 Faas__Scheduling__AutoBenchmark=false)
    start_silo bench-keep-fixed http://127.0.0.1:18181 "${keep_env[@]}" Faas__KeepAlive__Histogram=false \
      Faas__Silo__SiloPort=21131 Faas__Silo__GatewayPort=23031
    start_silo bench-keep-histogram http://127.0.0.1:18182 "${keep_env[@]}" Faas__KeepAlive__BinWidth=00:00:02 \
      Faas__Silo__SiloPort=21132 Faas__Silo__GatewayPort=23032
    "${bench[@]}" keepalive "$@" --seconds-per-minute 2 --docker-host "$DOCKER_HOST" \
      --fixed-gateway http://127.0.0.1:18181 --fixed-node bench-keep-fixed --histogram-gateway http://127.0.0.1:18182 --histogram-node bench-keep-histogram
    ;;
  soak)
    # Its own silo, so that nothing else it ran counts; no provider benchmarks, which would run beside the soak. The
    # history keeps its own retention, short here too: full at its default of 100,000 rows it holds about 70 MB more.
    start_silo bench-soak http://127.0.0.1:18088 Faas__Silo__SiloPort=21119 Faas__Silo__GatewayPort=23009 \
      Faas__Tasks__Retention=00:00:03 Faas__History__MaxRows=10000 Faas__Scheduling__AutoBenchmark=false
    "${bench[@]}" soak "$@" --gateway http://127.0.0.1:18088 --silo-pid "$STARTED_PID"
    ;;
  *)
    start_embedded_silo
    "${bench[@]}" "$mode" "$@" --gateway "$gateway" --docker-host "$DOCKER_HOST"
    ;;
esac
