# syntax=docker/dockerfile:1
# The Jingsai API. Debian (glibc) base: better-sqlite3 and the KurrentDB client's native bridge
# ship glibc builds. Build: docker build -t jingsai-api .   Run: see docker-compose.yml.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Toolchain for native modules whose prebuilt binaries cannot be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    EVENT_STORE=kurrentdb \
    KURRENTDB_CONNECTION_STRING=kurrentdb://kurrentdb:2113?tls=false \
    DATA_DIR=/data \
    PORT=3000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read models (SQLite) live in DATA_DIR; the events live in KurrentDB.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# As `npm start` runs it: the heap capped at MAX_HEAP_MB (V8 otherwise lets garbage grow the
# resident size to 400-480 MB under load), no source maps (about 20% of command throughput).
ENV MAX_HEAP_MB=256
CMD ["sh", "-c", "exec node --max-old-space-size=\"${MAX_HEAP_MB}\" dist/apps/api/src/main.js"]
