# syntax=docker/dockerfile:1
# Build stage: compiles better-sqlite3 (when no prebuilt binary can be downloaded) and bundles the server.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# `npm ci` runs the prepare script (the esbuild bundle), so the sources must be there first
COPY tsconfig.json build.mjs ./
COPY app.ts server.ts config.ts ./
COPY plugins ./plugins
COPY routes ./routes
COPY db ./db
COPY schemas ./schemas
COPY challenges ./challenges
COPY domain ./domain
RUN npm ci && npm prune --omit=dev

# Runtime stage: same Node major and libc as the build, so the native addon loads.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4567 \
    MODE=multi \
    DB_FILE=/data/apichallenges.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# WAL adds -wal/-shm files beside the database: mount the folder, not the file
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 4567
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4567)+'/heartbeat').then(r=>process.exit(r.status===204?0:1)).catch(()=>process.exit(1))"
# exec form: node receives SIGTERM itself and closes SQLite cleanly; the V8 flags are package.json's
# config.nodeFlags, which `npm start` uses (test/docs.test.ts keeps the two equal)
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=192", "dist/server.js"]
