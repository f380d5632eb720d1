// Open data: both registers as CSV and NDJSON, every published row, streamed. Field names
// follow the national huslejenaevn.dk API (DOMAIN.md) and this installation's open API
// (/api/v1/register) where the national API has no name for a field. The huslejeregister
// page's own download (/huslejeregister?format=csv) has Danish headings and labels for
// people, in the same CSV dialect (csv.ts).
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { BOM, csvLinje, tal, tekstStroem } from './csv.js'
import { huslejeVisning } from './api.repository.js'
import { afgoerelseBatches, huslejeBatches, type AfgoerelseEksportRaekke, type HuslejeEksportRaekke } from './eksport.repository.js'
import type { HuslejeFiltre } from './huslejeregister.repository.js'
import { metodeTekst } from './visning.js'
import { huslejekategorier } from '../../kerne/sag/koder.js'

const dato = (d: Date) => d.toISOString()

export function afgoerelseRecord(r: AfgoerelseEksportRaekke, publicUrl: string) {
  return {
    id: r.id,
    url: `${publicUrl}/afgoerelser/${r.id}`,
    pdfUrl: `${publicUrl}/afgoerelser/${r.id}.pdf`,
    titel: r.titel,
    naevnId: r.naevn_id,
    naevnNavn: r.naevn_navn,
    decisiveBoard: r.naevn_type,
    municipalityCode: r.kommunekode,
    municipalityName: r.kommunenavn,
    dateOfFiling: r.date_of_filing,
    dateOfDecision: r.date_of_decision,
    reasonForClosing: r.reason_for_closing,
    inFavour: r.in_favour,
    submitter: r.submitter,
    locallyInspected: r.locally_inspected,
    generalPublicInterest: r.general_public_interest,
    impositionOfFee: r.imposition_of_fee,
    subjects: r.subjects.map((kode, i) => ({ kode, label: r.subject_labels[i] ?? kode })),
    statutories: r.statutories,
    tekst: r.tekst,
    version: r.version,
    publiceret: dato(r.publiceret),
    opdateret: dato(r.opdateret),
  }
}

export const AFGOERELSE_CSV_FELTER = [
  'id', 'url', 'pdfUrl', 'titel', 'naevnId', 'naevnNavn', 'decisiveBoard', 'municipalityCode', 'municipalityName', 'dateOfFiling', 'dateOfDecision',
  'reasonForClosing', 'inFavour', 'submitter', 'locallyInspected', 'generalPublicInterest', 'impositionOfFee', 'subjects', 'subjectLabels', 'statutories',
  'version', 'publiceret', 'opdateret', 'tekst',
] as const

function afgoerelseCsv(r: AfgoerelseEksportRaekke, publicUrl: string): string {
  const a = afgoerelseRecord(r, publicUrl)
  return csvLinje([
    a.id, a.url, a.pdfUrl, a.titel, a.naevnId, a.naevnNavn, a.decisiveBoard, a.municipalityCode, a.municipalityName, a.dateOfFiling, a.dateOfDecision,
    a.reasonForClosing, a.inFavour, a.submitter, a.locallyInspected, a.generalPublicInterest, a.impositionOfFee,
    // Several values in one field: comma-separated codes (the statute keys: 'lejeloven:§106').
    r.subjects.join(', '), r.subject_labels.join(', '), r.statute_keys.join(', '),
    a.version, a.publiceret, a.opdateret, a.tekst,
  ])
}

export function huslejeRecord(r: HuslejeEksportRaekke, publicUrl: string) {
  const { id, afgoerelseId, adresse, ...felter } = huslejeVisning(r)
  return { id, afgoerelseId, afgoerelseUrl: afgoerelseId === null ? null : `${publicUrl}/afgoerelser/${afgoerelseId}`, adresse, ...felter }
}

export const HUSLEJE_CSV_FELTER = [
  'id', 'afgoerelseId', 'afgoerelseUrl', 'adresse', 'street', 'houseNumber', 'floor', 'door', 'postalCode', 'postalDistrict', 'municipalityCode', 'municipalityName',
  'method', 'declaration', 'category', 'amount', 'grossArea', 'dateOfDetermination', 'rentPerSquareMeterPerYear',
] as const

function huslejeCsv(r: HuslejeEksportRaekke, publicUrl: string): string {
  const h = huslejeRecord(r, publicUrl)
  return csvLinje(HUSLEJE_CSV_FELTER.map((f) => h[f]))
}

export type Format = 'csv' | 'ndjson'

export function afgoerelserEksport(db: Kysely<DB>, publicUrl: string, format: Format, batch?: number): Readable {
  return format === 'csv'
    ? tekstStroem(BOM + csvLinje([...AFGOERELSE_CSV_FELTER]), afgoerelseBatches(db, batch), (r) => afgoerelseCsv(r, publicUrl))
    : tekstStroem('', afgoerelseBatches(db, batch), (r) => `${JSON.stringify(afgoerelseRecord(r, publicUrl))}\n`)
}

export function huslejerEksport(db: Kysely<DB>, publicUrl: string, format: Format, batch?: number): Readable {
  return format === 'csv'
    ? tekstStroem(BOM + csvLinje([...HUSLEJE_CSV_FELTER]), huslejeBatches(db, {}, batch), (r) => huslejeCsv(r, publicUrl))
    : tekstStroem('', huslejeBatches(db, {}, batch), (r) => `${JSON.stringify(huslejeRecord(r, publicUrl))}\n`)
}

const kategoriTekst = (k: string | null) => (k && Object.hasOwn(huslejekategorier, k) ? huslejekategorier[k as keyof typeof huslejekategorier] : '')

/** The huslejeregister page's download: the same filters, Danish headings and labels. */
export function huslejeSideCsv(db: Kysely<DB>, publicUrl: string, f: HuslejeFiltre): Readable {
  const hoved = csvLinje(['Adresse', 'Postnummer', 'By', 'Kommune', 'Metode', 'Lejen angivet som', 'Beløb (kr.)', 'Bruttoareal (m²)', 'Kr. pr. m² pr. år', 'Fastsat', 'Afgørelse'])
  return tekstStroem(BOM + hoved, huslejeBatches(db, f), (r) =>
    csvLinje([
      r.adresse_tekst,
      r.postnr,
      r.postnavn,
      r.kommunenavn,
      r.method ? metodeTekst(r.method) : '',
      kategoriTekst(r.category),
      tal(r.amount),
      tal(r.gross_area),
      tal(r.kr_per_m2_aar),
      r.date_of_determination,
      r.register_afgoerelse_id === null ? null : `${publicUrl}/afgoerelser/${r.register_afgoerelse_id}`,
    ]),
  )
}
