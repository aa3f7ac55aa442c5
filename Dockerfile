# syntax=docker/dockerfile:1.7
#
# Veilig Huis Dossier — production image. Docker does not run on the dev machines; this file
# describes the deployment (see docker-compose.yml) and has not been built here.
#
# Only the listed sources are copied (no `COPY . .`), so .data/ (embedded database and
# dev-secrets.json), .env, .next/ and node_modules/ of a workstation never end up in the image.

# ----------------------------------------------------------------------------- build
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false \
    PRISMA_HIDE_UPDATE_MESSAGE=1

# `npm ci` runs the postinstall (scripts/generate.ts = prisma generate), which needs the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci

COPY tsconfig.json next.config.ts postcss.config.mjs ./
COPY app ./app
COPY components ./components
COPY lib ./lib
RUN npx tsx scripts/generate.ts \
 && npx next build \
 && npm prune --omit=dev --ignore-scripts

# ----------------------------------------------------------------------------- runtime
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_CACHE=/tmp/.npm

# Owned by root, read-only for the app user.
COPY --from=build /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma

# 1. apply the SQL migrations as the owner (DATABASE_URL) and set vhd_app's password;
# 2. serve the app as vhd_app only: the owner's credentials are removed from its environment.
COPY --chmod=0755 <<'EOF' /usr/local/bin/vhd-entrypoint
#!/bin/sh
set -eu
: "${DATABASE_URL:?DATABASE_URL (owner URL, for the migrations) must be set}"
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"
node --import tsx scripts/migrate.ts
if [ -z "${APP_DATABASE_URL:-}" ]; then
  # the database's own login for the application role (ADR 0027), as scripts/lib/bootstrap.ts names it
  APP_DATABASE_URL="$(node --import tsx scripts/app-url.ts)"
  export APP_DATABASE_URL
fi
unset DATABASE_URL APP_DB_PASSWORD
# --max-semi-space-size: as scripts/lib/runtime.ts (APP_NODE_FLAGS) says why
exec node --max-semi-space-size=32 node_modules/next/dist/bin/next start -p "${PORT:-3000}"
EOF

# attached files, encrypted (issue 13 §3; ADR 0040): a volume the app and the worker mount here
RUN mkdir -p /attachments && chown node:node /attachments && chmod 0700 /attachments
ENV ATTACHMENT_DIR=/attachments

USER node
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/vhd-entrypoint"]
