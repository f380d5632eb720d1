// The GraphQL schema, shaped like the national huslejenaevn.dk public API (a HotChocolate
// server): list and offset-paged queries with `skip`/`take`, `where` filter inputs with
// eq/neq/in/nin/gt/gte/lt/lte…, `order: [{ field: ASC|DESC }]`, and collection segments
// with `items`, `pageInfo` and `totalCount`. Field names and enum values are the
// national API's (DOMAIN.md). The filterable and sortable fields are declared once,
// below, and both the SDL and the column whitelist are generated from that table.
import type { AfgoerelseKolonne, HuslejeKolonne } from '../api.repository.js'

export type FeltType = 'Int' | 'Decimal' | 'Date' | 'String' | { enum: keyof typeof enums }

export interface FeltSpec<K extends string> {
  kolonne: K
  type: FeltType
}

export const enums = {
  DecisiveBoard: ['RENT_BOARD', 'RESIDENT_COMPLAINTS_BOARD'],
  InFavour: ['TENANT', 'LANDLORD', 'SHARED', 'NOT_SET'],
  ReasonForClosing: ['NOT_SET', 'IN_FAVOUR', 'IN_PARTIAL_FAVOUR', 'REJECTED', 'DISMISSED', 'SETTLEMENT'],
  Submitter: ['TENANT', 'LANDLORD'],
  LocallyInspected: ['HELD', 'NOT_HELD'],
  GeneralPublicInterest: ['YES', 'NO'],
  ImpositionOfFee: ['YES', 'NO'],
  RentDeterminationMethod: ['BASED_ON_EXPENSES', 'BASED_ON_COMPARABLE_RENTS', 'BASED_ON_FREE_MARKET_PRICE'],
  RentDeclaration: ['TENANCY_SPECIFIC_RENT', 'EXAMPLE_RENT'],
  RentCategory: ['MONTHLY_RENT', 'ANNUAL_RENT_PER_SQUARE_METERS'],
} as const

/** Decision fields a client may filter (`where`) and sort (`order`) on, and their columns. */
export const decisionFelter: Record<string, FeltSpec<AfgoerelseKolonne>> = {
  id: { kolonne: 'id', type: 'Int' },
  municipalityCode: { kolonne: 'kommunekode', type: 'Int' },
  municipalityName: { kolonne: 'kommunenavn', type: 'String' },
  boardName: { kolonne: 'naevn_navn', type: 'String' },
  decisiveBoard: { kolonne: 'naevn_type', type: { enum: 'DecisiveBoard' } },
  dateOfFiling: { kolonne: 'date_of_filing', type: 'Date' },
  dateOfDecision: { kolonne: 'date_of_decision', type: 'Date' },
  reasonForClosing: { kolonne: 'reason_for_closing', type: { enum: 'ReasonForClosing' } },
  inFavour: { kolonne: 'in_favour', type: { enum: 'InFavour' } },
  submitter: { kolonne: 'submitter', type: { enum: 'Submitter' } },
  locallyInspected: { kolonne: 'locally_inspected', type: { enum: 'LocallyInspected' } },
  generalPublicInterest: { kolonne: 'general_public_interest', type: { enum: 'GeneralPublicInterest' } },
  impositionOfFee: { kolonne: 'imposition_of_fee', type: { enum: 'ImpositionOfFee' } },
}

/** Rent register fields a client may filter and sort on. */
export const addressFelter: Record<string, FeltSpec<HuslejeKolonne>> = {
  id: { kolonne: 'id', type: 'Int' },
  decisionId: { kolonne: 'register_afgoerelse_id', type: 'Int' },
  street: { kolonne: 'vejnavn', type: 'String' },
  houseNumber: { kolonne: 'husnummer', type: 'String' },
  floor: { kolonne: 'etage', type: 'String' },
  door: { kolonne: 'doer', type: 'String' },
  postalCode: { kolonne: 'postnr', type: 'String' },
  postalDistrict: { kolonne: 'postnavn', type: 'String' },
  address: { kolonne: 'adresse_tekst', type: 'String' },
  municipalityCode: { kolonne: 'kommunekode', type: 'Int' },
  municipalityName: { kolonne: 'kommunenavn', type: 'String' },
  method: { kolonne: 'method', type: { enum: 'RentDeterminationMethod' } },
  declaration: { kolonne: 'declaration', type: { enum: 'RentDeclaration' } },
  category: { kolonne: 'category', type: { enum: 'RentCategory' } },
  amount: { kolonne: 'amount', type: 'Decimal' },
  grossArea: { kolonne: 'gross_area', type: 'Decimal' },
  dateOfDetermination: { kolonne: 'date_of_determination', type: 'Date' },
  rentPerSquareMeterPerYear: { kolonne: 'kr_per_m2_aar', type: 'Decimal' },
}

const sammenlignelige = ['eq', 'neq', 'in', 'nin', 'gt', 'ngt', 'gte', 'ngte', 'lt', 'nlt', 'lte', 'nlte'] as const
const tekstOperationer = ['eq', 'neq', 'in', 'nin', 'contains', 'ncontains', 'startsWith', 'nstartsWith', 'endsWith', 'nendsWith'] as const
const enumOperationer = ['eq', 'neq', 'in', 'nin'] as const

/** The operations each kind of field allows (HotChocolate's sets). */
export function operationerFor(type: FeltType): readonly string[] {
  if (typeof type === 'object') return enumOperationer
  return type === 'String' ? tekstOperationer : sammenlignelige
}

export function filterInputNavn(type: FeltType): string {
  if (typeof type === 'object') return `${type.enum}OperationFilterInput`
  return type === 'Int' ? 'IntOperationFilterInput' : type === 'Decimal' ? 'DecimalOperationFilterInput' : type === 'Date' ? 'DateOperationFilterInput' : 'StringOperationFilterInput'
}

function operationFilterInput(type: FeltType): string {
  const t = typeof type === 'object' ? type.enum : type
  const linjer = operationerFor(type).map((op) => (op === 'in' || op === 'nin' ? `  ${op}: [${t}]` : `  ${op}: ${t}`))
  return `input ${filterInputNavn(type)} {\n${linjer.join('\n')}\n}`
}

function filterInput(navn: string, felter: Record<string, FeltSpec<string>>): string {
  const linjer = Object.entries(felter).map(([f, s]) => `  ${f}: ${filterInputNavn(s.type)}`)
  return `input ${navn}FilterInput {\n  and: [${navn}FilterInput!]\n  or: [${navn}FilterInput!]\n${linjer.join('\n')}\n}`
}

function sortInput(navn: string, felter: Record<string, FeltSpec<string>>): string {
  return `input ${navn}SortInput {\n${Object.keys(felter)
    .map((f) => `  ${f}: SortEnumType`)
    .join('\n')}\n}`
}

const alleTyper: FeltType[] = ['Int', 'Decimal', 'Date', 'String', ...(Object.keys(enums) as (keyof typeof enums)[]).map((e) => ({ enum: e }))]

export const MAKS_TAKE = 50

export const typeDefs = /* GraphQL */ `
"A calendar date, ISO 8601: YYYY-MM-DD. Input also accepts a date-time; its date part is used."
scalar Date
"A decimal number (amounts in kr., areas in m²)."
scalar Decimal

enum SortEnumType { ASC DESC }
${Object.entries(enums)
  .map(([navn, vaerdier]) => `enum ${navn} { ${vaerdier.join(' ')} }`)
  .join('\n')}

${alleTyper.map(operationFilterInput).join('\n\n')}

${filterInput('Decision', decisionFelter)}

${sortInput('Decision', decisionFelter)}

${filterInput('Address', addressFelter)}

${sortInput('Address', addressFelter)}

"""
The open register of the rent tribunals: published, anonymized decisions and decided rents.
Only published rows are ever returned; a withdrawn decision disappears from every query.
"""
type Query {
  "Decisions matching where, in order; at most take (≤ ${MAKS_TAKE}, default ${MAKS_TAKE}) from skip."
  decisions(skip: Int, take: Int, where: DecisionFilterInput, order: [DecisionSortInput!]): [Decision!]!
  "A page of decisions: items, pageInfo and the totalCount of all matches. take ≤ ${MAKS_TAKE} (default 10)."
  pagedDecisions(skip: Int, take: Int, where: DecisionFilterInput, order: [DecisionSortInput!]): DecisionCollectionSegment
  "One published decision by id, or null."
  decision(id: Int!): Decision
  "Decided rents (the rent register) matching where; at most take (≤ ${MAKS_TAKE}, default ${MAKS_TAKE})."
  addresses(skip: Int, take: Int, where: AddressFilterInput, order: [AddressSortInput!]): [Address!]!
  "A page of decided rents with totalCount. take ≤ ${MAKS_TAKE} (default 10)."
  pagedAddresses(skip: Int, take: Int, where: AddressFilterInput, order: [AddressSortInput!]): AddressCollectionSegment
  "The laws decisions cite, with chapters and sections."
  laws: [Law!]!
  "Denmark's municipalities."
  municipalities: [Municipality!]!
  "Case areas (subjects) with Danish names, per board type."
  subjects(decisiveBoard: DecisiveBoard): [Subject!]!
}

type CollectionSegmentInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
}

type DecisionCollectionSegment {
  items: [Decision!]
  pageInfo: CollectionSegmentInfo!
  totalCount: Int!
}

type AddressCollectionSegment {
  items: [Address!]
  pageInfo: CollectionSegmentInfo!
  totalCount: Int!
}

type Decision {
  id: Int!
  "The decision's citable page."
  url: String!
  title: String!
  municipalityCode: Int!
  municipalityName: String!
  boardName: String!
  decisiveBoard: DecisiveBoard!
  dateOfFiling: Date
  dateOfDecision: Date!
  reasonForClosing: ReasonForClosing!
  inFavour: InFavour!
  submitter: Submitter
  locallyInspected: LocallyInspected
  generalPublicInterest: GeneralPublicInterest
  impositionOfFee: ImpositionOfFee
  subjects: [Subject!]!
  statutories: [Statutory!]!
  "The anonymized PDF."
  document: Document!
  "The anonymized text of the decision."
  text: String!
  "The rents the decision determined, in the rent register."
  rents: [Address!]!
  "When it was first published and last republished (a correction replaces it in place)."
  published: String!
  updated: String!
}

type Document {
  url: String!
  fileName: String!
  contentType: String!
}

type Statutory {
  lawId: String!
  lawText: String!
  chapterId: String
  chapterText: String
  sectionId: String!
  sectionText: String!
}

type Subject {
  "The case area's stable code (filter decisions by it in the REST search: emne)."
  id: String!
  name: String!
  decisiveBoard: DecisiveBoard!
}

type Address {
  id: Int!
  decisionId: Int
  street: String
  houseNumber: String
  floor: String
  door: String
  postalCode: String
  postalDistrict: String
  "The address as one line, as public as the board allows."
  address: String!
  municipalityCode: Int!
  municipalityName: String!
  method: RentDeterminationMethod
  declaration: RentDeclaration
  category: RentCategory
  amount: Decimal!
  grossArea: Decimal
  dateOfDetermination: Date
  "The rent in kr. per m² per year, whichever way it was stated."
  rentPerSquareMeterPerYear: Decimal
}

type Municipality {
  municipalityCode: Int!
  name: String!
}

type Law {
  id: String!
  text: String!
  name: String!
  chapters: [Chapter!]!
}

type Chapter {
  id: String!
  text: String!
  sections: [Section!]!
}

type Section {
  "The section as the law writes it: 106, 86 a."
  id: String!
  "§ 106. and its first sentence."
  text: String!
  "Our stable provision id, e.g. lejeloven:§106."
  provisionId: String!
  "The whole section, all its subsections."
  fullText: String!
}
`
