// Published register rows written straight into the public tables, as the publication
// worker would (test/register/publicering.test.ts covers that worker itself).
import { randomBytes } from 'node:crypto'
import type { Database } from '../../server/platform/db/database.js'

export interface AfgoerelseFelter {
  naevn_navn?: string
  naevn_type?: 'RENT_BOARD' | 'RESIDENT_COMPLAINTS_BOARD'
  kommunekode?: number
  kommunenavn?: string
  date_of_filing?: string | null
  date_of_decision?: string
  reason_for_closing?: string
  in_favour?: string
  submitter?: 'TENANT' | 'LANDLORD' | null
  locally_inspected?: 'HELD' | 'NOT_HELD' | null
  general_public_interest?: 'YES' | 'NO' | null
  imposition_of_fee?: 'YES' | 'NO' | null
  subjects?: string[]
  subject_labels?: string[]
  titel?: string
  tekst?: string
  status?: 'publiceret' | 'trukket_tilbage'
  status_begrundelse?: string | null
  serial_number?: string | null
}

export const statutory106 = {
  lawId: 'lejeloven',
  lawText: 'Lov om leje (LOV nr. 341 af 22. marts 2022)',
  chapterId: '13',
  chapterText: 'Kapitel 13',
  sectionId: '106',
  sectionText: '§ 106. Udlejeren skal vedligeholde ejendommen.',
}

export async function seedAfgoerelse(db: Database, f: AfgoerelseFelter = {}) {
  const maerke = randomBytes(4).toString('hex')
  const row = await db
    .insertInto('register_afgoerelser')
    .values({
      naevn_navn: f.naevn_navn ?? 'Huslejenævnet i Testkommune',
      naevn_type: f.naevn_type ?? 'RENT_BOARD',
      kommunekode: f.kommunekode ?? 101,
      kommunenavn: f.kommunenavn ?? 'København',
      date_of_filing: f.date_of_filing === undefined ? '2025-01-15' : f.date_of_filing,
      date_of_decision: f.date_of_decision ?? '2025-06-01',
      reason_for_closing: f.reason_for_closing ?? 'IN_FAVOUR',
      in_favour: f.in_favour ?? 'TENANT',
      submitter: f.submitter === undefined ? 'TENANT' : f.submitter,
      locally_inspected: f.locally_inspected === undefined ? 'HELD' : f.locally_inspected,
      general_public_interest: f.general_public_interest === undefined ? 'NO' : f.general_public_interest,
      imposition_of_fee: f.imposition_of_fee === undefined ? 'YES' : f.imposition_of_fee,
      subjects: f.subjects ?? ['vedligeholdelse'],
      subject_labels: f.subject_labels ?? ['Vedligeholdelse'],
      statutories: JSON.stringify([statutory106]),
      statute_keys: ['lejeloven:§106'],
      titel: f.titel ?? `Vedligeholdelse – testafgørelse ${maerke}`,
      tekst: f.tekst ?? `Nævnet finder, at udlejer skal vedligeholde vinduerne. Mærke ${maerke}.`,
      status: f.status ?? 'publiceret',
      status_begrundelse: f.status_begrundelse ?? null,
      serial_number: f.serial_number === undefined ? `${f.kommunekode ?? 101}-${10000 + (randomBytes(2).readUInt16BE() % 90000)}` : f.serial_number,
    })
    .returning(['id', 'decision_document_id', 'serial_number'])
    .executeTakeFirstOrThrow()
  return { id: row.id, maerke: maerke, decisionDocumentId: row.decision_document_id, serialNumber: row.serial_number }
}

export async function seedHusleje(
  db: Database,
  afgoerelseId: number | null,
  f: { vejnavn?: string; husnummer?: string; postnr?: string; postnavn?: string; kommunekode?: number; method?: string; amount?: string; status?: string } = {},
) {
  const vejnavn = f.vejnavn ?? 'Nørregade'
  const husnummer = f.husnummer ?? '12'
  const postnr = f.postnr ?? '1165'
  const postnavn = f.postnavn ?? 'København K'
  const row = await db
    .insertInto('register_huslejer')
    .values({
      register_afgoerelse_id: afgoerelseId,
      vejnavn,
      husnummer,
      postnr,
      postnavn,
      kommunekode: f.kommunekode ?? 101,
      kommunenavn: 'København',
      method: f.method ?? 'BASED_ON_COMPARABLE_RENTS',
      declaration: 'TENANCY_SPECIFIC_RENT',
      category: 'MONTHLY_RENT',
      amount: f.amount ?? '7500',
      gross_area: '72',
      date_of_determination: '2025-05-01',
      kr_per_m2_aar: '1250',
      adresse_tekst: `${vejnavn} ${husnummer}, ${postnr} ${postnavn}`,
      status: f.status ?? 'publiceret',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
