import { Type } from 'typebox'
import { FormBody } from '../../platform/forms/form.js'

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
export const MedlemskabParams = Type.Object({ id: Type.String({ maxLength: 64 }), naevnId: Type.String({ maxLength: 64 }) })
export const BrugerListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  side: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
})
export const NaevnListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(Type.String({ maxLength: 30 })),
})
export { FormBody }
