import { defaultReferenceDataDir } from '../../server/platform/config.js'

/** Where the tests find the services: npm test sets TEST_*; the defaults match npm start's. */
export function testEnvDefaults() {
  return {
    databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://naevn:naevn@127.0.0.1:5432/naevn',
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    referenceDataDir: process.env.REFERENCE_DATA_DIR ?? defaultReferenceDataDir,
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
