// A board's anonymization policy (DOMAIN.md "Publication"): how people are replaced,
// whether postal code and town stay, whether company names stay, other authorities'
// case-number patterns, and the confidence at which review may be skipped. Set by the
// head of the board's secretariat or an admin; every change is in the revision log.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { FormErrors } from '../../platform/forms/form.js'
import { logRevision } from '../../kerne/revision/revisionslog.js'
import { NotFoundError } from '../../platform/errors.js'
import { standardPolitik, type Politik } from './typer.js'

export interface PolitikInput {
  erstatning: string
  bevarPostnummerOgBy: boolean
  bevarVirksomhedsnavne: boolean
  andreSagsnumre: string
  /** Percent, or empty for "always review". */
  taerskel: string
}

const maksMoenstre = 10

export async function hentPolitik(db: Kysely<DB>, naevnId: string) {
  const n = await db.selectFrom('naevn').select(['id', 'navn', 'anonymisering_politik', 'auto_godkend_taerskel']).where('id', '=', naevnId).executeTakeFirst()
  if (!n) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
  const politik: Politik = { ...standardPolitik, ...((n.anonymisering_politik ?? {}) as Partial<Politik>) }
  return { naevn: { id: n.id, navn: n.navn }, politik, taerskel: n.auto_godkend_taerskel }
}

/** Validates and stores; returns the errors (nothing stored) when the input is wrong. */
export async function gemPolitik(db: Kysely<DB>, naevnId: string, input: PolitikInput, actorId: string): Promise<FormErrors> {
  const errors = new FormErrors()
  if (input.erstatning !== 'roller' && input.erstatning !== 'bogstaver') errors.add('erstatning', 'Vælg, hvordan personer erstattes.')
  const moenstre = input.andreSagsnumre.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  if (moenstre.length > maksMoenstre) errors.add('andreSagsnumre', `Højst ${maksMoenstre} mønstre.`)
  for (const m of moenstre) {
    try {
      new RegExp(m, 'u')
      if (m.length > 200) errors.add('andreSagsnumre', 'Et mønster må højst være 200 tegn.')
    } catch {
      errors.add('andreSagsnumre', `"${m.slice(0, 40)}" er ikke et gyldigt mønster (regulært udtryk).`)
    }
  }
  let taerskel: number | null = null
  const t = input.taerskel.trim().replace(',', '.').replace(/\s*%$/, '')
  if (t) {
    const v = Number(t)
    if (!Number.isFinite(v) || v < 50 || v > 100) errors.add('taerskel', 'Skriv en procent mellem 50 og 100, eller lad feltet stå tomt.')
    else taerskel = v / 100
  }
  if (errors.any) return errors
  const politik: Politik = { erstatning: input.erstatning as Politik['erstatning'], bevarPostnummerOgBy: input.bevarPostnummerOgBy, bevarVirksomhedsnavne: input.bevarVirksomhedsnavne, andreSagsnumre: moenstre }
  await db.transaction().execute(async (trx) => {
    // Other settings in the same column (e.g. the register's huslejeAdresse) stay as they are.
    const nu = await trx.selectFrom('naevn').select('anonymisering_politik').where('id', '=', naevnId).forUpdate().executeTakeFirst()
    const oevrige = (nu?.anonymisering_politik ?? {}) as Record<string, unknown>
    const opdateret = await trx.updateTable('naevn').set({ anonymisering_politik: JSON.stringify({ ...oevrige, ...politik }), auto_godkend_taerskel: taerskel }).where('id', '=', naevnId).returning('id').executeTakeFirst()
    if (!opdateret) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    await logRevision(trx, { actorId, handling: 'anonymiseringspolitik_opdateret', objektType: 'naevn', objektId: naevnId, detaljer: { ...politik, autoGodkendTaerskel: taerskel } })
  })
  return errors
}
