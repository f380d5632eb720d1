// The decision document from the registered decision: the view-model (everything in
// Danish, formatted), then the shared renderer as a PDF or as the on-screen preview.
import type { Selectable } from 'kysely'
import type { Afgoerelser } from '../../platform/db/types.js'
import { brevhovedAf, naevnKontaktKolonner } from '../../kerne/documents/brevhoved.js'
import { afgoerelseDocument, afgoerelsePreviewHtml, type AfgoerelseViewModel } from '../../kerne/documents/afgoerelse.js'
import { renderPdf } from '../../kerne/documents/pdf.js'
import { formatDansk } from '../../kerne/sag/frister.js'
import {
  afslutningsaarsager,
  besigtigelseKoder,
  huslejeangivelser,
  huslejekategorier,
  huslejemetoder,
  lejemaalLabel,
  medholdKoder,
  naevnTypeFor,
  rolleLabel,
  type LejemaalType,
} from '../../kerne/sag/koder.js'
import { formatBestemmelse } from '../../kerne/sag/lovgrundlag.js'
import { adresseTekst, formaalLabel, formatDato, partRolleLabel, sagsomraadeLabels } from '../../kerne/sag/visning.js'
import type { AfgoerelseCtx } from './afgoerelse.service.js'

type Afgoerelse = Selectable<Afgoerelser>

const kr = (v: string) => `${Number(v).toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr.`

async function viewModel(ctx: AfgoerelseCtx, sagId: string, a: Afgoerelse, o: { udkast: boolean }): Promise<{ vm: AfgoerelseViewModel; logo?: { data: Buffer; mime: 'image/png' | 'image/jpeg' } }> {
  const sag = await ctx.db
    .selectFrom('sager')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .selectAll('sager')
    .select([...naevnKontaktKolonner, 'naevn.type as naevn_type', 'naevn.logo', 'naevn.logo_mime'])
    .where('sager.id', '=', sagId)
    .executeTakeFirstOrThrow()
  const parter = await ctx.db.selectFrom('parter').select(['rolle', 'navn']).where('sag_id', '=', sagId).orderBy('rolle').orderBy('raekkefoelge').execute()
  const type = naevnTypeFor(sag.lejemaal_type as LejemaalType)
  const hoved = brevhovedAf(sag)
  const bestemmelser = a.lovgrundlag.map((id) => ctx.love.hent(id)).filter((b) => b !== undefined)
  const navn = (rolle: string) => parter.filter((x) => x.rolle === rolle).map((x) => x.navn).join(', ')
  const boks = [
    { label: 'Indbringer', vaerdi: sag.indbringer_rolle ? rolleLabel[sag.indbringer_rolle] : '' },
    { label: 'Formål', vaerdi: formaalLabel(type, sag.formaal) },
    { label: 'Lejemål', vaerdi: sag.lejemaal_type ? lejemaalLabel[sag.lejemaal_type] : '' },
    { label: 'Indbringelsesdato', vaerdi: sag.indbragt ? formatDato(sag.indbragt) : '' },
    { label: 'Adresser', vaerdi: adresseTekst(sag) },
    { label: 'Navn på indbringer', vaerdi: navn('indbringer') },
    { label: 'Part/medpart', vaerdi: navn('medpart') },
    { label: 'Modpart', vaerdi: navn('modpart') },
    { label: 'Afgørelsesdato', vaerdi: a.afgoerelsesdato ? formatDansk(a.afgoerelsesdato) : '' },
    { label: 'Afslutningsårsag', vaerdi: a.afslutningsaarsag ? afslutningsaarsager[a.afslutningsaarsag as keyof typeof afslutningsaarsager] : '' },
    { label: 'Henlæggelsesårsag', vaerdi: a.henlaeggelsesaarsag ?? '' },
    { label: 'Afvisningsårsag', vaerdi: a.afvisningsaarsag ?? '' },
    { label: 'Sagsområde(r)', vaerdi: sagsomraadeLabels(type, a.sagsomraader).join(', ') },
    { label: 'Lovgrundlag', vaerdi: bestemmelser.map((b) => formatBestemmelse(b)).join('; ') },
    { label: 'Medhold', vaerdi: a.medhold && a.medhold !== 'NOT_SET' ? medholdKoder[a.medhold as keyof typeof medholdKoder] : '' },
    { label: 'Gebyrpålæggelse', vaerdi: a.gebyrpaalaeggelse === null ? '' : a.gebyrpaalaeggelse ? 'Ja' : 'Nej' },
    { label: 'Besigtigelse', vaerdi: a.besigtigelse ? besigtigelseKoder[a.besigtigelse as keyof typeof besigtigelseKoder] : '' },
    { label: 'Huslejefastsættelsesdato', vaerdi: a.huslejefastsaettelse_dato ? formatDansk(a.huslejefastsaettelse_dato) : '' },
    { label: 'Huslejefastsættelsesmetode', vaerdi: a.huslejefastsaettelse_metode ? huslejemetoder[a.huslejefastsaettelse_metode as keyof typeof huslejemetoder] : '' },
    { label: 'Huslejekategori', vaerdi: a.huslejekategori ? huslejekategorier[a.huslejekategori as keyof typeof huslejekategorier] : '' },
    { label: 'Huslejeangivelse', vaerdi: a.huslejeangivelse ? huslejeangivelser[a.huslejeangivelse as keyof typeof huslejeangivelser] : '' },
    { label: 'Husleje', vaerdi: a.husleje ? kr(a.husleje) : '' },
    { label: 'Areal', vaerdi: a.areal ? `${Number(a.areal).toLocaleString('da-DK')} m²` : '' },
  ].filter((r) => r.vaerdi)
  const vm: AfgoerelseViewModel = {
    naevn: { navn: hoved.naevnNavn, adresseLinjer: hoved.adresseLinjer, kontaktLinjer: hoved.kontaktLinjer },
    dato: formatDato(new Date()),
    indbringelsesnummer: String(sag.indbringelsesnummer ?? ''),
    sagsnummer: sag.sagsnummer ?? '',
    afgoerelsesdato: a.afgoerelsesdato ? formatDansk(a.afgoerelsesdato) : '',
    lejemaalAdresse: adresseTekst(sag),
    parter: parter.filter((x) => x.rolle !== 'repraesentant').map((x) => ({ rolle: partRolleLabel[x.rolle] ?? x.rolle, navn: x.navn })),
    boks,
    afgoerelse: a.afgoerelse_tekst,
    sagsfremstilling: a.sagsfremstilling,
    begrundelse: a.begrundelse,
    lovgrundlag: bestemmelser.map((b) => ({ label: formatBestemmelse(b), overskrift: b.overskrift })),
    // The last day is named once the notification date is known (after delivery).
    klagevejledning: { meddelt: null, sidsteDag: null, naevnType: type },
    udkast: o.udkast,
    version: a.version,
  }
  const logo = sag.logo && (sag.logo_mime === 'image/png' || sag.logo_mime === 'image/jpeg') ? { data: sag.logo, mime: sag.logo_mime as 'image/png' | 'image/jpeg' } : undefined
  return { vm, logo }
}

export async function afgoerelseDokument(ctx: AfgoerelseCtx, sagId: string, a: Afgoerelse, o: { udkast: boolean }): Promise<Buffer> {
  const { vm, logo } = await viewModel(ctx, sagId, a, o)
  return renderPdf(afgoerelseDocument(vm, { creationDate: new Date(), ...(logo ? { logo } : {}) }))
}

export async function forhaandsvisning(ctx: AfgoerelseCtx, sagId: string, a: Afgoerelse): Promise<string> {
  const { vm } = await viewModel(ctx, sagId, a, { udkast: a.status !== 'endelig' })
  return afgoerelsePreviewHtml(vm)
}
