// The fees (gebyrer): which one a filing costs, and the table of amounts per year that
// an administrator keeps. The amounts are indexed every year (lov om boligforhold § 82
// and § 100; almenlejeloven § 102, stk. 1), so they live in the table gebyrsatser and
// never in code. A year without an amount is reported as missing, never guessed: the
// filer's fee is never refunded (DOMAIN.md), so a wrong amount cannot be undone.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { ValidationError } from '../../platform/errors.js'
import { FormErrors } from '../../platform/forms/form.js'
import { isNaevnType, naevnTypeLabel, naevnTyper, type NaevnType } from '../naevn/naevn.js'
import { logRevision } from '../revision/revisionslog.js'

export const gebyrKategorier = ['indbringelse', 'paragraf_132_stk_2', 'forhaandsgodkendelse', 'udlejer_lejer_faar_medhold'] as const
export type GebyrKategori = (typeof gebyrKategorier)[number]

/** The categories of each board type, as in the table's check constraint. */
export const gebyrKategorierFor: Readonly<Record<NaevnType, readonly GebyrKategori[]>> = Object.freeze({
  huslejenaevn: Object.freeze([...gebyrKategorier]),
  // almenlejeloven § 102, stk. 1: one fee per case, whoever files.
  beboerklagenaevn: Object.freeze(['indbringelse'] as GebyrKategori[]),
})

export const gebyrKategoriLabel: Readonly<Record<GebyrKategori, string>> = Object.freeze({
  indbringelse: 'Gebyr for indbringelse af en sag',
  paragraf_132_stk_2: 'Sager efter lejelovens § 132, stk. 2 (leje før udlejning af ejer- eller andelsbolig)',
  forhaandsgodkendelse: 'Forhåndsgodkendelse af leje (lejelovens § 19, stk. 3)',
  udlejer_lejer_faar_medhold: 'Udlejers gebyr, når lejer får fuldt medhold',
})

export function isGebyrKategori(value: unknown): value is GebyrKategori {
  return gebyrKategorier.includes(value as GebyrKategori)
}

export type GebyrForIndbringelse = { beloebKr: number; kategori: GebyrKategori; aar: number } | { mangler: true; aar: number; kategori: GebyrKategori }

/**
 * The fee category a filing pays: a request for forhåndsgodkendelse and a § 132, stk. 2
 * request have their own fees at a huslejenævn; everything else pays the filing fee.
 */
export function gebyrKategoriForFormaal(naevnType: NaevnType, formaal: string): GebyrKategori {
  if (formaal !== 'forhaandsgodkendelse' && formaal !== 'paragraf_132_stk_2') return 'indbringelse'
  if (naevnType !== 'huslejenaevn') {
    throw new ValidationError('FormaalIkkeForNaevnType', 'Formålet kan kun indbringes for et huslejenævn.', {
      formaal: 'Formålet kan kun indbringes for et huslejenævn.',
    })
  }
  return formaal
}

/** The fee for filing a case in the given year (the year of filing), or that it is not set. */
export async function gebyrForIndbringelse(
  db: Kysely<DB>,
  o: { aar: number; naevnType: NaevnType; formaal: string },
): Promise<GebyrForIndbringelse> {
  const kategori = gebyrKategoriForFormaal(o.naevnType, o.formaal)
  const row = await db
    .selectFrom('gebyrsatser')
    .select('beloeb_kr')
    .where('aar', '=', o.aar)
    .where('naevn_type', '=', o.naevnType)
    .where('kategori', '=', kategori)
    .executeTakeFirst()
  if (!row) return { mangler: true, aar: o.aar, kategori }
  return { beloebKr: row.beloeb_kr, kategori, aar: o.aar }
}

/** "357 kr.", "4.552 kr.": the Danish thousands separator is a full stop. */
export function formatKroner(kr: number): string {
  return `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(kr)} kr.`
}

export interface Gebyrsats {
  aar: number
  naevnType: NaevnType
  kategori: GebyrKategori
  beloebKr: number
  opdateret: Date
  /** The administrator's name; null for the amounts the migration entered. */
  opdateretAf: string | null
}

/** Every rate, newest year first, then board type and category in their legal order. */
export async function listGebyrsatser(db: Kysely<DB>): Promise<Gebyrsats[]> {
  const rows = await db
    .selectFrom('gebyrsatser')
    .leftJoin('users', 'users.id', 'gebyrsatser.opdateret_af')
    .select(['gebyrsatser.aar', 'gebyrsatser.naevn_type', 'gebyrsatser.kategori', 'gebyrsatser.beloeb_kr', 'gebyrsatser.opdateret', 'users.navn'])
    .orderBy('gebyrsatser.aar', 'desc')
    .execute()
  return rows
    .map((r) => ({
      aar: r.aar,
      naevnType: r.naevn_type,
      kategori: r.kategori as GebyrKategori,
      beloebKr: r.beloeb_kr,
      opdateret: r.opdateret,
      opdateretAf: r.navn,
    }))
    .sort(
      (a, b) =>
        b.aar - a.aar ||
        naevnTyper.indexOf(a.naevnType) - naevnTyper.indexOf(b.naevnType) ||
        gebyrKategorier.indexOf(a.kategori) - gebyrKategorier.indexOf(b.kategori),
    )
}

/** The (type, category) pairs that have no amount for the year: the administrator's to-do list. */
export function manglendeGebyrsatser(satser: readonly Gebyrsats[], aar: number): { naevnType: NaevnType; kategori: GebyrKategori }[] {
  return naevnTyper.flatMap((naevnType) =>
    gebyrKategorierFor[naevnType]
      .filter((kategori) => !satser.some((s) => s.aar === aar && s.naevnType === naevnType && s.kategori === kategori))
      .map((kategori) => ({ naevnType, kategori })),
  )
}

export interface GebyrsatsInput {
  aar: number
  naevnType: NaevnType
  kategori: GebyrKategori
  beloebKr: number
}

export const gebyrAarMin = 2000
export const gebyrAarMax = 2100
const beloebMax = 1_000_000

/**
 * Reads the admin form's text fields. The amount may be typed as "4552", "4.552" or
 * "4.552 kr."; öre are refused, since the amounts are rounded to whole kroner.
 */
export function laesGebyrsatsForm(raw: { aar: string; naevnType: string; kategori: string; beloeb: string }): { input: GebyrsatsInput } | { errors: FormErrors } {
  const errors = new FormErrors()
  const aar = /^\d{4}$/.test(raw.aar) ? Number(raw.aar) : NaN
  if (!(aar >= gebyrAarMin && aar <= gebyrAarMax)) errors.add('aar', `Skriv et årstal mellem ${gebyrAarMin} og ${gebyrAarMax}.`)
  if (!isNaevnType(raw.naevnType)) errors.add('naevnType', 'Vælg nævnstype.')
  if (!isGebyrKategori(raw.kategori)) errors.add('kategori', 'Vælg gebyrets kategori.')
  else if (isNaevnType(raw.naevnType) && !gebyrKategorierFor[raw.naevnType].includes(raw.kategori)) {
    errors.add('kategori', `Et ${naevnTypeLabel[raw.naevnType].toLowerCase()} har ikke denne gebyrkategori.`)
  }
  const beloebKr = parseKroner(raw.beloeb)
  if (raw.beloeb.trim() === '') errors.add('beloeb', 'Skriv beløbet i hele kroner.')
  else if (beloebKr === undefined || beloebKr > beloebMax) errors.add('beloeb', 'Skriv beløbet i hele kroner, fx 357 eller 4.552.')
  if (errors.any) return { errors }
  return { input: { aar, naevnType: raw.naevnType as NaevnType, kategori: raw.kategori as GebyrKategori, beloebKr: beloebKr! } }
}

function parseKroner(text: string): number | undefined {
  const value = text.trim().replace(/\s*kr\.?$/i, '').replace(/\s/g, '')
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(value)) return undefined
  const n = Number(value.replace(/\./g, ''))
  return Number.isSafeInteger(n) ? n : undefined
}


/** Sets (or corrects) one amount, and records who did it and what it was before. */
export async function saetGebyrsats(db: Kysely<DB>, input: GebyrsatsInput, actorId: string): Promise<void> {
  if (
    !Number.isInteger(input.aar) ||
    input.aar < gebyrAarMin ||
    input.aar > gebyrAarMax ||
    !gebyrKategorierFor[input.naevnType]?.includes(input.kategori) ||
    !Number.isSafeInteger(input.beloebKr) ||
    input.beloebKr < 0
  ) {
    throw new ValidationError('UgyldigGebyrsats', 'Gebyrsatsen er ugyldig.')
  }
  await db.transaction().execute(async (trx) => {
    const tidligere = await trx
      .selectFrom('gebyrsatser')
      .select('beloeb_kr')
      .where('aar', '=', input.aar)
      .where('naevn_type', '=', input.naevnType)
      .where('kategori', '=', input.kategori)
      .forUpdate()
      .executeTakeFirst()
    await trx
      .insertInto('gebyrsatser')
      .values({ aar: input.aar, naevn_type: input.naevnType, kategori: input.kategori, beloeb_kr: input.beloebKr, opdateret_af: actorId })
      .onConflict((oc) =>
        oc.columns(['aar', 'naevn_type', 'kategori']).doUpdateSet({ beloeb_kr: input.beloebKr, opdateret: sql`now()`, opdateret_af: actorId }),
      )
      .execute()
    await logRevision(trx, {
      actorId,
      handling: 'gebyrsats_sat',
      objektType: 'gebyr',
      objektId: `${input.aar}/${input.naevnType}/${input.kategori}`,
      detaljer: { ...input, tidligereBeloebKr: tidligere?.beloeb_kr ?? null },
    })
  })
}
