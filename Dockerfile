# Production image: Node 24 LTS, the compiled CLI, production dependencies only.
#   docker build -t verbatim .
#   docker run --env-file .env -v "$PWD/verbatim.config.yaml:/app/verbatim.config.yaml:ro" \
#     -v verbatim-data:/app/data -p 3000:3000 verbatim
# `docker stop` sends SIGTERM straight to node (no npm or shell in between): Verbatim stops taking
# work, lets jobs in flight finish, then exits.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-slim
# glibc keeps the native memory PGlite's initdb and V8's background compiler threads free in a malloc
# arena per thread and at the top of its heap: two arenas and a fixed 128 KB trim threshold hand it
# back, ~100–150 MB less resident on the embedded database (docs/performance.md, "Memory"). npm
# start sets the same.
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/manifests ./manifests
# The chart font and the offline triage's learned model, read at run time relative to dist/.
COPY --from=build /app/assets ./assets
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# A 16 MB V8 semi-space: on a host with many GB, Node sizes the young generation at 128 MB, which
# the bot fills and keeps resident without needing it (docs/performance.md, "Memory").
CMD ["node", "--max-semi-space-size=16", "bin/verbatim.js", "start"]
