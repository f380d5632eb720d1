// Publication: the public copy of a decision in the afgørelsesregister, and its decided
// rent in the huslejeregister. Only the publicer-afgoerelse worker writes here, from the
// approved anonymization of the decision's newest final version: the anonymized text, a
// PDF rendered from it on the board's letterhead, and the metadata the national API
// knows (DOMAIN.md). Idempotent: publishing again replaces the copy in place (same
// public id), so a correction never duplicates. Withholding and withdrawing are the
// caseworker's (server/kerne/sag/offentliggoerelse.ts).
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { brevhovedAf, naevnKontaktKolonner } from '../../kerne/documents/brevhoved.js'
import { offentligAfgoerelseDocument } from '../../kerne/documents/offentlig-afgoerelse.js'
import { renderPdf } from '../../kerne/documents/pdf.js'
import type { NaevnType } from '../../kerne/naevn/naevn.js'
import { readKommuner } from '../../kerne/referencedata/kommuner.js'
import { cachedPerDir } from '../../kerne/referencedata/cache.js'
import { loadPostnumre } from '../../kerne/referencedata/postnumre.js'
import { formatBestemmelse, loadLovgrundlag, tilStatutory } from '../../kerne/sag/lovgrundlag.js'
import { afslutningsaarsager, medholdKoder } from '../../kerne/sag/koder.js'
import { formatDansk } from '../../kerne/sag/frister.js'
import { sagsomraadeLabels } from '../../kerne/sag/visning.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { ValidationError } from '../../platform/errors.js'

export interface PubliceringCtx {
  db: Kysely<DB>
  referenceDataDir: string
  publicUrl: string
}

const kommuneNavne = cachedPerDir(async (dir) => new Map((await readKommuner(dir)).map((k) => [k.kommunekode, k.navn])))

export const naevnTypeKode: Record<NaevnType, 'RENT_BOARD' | 'RESIDENT_COMPLAINTS_BOARD'> = { huslejenaevn: 'RENT_BOARD', beboerklagenaevn: 'RESIDENT_COMPLAINTS_BOARD' }

/** How much of a decided rent's address the huslejeregister shows (a board's policy). */
export type HuslejeAdresse = 'fuld' | 'vej' | 'postnr'

const jaNej = (b: boolean | null | undefined) => (b === true ? 'YES' : b === false ? 'NO' : null)

/** kr. per m² per year, whichever way the rent was stated; null without an area. */
export function krPrM2Aar(amount: number, category: string | null, area: number | null): number | null {
  if (category === 'ANNUAL_RENT_PER_SQUARE_METERS') return amount
  if (!area || area <= 0) return null
  return Math.round(((amount * 12) / area) * 100) / 100
}

export function citerbarUrl(publicUrl: string, id: string | number): string {
  return `${publicUrl.replace(/\/$/, '')}/afgoerelser/${id}`
}

type Udfald = 'publiceret' | 'opdateret' | 'ikke godkendt' | 'fravalgt' | 'trukket tilbage' | 'forældet'

/**
 * Writes (or replaces) the public copy of a decision. Everything slow (reference data, the
 * PDF) happens before the decision's row is locked; under the lock it checks that what it
 * rendered is still what should be public (the newest final version, its approved text,
 * publication not withheld) and writes, or writes nothing when a caseworker changed it
 * meanwhile: the change queued a publication of its own ('forældet').
 */
export async function publicerAfgoerelse(ctx: PubliceringCtx, afgoerelseId: string): Promise<Udfald> {
  const { db } = ctx
  const a = await db
    .selectFrom('afgoerelser')
    .innerJoin('sager', 'sager.id', 'afgoerelser.sag_id')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .select([
      'afgoerelser.id',
      'afgoerelser.publicering',
      'sager.id as sag_id',
      'sager.kommunekode',
      'sager.indbragt',
      'sager.sagsnummer',
      'sager.indbringer_rolle',
      'sager.vejnavn',
      'sager.husnummer',
      'sager.etage',
      'sager.doer',
      'sager.postnr',
      'sager.by',
      'naevn.id as naevn_id',
      ...naevnKontaktKolonner,
      'naevn.type as naevn_type',
      'naevn.logo',
      'naevn.logo_mime',
      'naevn.anonymisering_politik',
    ])
    .where('afgoerelser.id', '=', afgoerelseId)
    .executeTakeFirst()
  if (!a) throw new ValidationError('AfgoerelseIkkeFundet', `Afgørelse ${afgoerelseId} findes ikke.`)
  if (a.publicering === 'fravalgt') return 'fravalgt'
  if (a.publicering === 'trukket_tilbage') return 'trukket tilbage'

  // The newest final version, and its anonymization if it has one yet.
  const v = await db
    .selectFrom('afgoerelse_versioner')
    .leftJoin('anonymiseringer', (j) => j.onRef('anonymiseringer.afgoerelse_id', '=', 'afgoerelse_versioner.afgoerelse_id').onRef('anonymiseringer.version_nr', '=', 'afgoerelse_versioner.nr'))
    .select(['afgoerelse_versioner.nr', 'afgoerelse_versioner.felter', 'anonymiseringer.status', 'anonymiseringer.anonymiseret_tekst'])
    .where('afgoerelse_versioner.afgoerelse_id', '=', afgoerelseId)
    .orderBy('afgoerelse_versioner.nr', 'desc')
    .limit(1)
    .executeTakeFirst()
  // Never anything that has not been approved, nor an older version than the newest.
  if (!v || v.status !== 'godkendt' || v.anonymiseret_tekst === null) return 'ikke godkendt'
  const tekst = v.anonymiseret_tekst

  const f = v.felter as Record<string, unknown>
  const type = a.naevn_type
  const [love, kommuner, postnumre] = await Promise.all([loadLovgrundlag(ctx.referenceDataDir), kommuneNavne(ctx.referenceDataDir), loadPostnumre(ctx.referenceDataDir)])
  const kommunekode = a.kommunekode ?? 0
  const kommunenavn = kommuner.get(kommunekode) ?? ''
  const bestemmelser = ((f.lovgrundlag as string[] | undefined) ?? []).map((id) => love.hent(id)).filter((b) => b !== undefined)
  const omraader = (f.sagsomraader as string[] | undefined) ?? []
  const omraadeLabels = sagsomraadeLabels(type, omraader)
  const afgoerelsesdato = String(f.afgoerelsesdato)
  const aarsag = (f.afslutningsaarsag as string | null) ?? 'NOT_SET'
  const medhold = (f.medhold as string | null) ?? 'NOT_SET'
  const titel = `${omraadeLabels.join(', ') || 'Afgørelse'} – ${a.naevn_navn}, ${formatDansk(afgoerelsesdato)}`

  const raekke = {
    naevn_id: a.naevn_id,
    naevn_navn: a.naevn_navn,
    naevn_type: naevnTypeKode[type],
    kommunekode,
    kommunenavn,
    date_of_filing: a.indbragt ? a.indbragt.toISOString().slice(0, 10) : null,
    date_of_decision: afgoerelsesdato,
    serial_number: a.sagsnummer,
    reason_for_closing: aarsag,
    in_favour: medhold,
    submitter: a.indbringer_rolle === 'udlejer' ? 'LANDLORD' : a.indbringer_rolle === 'lejer' ? 'TENANT' : null,
    subjects: omraader,
    subject_labels: omraadeLabels,
    statutories: JSON.stringify(bestemmelser.map(tilStatutory)),
    statute_keys: bestemmelser.map((b) => b.id),
    locally_inspected: (f.besigtigelse as string | null) ?? null,
    general_public_interest: jaNej(f.offentlig_interesse as boolean | null),
    imposition_of_fee: jaNej(f.gebyrpaalaeggelse as boolean | null),
    titel,
    tekst,
    status: 'publiceret',
    status_begrundelse: null,
    version: v.nr,
  }

  // The public id: the copy's own when it was published before, else reserved now, so the
  // PDF can print its citable URL before anything is locked.
  const foer = await db.selectFrom('register_afgoerelser').select('id').where('afgoerelse_id', '=', afgoerelseId).executeTakeFirst()
  const id = foer?.id ?? Number((await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('register_afgoerelser', 'id'))::text AS id`.execute(db)).rows[0]!.id)
  const url = citerbarUrl(ctx.publicUrl, id)
  const brevhoved = brevhovedAf(a)
  const pdf = await renderPdf(
    offentligAfgoerelseDocument(
      {
        naevn: { navn: a.naevn_navn, adresseLinjer: brevhoved.adresseLinjer, kontaktLinjer: brevhoved.kontaktLinjer },
        id: String(id),
        url,
        afgoerelsesdato: formatDansk(afgoerelsesdato),
        kommune: kommunenavn,
        sagsomraader: omraadeLabels,
        udfald: afslutningsaarsager[aarsag as keyof typeof afslutningsaarsager] ?? 'Ikke angivet',
        medhold: medholdKoder[medhold as keyof typeof medholdKoder] ?? null,
        lovgrundlag: bestemmelser.map(formatBestemmelse),
        tekst,
      },
      {
        creationDate: new Date(),
        ...(a.logo && (a.logo_mime === 'image/png' || a.logo_mime === 'image/jpeg') ? { logo: { data: a.logo, mime: a.logo_mime } } : {}),
      },
    ),
  )

  return db.transaction().execute(async (trx) => {
    // Locks the decision row: two runs of the job for one decision write one after the other.
    const laast = await trx.selectFrom('afgoerelser').select('publicering').where('id', '=', afgoerelseId).forUpdate().executeTakeFirstOrThrow()
    if (laast.publicering === 'fravalgt') return 'fravalgt'
    if (laast.publicering === 'trukket_tilbage') return 'trukket tilbage'
    // Still the newest final version with the approved text that was rendered?
    const nu = await trx
      .selectFrom('afgoerelse_versioner')
      .leftJoin('anonymiseringer', (j) => j.onRef('anonymiseringer.afgoerelse_id', '=', 'afgoerelse_versioner.afgoerelse_id').onRef('anonymiseringer.version_nr', '=', 'afgoerelse_versioner.nr'))
      .select(['afgoerelse_versioner.nr', 'anonymiseringer.status', 'anonymiseringer.anonymiseret_tekst'])
      .where('afgoerelse_versioner.afgoerelse_id', '=', afgoerelseId)
      .orderBy('afgoerelse_versioner.nr', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!nu || nu.nr !== v.nr || nu.status !== 'godkendt' || nu.anonymiseret_tekst !== tekst) return 'forældet'
    const findes = await trx.selectFrom('register_afgoerelser').select(['id', 'status', 'version']).where('afgoerelse_id', '=', afgoerelseId).executeTakeFirst()
    // Another run published it first under the id it reserved: this PDF names another id.
    // Thrown, so the job is retried (and then reuses that id).
    if (findes && findes.id !== id) throw new Error(`Afgørelse ${afgoerelseId} blev publiceret af et andet job samtidig; publiceringen prøves igen.`)
    // Already published from this version: the job runs again (its worker died after the
    // commit, before BullMQ marked it done). The copy is replaced in place as always, but
    // that is no new publication for the journal. Approving, correcting and resuming all
    // set the decision back to 'godkendt' first, so they are journaled.
    const gentagelse = laast.publicering === 'publiceret' && findes?.status === 'publiceret' && findes.version === v.nr
    if (findes) await trx.updateTable('register_afgoerelser').set({ ...raekke, pdf, opdateret: sql`now()` }).where('id', '=', findes.id).execute()
    else await trx.insertInto('register_afgoerelser').values({ ...raekke, pdf, id, afgoerelse_id: afgoerelseId }).execute()

    await trx.deleteFrom('register_huslejer').where('register_afgoerelse_id', '=', id).execute()
    const husleje = f.husleje === null || f.husleje === undefined ? null : Number(f.husleje)
    if (husleje !== null && Number.isFinite(husleje)) {
      const areal = f.areal === null || f.areal === undefined ? null : Number(f.areal)
      const politik = (a.anonymisering_politik ?? {}) as { huslejeAdresse?: HuslejeAdresse }
      const visning: HuslejeAdresse = politik.huslejeAdresse ?? 'vej'
      const adr = {
        vejnavn: visning === 'postnr' ? null : a.vejnavn,
        husnummer: visning === 'postnr' ? null : a.husnummer,
        etage: visning === 'fuld' ? a.etage : null,
        doer: visning === 'fuld' ? a.doer : null,
        postnr: a.postnr,
        postnavn: (a.postnr ? postnumre.lookup(a.postnr)?.navn : undefined) ?? a.by,
      }
      await trx
        .insertInto('register_huslejer')
        .values({
          register_afgoerelse_id: id,
          ...adr,
          kommunekode,
          kommunenavn,
          method: (f.huslejefastsaettelse_metode as string | null) ?? null,
          declaration: (f.huslejeangivelse as string | null) ?? null,
          category: (f.huslejekategori as string | null) ?? null,
          amount: String(husleje),
          gross_area: areal === null ? null : String(areal),
          date_of_determination: (f.huslejefastsaettelse_dato as string | null) ?? null,
          kr_per_m2_aar: ((k) => (k === null ? null : String(k)))(krPrM2Aar(husleje, (f.huslejekategori as string | null) ?? null, areal)),
          adresse_tekst: [[adr.vejnavn, adr.husnummer].filter(Boolean).join(' '), [adr.etage && `${adr.etage}.`, adr.doer].filter(Boolean).join(' '), [adr.postnr, adr.postnavn].filter(Boolean).join(' ')].filter(Boolean).join(', '),
        })
        .execute()
    }
    await trx.updateTable('afgoerelser').set({ publicering: 'publiceret', publicering_begrundelse: null }).where('id', '=', afgoerelseId).execute()
    if (!gentagelse) await skrivJournal(trx, { sagId: a.sag_id, aktoerId: null, handling: findes ? 'afgoerelse_genpubliceret' : 'afgoerelse_publiceret', detaljer: { registerId: String(id), version: v.nr, url }, synligForParter: true })
    return findes ? ('opdateret' as const) : ('publiceret' as const)
  })
}
