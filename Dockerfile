# syntax=docker/dockerfile:1
# One image, several roles: `npm start` (all-in-one), or `npm start -- --role bot|worker`.

# --- build: install every dependency (native addons compile from source, so the build needs
# nothing beyond the npm registry), compile TypeScript to dist/ (npm ci runs `prepare`), then
# drop the development dependencies.
FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV npm_config_build_from_source=true
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
COPY jobs ./jobs
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime: node, the production dependencies and the compiled JavaScript, as a non-root user.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/data HTTP_PORT=9464
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY examples ./examples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464 3000
ENTRYPOINT ["node", "bin/newsbot.js", "start"]
