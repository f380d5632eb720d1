// A decision's public page, its PDF and the law pages: the view-models, and the PDF
// rendered on first download where the copy has none (bulk-imported rows).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { NotFoundError } from '../../platform/errors.js'
import { offentligVisning } from '../../kerne/access/offentlig.js'
import { brevhoved } from '../../kerne/documents/brevhoved.js'
import { offentligAfgoerelseDocument, sektioner } from '../../kerne/documents/offentlig-afgoerelse.js'
import { renderPdf } from '../../kerne/documents/pdf.js'
import { erLovKode, formatBestemmelse, loadLovgrundlag, lovLabel, paragrafLabel, type Statutory } from '../../kerne/sag/lovgrundlag.js'
import { formatDansk } from '../../kerne/sag/frister.js'
import { antalMedBestemmelse, findAfgoerelseVersion, findOffentligAfgoerelse, findPdfKilde, gemPdf, versionNoegle, type OffentligAfgoerelse } from './sider.repository.js'
import { besigtigelseTekst, datoTekst, indbringerTekst, jaNejTekst, medholdTekst, naevnTypeTekst, overskriftTekst, udfaldTekst } from './visning.js'

export interface SiderCtx {
  db: Kysely<DB>
  referenceDataDir: string
  publicUrl: string
}

/** Public ids are positive integers; anything else is simply not found. */
export function parseId(s: string): number {
  if (!/^[1-9]\d{0,15}$/.test(s)) throw new NotFoundError('AfgoerelseIkkeFundet', 'Afgørelsen findes ikke.')
  return Number(s)
}

/** A provision's id ('lejeloven:§106', 'lejeloven:uden-kapitel:§5') from the national API's statutory. */
export function bestemmelseId(s: Pick<Statutory, 'lawId' | 'chapterId' | 'sectionId'>): string {
  return `${s.lawId}:${s.chapterId === null ? 'uden-kapitel:' : ''}§${s.sectionId.toLowerCase().replace(/\s+/g, '')}`
}

/** /love/lejeloven/106, /love/lejeloven/uden-kapitel-5: the law page of a provision. */
export function lovSti(id: string): string {
  const m = /^([a-z]+):(uden-kapitel:)?§(.+)$/.exec(id)
  if (!m) return '/love'
  return `/love/${m[1]}/${m[2] ? 'uden-kapitel-' : ''}${encodeURIComponent(m[3]!)}`
}

/** The inverse of lovSti. */
export function bestemmelseIdFraSti(lov: string, paragraf: string): string {
  const p = paragraf.toLowerCase().replace(/\s+/g, '')
  return p.startsWith('uden-kapitel-') ? `${lov}:uden-kapitel:§${p.slice('uden-kapitel-'.length)}` : `${lov}:§${p}`
}

function lovgrundlagVisning(statutories: unknown) {
  return ((Array.isArray(statutories) ? statutories : []) as Statutory[]).map((s) => {
    const id = bestemmelseId(s)
    return { href: lovSti(id), lov: erLovKode(s.lawId) ? lovLabel(s.lawId) : s.lawText, tekst: s.sectionText, id }
  })
}

export type AfgoerelseSide =
  | { visning: 'tekst'; vm: Record<string, unknown> & { titel: string }; version: string }
  | { visning: 'trukket_tilbage'; vm: Record<string, unknown> & { titel: string }; version: string }

/** The version of a decision's public copy (for the page cache); undefined when there is none. */
export async function afgoerelseVersion(ctx: SiderCtx, id: number): Promise<string | undefined> {
  const v = await findAfgoerelseVersion(ctx.db, id)
  return v ? versionNoegle(v) : undefined
}

/** The page of a decision: its text and metadata, or the notice that it was withdrawn. */
export async function afgoerelseSide(ctx: SiderCtx, idParam: string): Promise<AfgoerelseSide> {
  const id = parseId(idParam)
  const a = await findOffentligAfgoerelse(ctx.db, id)
  const visning = offentligVisning(a)
  if (!a || visning === 'ingen') throw new NotFoundError('AfgoerelseIkkeFundet', 'Afgørelsen findes ikke.')
  const url = `${ctx.publicUrl}/afgoerelser/${a.id}`
  if (visning === 'trukket_tilbage') {
    return {
      visning,
      version: versionNoegle(a),
      vm: {
        titel: 'Afgørelsen er trukket tilbage',
        id: a.id,
        url,
        naevn: a.naevn_navn,
        afgoerelsesdato: datoTekst(a.date_of_decision),
        begrundelse: a.status_begrundelse ?? 'Nævnet har ikke oplyst en begrundelse.',
        trukketTilbage: datoTekst(a.opdateret.toISOString()),
      },
    }
  }
  return { visning, version: versionNoegle(a), vm: afgoerelseVisning(a, url) }
}

function afgoerelseVisning(a: OffentligAfgoerelse, url: string) {
  return {
    titel: a.titel,
    id: a.id,
    url,
    naevn: a.naevn_navn,
    pdfHref: `/afgoerelser/${a.id}.pdf`,
    fakta: [
      { label: 'Nævn', vaerdi: a.naevn_navn },
      { label: 'Nævnstype', vaerdi: naevnTypeTekst(a.naevn_type) },
      { label: 'Kommune', vaerdi: a.kommunenavn },
      { label: 'Indbragt', vaerdi: datoTekst(a.date_of_filing) },
      { label: 'Afgørelsesdato', vaerdi: datoTekst(a.date_of_decision) },
      { label: 'Indbragt af', vaerdi: indbringerTekst(a.submitter) },
      { label: 'Udfald', vaerdi: udfaldTekst(a.reason_for_closing) },
      { label: 'Medhold', vaerdi: medholdTekst(a.in_favour) },
      { label: 'Sagsområder', vaerdi: a.subject_labels.join(', ') || 'Ikke angivet' },
      { label: 'Besigtigelse', vaerdi: besigtigelseTekst(a.locally_inspected) },
      { label: 'Principiel interesse', vaerdi: jaNejTekst(a.general_public_interest) },
      { label: 'Gebyrpålæggelse', vaerdi: jaNejTekst(a.imposition_of_fee) },
    ],
    lovgrundlag: lovgrundlagVisning(a.statutories),
    sektioner: sektioner(a.tekst).map((s) => ({ ...s, overskrift: s.overskrift ? overskriftTekst(s.overskrift) : null })),
    relaterede: a.relaterede.map((r) => ({ href: `/afgoerelser/${r.id}`, titel: r.titel, dato: datoTekst(r.date_of_decision), naevn: r.naevn_navn })),
    version: a.version > 1 ? `Version ${a.version}, opdateret ${datoTekst(a.opdateret.toISOString())}` : null,
  }
}

export type PdfUdfald = { pdf: Buffer; id: number } | { trukketTilbage: Extract<AfgoerelseSide, { visning: 'trukket_tilbage' }> }

/** The stored PDF, rendered through the shared renderer and stored when there is none. */
export async function afgoerelsePdf(ctx: SiderCtx, idParam: string): Promise<PdfUdfald> {
  const id = parseId(idParam.replace(/\.pdf$/, ''))
  const k = await findPdfKilde(ctx.db, id)
  const visning = offentligVisning(k)
  if (!k || visning === 'ingen') throw new NotFoundError('AfgoerelseIkkeFundet', 'Afgørelsen findes ikke.')
  if (visning === 'trukket_tilbage') {
    const side = await afgoerelseSide(ctx, String(id))
    if (side.visning === 'trukket_tilbage') return { trukketTilbage: side }
    // Republished between the two reads: serve the new copy.
    return afgoerelsePdf(ctx, String(id))
  }
  if (k.pdf) return { pdf: k.pdf, id: k.id }

  const love = await loadLovgrundlag(ctx.referenceDataDir)
  const statutories = (Array.isArray(k.statutories) ? k.statutories : []) as unknown as Statutory[]
  const lovgrundlag = k.statute_keys.length
    ? k.statute_keys.map((key, i) => {
        const b = love.hent(key)
        return b ? formatBestemmelse(b) : (statutories[i]?.sectionText ?? key)
      })
    : statutories.map((s) => `${erLovKode(s.lawId) ? lovLabel(s.lawId) : s.lawText} ${paragrafLabel({ paragraf: s.sectionId })}`)
  const h = brevhoved({ navn: k.naevn_navn, adresse: k.naevn_adresse ?? '', postnr: k.naevn_postnr ?? '', by: k.naevn_by ?? '', email: k.naevn_email ?? '', telefon: k.naevn_telefon ?? '' })
  const mime: 'image/png' | 'image/jpeg' | null = k.logo_mime === 'image/png' || k.logo_mime === 'image/jpeg' ? k.logo_mime : null
  const logo: { data: Buffer; mime: 'image/png' | 'image/jpeg' } | undefined = k.logo && mime ? { data: k.logo, mime } : undefined
  const pdf = await renderPdf(
    offentligAfgoerelseDocument(
      {
        naevn: { navn: k.naevn_navn, adresseLinjer: h.adresseLinjer, kontaktLinjer: h.kontaktLinjer },
        id: String(k.id),
        url: `${ctx.publicUrl}/afgoerelser/${k.id}`,
        afgoerelsesdato: formatDansk(k.date_of_decision),
        kommune: k.kommunenavn,
        sagsomraader: k.subject_labels,
        udfald: udfaldTekst(k.reason_for_closing),
        medhold: k.in_favour === 'NOT_SET' ? null : medholdTekst(k.in_favour),
        lovgrundlag,
        tekst: k.tekst,
      },
      // The copy's own time, so a second rendering of the same copy reads the same.
      { creationDate: k.opdateret, ...(logo ? { logo } : {}) },
    ),
  )
  await gemPdf(ctx.db, k.id, k.version, pdf)
  return { pdf, id: k.id }
}

/** The law page: one provision's text, and how many published decisions cite it. */
export async function lovSide(ctx: SiderCtx, lov: string, paragraf: string) {
  if (!erLovKode(lov)) throw new NotFoundError('BestemmelseIkkeFundet', 'Bestemmelsen findes ikke.')
  const love = await loadLovgrundlag(ctx.referenceDataDir)
  const b = love.hent(bestemmelseIdFraSti(lov, paragraf))
  if (!b) throw new NotFoundError('BestemmelseIkkeFundet', 'Bestemmelsen findes ikke.')
  const antal = await antalMedBestemmelse(ctx.db, b.id)
  return {
    titel: `${lovLabel(b.lov)} ${paragrafLabel(b)}`,
    lovTitel: b.lovTitel,
    kapitel: b.kapitel === '' ? 'Uden for kapitelinddelingen' : `Kapitel ${b.kapitel}${b.kapitelOverskrift ? `: ${b.kapitelOverskrift}` : ''}`,
    // The law's text, one paragraph per "Stk.", as the law prints it.
    stykker: b.tekst.split(/\s+(?=Stk\.\s*\d+\.)/u).map((s) => s.trim()).filter(Boolean),
    antal,
    antalTekst: antal === 1 ? '1 offentliggjort afgørelse henviser til bestemmelsen.' : `${antal} offentliggjorte afgørelser henviser til bestemmelsen.`,
    soegHref: `/afgoerelser?lov=${encodeURIComponent(b.id)}`,
  }
}
