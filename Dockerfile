# syntax=docker/dockerfile:1.7
#
# Veilig Huis Dossier — production images. Docker does not run on the dev machines; this file
# describes the deployment (docker-compose.yml, deploy/k8s; docs/deployment.md) and has not been
# built here.
#
# Targets (ADR 0048):
#   docker build --target app    -t vhd/app:<version> .     the web app (the default target)
#   docker build --target worker -t vhd/worker:<version> .  the job worker (scripts/worker.ts)
#
# Reproducible: one pinned base image for every stage (pin it by digest, below), `npm ci` from
# package-lock.json, no dev dependencies in the runtime, no `COPY . .` (the .dockerignore keeps
# .data/, .env, .next/ and node_modules/ of a workstation out of the build context as well).
# The images run as the unprivileged `node` user (uid 1000) and need no writable root filesystem.

# Pin the base by digest for a release, e.g.
#   docker buildx imagetools inspect node:20.20.2-bookworm-slim   # prints "Digest: sha256:…"
#   docker build --build-arg NODE_IMAGE=node:20.20.2-bookworm-slim@sha256:<digest> .
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ----------------------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# `npm ci` runs the postinstall (scripts/generate.ts = prisma generate), which needs the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci

COPY tsconfig.json next.config.ts postcss.config.mjs proxy.ts ./
COPY app ./app
COPY components ./components
COPY lib ./lib
RUN npx tsx scripts/generate.ts \
 && npx next build

# ----------------------------------------------------------------------------- production dependencies
# A clean `npm ci --omit=dev` from the same lock: no dev dependency and no build leftover reaches
# the runtime. (The Prisma client is generated into lib/generated, copied from the build stage.)
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# ----------------------------------------------------------------------------- runtime (shared)
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_CACHE=/tmp/.npm

# Owned by root, read-only for the app user.
COPY --from=build /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
RUN rm -rf .next/cache && mkdir -p .next/cache && chown node:node .next/cache

# attached files, encrypted (issue 13 §3; ADR 0040): a volume the app and the worker mount here
RUN mkdir -p /attachments && chown node:node /attachments && chmod 0700 /attachments
ENV ATTACHMENT_DIR=/attachments
# the worker's signed access-log checkpoints (ADR 0021): a fresh volume mounted here inherits this owner
RUN mkdir -p /checkpoints && chown node:node /checkpoints && chmod 0700 /checkpoints
USER node

# ----------------------------------------------------------------------------- worker
# pg-boss jobs as the database owner (DATABASE_URL): retention purge, access-log checkpoints, mail.
FROM runtime AS worker
# react-server: the jobs import server-only modules (ADR 0046)
ENTRYPOINT ["node", "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"]

# ----------------------------------------------------------------------------- app (default)
FROM runtime AS app
# Single host (docker-compose.yml), with DATABASE_URL (the owner) and APP_DB_PASSWORD:
#   1. apply the SQL migrations as the owner and set vhd_app's password;
#   2. serve the app as vhd_app only: the owner's credentials are removed from its environment.
# Kubernetes (deploy/k8s), with only APP_DATABASE_URL: the migration Job already ran; serve only.
COPY --chmod=0755 <<'EOF' /usr/local/bin/vhd-entrypoint
#!/bin/sh
set -eu
if [ -n "${DATABASE_URL:-}" ]; then
  : "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"
  node --import tsx scripts/migrate.ts
  if [ -z "${APP_DATABASE_URL:-}" ]; then
    # the database's own login for the application role (ADR 0027), as scripts/lib/bootstrap.ts names it
    APP_DATABASE_URL="$(node --import tsx scripts/app-url.ts)"
    export APP_DATABASE_URL
  fi
else
  : "${APP_DATABASE_URL:?set DATABASE_URL (owner: migrate, then serve) or APP_DATABASE_URL (serve only)}"
fi
unset DATABASE_URL APP_DB_PASSWORD
# --max-semi-space-size: as scripts/lib/runtime.ts (APP_NODE_FLAGS) says why
exec node --max-semi-space-size=32 --import tsx scripts/server.ts -p "${PORT:-3000}"
EOF

USER node
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/vhd-entrypoint"]
