#!/usr/bin/env node
// Makes sure PostgreSQL and Redis are reachable (starting, installing and
// provisioning local ones when the default URLs are used) and prints the URLs.
//
// Usage: node scripts/services.mjs   (honours DATABASE_URL and REDIS_URL)

import { ensureServices, redactUrl } from './lib/services.mjs';

try {
  const { databaseUrl, redisUrl } = await ensureServices({ env: process.env, log: console.log });
  console.log(`DATABASE_URL=${redactUrl(databaseUrl)}`);
  console.log(`REDIS_URL=${redactUrl(redisUrl)}`);
} catch (err) {
  console.error(`Fejl: ${err?.message ?? err}`);
  process.exit(1);
}
