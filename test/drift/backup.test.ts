// Backup and restore: the demo data dumped with pg_dump, restored into a scratch database
// and checked (row counts against the manifest, every document's SHA-256 against its
// bytes, every final decision's hash against its PDF); a damaged document is caught.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { seed } from '../../scripts/seed/seed.js'
// @ts-expect-error -- a plain .mjs script without types
import { dump, tjek } from '../../scripts/backup.mjs'

type Tjek = (url: string, fil: string, o?: { behold?: boolean }) => Promise<{ problemer: string[]; database: string }>

describe('backup and restore check', () => {
  const w = useWorld()
  let dir: string | undefined
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('when the demo data is dumped and restored, then the counts and every document hash check out; a damaged document is named', { timeout: 120_000 }, async () => {
    await seed(w.db, { referenceDataDir: w.config.referenceDataDir, demo: true, config: w.config })
    dir = await mkdtemp(path.join(os.tmpdir(), 'naevn-backup-'))
    const fil = path.join(dir, 'naevn.dump')
    const manifest = (await dump(w.databaseUrl, fil)) as { taelling: Record<string, number> }
    expect(manifest.taelling.sager).toBeGreaterThanOrEqual(10)
    expect(manifest.taelling.document_blobs).toBeGreaterThan(0)
    const ok = await (tjek as Tjek)(w.databaseUrl, fil)
    expect(ok.problemer).toEqual([])
    // The scratch database is gone again.
    const admin = new pg.Client({ connectionString: w.databaseUrl })
    await admin.connect()
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [ok.database])
    await admin.end()
    expect(rows).toHaveLength(0)

    // One document's bytes changed behind its hash: the check names it.
    const blob = await w.db.selectFrom('document_blobs').select('sha256').limit(1).executeTakeFirstOrThrow()
    await sql`UPDATE document_blobs SET indhold = ${Buffer.from('ødelagt')} WHERE sha256 = ${blob.sha256}`.execute(w.db)
    const fil2 = path.join(dir, 'naevn-2.dump')
    await dump(w.databaseUrl, fil2)
    const daarlig = await (tjek as Tjek)(w.databaseUrl, fil2)
    expect(daarlig.problemer.some((p) => p.includes(blob.sha256))).toBe(true)
  })
})
