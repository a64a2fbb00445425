# Private ports for servers the scripts start: below the kernel's ephemeral range, so an outgoing connection never
# holds one, and not listened on by anything right now. Source this file; call free_private_port.

free_private_port() {
  local low port tries
  low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range)"
  for tries in $(seq 1 200); do
    port=$((20000 + RANDOM % (low - 20000)))
    if ! ss -Htln "sport = :$port" | grep -q .; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found below $low after $tries tries" >&2
  return 1
}
