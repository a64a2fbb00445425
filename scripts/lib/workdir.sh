# A temp work folder and an exit trap that stops what a script started in it, also on failure.
# Source this file after dockerd.sh; call make_workdir PREFIX, then add to STOP_ON_EXIT what else to stop, in the order started.

STOP_ON_EXIT=()

make_workdir() {
  WORKDIR="$(mktemp -d "/tmp/$1.XXXXXX")"
  trap _stop_everything EXIT
  trap 'exit 130' INT TERM
}

# Last started, first stopped: a silo still needs the Redis and PostgreSQL started before it to shut down cleanly.
_stop_everything() {
  local status=$? i
  for ((i = ${#STOP_ON_EXIT[@]} - 1; i >= 0; i--)); do
    eval "${STOP_ON_EXIT[i]}" || true
  done
  stop_private_dockerd
  rm -rf "$WORKDIR" 2>/dev/null || true
  exit "$status"
}
