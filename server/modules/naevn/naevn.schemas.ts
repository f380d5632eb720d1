import { Type, type Static } from 'typebox'

export const NaevnParams = Type.Object({ id: Type.String({ maxLength: 64 }) })

export const NaevnType = Type.Union([Type.Literal('huslejenaevn'), Type.Literal('beboerklagenaevn')])

export const Kommune = Type.Object({ kode: Type.Integer(), navn: Type.String() })

export const NaevnSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: NaevnType,
  navn: Type.String(),
  aktiv: Type.Boolean(),
  sammenlagtI: Type.Union([Type.String(), Type.Null()]),
  kommuner: Type.Array(Kommune),
})

export const NaevnDetail = Type.Intersect([
  NaevnSummary,
  Type.Object({
    email: Type.String(),
    telefon: Type.String(),
    medlemmer: Type.Array(
      Type.Object({
        id: Type.String(),
        navn: Type.String(),
        rolle: Type.Union([Type.Literal('sagsbehandler'), Type.Literal('sekretariatsleder'), Type.Literal('naevnsmedlem')]),
      }),
    ),
  }),
])

export const NaevnListQuery = Type.Object({
  type: Type.Optional(NaevnType),
  q: Type.Optional(Type.String({ maxLength: 100 })),
})


export const Mig = Type.Object({
  id: Type.String(),
  navn: Type.String(),
  email: Type.String(),
  admin: Type.Boolean(),
  startside: Type.String(),
  medlemskaber: Type.Array(Type.Object({ naevnId: Type.String(), naevnNavn: Type.String(), rolle: Type.String() })),
})

export type NaevnSummaryT = Static<typeof NaevnSummary>
