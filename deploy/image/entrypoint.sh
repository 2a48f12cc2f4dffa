#!/bin/sh
# The image's entry point: one image, the command selects the process. Each runs the same
# Node command line as its package.json script (scripts/image-entrypoint.test.ts holds
# them equal), with `exec` so that the process gets SIGTERM directly.
#   web          npm start          (serves; in server mode also migrates unless BASTION_MIGRATE_ON_START=0)
#   worker       npm run worker
#   migrate      npm run db:migrate
#   keys-rotate  npm run keys:rotate  [-- --batch-size N]
# Anything else runs as given (e.g. `sh`).
set -e
cd /app
# .next/cache is a link to /tmp/next-cache (the root filesystem may be read-only); /tmp
# may be a fresh tmpfs or emptyDir.
mkdir -p /tmp/next-cache
run() { exec node --import tsx --import ./scripts/server-only.mjs "$@"; }
command=${1:-web}
[ "$#" -gt 0 ] && shift
case "$command" in
  web) run scripts/start.ts "$@" ;;
  worker) run scripts/worker.ts "$@" ;;
  migrate) run scripts/migrate.ts "$@" ;;
  keys-rotate) run scripts/keys-rotate.ts "$@" ;;
  *) exec "$command" "$@" ;;
esac
