// The board members' portal: their boards and published meetings (/naevnsportal), a
// meeting's agenda, and per item the case material read-only (the filing, documents,
// hearing answers, the secretariat's recommendation), with private notes and the
// declaration of disqualification. Who reaches what: server/kerne/access/moeder.ts (404 otherwise).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { dokumentForMedlem, moedeForMedlem, moederForMedlem, punktForMedlem } from '../../kerne/access/moeder.js'
import { assertBoardMember, boardMemberNaevnIds } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { textParagraphs } from '../../kerne/documents/kvittering.js'
import { ValidationError } from '../../platform/errors.js'
import { FormBody, FormErrors, kontrollerFeltLaengder, text } from '../../platform/forms/form.js'
import { sendDownload } from '../../platform/http/download.js'
import { mineNaevnView } from '../../kerne/naevn/visning.js'
import { dokumentKategoriLabel, formatStoerrelse } from '../../kerne/sag/bilag.js'
import { listPartshoeringer } from '../../kerne/sag/partshoering.js'
import { formatDato, formatDatoTid, sammendrag, adresseTekst } from '../../kerne/sag/visning.js'
import { dagsordenPdf, sagsmappePdf } from './moeder.dokumenter.js'
import { antalPunkter, hentNaevn, listPunkter, naevnetsDokumenter } from './moeder.repository.js'
import { hentSag, parterISag } from '../../kerne/sag/sagsdata.js'
import { besigtigelseTekst, moedeTid, omraaderTekst, parterVisning } from './moeder.visning.js'
import { DokumentParams, MoedeParams, PunktParams } from './naevnsmoede.schemas.js'
import { erklaerInhabilitet, gemMedlemsnote, hentMedlemsnote, logMedlemsAdgang } from './portal.service.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'

export const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db
  const dage = app.config.moedeAdgangDageEfter
  const medlem = { preHandler: guard(assertBoardMember) }

  app.get('/naevnsportal', medlem, async (req, reply) => {
    const p = requirePrincipal(req)
    const [naevn, moeder] = await Promise.all([
      mineNaevnView(db, p, boardMemberNaevnIds(p)),
      moederForMedlem(db, p, dage)
        .innerJoin('naevn', 'naevn.id', 'moeder.naevn_id')
        .select(['moeder.id', 'moeder.starttid', 'moeder.sted', 'moeder.status', 'naevn.navn as naevn_navn'])
        .orderBy('moeder.starttid')
        .execute(),
    ])
    const nu = Date.now()
    const vis = (m: (typeof moeder)[number]) => ({
      href: `/naevnsportal/moeder/${m.id}`,
      datoTid: moedeTid(m.starttid).datoTid,
      sted: m.sted,
      naevn: m.naevn_navn,
      adgangTil: formatDato(new Date(m.starttid.getTime() + dage * 86_400_000)),
    })
    // A meeting counts as coming until the end of its day.
    const kommende = (m: (typeof moeder)[number]) => m.status === 'planlagt' && m.starttid.getTime() >= nu - 12 * 3600_000
    return reply.page('pages/naevnsmoede/portal', {
      titel: 'Nævnsportal',
      naevn,
      kommende: moeder.filter(kommende).map(vis),
      tidligere: moeder.filter((m) => !kommende(m)).reverse().map(vis),
      dage,
    })
  })

  app.get('/naevnsportal/moeder/:id', { schema: { params: MoedeParams }, ...medlem }, async (req, reply) => {
    const p = requirePrincipal(req)
    const moede = await moedeForMedlem(db, p, req.params.id, dage)
    const [naevn, synlige, alle] = await Promise.all([hentNaevn(db, moede.naevn_id), listPunkter(db, moede.id, { skjulInhabilFor: p.userId }), antalPunkter(db, moede.id)])
    const t = moedeTid(moede.starttid)
    return reply.page('pages/naevnsmoede/portal-moede', {
      titel: `Dagsorden ${t.dato}`,
      moede: { naevn: naevn.navn, datoTid: t.datoTid, sted: moede.sted, afholdt: moede.status === 'afholdt', pdf: `/naevnsportal/moeder/${moede.id}/dagsorden.pdf` },
      punkter: synlige.map((x) => ({
        nr: x.position,
        href: `/naevnsportal/moeder/${moede.id}/punkter/${x.id}`,
        sagsnummer: x.sagsnummer,
        adresse: adresseTekst(x),
        omraader: omraaderTekst(x),
        parter: parterVisning(x.parter),
        besigtigelser: (x.besigtigelser ?? []).map(besigtigelseTekst),
      })),
      skjulte: alle - synlige.length,
    })
  })

  app.get('/naevnsportal/moeder/:id/dagsorden.pdf', { schema: { params: MoedeParams }, ...medlem }, async (req, reply) => {
    const p = requirePrincipal(req)
    const moede = await moedeForMedlem(db, p, req.params.id, dage)
    return sendDownload(reply, { mime: 'application/pdf', filnavn: `dagsorden-${moedeTid(moede.starttid).isoDato}.pdf`, indhold: await dagsordenPdf(db, moede, { skjulInhabilFor: p.userId }) })
  })

  async function visPunkt(reply: FastifyReply, p: Principal, moedeId: string, punktId: string, o: { errors?: FormErrors; v?: Record<string, string> } = {}) {
    const { moede, punkt } = await punktForMedlem(db, p, moedeId, punktId, dage)
    const sag = await hentSag(db, punkt.sag_id)
    await logMedlemsAdgang(db, p, sag.id)
    const [naevn, parter, dokumenter, hoeringer, note, punkter] = await Promise.all([
      hentNaevn(db, moede.naevn_id),
      parterISag(db, sag.id),
      naevnetsDokumenter(db, sag.id),
      listPartshoeringer(db, sag.id),
      hentMedlemsnote(db, p, sag.id),
      listPunkter(db, moede.id, { skjulInhabilFor: p.userId }),
    ])
    const base = `/naevnsportal/moeder/${moede.id}/punkter/${punkt.id}`
    const synlige = new Set(dokumenter.map((d) => d.id))
    const t = moedeTid(moede.starttid)
    const dette = punkter.find((x) => x.id === punkt.id)
    if (o.errors?.any) reply.status(400)
    // Members read the filing, not the parties' contact details.
    const s = sammendrag(sag, parter.map((x) => ({ ...x, email: null, telefon: null })), naevn.navn)
    return reply.page('pages/naevnsmoede/portal-punkt', {
      titel: `Punkt ${punkt.position}: sag ${sag.sagsnummer}`,
      moede: { href: `/naevnsportal/moeder/${moede.id}`, datoTid: t.datoTid },
      punkt: { nr: punkt.position, base, sagsmappe: `${base}/sagsmappe.pdf` },
      sag: { sagsnummer: sag.sagsnummer },
      ...s,
      besigtigelser: (dette?.besigtigelser ?? []).map(besigtigelseTekst),
      indstilling: textParagraphs(sag.vurdering ?? ''),
      dokumenter: dokumenter.map((d) => ({ href: `${base}/dokumenter/${d.id}`, filnavn: d.filnavn, kategori: dokumentKategoriLabel[d.kategori] ?? d.kategori, dato: formatDato(d.oprettet), stoerrelse: formatStoerrelse(d.stoerrelse) })),
      hoeringssvar: hoeringer.flatMap((h) =>
        (h.svar ?? []).map((x) => ({
          part: x.part,
          oprettet: formatDatoTid(new Date(x.oprettet)),
          tekst: textParagraphs(x.tekst),
          filer: x.filer.filter((f) => synlige.has(f.id)).map((f) => ({ filnavn: f.filnavn, href: `${base}/dokumenter/${f.id}` })),
        })),
      ),
      note: o.v?.note ?? note?.tekst ?? '',
      noteHjaelp: `Kun du kan se dine noter – hverken sekretariatet eller de andre medlemmer.${note ? ` Sidst gemt ${formatDatoTid(note.opdateret)}.` : ''}`,
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  app.get('/naevnsportal/moeder/:id/punkter/:punktId', { schema: { params: PunktParams }, ...medlem }, async (req, reply) => visPunkt(reply, requirePrincipal(req), req.params.id, req.params.punktId))

  app.get('/naevnsportal/moeder/:id/punkter/:punktId/dokumenter/:dokumentId', { schema: { params: DokumentParams }, ...medlem }, async (req, reply) => {
    const p = requirePrincipal(req)
    const dok = await dokumentForMedlem(db, p, req.params.id, req.params.punktId, req.params.dokumentId, dage)
    await logMedlemsAdgang(db, p, dok.sag_id, dok.id)
    return sendDownload(reply, dok)
  })

  app.get('/naevnsportal/moeder/:id/punkter/:punktId/sagsmappe.pdf', { schema: { params: PunktParams }, ...medlem }, async (req, reply) => {
    const p = requirePrincipal(req)
    const { punkt } = await punktForMedlem(db, p, req.params.id, req.params.punktId, dage)
    const { pdf, filnavn } = await sagsmappePdf(db, punkt.sag_id)
    await logMedlemsAdgang(db, p, punkt.sag_id)
    return sendDownload(reply, { mime: 'application/pdf', filnavn, indhold: pdf })
  })

  app.post('/naevnsportal/moeder/:id/punkter/:punktId/note', { schema: { params: PunktParams, body: FormBody }, ...medlem }, async (req, reply) => {
    const p = requirePrincipal(req)
    const note = text(req.body, 'note', tekstGraenser.medlemsnote)
    try {
      kontrollerFeltLaengder(req.body)
      await gemMedlemsnote(db, p, req.params.id, req.params.punktId, note, dage)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return visPunkt(reply, p, req.params.id, req.params.punktId, { errors: new FormErrors().merge(err.fields), v: { note } })
    }
    return reply.redirect(`/naevnsportal/moeder/${req.params.id}/punkter/${req.params.punktId}#noter`, 303)
  })

  app.post('/naevnsportal/moeder/:id/punkter/:punktId/inhabil', { schema: { params: PunktParams, body: FormBody }, ...medlem }, async (req, reply) => {
    const p = requirePrincipal(req)
    await erklaerInhabilitet(db, p, req.params.id, req.params.punktId, text(req.body, 'begrundelse', tekstGraenser.begrundelse), dage)
    return reply.redirect(`/naevnsportal/moeder/${req.params.id}?inhabil=1`, 303)
  })
}
