import { Type } from 'typebox'
import { FormBody } from '../../platform/forms/form.js'

export const LoginQuery = Type.Object({ naeste: Type.Optional(Type.String({ maxLength: 500 })) })
export const LoginBody = FormBody
export const RegistrerBody = FormBody
