import { Type } from 'typebox'
import { sagStatuser } from '../../kerne/sag/status.js'

const Dato = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

export const IndbakkeQuery = Type.Object({
  visning: Type.Optional(Type.Union(['nye', 'mine', 'aabne', 'overskredne', 'alle'].map((v) => Type.Literal(v)))),
  naevn: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.Union([Type.Literal(''), ...sagStatuser.map((s) => Type.Literal(s))])),
  omraade: Type.Optional(Type.String({ maxLength: 50 })),
  sagsbehandler: Type.Optional(Type.String({ maxLength: 64 })),
  kommune: Type.Optional(Type.String({ maxLength: 4 })),
  fra: Type.Optional(Type.Union([Type.Literal(''), Dato])),
  til: Type.Optional(Type.Union([Type.Literal(''), Dato])),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Union(['', 'indbragt', '-indbragt', 'opdateret', '-opdateret', 'sagsnummer'].map((v) => Type.Literal(v)))),
  side: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
})

export const SagParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
export const DokumentParams = Type.Object({ id: Type.String({ maxLength: 64 }), dokumentId: Type.String({ maxLength: 64 }) })
