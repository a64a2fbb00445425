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

ensure_commands dockerd:docker.io docker:docker.io busybox:busybox-static

work="$(mktemp -d /tmp/orleans-faas-test.XXXXXX)"
cleanup() {
  local status=$?
  # Silo processes started by tests are killed by them; this catches any a crashed test host left behind.
  pkill -9 -f "$root/src/Orleans.Faas.Silo/bin" 2>/dev/null || true
  stop_private_dockerd
  rm -rf "$work" 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

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

passed=$(cat "$work"/results/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*outcome="Passed"' | wc -l)
failed=$(cat "$work"/results/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*outcome="Failed"' | wc -l)
echo "tests: $passed passed, $failed failed"
exit "$status"
