import { Type } from 'typebox'

export const SagParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
export const TrinParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  trin: Type.Union(['hvem', 'lejemaal', 'parter', 'sagen', 'bilag', 'gebyr', 'indsend'].map((t) => Type.Literal(t))),
})
export const GemTrinParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  trin: Type.Union(['hvem', 'lejemaal', 'parter', 'sagen', 'gebyr'].map((t) => Type.Literal(t))),
})
export const DokumentParams = Type.Object({ id: Type.String({ maxLength: 64 }), dokumentId: Type.String({ maxLength: 64 }) })
export const MineSagerQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  gruppe: Type.Optional(Type.Union([Type.Literal('alle'), Type.Literal('kladder'), Type.Literal('aabne'), Type.Literal('afsluttede')])),
  side: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  velkommen: Type.Optional(Type.String({ maxLength: 5 })),
  slettet: Type.Optional(Type.String({ maxLength: 5 })),
})
export const SagQuery = Type.Object({ indsendt: Type.Optional(Type.String({ maxLength: 5 })) })
