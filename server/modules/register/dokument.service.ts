// The decision document as the national API serves it: GET /api/decisiondocument/{GUID}
// answers a published decision's public PDF (the same bytes as /afgoerelser/:id.pdf).
import { maaHenteAfgoerelsesdokument } from '../../kerne/access/offentlig.js'
import { NotFoundError, ValidationError } from '../../platform/errors.js'
import { erGuid } from './graphql/skalarer.js'
import { findDokumentAfgoerelse } from './sider.repository.js'
import { afgoerelsePdf, type SiderCtx } from './sider.service.js'

const ikkeFundet = () => new NotFoundError('DokumentIkkeFundet', 'Afgørelsesdokumentet findes ikke i registret.')

export async function afgoerelsesdokument(ctx: SiderCtx, decisionDocumentId: string): Promise<{ pdf: Buffer; id: number }> {
  if (!erGuid(decisionDocumentId)) throw new ValidationError('UgyldigDokumentId', `Et afgørelsesdokuments id er en GUID, fx 3f2504e0-4f89-11d3-9a0c-0305e82c3301 (fik ${JSON.stringify(decisionDocumentId.slice(0, 40))}).`)
  const r = await findDokumentAfgoerelse(ctx.db, decisionDocumentId.toLowerCase())
  if (!maaHenteAfgoerelsesdokument(r)) throw ikkeFundet()
  const pdf = await afgoerelsePdf(ctx, String(r!.id))
  // Withdrawn between the two reads.
  if ('trukketTilbage' in pdf) throw ikkeFundet()
  return pdf
}
