# Podium as a container: built in one stage, run from a small one (docs/operations.md, "Kubernetes").
#   docker build -t podium:local .
#   docker run --rm -p 3000:3000 -v podium-data:/data podium:local
# No container runtime on the machines this project is developed on: this file is checked by test/deploy/, not
# built there.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source against this Node's headers (node-gyp: python3, make, g++): build stage only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The project's .npmrc asks for npm 11 (allowScripts decides which install scripts run); the image ships npm 10.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# The client (Vite) and the server bundle (esbuild), then only production dependencies are kept, with the
# better-sqlite3 binary built above.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    PODIUM_DB=/data/podium.db \
    PODIUM_CLIENT_DIR=/app/dist/client \
    PODIUM_LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/client ./dist/client
# The SQLite file (one node) lives in /data; in cluster mode it holds nothing a restart needs.
RUN mkdir /data && chown node:node /data
VOLUME /data
# The node image's unprivileged user (uid 1000); the manifests run it with a read-only root file system.
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
# Exec form, no shell and no npm in between: node is PID 1, so SIGTERM reaches the server's drain (server/main.ts).
# It starts no child processes, so it has no zombies to reap.
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
