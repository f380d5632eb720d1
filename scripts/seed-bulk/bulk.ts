// The bulk seed's work: reads the reference data and the boards in the database,
// optionally deletes earlier bulk rows, runs worker threads that insert the rows, then
// ANALYZE. Used by scripts/seed-bulk.ts (the CLI) and the search benchmark.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { readCsv } from '../../server/kerne/referencedata/csv.js'
import { readKommuner } from '../../server/kerne/referencedata/kommuner.js'
import { formatBestemmelse, loadLovgrundlag, lovKoder, tilStatutory } from '../../server/kerne/sag/lovgrundlag.js'
import { sagsomraaderFor } from '../../server/kerne/sag/sagsomraader.js'
import { rng } from './tekst.js'
import type { Bestemmelsedata, Naevndata, Referencer } from './generator.js'
import type { ArbejderData } from './arbejder.js'

export interface BulkOptions {
  databaseUrl: string
  referenceDataDir: string
  /** Decisions to create; the decided rents are half of them. */
  antal: number
  /** Delete earlier bulk rows first. */
  ryd: boolean
  arbejdere?: number
  log: (line: string) => void
}

/** Bulk rows are the only decisions without a case (afgoerelse_id) and without a PDF. */
export const BULK_BETINGELSE = 'afgoerelse_id IS NULL AND pdf IS NULL'

// Case areas by how often boards see them (a guess from the boards' annual reports: rent
// level and deposit/move-out dominate); the first is the one a decided rent belongs to.
const omraadevaegt: Record<string, number> = {
  husleje: 30, depositum: 12, vedligeholdelse: 14, fraflytning: 16, forbrug: 12, antenne: 2, mangler_ved_begyndelse: 5, forbedringer: 6, husorden: 2, forhaandsgodkendelse: 2,
  boligens_stand: 10, varsling_lejeforhoejelse: 6, fremleje_bytte: 3, beboerdemokrati: 3,
}

export async function referencer(db: pg.Client, referenceDataDir: string): Promise<Referencer> {
  const { rows: naevn } = await db.query<Naevndata>(`
    SELECT n.id, n.navn, n.type, array_agg(k.kommunekode ORDER BY k.kommunekode) AS kommunekoder
    FROM naevn n JOIN naevn_kommuner k ON k.naevn_id = n.id
    WHERE n.aktiv AND n.sammenlagt_i IS NULL
    GROUP BY n.id`)
  for (const type of ['huslejenaevn', 'beboerklagenaevn']) {
    if (!naevn.some((n) => n.type === type)) throw new Error(`Databasen har ingen ${type} med kommuner; kør npm run seed (eller migrér og seed referencedata) først.`)
  }
  const kommuner = await readKommuner(referenceDataDir)
  const relation = await readCsv(referenceDataDir, 'postnummer_kommune.csv')
  const postnumre: Record<number, [string, string][]> = {}
  for (const r of relation) {
    const k = Number(r.kommunekode)
    // Large-volume receivers (4-digit codes below 1000 and company codes) are no homes.
    if (!r.postnr || Number(r.postnr) < 1000 || r.er_kommune !== 'true') continue
    ;(postnumre[k] ??= []).push([r.postnr, r.postnr_navn_postnord ?? ''])
  }
  const vejnavne = (await readCsv(referenceDataDir, 'vejnavne.csv')).map((r) => r.vejnavn ?? '').filter((v) => v.length > 2)
  const love = await loadLovgrundlag(referenceDataDir)
  const bestemmelser: Record<string, Bestemmelsedata[]> = {}
  for (const lov of lovKoder) {
    const liste = love.bestemmelser(lov).filter((b) => b.kapitel !== '' && b.tekst.length > 80)
    // A fixed shuffle: which provisions are cited most is then not just the law's first ones.
    const r = rng(lov.length * 7919)
    const blandet = liste.map((b) => [r(), b] as const).sort((a, b) => a[0] - b[0]).map(([, b]) => b)
    bestemmelser[lov] = blandet.map((b) => ({ id: b.id, lov: b.lov, label: formatBestemmelse(b), tekst: b.tekst, statutory: tilStatutory(b) }))
  }
  const omraader = {
    huslejenaevn: sagsomraaderFor('huslejenaevn').map((o) => [o.kode, o.label, omraadevaegt[o.kode] ?? 3] as [string, string, number]),
    beboerklagenaevn: sagsomraaderFor('beboerklagenaevn').map((o) => [o.kode, o.label, omraadevaegt[o.kode] ?? 3] as [string, string, number]),
  }
  // A decided rent belongs to the rent level: make it the first area of a huslejenævn.
  omraader.huslejenaevn.sort((a, b) => (a[0] === 'husleje' ? -1 : b[0] === 'husleje' ? 1 : 0))
  return {
    naevn,
    kommunenavne: Object.fromEntries(kommuner.map((k) => [k.kommunekode, k.navn])),
    postnumre,
    vejnavne,
    bestemmelser,
    omraader,
    slutdato: new Date().toISOString().slice(0, 10),
  }
}

export async function seedBulk(o: BulkOptions): Promise<{ afgoerelser: number; huslejer: number; sekunder: number }> {
  const start = Date.now()
  const sek = () => ((Date.now() - start) / 1000).toFixed(1)
  const db = new pg.Client({ connectionString: o.databaseUrl })
  await db.connect()
  try {
    if (o.ryd) {
      o.log('Sletter tidligere bulk-rækker (og deres huslejer)…')
      const { rowCount } = await db.query(`DELETE FROM register_afgoerelser WHERE ${BULK_BETINGELSE}`)
      o.log(`Slettede ${rowCount ?? 0} afgørelser (${sek()} s).`)
    }
    const ref = await referencer(db, o.referenceDataDir)
    const arbejdere = Math.max(1, Math.min(o.arbejdere ?? availableParallelism(), 4))
    o.log(`Indsætter ${o.antal.toLocaleString('da-DK')} afgørelser og ${Math.ceil(o.antal / 2).toLocaleString('da-DK')} huslejer med ${arbejdere} forbindelser…`)

    // A GIN index updated row by row costs about a third of the load; built afterwards
    // it takes seconds. The definitions are read from the database (whatever the
    // migrations made) and restored in `finally`, also when the load fails.
    const { rows: ginIndekser } = await db.query<{ navn: string; def: string }>(
      `SELECT indexrelid::regclass::text AS navn, pg_get_indexdef(indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
       WHERE i.indrelid = 'register_afgoerelser'::regclass AND a.amname = 'gin'`,
    )
    const genskab = async () => {
      o.log(`Bygger ${ginIndekser.length} GIN-indeks igen (${ginIndekser.map((i) => i.navn).join(', ')})…`)
      // Two at a time on their own connections: the text index is by far the largest.
      const koe = [...ginIndekser]
      await Promise.all(
        Array.from({ length: Math.min(2, koe.length) }, async () => {
          const c = new pg.Client({ connectionString: o.databaseUrl })
          await c.connect()
          try {
            await c.query(`SET maintenance_work_mem = '256MB'`)
            for (let ix = koe.shift(); ix; ix = koe.shift()) await c.query(ix.def.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '))
          } finally {
            await c.end()
          }
        }),
      )
      o.log(`GIN-indeksene er bygget (${sek()} s).`)
    }
    for (const ix of ginIndekser) await db.query(`DROP INDEX IF EXISTS ${ix.navn}`)
    const afbrudt = () => {
      o.log('Afbrudt: bygger GIN-indeksene igen før afslutning…')
      genskab().finally(() => process.exit(130))
    }
    process.once('SIGINT', afbrudt)
    process.once('SIGTERM', afbrudt)

    let afgoerelser = 0
    let huslejer = 0
    let sidst = 0
    const del = Math.ceil(o.antal / arbejdere)
    try {
      await Promise.all(
        Array.from({ length: arbejdere }, (_, i) => {
          const data: ArbejderData = { databaseUrl: o.databaseUrl, ref, fra: i * del, til: Math.min(o.antal, (i + 1) * del), huslejeAndel: 0.5, batch: 250 }
          return new Promise<void>((resolve, reject) => {
            const w = new Worker(new URL('./arbejder.js', import.meta.url), { workerData: data })
            w.on('message', (m: { type: string; afgoerelser?: number; huslejer?: number; besked?: string }) => {
              if (m.type === 'fremskridt') {
                afgoerelser += m.afgoerelser ?? 0
                huslejer += m.huslejer ?? 0
                if (afgoerelser - sidst >= 10_000 || afgoerelser === o.antal) {
                  sidst = afgoerelser
                  const rate = afgoerelser / ((Date.now() - start) / 1000)
                  o.log(`  ${afgoerelser.toLocaleString('da-DK')} / ${o.antal.toLocaleString('da-DK')} afgørelser, ${huslejer.toLocaleString('da-DK')} huslejer (${sek()} s, ${Math.round(rate)} afgørelser/s)`)
                }
              } else if (m.type === 'faerdig') resolve()
              else if (m.type === 'fejl') reject(new Error(m.besked))
            })
            w.on('error', reject)
            w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Arbejdstråd ${i} stoppede med kode ${code}.`))))
          })
        }),
      )
    } finally {
      process.off('SIGINT', afbrudt)
      process.off('SIGTERM', afbrudt)
      await genskab()
    }
    o.log(`Indsat på ${sek()} s; ANALYZE…`)
    // Sets the visibility map too (the bitmap scans of a search skip visibility checks).
    await db.query('VACUUM (ANALYZE) register_afgoerelser')
    await db.query('ANALYZE register_huslejer')
    o.log(`Færdig på ${sek()} s.`)
    return { afgoerelser, huslejer, sekunder: (Date.now() - start) / 1000 }
  } finally {
    await db.end()
  }
}
