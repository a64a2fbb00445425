# Installs Debian packages for commands or files that are missing, without letting their services start on the defaults.
# Source this file; call ensure_commands COMMAND:PACKAGE ... or ensure_files GLOB:PACKAGE ...

ensure_commands() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  install_packages "${missing[@]}"
}

# For programs Debian keeps off the PATH, such as PostgreSQL's server binaries.
ensure_files() {
  local missing=() pair
  for pair in "$@"; do
    compgen -G "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  install_packages "${missing[@]}"
}

install_packages() {
  [ "$#" -eq 0 ] && return 0
  echo "installing: $*"
  # A package's own service (dockerd, redis, postgres) must not start on the default sockets: the tests start theirs.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  local log status=0
  log="$(mktemp /tmp/orleans-faas-apt.XXXXXX)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$log" 2>&1 || status=$?
  [ -n "$created_policy" ] && rm -f "$policy"
  if [ "$status" -ne 0 ]; then
    echo "apt-get failed ($status); its output:" >&2
    tail -n 30 "$log" >&2
  fi
  rm -f "$log"
  return "$status"
}
