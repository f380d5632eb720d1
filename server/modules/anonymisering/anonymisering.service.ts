// Anonymization of a final decision and the caseworker's review of it.
//
// The job (anonymiser-afgoerelse) runs the anonymizer on the final version's texts with
// everything the case knows about its people, stores the result and moves the decision's
// publication state to til_gennemsyn — or straight to godkendt when the board allows
// automatic approval and no span falls below its threshold. The review then removes,
// adds and re-words spans (always offsets into the stored original, re-applied with
// anvendSpans) and finally approves. Every step is journaled, never visible to parties.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'
import type { Principal } from '../../kerne/access/principal.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js'
import { anonymiser, anvendSpans } from './anonymiser.js'
import { indlaesLeksikon } from './leksikon.js'
import { hentVersion, naevnetsPolitik, sagsviden, senesteAnonymisering, spansAf } from './anonymisering.repository.js'
import type { Span, SpanType } from './typer.js'
import type { JournalHandling } from '../../kerne/sag/journalhandlinger.js'

export interface AnonymiseringCtx {
  db: Kysely<DB>
  cpr: CprCipher
  referenceDataDir: string
}

/** The sections of the decision that are published, as one text with their headings. */
export function publiceretTekst(felter: { afgoerelse_tekst?: unknown; sagsfremstilling?: unknown; begrundelse?: unknown }): string {
  const afsnit: [string, unknown][] = [
    ['AFGØRELSE', felter.afgoerelse_tekst],
    ['SAGSFREMSTILLING', felter.sagsfremstilling],
    ['LOVGRUNDLAG OG BEGRUNDELSE', felter.begrundelse],
  ]
  return afsnit
    .filter(([, t]) => typeof t === 'string' && t.trim())
    .map(([overskrift, t]) => `${overskrift}\n\n${String(t).trim()}`)
    .join('\n\n')
}

const laveste = (spans: readonly Span[]) => (spans.length === 0 ? null : Math.min(...spans.map((s) => s.sikkerhed)))

/**
 * Anonymizes one final version. Idempotent: a version already anonymized is left as it
 * is (a retried job must not throw away a review in progress).
 */
export async function anonymiserVersion(ctx: AnonymiseringCtx, afgoerelseId: string, nr: number): Promise<'anonymiseret' | 'godkendt automatisk' | 'allerede anonymiseret' | 'ikke nyeste version'> {
  const version = await hentVersion(ctx.db, afgoerelseId, nr)
  if (!version) throw new NotFoundError('VersionIkkeFundet', `Afgørelse ${afgoerelseId} har ingen endelig version ${nr}.`)
  const findes = await ctx.db.selectFrom('anonymiseringer').select('id').where('afgoerelse_id', '=', afgoerelseId).where('version_nr', '=', nr).executeTakeFirst()
  if (findes) return 'allerede anonymiseret'
  const nyeste = await ctx.db.selectFrom('afgoerelse_versioner').select((eb) => eb.fn.max('nr').as('nr')).where('afgoerelse_id', '=', afgoerelseId).executeTakeFirstOrThrow()
  if (Number(nyeste.nr) !== nr) return 'ikke nyeste version'

  const tekst = publiceretTekst(version.felter as Record<string, unknown>)
  const [viden, { politik, taerskel }, leksikon] = await Promise.all([sagsviden(ctx.db, ctx.cpr, version.sag_id), naevnetsPolitik(ctx.db, version.sag_id), indlaesLeksikon(ctx.referenceDataDir)])
  const resultat = anonymiser(tekst, viden, leksikon, politik)
  const lavest = laveste(resultat.spans)
  const automatisk = taerskel !== null && (lavest === null || lavest >= taerskel)

  return ctx.db.transaction().execute(async (trx) => {
    const indsat = await trx
      .insertInto('anonymiseringer')
      .values({
        afgoerelse_id: afgoerelseId,
        version_nr: nr,
        status: automatisk ? 'godkendt' : 'til_gennemsyn',
        original_tekst: tekst,
        spans: JSON.stringify(resultat.spans),
        anonymiseret_tekst: resultat.tekst,
        laveste_sikkerhed: lavest,
        automatisk_godkendt: automatisk,
        godkendt: automatisk ? sql<Date>`now()` : null,
      })
      .onConflict((oc) => oc.columns(['afgoerelse_id', 'version_nr']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!indsat) return 'allerede anonymiseret' as const
    // A decision the caseworker chose not to publish, or withdrew, stays so.
    const rykket = await trx
      .updateTable('afgoerelser')
      .set({ publicering: automatisk ? 'godkendt' : 'til_gennemsyn' })
      .where('id', '=', afgoerelseId)
      .where((eb) => eb.or([eb('publicering', 'is', null), eb('publicering', 'not in', ['fravalgt', 'trukket_tilbage'])]))
      .returning('id')
      .executeTakeFirst()
    if (automatisk && rykket) await addToOutbox(trx, 'publicer-afgoerelse', { afgoerelseId })
    await skrivJournal(trx, {
      sagId: version.sag_id,
      aktoerId: null,
      handling: automatisk ? 'anonymisering_godkendt' : 'anonymisering_klar',
      begrundelse: automatisk ? `Godkendt automatisk: ingen markering under ${Math.round(taerskel! * 100)} % sikkerhed.` : null,
      detaljer: { version: nr, markeringer: resultat.spans.length, lavesteSikkerhed: lavest },
      synligForParter: false,
    })
    return automatisk ? ('godkendt automatisk' as const) : ('anonymiseret' as const)
  })
}

/** The review of the case's newest anonymization, for staff of the case's board only. */
export async function hentTilGennemsyn(db: Kysely<DB>, p: Principal, sagId: string) {
  const sag = await sagForPersonale(db, p, sagId)
  const a = await senesteAnonymisering(db, sag.id)
  return { sag, anonymisering: a ?? null }
}

async function redigerbar(db: Kysely<DB>, p: Principal, sagId: string, revision: number) {
  const { sag, anonymisering: a } = await hentTilGennemsyn(db, p, sagId)
  if (!a) throw new NotFoundError('AnonymiseringIkkeFundet', 'Afgørelsen er ikke anonymiseret endnu.')
  if (a.status === 'godkendt') throw new ConflictError('AnonymiseringGodkendt', 'Anonymiseringen er godkendt og kan ikke længere ændres.')
  if (a.revision !== revision) throw new ConflictError('AnonymiseringAendret', 'En anden har ændret anonymiseringen, siden du åbnede den. Siden er genindlæst med de nyeste markeringer.')
  return { sag, a }
}

/** Spans must lie inside the text, not overlap, and say what replaces them. */
export function kontrollerSpans(tekst: string, spans: readonly Span[]): Span[] {
  const sorteret = [...spans].sort((x, y) => x.start - y.start || x.end - y.end)
  let slut = 0
  for (const s of sorteret) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > tekst.length || s.start >= s.end) throw new ValidationError('UgyldigMarkering', 'En markering ligger uden for teksten.')
    if (s.start < slut) throw new ValidationError('OverlappendeMarkering', 'To markeringer overlapper; fjern den ene først.', { tekst: 'Markeringen overlapper en eksisterende markering.' })
    slut = s.end
  }
  return sorteret
}

async function gemSpans(db: Kysely<DB>, p: Principal, sag: { id: string }, a: { id: string; original_tekst: string; revision: number }, spans: Span[], handling: JournalHandling, detaljer: Record<string, unknown>) {
  const gyldige = kontrollerSpans(a.original_tekst, spans)
  await db.transaction().execute(async (trx) => {
    const opdateret = await trx
      .updateTable('anonymiseringer')
      .set({ spans: JSON.stringify(gyldige), anonymiseret_tekst: anvendSpans(a.original_tekst, gyldige), laveste_sikkerhed: laveste(gyldige), revision: a.revision + 1, opdateret: sql`now()` })
      .where('id', '=', a.id)
      .where('revision', '=', a.revision)
      .where('status', '=', 'til_gennemsyn')
      .returning('id')
      .executeTakeFirst()
    if (!opdateret) throw new ConflictError('AnonymiseringAendret', 'En anden har ændret anonymiseringen, siden du åbnede den. Siden er genindlæst med de nyeste markeringer.')
    await skrivJournal(trx, { sagId: sag.id, aktoerId: p.userId, handling, detaljer, synligForParter: false })
  })
}

/** Removes the chosen spans and gives others a new replacement text. */
export async function retMarkeringer(db: Kysely<DB>, p: Principal, sagId: string, input: { revision: number; fjern: number[]; erstatninger: Map<number, string> }) {
  const { sag, a } = await redigerbar(db, p, sagId, input.revision)
  const fjern = new Set(input.fjern)
  const spans: Span[] = []
  let rettet = 0
  spansAf(a.spans).forEach((s, i) => {
    if (fjern.has(i)) return
    const ny = input.erstatninger.get(i)?.trim()
    if (ny !== undefined && ny !== s.erstatning) {
      if (!ny) throw new ValidationError('ErstatningMangler', 'En markering skal erstattes af en tekst, fx "[navn]".', { [`erstatning_${i}`]: 'Skriv, hvad teksten skal erstattes af.' })
      rettet++
      spans.push({ ...s, erstatning: ny.slice(0, 60), regel: s.regel === 'manuel' ? s.regel : `${s.regel}+rettet` })
    } else spans.push(s)
  })
  await gemSpans(db, p, sag, a, spans, 'anonymisering_rettet', { fjernet: fjern.size, rettet })
}

export const spanTyper: Record<SpanType, string> = {
  person: 'Person',
  adresse: 'Adresse',
  cpr: 'CPR-nummer',
  cvr: 'CVR-nummer',
  telefon: 'Telefonnummer',
  email: 'E-mail',
  iban: 'IBAN',
  konto: 'Kontonummer',
  nummerplade: 'Nummerplade',
  sagsnummer: 'Sagsnummer',
  virksomhed: 'Virksomhed',
}

export const standardErstatning: Record<SpanType, string> = {
  person: '[navn]',
  adresse: '[adresse]',
  cpr: '[cpr-nr.]',
  cvr: '[cvr-nr.]',
  telefon: '[telefon]',
  email: '[e-mail]',
  iban: '[kontonummer]',
  konto: '[kontonummer]',
  nummerplade: '[nummerplade]',
  sagsnummer: '[sagsnummer]',
  virksomhed: '[virksomhed]',
}

export function erSpanType(v: string): v is SpanType {
  return Object.hasOwn(spanTyper, v)
}

/**
 * Adds a span the anonymizer missed. With start and end (a selection in the text) only
 * that place; otherwise every place the text occurs that is not already masked.
 */
export async function tilfoejMarkering(db: Kysely<DB>, p: Principal, sagId: string, input: { revision: number; tekst: string; type: string; erstatning: string; start?: number; end?: number }) {
  const { sag, a } = await redigerbar(db, p, sagId, input.revision)
  const fejl: Record<string, string> = {}
  const tekst = input.tekst.trim()
  if (tekst.length < 2) fejl.tekst = 'Skriv eller markér den tekst, der skal skjules (mindst 2 tegn).'
  if (!erSpanType(input.type)) fejl.type = 'Vælg, hvad teksten er.'
  if (Object.keys(fejl).length > 0) throw new ValidationError('UgyldigMarkering', 'Markeringen kunne ikke tilføjes.', fejl)
  const type = input.type as SpanType
  const erstatning = input.erstatning.trim().slice(0, 60) || standardErstatning[type]
  const eksisterende = spansAf(a.spans)
  const fri = (start: number, end: number) => eksisterende.every((s) => end <= s.start || start >= s.end)
  const nye: Span[] = []
  const ny = (start: number): Span => ({ start, end: start + tekst.length, type, regel: 'manuel', sikkerhed: 1, erstatning })
  if (input.start !== undefined && input.end !== undefined && a.original_tekst.slice(input.start, input.end).trim() === tekst) {
    // A selection may carry surrounding spaces; the span covers the text itself.
    const start = input.start + a.original_tekst.slice(input.start, input.end).indexOf(tekst)
    if (fri(start, start + tekst.length)) nye.push(ny(start))
  } else {
    for (let i = a.original_tekst.indexOf(tekst); i !== -1; i = a.original_tekst.indexOf(tekst, i + tekst.length)) {
      if (fri(i, i + tekst.length)) nye.push(ny(i))
    }
  }
  if (nye.length === 0) {
    const findes = a.original_tekst.includes(tekst)
    throw new ValidationError('MarkeringIkkeFundet', findes ? 'Teksten er allerede skjult alle steder.' : 'Teksten findes ikke i afgørelsen. Skriv den præcis, som den står.', { tekst: findes ? 'Teksten er allerede skjult.' : 'Teksten findes ikke i afgørelsen.' })
  }
  await gemSpans(db, p, sag, a, [...eksisterende, ...nye], 'anonymisering_rettet', { tilfoejet: nye.length })
  return nye.length
}

/** Approves the anonymized text for publication. */
export async function godkend(db: Kysely<DB>, p: Principal, sagId: string, revision: number): Promise<void> {
  const { sag, a } = await redigerbar(db, p, sagId, revision)
  await db.transaction().execute(async (trx) => {
    const ok = await trx
      .updateTable('anonymiseringer')
      .set({ status: 'godkendt', godkendt: sql`now()`, godkendt_af: p.userId })
      .where('id', '=', a.id)
      .where('revision', '=', a.revision)
      .where('status', '=', 'til_gennemsyn')
      .returning('id')
      .executeTakeFirst()
    if (!ok) throw new ConflictError('AnonymiseringAendret', 'En anden har ændret anonymiseringen, siden du åbnede den.')
    const rykket = await trx.updateTable('afgoerelser').set({ publicering: 'godkendt' }).where('id', '=', a.afgoerelse_id).where('publicering', '=', 'til_gennemsyn').returning('id').executeTakeFirst()
    // Publication follows approval, unless it was withheld meanwhile.
    if (rykket) await addToOutbox(trx, 'publicer-afgoerelse', { afgoerelseId: a.afgoerelse_id })
    await skrivJournal(trx, { sagId: sag.id, aktoerId: p.userId, handling: 'anonymisering_godkendt', detaljer: { version: a.version_nr, markeringer: spansAf(a.spans).length }, synligForParter: false })
  })
}
