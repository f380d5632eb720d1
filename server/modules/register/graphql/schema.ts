// The GraphQL schema, shaped like the national huslejenaevn.dk public API (a HotChocolate
// server): list and offset-paged queries with `skip`/`take`, `where` filter inputs with
// eq/neq/in/nin/gt/gte/lt/lte… and list filters (some/none/all/any), `order` as one
// object or a list, collection segments with `items`, `pageInfo` and `totalCount`,
// ISO date-times, and every output field nullable. Field names and enum values are the
// national API's (felter.ts); fields it does not have are marked as ours.
import { addressFelter, decisionFelter, decisionLister, enums, operationerFor, publicationFelter, type FeltType } from './felter.js'

export const MAKS_TAKE = 50

export function filterInputNavn(type: FeltType): string {
  if (typeof type === 'object') return `${type.enum}OperationFilterInput`
  return `${type}OperationFilterInput`
}

function operationFilterInput(type: FeltType): string {
  const t = typeof type === 'object' ? type.enum : type
  const linjer = operationerFor(type).map((op) => (op === 'in' || op === 'nin' ? `  ${op}: [${t}]` : `  ${op}: ${t}`))
  return `input ${filterInputNavn(type)} {\n${linjer.join('\n')}\n}`
}

function filterInput(navn: string, felter: Record<string, { type: FeltType }>, ekstra: string[] = []): string {
  const linjer = [...Object.entries(felter).map(([f, s]) => `  ${f}: ${filterInputNavn(s.type)}`), ...ekstra]
  return `input ${navn}FilterInput {\n  and: [${navn}FilterInput!]\n  or: [${navn}FilterInput!]\n${linjer.join('\n')}\n}`
}

function sortInput(navn: string, felter: Record<string, unknown>): string {
  return `input ${navn}SortInput {\n${Object.keys(felter)
    .map((f) => `  ${f}: SortEnumType`)
    .join('\n')}\n}`
}

function listFilterInputs(): string {
  return Object.values(decisionLister)
    .map(({ input, felter }) => {
      const element = filterInput(
        input,
        Object.fromEntries(felter.map((f) => [f, { type: 'String' as const }])),
      )
      return `${element}\n\ninput ListFilterInputTypeOf${input}FilterInput {\n  all: ${input}FilterInput\n  none: ${input}FilterInput\n  some: ${input}FilterInput\n  any: Boolean\n}`
    })
    .join('\n\n')
}

const alleTyper: FeltType[] = ['Int', 'Decimal', 'DateTime', 'String', ...(Object.keys(enums) as (keyof typeof enums)[]).map((e) => ({ enum: e }))]

const sideArgs = (navn: string) => `skip: Int, take: Int, where: ${navn}FilterInput, order: [${navn}SortInput!]`

export const typeDefs = /* GraphQL */ `
"""
An ISO 8601 date-time, as HotChocolate's DateTime: 2024-03-01T00:00:00.000Z. A date
without a time of day is served as midnight UTC. Input also accepts YYYY-MM-DD.
"""
scalar DateTime
"A decimal number (amounts in kr., areas in m²)."
scalar Decimal
"A GUID."
scalar UUID

enum SortEnumType { ASC DESC }
${Object.entries(enums)
  .map(([navn, vaerdier]) => `enum ${navn} { ${vaerdier.join(' ')} }`)
  .join('\n')}

${alleTyper.map(operationFilterInput).join('\n\n')}

${listFilterInputs()}

${filterInput(
  'Decision',
  decisionFelter,
  Object.entries(decisionLister).map(([f, l]) => `  ${f}: ListFilterInputTypeOf${l.input}FilterInput`),
)}

${sortInput('Decision', decisionFelter)}

${filterInput('Publication', publicationFelter)}

${sortInput('Publication', publicationFelter)}

${filterInput('Address', addressFelter)}

${sortInput('Address', addressFelter)}

"""
The open register of the rent tribunals: published, anonymized decisions and decided rents.
Only published rows are ever returned; a withdrawn decision disappears from every query.
"""
type Query {
  "Decisions matching where, in order; at most take (≤ ${MAKS_TAKE}, default ${MAKS_TAKE}) from skip."
  decisions(${sideArgs('Decision')}): [Decision]
  "A page of decisions: items, pageInfo and the totalCount of all matches. take ≤ ${MAKS_TAKE} (default 10)."
  pagedDecisions(${sideArgs('Decision')}): DecisionCollectionSegment
  "One published decision by id, or null. (Ours.)"
  decision(id: Int!): Decision
  "Published decision documents; at most take (≤ ${MAKS_TAKE}, default ${MAKS_TAKE})."
  publications(${sideArgs('Publication')}): [Publication]
  "A page of published decision documents with totalCount. take ≤ ${MAKS_TAKE} (default 10)."
  pagedPublications(${sideArgs('Publication')}): PublicationCollectionSegment
  "Decided rents (the rent register) matching where; at most take (≤ ${MAKS_TAKE}, default ${MAKS_TAKE})."
  addresses(${sideArgs('Address')}): [Address]
  "A page of decided rents with totalCount. take ≤ ${MAKS_TAKE} (default 10)."
  pagedAddresses(${sideArgs('Address')}): AddressCollectionSegment
  "The laws decisions cite, with chapters and sections."
  laws: [Law]
  "Denmark's 98 municipalities."
  municipalities: [Municipality]
  "Case areas (subjects) with Danish names, per board type."
  subjects(decisiveBoard: DecisiveBoard): [Subject]
}

type CollectionSegmentInfo {
  hasNextPage: Boolean
  hasPreviousPage: Boolean
}

type DecisionCollectionSegment {
  items: [Decision]
  pageInfo: CollectionSegmentInfo
  totalCount: Int
}

type PublicationCollectionSegment {
  items: [Publication]
  pageInfo: CollectionSegmentInfo
  totalCount: Int
}

type AddressCollectionSegment {
  items: [Address]
  pageInfo: CollectionSegmentInfo
  totalCount: Int
}

type Decision {
  id: Int
  "The case's serial number: municipality code and running number, e.g. 101-10005."
  serialNumber: String
  "The board's own case reference; in this system the serial number."
  caseIdentifier: String
  "Only closed cases are published: always CLOSED."
  caseStatus: CaseStatus
  municipalityCode: String
  municipalityName: String
  decisiveBoard: DecisiveBoard
  dateOfFiling: DateTime
  "The date of a decision on the case; null for a dismissal (see dateOfDismissal)."
  dateOfDecision: DateTime
  "The date a dismissed case was dismissed."
  dateOfDismissal: DateTime
  "When the decision was first published in this register."
  dateOfPublishing: DateTime
  "The same as dateOfDecision."
  effectiveDate: DateTime
  submitter: Submitter
  reasonForClosing: ReasonForClosing
  inFavour: InFavour
  locallyInspected: LocallyInspected
  generalPublicInterest: GeneralPublicInterest
  impositionOfFee: ImpositionOfFee
  subjects: [Subject]
  statutories: [Statutory]
  "The decision document: GET /api/decisiondocument/{decisionDocumentId} answers its PDF."
  decisionDocumentId: UUID
  "The decision's citable page. (Ours.)"
  url: String
  "(Ours.)"
  title: String
  "(Ours.)"
  boardName: String
  "The anonymized PDF. (Ours.)"
  document: Document
  "The anonymized text of the decision. (Ours.)"
  text: String
  "The rents the decision determined, in the rent register. (Ours.)"
  rents: [Address]
  "When it was last republished (a correction replaces it in place). (Ours.)"
  updated: DateTime
}

type Publication {
  "The decision's id."
  id: Int
  title: String
  dateOfPublishing: DateTime
  municipalityCode: String
  municipalityName: String
  decisiveBoard: DecisiveBoard
  "GET /api/decisiondocument/{decisionDocumentId} answers the PDF."
  decisionDocumentId: UUID
  decision: Decision
}

type Document {
  url: String
  fileName: String
  contentType: String
}

type Statutory {
  lawId: String
  lawText: String
  chapterId: String
  chapterText: String
  sectionId: String
  sectionText: String
}

type Subject {
  "The case area's stable code."
  id: String
  name: String
  decisiveBoard: DecisiveBoard
}

type Address {
  id: Int
  "The decision that determined the rent. (Ours.)"
  decisionId: Int
  "The address as one line, as public as the board allows."
  designation: String
  streetName: String
  streetBuildingIdentifier: String
  floorIdentifier: String
  suiteIdentifier: String
  postalNumber: Int
  "(Ours.)"
  postalDistrict: String
  municipalityCode: String
  municipalityName: String
  methodOfRentDetermination: MethodOfRentDetermination
  declarationOfRent: DeclarationOfRent
  categoryOfRent: CategoryOfRent
  "The rent in kr., per month or per m² per year as categoryOfRent says."
  rent: Decimal
  grossArea: Decimal
  dateOfRentDetermination: DateTime
  "The rent in kr. per m² per year, whichever way it was stated. (Ours.)"
  rentPerSquareMeterPerYear: Decimal
}

type Municipality {
  municipalityCode: String
  name: String
}

type Law {
  id: String
  text: String
  name: String
  chapters: [Chapter]
}

type Chapter {
  id: String
  text: String
  sections: [Section]
}

type Section {
  "The section as the law writes it: 106, 86 a."
  id: String
  "§ 106. and its first sentence."
  text: String
  "Our stable provision id, e.g. lejeloven:§106."
  provisionId: String
  "The whole section, all its subsections."
  fullText: String
}
`
