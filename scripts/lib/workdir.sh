# A temp work folder and an exit trap that stops what a script started in it, also on failure.
# Source this file after dockerd.sh; call make_workdir PREFIX, then add to STOP_ON_EXIT what else to stop.

STOP_ON_EXIT=()

make_workdir() {
  WORKDIR="$(mktemp -d "/tmp/$1.XXXXXX")"
  trap _stop_everything EXIT
  trap 'exit 130' INT TERM
}

_stop_everything() {
  local status=$? command
  for command in "${STOP_ON_EXIT[@]}"; do
    eval "$command" || true
  done
  stop_private_dockerd
  rm -rf "$WORKDIR" 2>/dev/null || true
  exit "$status"
}
