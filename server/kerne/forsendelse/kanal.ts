// Which channel a letter with legal effect takes (DOMAIN.md, "Digital Post"): a party
// with CPR or CVR who is not exempt gets Digital Post; an exempt party, or one without
// CPR/CVR, gets a physical letter. A representative receives instead of the party when
// the case says so.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { CprCipher } from '../identitet/cpr-crypto.js'

export type Kanalvalg =
  | { kanal: 'digital_post'; modtagerPartId: string; modtager: { id: string; idType: 'CPR' | 'CVR'; navn: string }; begrundelse: string }
  | { kanal: 'brev'; modtagerPartId: string; begrundelse: string }

export async function bestemKanal(db: Kysely<DB>, cpr: CprCipher, sagId: string, partId: string, idag: string): Promise<Kanalvalg> {
  const sag = await db.selectFrom('sager').select('repraesentant_modtager').where('id', '=', sagId).executeTakeFirstOrThrow()
  const parter = await db.selectFrom('parter').select(['id', 'rolle', 'navn', 'cpr_krypteret', 'cvr']).where('sag_id', '=', sagId).execute()
  const part = parter.find((x) => x.id === partId)
  if (!part) throw new Error(`part ${partId} findes ikke i sagen`)
  const repraesentant = parter.find((x) => x.rolle === 'repraesentant')
  const forRepraesentant = sag.repraesentant_modtager && repraesentant !== undefined && (part.rolle === 'indbringer' || part.rolle === 'medpart')
  const modtager = forRepraesentant ? repraesentant : part
  const hvem = forRepraesentant ? `repræsentanten ${modtager.navn} (på vegne af ${part.navn})` : modtager.navn

  const fritaget = async (felt: 'cpr_hash' | 'cvr', vaerdi: string) =>
    db
      .selectFrom('fritagelser')
      .select('id')
      .where(felt, '=', vaerdi)
      .where('gyldig_fra', '<=', idag)
      .where((eb) => eb.or([eb('gyldig_til', 'is', null), eb('gyldig_til', '>=', idag)]))
      .executeTakeFirst()

  if (modtager.cvr) {
    if (await fritaget('cvr', modtager.cvr)) return { kanal: 'brev', modtagerPartId: modtager.id, begrundelse: `Brev: ${hvem} er fritaget for Digital Post.` }
    return { kanal: 'digital_post', modtagerPartId: modtager.id, modtager: { id: modtager.cvr, idType: 'CVR', navn: modtager.navn }, begrundelse: `Digital Post til ${hvem} (CVR).` }
  }
  if (modtager.cpr_krypteret) {
    const nummer = cpr.decrypt(modtager.cpr_krypteret)
    if (await fritaget('cpr_hash', cpr.lookupHash(nummer))) return { kanal: 'brev', modtagerPartId: modtager.id, begrundelse: `Brev: ${hvem} er fritaget for Digital Post.` }
    return { kanal: 'digital_post', modtagerPartId: modtager.id, modtager: { id: nummer, idType: 'CPR', navn: modtager.navn }, begrundelse: `Digital Post til ${hvem} (CPR).` }
  }
  return { kanal: 'brev', modtagerPartId: modtager.id, begrundelse: `Brev: der er intet CPR- eller CVR-nummer for ${hvem}.` }
}
