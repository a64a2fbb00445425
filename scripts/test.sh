#!/usr/bin/env bash
# Runs every test, as root, on a fresh Debian machine: installs what is missing, starts a private dockerd
# (own socket and data folder under a temp dir), builds the sample image into it, runs dotnet test, and
# stops everything it started, also on failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/packages.sh
source "$root/scripts/lib/packages.sh"
# shellcheck source=lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"
# shellcheck source=lib/workdir.sh
source "$root/scripts/lib/workdir.sh"

ensure_commands dockerd:docker.io docker:docker.io busybox:busybox-static

make_workdir orleans-faas-test
work="$WORKDIR"
# Silo processes started by tests are killed by them; this catches any that a crashed test host left behind.
STOP_ON_EXIT+=("pkill -9 -f '$root/src/Orleans.Faas.Silo/bin'")

start_private_dockerd "$work/docker"
"$root/samples/hello/build-image.sh"
export FAAS_TEST_DOCKER_HOST="$DOCKER_HOST"

cd "$root"
dotnet build Orleans.Faas.sln -c Release -nologo -v quiet
set +e
dotnet test Orleans.Faas.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$work/results"
status=$?
set -e

# Zero matches (or no result file) makes the pipeline fail under pipefail; the count is still right.
count_results() {
  local n
  n=$(cat "$work"/results/*.trx 2>/dev/null | grep -o "<UnitTestResult [^>]*outcome=\"$1\"" | wc -l) || true
  echo "$n"
}
passed=$(count_results Passed)
failed=$(count_results Failed)
echo "tests: $passed passed, $failed failed"
exit "$status"
