#!/usr/bin/env bash
# Makes a Node.js base image without a registry, for machines that cannot pull
# node:20-bookworm-slim: Debian bookworm (debootstrap --variant=minbase from the apt
# mirror) plus this machine's own `node` binary and npm, laid out as the official image
# lays them out (/usr/local/bin/node, /usr/local/lib/node_modules/npm).
#
#   deploy/image/make-local-base.sh            prints the image name; reuses it if present
#   BASE_IMAGE=name deploy/image/make-local-base.sh
#
# The tag carries the Node version, so a host upgrade makes a new base.
set -euo pipefail

node_bin=$(command -v node)
npm_dir=$(dirname "$(readlink -f "$(command -v npm)")")/..
node_version=$(node -p 'process.versions.node')
image=${BASE_IMAGE:-localhost/bastion-node-base:bookworm-node${node_version}}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if podman image exists "$image"; then
  echo "$image"
  exit 0
fi

# The binary must need nothing beyond what minbase has (glibc, libstdc++).
if ldd "$node_bin" | grep -q 'not found'; then
  echo "make-local-base: $node_bin has unresolved libraries" >&2
  exit 1
fi

rootfs=$(mktemp -d /var/tmp/bastion-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
echo "make-local-base: debootstrap bookworm (minbase) into $rootfs" >&2
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >&2
# Keep the image small: apt lists, caches and docs are not needed at run time.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*

install -D -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules"
cp -a "$(readlink -f "$npm_dir")" "$rootfs/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

tar -C "$rootfs" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  - "$image" >&2
echo "$image"
