// The REST side of the open API (/api/v1/register): querystrings, params and responses.
// Field names follow the national huslejenaevn.dk API where it has the field
// (municipalityCode, dateOfDecision, reasonForClosing, statutories, …) and the search
// contract of soegning.ts for the search; codes are the national API's values.
import { Type, type Static } from 'typebox'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])


/** Optional on every route of the open API: a valid key lifts the anonymous rate limit. */
export const ApiNoegleHeaders = Type.Object({
  'x-api-key': Type.Optional(Type.String({ maxLength: 200, description: 'API-nøgle (Konto → API-nøgler); hæver grænsen for antal forespørgsler. En ugyldig nøgle afvises med 401.' })),
})

export const NaevnTypeKode = Type.Union([Type.Literal('RENT_BOARD'), Type.Literal('RESIDENT_COMPLAINTS_BOARD')])

const side = Type.Integer({ minimum: 1, default: 1, description: '1 er første side' })
const perSide = Type.Integer({ minimum: 1, maximum: 50, default: 20 })

export const SoegQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500, description: 'Fritekst (websearch: "citat", OR, -ord), dansk orddannelse' })),
  naevnType: Type.Optional(NaevnTypeKode),
  naevnId: Type.Optional(Type.String({ maxLength: 64 })),
  kommunekode: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
  emne: Type.Optional(Type.String({ maxLength: 80, description: 'Sagsområdets kode (se /api/v1/register/sagsomraader)' })),
  udfald: Type.Optional(Type.String({ maxLength: 80, description: 'reasonForClosing, fx IN_FAVOUR' })),
  medhold: Type.Optional(Type.String({ maxLength: 80, description: 'inFavour, fx TENANT' })),
  fra: Type.Optional(Type.String({ maxLength: 10, description: 'Afgørelsesdato fra og med (ÅÅÅÅ-MM-DD)' })),
  til: Type.Optional(Type.String({ maxLength: 10, description: 'Afgørelsesdato til og med (ÅÅÅÅ-MM-DD)' })),
  lov: Type.Optional(Type.String({ maxLength: 100, description: 'En lov (lejeloven) eller en bestemmelse (lejeloven:§106)' })),
  sortering: Type.Optional(Type.Union([Type.Literal('relevans'), Type.Literal('dato')], { description: 'Standard: relevans med fritekst, ellers dato' })),
  side: Type.Optional(side),
  perSide: Type.Optional(perSide),
})
export type SoegQueryT = Static<typeof SoegQuery>

const Facet = Type.Object({ vaerdi: Type.String(), label: Type.String(), antal: Type.Integer() })

export const Soegeresultat = Type.Object({
  total: Type.Integer(),
  totalErEstimat: Type.Boolean(),
  side: Type.Integer(),
  perSide: Type.Integer(),
  hits: Type.Array(
    Type.Object({
      id: Type.Integer(),
      titel: Type.String(),
      naevnNavn: Type.String(),
      naevnType: NaevnTypeKode,
      kommunenavn: Type.String(),
      dateOfDecision: Type.String({ format: 'date' }),
      reasonForClosing: Type.String(),
      inFavour: Type.String(),
      subjectLabels: Type.Array(Type.String()),
      uddrag: Type.String({ description: 'HTML-escapet tekst med <mark> om træffene' }),
      url: Type.String({ description: 'Afgørelsens citerbare side' }),
    }),
  ),
  facetter: Type.Record(Type.String(), Type.Array(Facet)),
  facetterErEstimat: Type.Boolean(),
})

export const IdParams = Type.Object({ id: Type.String({ maxLength: 30 }) })

export const Statutory = Type.Object({
  lawId: Type.String(),
  lawText: Type.String(),
  chapterId: Nullable(Type.String()),
  chapterText: Nullable(Type.String()),
  sectionId: Type.String(),
  sectionText: Type.String(),
})

export const Husleje = Type.Object({
  id: Type.Integer(),
  afgoerelseId: Nullable(Type.Integer()),
  street: Nullable(Type.String()),
  houseNumber: Nullable(Type.String()),
  floor: Nullable(Type.String()),
  door: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  postalDistrict: Nullable(Type.String()),
  municipalityCode: Type.Integer(),
  municipalityName: Type.String(),
  method: Nullable(Type.String({ description: 'BASED_ON_EXPENSES, BASED_ON_COMPARABLE_RENTS eller BASED_ON_FREE_MARKET_PRICE' })),
  declaration: Nullable(Type.String({ description: 'TENANCY_SPECIFIC_RENT eller EXAMPLE_RENT' })),
  category: Nullable(Type.String({ description: 'MONTHLY_RENT eller ANNUAL_RENT_PER_SQUARE_METERS' })),
  amount: Type.Number(),
  grossArea: Nullable(Type.Number({ description: 'Bruttoetageareal, m²' })),
  dateOfDetermination: Nullable(Type.String({ format: 'date' })),
  rentPerSquareMeterPerYear: Nullable(Type.Number({ description: 'Kr. pr. m² pr. år, uanset hvordan lejen er angivet' })),
  adresse: Type.String({ description: 'Adressen så offentlig, som nævnet tillader' }),
})

export const AfgoerelseDetalje = Type.Object({
  id: Type.Integer(),
  url: Type.String({ description: 'Den citerbare side' }),
  pdfUrl: Type.String(),
  titel: Type.String(),
  naevnId: Nullable(Type.String()),
  naevnNavn: Type.String(),
  decisiveBoard: NaevnTypeKode,
  municipalityCode: Type.Integer(),
  municipalityName: Type.String(),
  dateOfFiling: Nullable(Type.String({ format: 'date' })),
  dateOfDecision: Type.String({ format: 'date' }),
  reasonForClosing: Type.String(),
  inFavour: Type.String(),
  submitter: Nullable(Type.String()),
  locallyInspected: Nullable(Type.String()),
  generalPublicInterest: Nullable(Type.String()),
  impositionOfFee: Nullable(Type.String()),
  subjects: Type.Array(Type.Object({ kode: Type.String(), label: Type.String() })),
  statutories: Type.Array(Statutory),
  tekst: Type.String({ description: 'Den anonymiserede afgørelse' }),
  version: Type.Integer(),
  publiceret: Type.String({ format: 'date-time' }),
  opdateret: Type.String({ format: 'date-time' }),
  huslejer: Type.Array(Husleje),
})

export const HuslejeQuery = Type.Object({
  postnr: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
  kommunekode: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
  method: Type.Optional(Type.Union([Type.Literal('BASED_ON_EXPENSES'), Type.Literal('BASED_ON_COMPARABLE_RENTS'), Type.Literal('BASED_ON_FREE_MARKET_PRICE')])),
  adresse: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Vejnavn, husnummer, postnummer … (tåler stavefejl)' })),
  side: Type.Optional(side),
  perSide: Type.Optional(perSide),
})
export type HuslejeQueryT = Static<typeof HuslejeQuery>

export const HuslejeListe = Type.Object({
  total: Type.Integer(),
  side: Type.Integer(),
  perSide: Type.Integer(),
  items: Type.Array(Husleje),
})

export const KommuneListe = Type.Object({
  items: Type.Array(Type.Object({ municipalityCode: Type.Integer(), name: Type.String() })),
})

export const LovListe = Type.Object({
  items: Type.Array(
    Type.Object({
      lawId: Type.String({ description: 'lejeloven, almenlejeloven eller almenboligloven' }),
      lawText: Type.String(),
      chapters: Type.Array(
        Type.Object({
          chapterId: Type.String(),
          chapterText: Type.String(),
          sections: Type.Array(
            Type.Object({
              id: Type.String({ description: 'Bestemmelsens faste id, brugbar som lov-filter i søgningen' }),
              sectionId: Type.String(),
              sectionText: Type.String(),
            }),
          ),
        }),
      ),
    }),
  ),
})

export const SagsomraadeQuery = Type.Object({ naevnType: Type.Optional(NaevnTypeKode) })

export const SagsomraadeListe = Type.Object({
  items: Type.Array(Type.Object({ kode: Type.String(), label: Type.String(), naevnType: NaevnTypeKode })),
})
