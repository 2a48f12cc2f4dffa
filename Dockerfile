# syntax=docker/dockerfile:1
# Bastion's one image: web, worker, migrations and key rotation (the command selects;
# see deploy/image/entrypoint.sh). Builds offline after the npm install: install scripts
# are off (nothing downloads Prisma engines; Prisma 7's client needs none) and
# `npm run build` generates the Prisma client from the schema locally.
#
#   docker build -t bastion .
#   docker build --build-arg BASE_IMAGE=localhost/bastion-node-base:… -t bastion .   (no registry: deploy/image/make-local-base.sh)
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages out of the
# lock file and `npm ci` then refuses it; `npm install` honours the lock all the same.
# Behind a TLS-intercepting proxy, pass its CA as a build secret (never kept in the image):
#   --secret id=npm_ca,src=/etc/ssl/certs/ca-certificates.crt
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -f /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
    && npm install --ignore-scripts

FROM deps AS build
# What the build reads, listed so that changes elsewhere (docs, deploy/, tests outside
# these folders) do not invalidate the build layer.
COPY next.config.mjs tsconfig.json proxy.ts prisma.config.ts postcss.config.mjs ./
COPY app ./app
COPY components ./components
COPY lib ./lib
COPY prisma ./prisma
COPY public ./public
COPY scripts ./scripts
RUN npm run build && rm -rf .next/cache

FROM ${BASE_IMAGE} AS prod-deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
# Production dependencies only (tsx included: the entry points run TypeScript through it).
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -f /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
    && npm install --omit=dev --ignore-scripts

FROM ${BASE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 bastion \
  && useradd --system --uid 10001 --gid bastion --home-dir /app --no-create-home --shell /usr/sbin/nologin bastion \
  && mkdir -p /data && chown bastion:bastion /data
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    BASTION_DATA_DIR=/data \
    BASTION_BUILD_ON_START=0 \
    TMPDIR=/tmp
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json /app/next.config.mjs /app/tsconfig.json /app/proxy.ts /app/prisma.config.ts ./
COPY --from=build /app/.next ./.next
COPY --from=build /app/lib ./lib
COPY --from=build /app/app ./app
COPY --from=build /app/components ./components
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/public ./public
COPY deploy/image/entrypoint.sh /usr/local/bin/bastion
# The root filesystem can be read-only: Next.js's run-time cache (.next/cache) points into
# /tmp, and /tmp and /data are the only places written.
RUN chmod 0755 /usr/local/bin/bastion && ln -s /tmp/next-cache .next/cache
USER bastion:bastion
VOLUME ["/data", "/tmp"]
EXPOSE 3000
# Liveness only (the process answers); readiness is /api/health/ready. No curl in slim images.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/bastion"]
CMD ["web"]
