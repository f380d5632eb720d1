// The anonymization's data: what the case knows about its people (for the anonymizer),
// the final version's texts, and the stored results under review.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'
import { adresseKolonner, adresseTekst } from '../../kerne/sag/visning.js'
import { standardPolitik, type KendtPart, type Politik, type Rolle, type SagsViden, type Span } from './typer.js'

type Db = Kysely<DB> | Transaction<DB>

/**
 * Everyone the case names, with what identifies them: the parties (decrypted CPR, CVR,
 * address, e-mail, phone), their representatives and the tenancy's address. The filer's
 * side is the tenant when the filer says so, otherwise the landlord.
 */
export async function sagsviden(db: Db, cpr: CprCipher, sagId: string): Promise<SagsViden> {
  const sag = await db.selectFrom('sager').select(['indbringer_rolle', ...adresseKolonner]).where('id', '=', sagId).executeTakeFirstOrThrow()
  const parter = await db.selectFrom('parter').select(['rolle', 'navn', 'adresse', 'postnr', 'by', 'cpr_krypteret', 'cvr', 'email', 'telefon']).where('sag_id', '=', sagId).orderBy('raekkefoelge').execute()
  const indbringerSide: Rolle = sag.indbringer_rolle === 'udlejer' ? 'udlejer' : 'lejer'
  const modside: Rolle = indbringerSide === 'lejer' ? 'udlejer' : 'lejer'
  const rolle = (r: string): Rolle => (r === 'repraesentant' ? 'repræsentant' : r === 'modpart' ? modside : r === 'medpart' ? 'medpart' : indbringerSide)
  const parties: KendtPart[] = parter.map((x) => {
    const adresse = [x.adresse, [x.postnr, x.by].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    return {
      role: rolle(x.rolle),
      name: x.navn,
      ...(adresse ? { address: adresse } : {}),
      ...(x.cpr_krypteret ? { cpr: cpr.decrypt(x.cpr_krypteret) } : {}),
      ...(x.cvr ? { cvr: x.cvr } : {}),
      ...(x.email ? { email: x.email } : {}),
      ...(x.telefon ? { phone: x.telefon } : {}),
    }
  })
  return { parties, ...(sag.vejnavn ? { lejemaalAdresse: adresseTekst(sag) } : {}) }
}

/** The board's policy: its stored choices over the defaults. */
export async function naevnetsPolitik(db: Db, sagId: string): Promise<{ politik: Politik; taerskel: number | null }> {
  const n = await db
    .selectFrom('sager')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .select(['naevn.anonymisering_politik', 'naevn.auto_godkend_taerskel'])
    .where('sager.id', '=', sagId)
    .executeTakeFirstOrThrow()
  const valgt = (n.anonymisering_politik ?? {}) as Partial<Politik>
  return { politik: { ...standardPolitik, ...valgt }, taerskel: n.auto_godkend_taerskel }
}

export function hentVersion(db: Db, afgoerelseId: string, nr: number) {
  return db
    .selectFrom('afgoerelse_versioner')
    .innerJoin('afgoerelser', 'afgoerelser.id', 'afgoerelse_versioner.afgoerelse_id')
    .select(['afgoerelser.id as afgoerelse_id', 'afgoerelser.sag_id', 'afgoerelse_versioner.nr', 'afgoerelse_versioner.felter'])
    .where('afgoerelse_versioner.afgoerelse_id', '=', afgoerelseId)
    .where('afgoerelse_versioner.nr', '=', nr)
    .executeTakeFirst()
}

/** The newest anonymization of a case's decision (the one for its newest final version). */
export function senesteAnonymisering(db: Db, sagId: string) {
  return db
    .selectFrom('anonymiseringer')
    .innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id')
    .leftJoin('users', 'users.id', 'anonymiseringer.godkendt_af')
    .select([
      'anonymiseringer.id',
      'anonymiseringer.afgoerelse_id',
      'anonymiseringer.version_nr',
      'anonymiseringer.status',
      'anonymiseringer.original_tekst',
      'anonymiseringer.spans',
      'anonymiseringer.anonymiseret_tekst',
      'anonymiseringer.laveste_sikkerhed',
      'anonymiseringer.revision',
      'anonymiseringer.automatisk_godkendt',
      'anonymiseringer.godkendt',
      'users.navn as godkendt_af',
      'afgoerelser.publicering',
      'afgoerelser.publicering_begrundelse',
    ])
    .where('afgoerelser.sag_id', '=', sagId)
    .orderBy('anonymiseringer.version_nr', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export function spansAf(json: unknown): Span[] {
  return Array.isArray(json) ? (json as Span[]) : []
}

/** The decision's public copy, if published: its register id and state. */
export function registerKopi(db: Db, afgoerelseId: string) {
  return db.selectFrom('register_afgoerelser').select(['id', 'status']).where('afgoerelse_id', '=', afgoerelseId).executeTakeFirst()
}
