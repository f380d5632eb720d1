// The fields a GraphQL client may filter (`where`) and sort (`order`) on, with the
// national huslejenaevn.dk API's names (README "Åbent API" names the evidence), and the
// columns behind them. The SDL's filter and sort inputs and the resolvers' column
// whitelist are both generated from these tables, so they cannot drift apart.
import type { AfgoerelseKolonne, HuslejeKolonne } from '../api.repository.js'

/** DateTime: HotChocolate's ISO 8601 date-time; our columns hold dates or instants. */
export type FeltType = 'Int' | 'Decimal' | 'DateTime' | 'String' | { enum: keyof typeof enums }

export interface FeltSpec<K extends string> {
  kolonne: K
  type: FeltType
  /** An integer column the national API serves as a string (municipalityCode: "101"). */
  heltalSomTekst?: true
  /** A timestamp column (compared as an instant); other DateTime columns are dates. */
  tidspunkt?: true
}

/** A field every public row has the same value of (only closed cases are published). */
export interface KonstantSpec {
  konstant: string
  type: { enum: keyof typeof enums }
}

export const enums = {
  DecisiveBoard: ['RENT_BOARD', 'RESIDENT_COMPLAINTS_BOARD', 'APPEAL_BOARD', 'NOT_SET'],
  InFavour: ['TENANT', 'LANDLORD', 'SHARED', 'NOT_SET'],
  ReasonForClosing: ['NOT_SET', 'DISMISSED', 'IN_FAVOUR', 'REJECTED', 'SETTLEMENT', 'IN_PARTIAL_FAVOUR'],
  Submitter: ['TENANT', 'LANDLORD', 'NOT_SET'],
  CaseStatus: ['OPEN', 'CLOSED'],
  LocallyInspected: ['HELD', 'NOT_HELD', 'NOT_SET'],
  GeneralPublicInterest: ['YES', 'NO', 'NOT_SET'],
  ImpositionOfFee: ['YES', 'NO', 'NOT_SET'],
  MethodOfRentDetermination: ['BASED_ON_EXPENSES', 'BASED_ON_COMPARABLE_RENTS', 'BASED_ON_FREE_MARKET_PRICE', 'NOT_SET'],
  DeclarationOfRent: ['TENANCY_SPECIFIC_RENT', 'EXAMPLE_RENT'],
  CategoryOfRent: ['MONTHLY_RENT', 'ANNUAL_RENT_PER_SQUARE_METERS'],
} as const

/** Decision fields a client may filter and sort on. */
export const decisionFelter: Record<string, FeltSpec<AfgoerelseKolonne> | KonstantSpec> = {
  id: { kolonne: 'id', type: 'Int' },
  serialNumber: { kolonne: 'serial_number', type: 'String' },
  // The board's own case reference is the serial number (sagsnummer) in this system.
  caseIdentifier: { kolonne: 'serial_number', type: 'String' },
  caseStatus: { konstant: 'CLOSED', type: { enum: 'CaseStatus' } },
  municipalityCode: { kolonne: 'kommunekode', type: 'String', heltalSomTekst: true },
  municipalityName: { kolonne: 'kommunenavn', type: 'String' },
  boardName: { kolonne: 'naevn_navn', type: 'String' },
  decisiveBoard: { kolonne: 'naevn_type', type: { enum: 'DecisiveBoard' } },
  dateOfFiling: { kolonne: 'date_of_filing', type: 'DateTime' },
  // A dismissal has a dateOfDismissal and no dateOfDecision (generated columns).
  dateOfDecision: { kolonne: 'date_of_ruling', type: 'DateTime' },
  effectiveDate: { kolonne: 'date_of_ruling', type: 'DateTime' },
  dateOfDismissal: { kolonne: 'date_of_dismissal', type: 'DateTime' },
  dateOfPublishing: { kolonne: 'publiceret', type: 'DateTime', tidspunkt: true },
  reasonForClosing: { kolonne: 'reason_for_closing', type: { enum: 'ReasonForClosing' } },
  inFavour: { kolonne: 'in_favour', type: { enum: 'InFavour' } },
  submitter: { kolonne: 'submitter', type: { enum: 'Submitter' } },
  locallyInspected: { kolonne: 'locally_inspected', type: { enum: 'LocallyInspected' } },
  generalPublicInterest: { kolonne: 'general_public_interest', type: { enum: 'GeneralPublicInterest' } },
  impositionOfFee: { kolonne: 'imposition_of_fee', type: { enum: 'ImpositionOfFee' } },
}

/** A publication is a published decision's document: a few of its fields. */
export const publicationFelter: Record<string, FeltSpec<AfgoerelseKolonne>> = {
  id: { kolonne: 'id', type: 'Int' },
  title: { kolonne: 'titel', type: 'String' },
  dateOfPublishing: { kolonne: 'publiceret', type: 'DateTime', tidspunkt: true },
  municipalityCode: { kolonne: 'kommunekode', type: 'String', heltalSomTekst: true },
  municipalityName: { kolonne: 'kommunenavn', type: 'String' },
  decisiveBoard: { kolonne: 'naevn_type', type: { enum: 'DecisiveBoard' } },
}

/** Rent register fields a client may filter and sort on. */
export const addressFelter: Record<string, FeltSpec<HuslejeKolonne>> = {
  id: { kolonne: 'id', type: 'Int' },
  decisionId: { kolonne: 'register_afgoerelse_id', type: 'Int' },
  designation: { kolonne: 'adresse_tekst', type: 'String' },
  streetName: { kolonne: 'vejnavn', type: 'String' },
  streetBuildingIdentifier: { kolonne: 'husnummer', type: 'String' },
  floorIdentifier: { kolonne: 'etage', type: 'String' },
  suiteIdentifier: { kolonne: 'doer', type: 'String' },
  postalNumber: { kolonne: 'postnr', type: 'Int' },
  postalDistrict: { kolonne: 'postnavn', type: 'String' },
  municipalityCode: { kolonne: 'kommunekode', type: 'String', heltalSomTekst: true },
  municipalityName: { kolonne: 'kommunenavn', type: 'String' },
  methodOfRentDetermination: { kolonne: 'method', type: { enum: 'MethodOfRentDetermination' } },
  declarationOfRent: { kolonne: 'declaration', type: { enum: 'DeclarationOfRent' } },
  categoryOfRent: { kolonne: 'category', type: { enum: 'CategoryOfRent' } },
  rent: { kolonne: 'amount', type: 'Decimal' },
  grossArea: { kolonne: 'gross_area', type: 'Decimal' },
  dateOfRentDetermination: { kolonne: 'date_of_determination', type: 'DateTime' },
  rentPerSquareMeterPerYear: { kolonne: 'kr_per_m2_aar', type: 'Decimal' },
}

/**
 * A decision's lists a client may filter with some/none/all/any (HotChocolate's list
 * filters): their element fields, all text.
 */
export const decisionLister = {
  subjects: { input: 'Subject', felter: ['id', 'name'] },
  statutories: { input: 'Statutory', felter: ['lawId', 'lawText', 'chapterId', 'chapterText', 'sectionId', 'sectionText'] },
} as const
export type DecisionListe = keyof typeof decisionLister

const sammenlignelige = ['eq', 'neq', 'in', 'nin', 'gt', 'ngt', 'gte', 'ngte', 'lt', 'nlt', 'lte', 'nlte'] as const
const tekstOperationer = ['eq', 'neq', 'in', 'nin', 'contains', 'ncontains', 'startsWith', 'nstartsWith', 'endsWith', 'nendsWith'] as const
const enumOperationer = ['eq', 'neq', 'in', 'nin'] as const

/** The operations each kind of field allows (HotChocolate's sets). */
export function operationerFor(type: FeltType): readonly string[] {
  if (typeof type === 'object') return enumOperationer
  return type === 'String' ? tekstOperationer : sammenlignelige
}
