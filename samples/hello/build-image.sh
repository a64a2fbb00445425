#!/usr/bin/env bash
# Builds the sample image faas-samples/hello:latest locally, from Debian's busybox-static; no registry involved.
# Uses the Docker daemon that DOCKER_HOST (or the default socket) points at.
set -euo pipefail

image="${1:-faas-samples/hello:latest}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
busybox="$(command -v busybox || true)"
if [ -z "$busybox" ]; then
  echo "busybox-static is needed: apt-get install busybox-static" >&2
  exit 1
fi

rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
chmod 755 "$rootfs"
mkdir -p "$rootfs/bin" "$rootfs/tmp"
cp "$busybox" "$rootfs/bin/busybox"
for applet in sh cat echo sleep head tr wc sha256sum dd yes true false env id ls grep nc; do
  ln -s busybox "$rootfs/bin/$applet"
done
cp "$here/hello.sh" "$rootfs/hello.sh"
chmod 755 "$rootfs/hello.sh"
chmod 1777 "$rootfs/tmp"

tar -C "$rootfs" -c . | docker import \
  --change 'CMD ["/bin/sh", "/hello.sh"]' \
  --change 'ENV PATH=/bin' \
  - "$image" >/dev/null
echo "built $image"
