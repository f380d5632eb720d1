// The problem+json answer (RFC 9457) every JSON API route documents for its errors, with
// the catalogue's codes (fejlkoder.ts) as the `code` enum in the OpenAPI description.
import { Type } from 'typebox'
import { fejlKoder } from '../fejlkoder.js'

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.Union(fejlKoder.map((k) => Type.Literal(k)), { description: 'Fejlkoden: en af systemets faste koder (server/platform/fejlkoder.ts).' }),
    instance: Type.String(),
  },
  { additionalProperties: true, description: 'application/problem+json (RFC 9457)' },
)
