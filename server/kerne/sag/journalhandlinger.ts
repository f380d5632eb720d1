// Every action the journal records, with how staff and parties read it. skrivJournal takes
// only these codes, so an action without its wording does not compile; every view and
// document (the caseworker's case page, the party's case page, the GDPR access report)
// names an entry through journalTekst.
import { statusLabel } from './status.js'

interface Ordlyd {
  /** What the secretariat and leaders read. */
  readonly personale: string
  /** What a party reads, for the entries they may see; null where they never see it. */
  readonly part: string | null
}

export const journalHandlinger = {
  status: { personale: 'Status ændret', part: 'Sagens status er ændret' },
  kladde_oprettet: { personale: 'Kladde oprettet af indbringer', part: 'Kladden blev oprettet' },
  kvittering_dannet: { personale: 'Kvittering dannet', part: 'Kvitteringen blev dannet' },
  besked_fra_part: { personale: 'Besked fra part', part: 'Besked sendt til sekretariatet' },
  bilag_tilfoejet: { personale: 'Bilag fra part', part: 'Bilag sendt til sagen' },
  gebyr_betalt: { personale: 'Gebyr registreret som betalt', part: 'Gebyret er registreret som betalt' },
  sag_laest: { personale: 'Sagen åbnet', part: null },
  dokument_laest: { personale: 'Dokument åbnet', part: null },
  tildelt: { personale: 'Sagen tildelt', part: null },
  notat: { personale: 'Notat skrevet', part: null },
  notat_rettet: { personale: 'Rettelsesnotat skrevet', part: null },
  vurdering_opdateret: { personale: 'Vurdering opdateret', part: null },
  partshoering_sendt: { personale: 'Sendt i partshøring', part: 'Sagen er sendt i partshøring' },
  partshoering_afsluttet: { personale: 'Partshøring afsluttet', part: 'Partshøringen er afsluttet' },
  frist_forlaenget: { personale: 'Svarfrist forlænget', part: 'Svarfristen er forlænget' },
  hoeringssvar: { personale: 'Høringssvar modtaget', part: 'Høringssvar modtaget' },
  brev_dannet: { personale: 'Brev dannet (til afsendelse)', part: 'Nævnet har sendt et brev' },
  brev_skrevet: { personale: 'Brev skrevet', part: null },
  besked_fra_sekretariat: { personale: 'Besked sendt til part', part: 'Besked fra sekretariatet' },
  part_tilknyttet: { personale: 'Part har fået adgang til sagen', part: 'En part har fået adgang til sagen' },
  fuldmagt_registreret: { personale: 'Fuldmagt registreret', part: 'En fuldmagt er registreret i sagen' },
  fuldmagt_tilbagekaldt: { personale: 'Fuldmagt tilbagekaldt', part: 'En fuldmagt i sagen er tilbagekaldt' },
  anonymisering_klar: { personale: 'Afgørelsen er anonymiseret og klar til gennemsyn', part: null },
  anonymisering_rettet: { personale: 'Anonymiseringen er rettet', part: null },
  anonymisering_godkendt: { personale: 'Anonymiseringen er godkendt', part: null },
  afgoerelsesudkast_gemt: { personale: 'Udkast til afgørelse gemt', part: null },
  afgoerelse_endelig: { personale: 'Afgørelsen er gjort endelig', part: 'Nævnet har truffet afgørelse' },
  afgoerelse_ny_version: { personale: 'Ny version af afgørelsen', part: 'Afgørelsen er rettet (ny version)' },
  afgoerelse_aabnet: { personale: 'Afgørelsen er åbnet for rettelse', part: null },
  udsendelse_rutet: { personale: 'Brev sendt til udskrivning', part: null },
  udsendelse_sendt: { personale: 'Brev sendt med Digital Post', part: 'Brev sendt med Digital Post' },
  brev_sendt_med_post: { personale: 'Brev sendt med posten', part: 'Brev sendt med posten' },
  afgoerelse_publiceret: { personale: 'Afgørelsen er offentliggjort', part: 'Afgørelsen er offentliggjort i anonymiseret form' },
  afgoerelse_genpubliceret: { personale: 'Den offentliggjorte afgørelse er opdateret', part: 'Den offentliggjorte afgørelse er opdateret' },
  publicering_fravalgt: { personale: 'Afgørelsen offentliggøres ikke', part: null },
  publicering_trukket_tilbage: { personale: 'Afgørelsen er trukket tilbage fra registret', part: 'Afgørelsen er trukket tilbage fra afgørelsesregistret' },
  publicering_genoptaget: { personale: 'Offentliggørelsen er genoptaget', part: null },
  besigtigelse_planlagt: { personale: 'Besigtigelse planlagt', part: 'Besigtigelse planlagt' },
  besigtigelse_resultat: { personale: 'Besigtigelsens resultat registreret', part: 'Besigtigelsen er registreret' },
  moede_afgjort: { personale: 'Sagen er afgjort på nævnsmødet', part: null },
  inhabilitet_erklaeret: { personale: 'Et nævnsmedlem har erklæret sig inhabil', part: null },
  indsigt_udarbejdet: { personale: 'Indsigtsrapport udarbejdet (GDPR)', part: null },
} as const satisfies Record<string, Ordlyd>

export type JournalHandling = keyof typeof journalHandlinger

export function erJournalHandling(kode: string): kode is JournalHandling {
  return Object.hasOwn(journalHandlinger, kode)
}

/**
 * How a journal entry reads to staff or to a party. A status change names the new status;
 * an internal action read by a party (the GDPR report) gets the staff wording; a code
 * written before this list existed reads as "Anden hændelse", never as the raw code.
 */
export function journalTekst(j: { handling: string; til_status: string | null }, laeser: 'personale' | 'part'): string {
  if (j.handling === 'status' && j.til_status) return `Status: ${statusLabel(j.til_status)}`
  if (!erJournalHandling(j.handling)) return 'Anden hændelse'
  const o: Ordlyd = journalHandlinger[j.handling]
  return laeser === 'part' ? (o.part ?? o.personale) : o.personale
}
