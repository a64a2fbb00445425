# Starts a private dockerd for tests: its own socket, data and exec folders under $1, nothing on the defaults.
# Source this file; call start_private_dockerd DIR, then stop_private_dockerd (safe to call twice).

start_private_dockerd() {
  local dir="$1"
  mkdir -p "$dir/data" "$dir/exec"
  PRIVATE_DOCKERD_DIR="$dir"
  export DOCKER_HOST="unix://$dir/docker.sock"
  dockerd \
    --host "$DOCKER_HOST" \
    --data-root "$dir/data" \
    --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" \
    --storage-driver=vfs --iptables=false --ip-masq=false --bridge=none \
    >"$dir/dockerd.log" 2>&1 &
  PRIVATE_DOCKERD_PID=$!
  local waited=0
  until docker info >/dev/null 2>&1; do
    if ! kill -0 "$PRIVATE_DOCKERD_PID" 2>/dev/null; then
      echo "dockerd exited during start-up; its log:" >&2
      tail -n 40 "$dir/dockerd.log" >&2
      return 1
    fi
    if [ "$waited" -ge 60 ]; then
      echo "dockerd did not answer on $DOCKER_HOST within 30 s; its log:" >&2
      tail -n 40 "$dir/dockerd.log" >&2
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  echo "dockerd is up on $DOCKER_HOST (log: $dir/dockerd.log)"
}

stop_private_dockerd() {
  [ -n "${PRIVATE_DOCKERD_PID:-}" ] || return 0
  if kill -0 "$PRIVATE_DOCKERD_PID" 2>/dev/null; then
    # Containers left by a failed test would keep their shims alive; remove them first.
    docker ps -aq 2>/dev/null | xargs -r docker rm -f >/dev/null 2>&1 || true
    kill "$PRIVATE_DOCKERD_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PRIVATE_DOCKERD_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$PRIVATE_DOCKERD_PID" 2>/dev/null || true
  fi
  # dockerd's own containerd lives under its exec root; make sure it is gone too.
  pkill -f "containerd.*$PRIVATE_DOCKERD_DIR" 2>/dev/null || true
  PRIVATE_DOCKERD_PID=""
}
