# syntax=docker/dockerfile:1
# One image, several roles: `npm start` (all-in-one), or `npm start -- --role bot|worker`.

# --- deps: install production dependencies; native addons compile from source so the build
# needs nothing beyond the npm registry (no prebuilt-binary downloads).
FROM node:22-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
ENV npm_config_build_from_source=true
RUN npm ci --omit=dev --no-audit --no-fund

# --- runtime: just node, the dependencies and the source, as a non-root user.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/data HTTP_PORT=9464
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY jobs ./jobs
COPY examples ./examples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464 3000
ENTRYPOINT ["npm", "start", "--"]
