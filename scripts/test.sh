#!/usr/bin/env bash
# Runs every test, as root, on a fresh Debian machine: installs what is missing, starts a private dockerd and a
# private PostgreSQL (own sockets, ports and data folders under a temp dir), builds the sample image, runs
# dotnet test, and stops everything it started, also on failure. Tests start their own redis-server and mosquitto
# processes in the same temp dir. Arguments go to dotnet test (e.g. --filter 'FullyQualifiedName~Security'), so a subset
# runs the same way. Two runs must not overlap: the exit trap kills every silo and gateway started from this checkout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/packages.sh
source "$root/scripts/lib/packages.sh"
# shellcheck source=lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"
# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/ports.sh
source "$root/scripts/lib/ports.sh"
# shellcheck source=lib/workdir.sh
source "$root/scripts/lib/workdir.sh"

ensure_commands dockerd:docker.io docker:docker.io busybox:busybox-static redis-server:redis-server gcc:gcc ss:iproute2 promtool:prometheus prometheus:prometheus chromium:chromium \
  mosquitto:mosquitto mosquitto_pub:mosquitto-clients
# The container agent is linked statically against libc.
ensure_files "/usr/lib/postgresql/*/bin/initdb:postgresql" "/usr/lib/*/libc.a:libc6-dev"
# The python runtime's image is built from Debian's interpreter and dill (not a pyenv shim on the PATH).
ensure_files "/usr/bin/python3:python3" "/usr/lib/python3/dist-packages/dill:python3-dill"

make_workdir orleans-faas-test
work="$WORKDIR"
# Silo processes started by tests are killed by them; this catches any that a crashed test host left behind.
STOP_ON_EXIT+=("pkill -9 -f '$root/src/Orleans.Faas.Silo/bin'" "pkill -9 -f '$root/src/Orleans.Faas.Gateway/bin'")
# Tests' redis-servers leave a pid file in their folder under the work dir.
STOP_ON_EXIT+=("cat '$work'/redis-*/redis.pid 2>/dev/null | xargs -r kill -9 2>/dev/null" "stop_private_postgres")
# So do their mosquitto brokers.
STOP_ON_EXIT+=("cat '$work'/mosquitto-*/mosquitto.pid 2>/dev/null | xargs -r kill -9 2>/dev/null")

start_private_dockerd "$work/docker"
"$root/samples/hello/build-image.sh"
export FAAS_TEST_DOCKER_HOST="$DOCKER_HOST"
start_private_postgres "$work/postgres" "$(free_private_port)"
export FAAS_TEST_POSTGRES="$PRIVATE_POSTGRES_CONNECTION"
export FAAS_TEST_WORKDIR="$work"

cd "$root"
dotnet build Orleans.Faas.sln -c Release -nologo -v quiet
set +e
dotnet test Orleans.Faas.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$work/results" "$@"
status=$?
set -e

# Zero matches (or no result file) makes the pipeline fail under pipefail; the count is still right.
count_results() {
  local n
  n=$(cat "$work"/results/*.trx 2>/dev/null | grep -o "<UnitTestResult [^>]*outcome=\"$1\"" | wc -l) || true
  echo "$n"
}
# The dashboard's browser tests photograph each page; the work folder goes, the pictures stay as test output.
if [ -d "$work/screenshots" ]; then
  rm -rf "$root/TestResults/screenshots" && mkdir -p "$root/TestResults" && cp -r "$work/screenshots" "$root/TestResults/"
  echo "screenshots: $root/TestResults/screenshots"
fi
passed=$(count_results Passed)
failed=$(count_results Failed)
if [ "$failed" -gt 0 ]; then python3 "$root/scripts/lib/failures.py" "$work"/results/*.trx; fi
echo "tests: $passed passed, $failed failed"
exit "$status"
