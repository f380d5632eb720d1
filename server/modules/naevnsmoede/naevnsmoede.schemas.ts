import { Type } from 'typebox'

const Id = Type.String({ maxLength: 64 })

export const MoedeParams = Type.Object({ id: Id })
export const PunktParams = Type.Object({ id: Id, punktId: Id })
export const BesigtigelseParams = Type.Object({ id: Id, besigtigelseId: Id })
export const DokumentParams = Type.Object({ id: Id, punktId: Id, dokumentId: Id })
