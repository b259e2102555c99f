# One image for every service of the distributed deployment; the command picks the service:
#   node dist/apps/<postings|workforce|matching|monitor|relay>/src/main.js   (or dist/apps/platform/src/main.js)
# docker-compose.yml sets the command per service. Built and run nowhere yet (no Docker engine on the
# development machines): docs/INTEGRATION.md.

# --- build: all dependencies, compile the TypeScript and the dashboard --------------------------------------
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles its native addon when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm run build:web

# --- prod-deps: runtime dependencies only, native addons compiled here (the runtime has no compiler) --------
FROM node:20-bookworm-slim AS prod-deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# --- runtime -------------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
  PORT=3000 \
  DATA_DIR=/data
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# The SQLite files (idempotency records, access log, match plans, the relay's checkpoint without MongoDB)
# live in DATA_DIR, a volume owned by the unprivileged user.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Liveness of whichever service runs: node's fetch, no curl in the slim image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/platform/src/main.js"]
