// The secretariat's meetings: the list and a new meeting, the meeting page with its
// agenda (add, order, remove, publish), inspections, the outcome of each item, held or
// cancelled, and the agenda PDF and each item's case bundle. Staff of the meeting's
// board only; everyone else gets 404 (server/kerne/access/moeder.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { moedeForPersonale, punktForPersonale } from '../../kerne/access/moeder.js'
import { assertStaff, staffNaevnIds } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { ValidationError } from '../../platform/errors.js'
import { FormBody, FormErrors, kontrollerFeltLaengder, text } from '../../platform/forms/form.js'
import { sendDownload } from '../../platform/http/download.js'
import { mineNaevnView } from '../../kerne/naevn/visning.js'
import { statusForPart } from '../../kerne/sag/status.js'
import { adresseTekst, formatDatoTid } from '../../kerne/sag/visning.js'
import { hentNaevn, klarTilMoede, listMoederForPersonale, listPunkter } from './moeder.repository.js'
import { dagsordenPdf, sagsmappePdf } from './moeder.dokumenter.js'
import {
  aflysMoede,
  besigtigelseResultater,
  fjernPunkt,
  flytPunkt,
  markerAfholdt,
  offentliggoerDagsorden,
  opretBesigtigelse,
  opretMoede,
  redigerMoede,
  registrerBesigtigelsesresultat,
  registrerUdfald,
  tilfoejPunkt,
  udfaldKoder,
} from './moeder.service.js'
import { besigtigelseTekst, moedeStatusLabel, moedeTid, omraaderTekst, parterVisning, udfaldLabel } from './moeder.visning.js'
import { BesigtigelseParams, MoedeParams, PunktParams } from './naevnsmoede.schemas.js'
import { textParagraphs } from '../../kerne/documents/kvittering.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'

type Vaerdier = Record<string, string>

export const moederRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  async function visListe(reply: FastifyReply, p: Principal, o: { errors?: FormErrors; v?: Vaerdier } = {}) {
    const mine = staffNaevnIds(p)
    const [naevn, moeder] = await Promise.all([mineNaevnView(db, p, mine), listMoederForPersonale(db, p)])
    const nu = Date.now()
    const vis = (m: (typeof moeder)[number]) => ({
      href: `/sagsbehandling/moeder/${m.id}`,
      datoTid: moedeTid(m.starttid).datoTid,
      sted: m.sted,
      naevn: m.naevn_navn,
      status: moedeStatusLabel[m.status] ?? m.status,
      offentliggjort: m.offentliggjort ? 'Sendt til nævnet' : 'Ikke sendt',
      punkter: Number(m.punkter ?? 0),
    })
    if (o.errors?.any) reply.status(400)
    return reply.page('pages/naevnsmoede/moeder', {
      titel: 'Nævnsmøder',
      kommende: moeder.filter((m) => m.status === 'planlagt' && m.starttid.getTime() >= nu - 12 * 3600_000).reverse().map(vis),
      tidligere: moeder.filter((m) => !(m.status === 'planlagt' && m.starttid.getTime() >= nu - 12 * 3600_000)).map(vis),
      naevnValg: naevn.map((n) => ({ value: n.id, label: n.navn })),
      v: { naevn: naevn.length === 1 ? naevn[0]!.id : '', tid: '13:00', ...(o.v ?? {}) },
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  app.get('/sagsbehandling/moeder', { preHandler: guard(assertStaff) }, async (req, reply) => visListe(reply, requirePrincipal(req)))

  app.post('/sagsbehandling/moeder', { schema: { body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { naevn: text(req.body, 'naevn', 64), dato: text(req.body, 'dato', 10), tid: text(req.body, 'tid', 5), sted: text(req.body, 'sted', 300) }
    // An empty place means the board's own address.
    if (!v.sted && staffNaevnIds(p).includes(v.naevn)) {
      const n = await hentNaevn(db, v.naevn)
      v.sted = [n.adresse, [n.postnr, n.by].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    }
    try {
      kontrollerFeltLaengder(req.body)
      const id = await opretMoede(db, p, { naevnId: v.naevn, dato: v.dato, tid: v.tid, sted: v.sted })
      return reply.redirect(`/sagsbehandling/moeder/${id}`, 303)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return visListe(reply, p, { errors: new FormErrors().merge(err.fields), v })
    }
  })

  async function visMoede(reply: FastifyReply, p: Principal, moedeId: string, o: { errors?: FormErrors; v?: Vaerdier } = {}) {
    const moede = await moedeForPersonale(db, p, moedeId)
    const [naevn, punkter, kandidater] = await Promise.all([hentNaevn(db, moede.naevn_id), listPunkter(db, moede.id), klarTilMoede(db, p, moede.naevn_id)])
    const t = moedeTid(moede.starttid)
    const begyndt = moede.starttid.getTime() <= Date.now()
    const planlagt = moede.status === 'planlagt'
    const v = o.v ?? {}
    if (o.errors?.any) reply.status(400)
    return reply.page('pages/naevnsmoede/moede', {
      titel: `Nævnsmøde ${t.dato}`,
      moede: {
        id: moede.id,
        version: moede.version,
        naevn: naevn.navn,
        datoTid: t.datoTid,
        sted: moede.sted,
        status: moedeStatusLabel[moede.status] ?? moede.status,
        planlagt,
        aflyst: moede.status === 'aflyst',
        aflystBegrundelse: moede.aflyst_begrundelse,
        offentliggjort: moede.offentliggjort ? formatDatoTid(moede.offentliggjort) : null,
        kanAfholdes: planlagt && begyndt,
        dagsordenPdf: `/sagsbehandling/moeder/${moede.id}/dagsorden.pdf`,
      },
      v: { dato: t.isoDato, tid: t.isoTid, sted: moede.sted, ...v },
      punkter: punkter.map((x, i) => {
        const status = x.status
        const felt = (navn: string) => `${navn}-${x.id}`
        return {
          id: x.id,
          nr: x.position,
          foerste: i === 0,
          sidste: i === punkter.length - 1,
          sagHref: `/sagsbehandling/sager/${x.sag_id}`,
          afgoerelseHref: `/sagsbehandling/sager/${x.sag_id}/afgoerelse`,
          sagsmappeHref: `/sagsbehandling/moeder/${moede.id}/punkter/${x.id}/sagsmappe.pdf`,
          sagsnummer: x.sagsnummer,
          adresse: adresseTekst(x),
          omraader: omraaderTekst(x),
          parter: parterVisning(x.parter),
          indstilling: textParagraphs(x.vurdering ?? ''),
          sagStatus: statusForPart[status]?.label ?? status,
          sagsbehandler: x.sagsbehandler ?? 'Ikke tildelt',
          inhabiliteter: (x.inhabiliteter ?? []).map((h) => ({ navn: h.navn, begrundelse: h.begrundelse, erklaeret: formatDatoTid(new Date(h.erklaeret)) })),
          besigtigelser: (x.besigtigelser ?? []).map((b) => ({
            id: b.id,
            tekst: besigtigelseTekst(b),
            brevHref: b.brev_dokument_id ? `/sagsbehandling/sager/${x.sag_id}/dokumenter/${b.brev_dokument_id}` : null,
            resultat: b.resultat ? besigtigelseResultater[b.resultat as keyof typeof besigtigelseResultater] : null,
            note: b.resultat_note,
            kanRegistrere: !b.resultat && new Date(b.tidspunkt).getTime() <= Date.now(),
            resultatValg: Object.entries(besigtigelseResultater).map(([value, label]) => ({ value, label, valgt: v[`resultat-${b.id}`] === value })),
          })),
          kanBesigtige: planlagt,
          besigtigelse: {
            dato: v[felt('besigtigelse_dato')] ?? t.isoDato,
            tid: v[felt('besigtigelse_tid')] ?? '10:00',
            adresse: v[felt('besigtigelse_adresse')] ?? adresseTekst(x),
          },
          udfald: x.udfald
            ? { label: udfaldLabel[x.udfald] ?? x.udfald, note: x.udfald_note, af: x.udfald_af, tid: x.udfald_registreret ? formatDatoTid(x.udfald_registreret) : '', afgjort: x.udfald === 'afgjort' }
            : null,
          kanUdfald: !x.udfald && begyndt && moede.status !== 'aflyst' && status === 'paa_dagsorden',
          kanFjernes: planlagt && !x.udfald,
          udfaldValg: Object.entries(udfaldKoder).map(([value, label]) => ({ value, label, valgt: v[felt('udfald')] === value })),
          note: v[felt('note')] ?? '',
        }
      }),
      kanTilfoeje: planlagt,
      kandidater: kandidater.map((s) => ({ value: s.id, label: `${s.sagsnummer} – ${adresseTekst(s)} (${omraaderTekst(s)})` })),
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  /** Runs a change; a Danish validation error re-renders the meeting with the input kept. */
  async function handling(reply: FastifyReply, p: Principal, moedeId: string, v: Vaerdier, action: () => Promise<void>, anker: string) {
    try {
      kontrollerFeltLaengder(reply.request.body)
      await action()
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return visMoede(reply, p, moedeId, { errors: new FormErrors().merge(err.fields), v })
    }
    return reply.redirect(`/sagsbehandling/moeder/${moedeId}#${anker}`, 303)
  }

  const staff = { preHandler: guard(assertStaff) }

  app.get('/sagsbehandling/moeder/:id', { schema: { params: MoedeParams }, ...staff }, async (req, reply) => visMoede(reply, requirePrincipal(req), req.params.id))

  app.post('/sagsbehandling/moeder/:id', { schema: { params: MoedeParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { dato: text(req.body, 'dato', 10), tid: text(req.body, 'tid', 5), sted: text(req.body, 'sted', 300) }
    const version = Number(text(req.body, 'version'))
    return handling(reply, p, req.params.id, v, () => redigerMoede(db, p, req.params.id, v, Number.isInteger(version) && version > 0 ? version : undefined), 'moedet')
  })

  app.post('/sagsbehandling/moeder/:id/aflys', { schema: { params: MoedeParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { aflys_begrundelse: text(req.body, 'aflys_begrundelse', tekstGraenser.begrundelse) }
    return handling(reply, p, req.params.id, v, () => aflysMoede(db, p, req.params.id, v.aflys_begrundelse), 'moedet')
  })

  app.post('/sagsbehandling/moeder/:id/offentliggoer', { schema: { params: MoedeParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    return handling(reply, p, req.params.id, {}, () => offentliggoerDagsorden(db, p, req.params.id), 'dagsorden')
  })

  app.post('/sagsbehandling/moeder/:id/afholdt', { schema: { params: MoedeParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    return handling(reply, p, req.params.id, {}, () => markerAfholdt(db, p, req.params.id), 'moedet')
  })

  app.post('/sagsbehandling/moeder/:id/punkter', { schema: { params: MoedeParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { sag: text(req.body, 'sag', 64) }
    return handling(reply, p, req.params.id, v, () => tilfoejPunkt(db, p, req.params.id, v.sag), 'dagsorden')
  })

  app.post('/sagsbehandling/moeder/:id/punkter/:punktId/flyt', { schema: { params: PunktParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    return handling(reply, p, req.params.id, {}, () => flytPunkt(db, p, req.params.id, req.params.punktId, text(req.body, 'retning', 10)), `punkt-${req.params.punktId}`)
  })

  app.post('/sagsbehandling/moeder/:id/punkter/:punktId/fjern', { schema: { params: PunktParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    return handling(reply, p, req.params.id, {}, () => fjernPunkt(db, p, req.params.id, req.params.punktId), 'dagsorden')
  })

  app.post('/sagsbehandling/moeder/:id/punkter/:punktId/udfald', { schema: { params: PunktParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    const id = req.params.punktId
    const input = { udfald: text(req.body, 'udfald', 40), note: text(req.body, 'note', tekstGraenser.moedenote) }
    return handling(reply, p, req.params.id, { [`udfald-${id}`]: input.udfald, [`note-${id}`]: input.note }, () => registrerUdfald(db, p, req.params.id, id, input), `punkt-${id}`)
  })

  app.post('/sagsbehandling/moeder/:id/punkter/:punktId/besigtigelser', { schema: { params: PunktParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    const id = req.params.punktId
    const input = { dato: text(req.body, 'dato', 10), tid: text(req.body, 'tid', 5), adresse: text(req.body, 'adresse', 300) }
    const v = { [`besigtigelse_dato-${id}`]: input.dato, [`besigtigelse_tid-${id}`]: input.tid, [`besigtigelse_adresse-${id}`]: input.adresse }
    return handling(reply, p, req.params.id, v, () => opretBesigtigelse(db, p, req.params.id, id, input), `punkt-${id}`)
  })

  app.post('/sagsbehandling/moeder/:id/besigtigelser/:besigtigelseId', { schema: { params: BesigtigelseParams, body: FormBody }, ...staff }, async (req, reply) => {
    const p = requirePrincipal(req)
    const id = req.params.besigtigelseId
    const input = { resultat: text(req.body, 'resultat', 20), note: text(req.body, 'resultat_note', tekstGraenser.moedenote) }
    return handling(reply, p, req.params.id, { [`resultat-${id}`]: input.resultat }, () => registrerBesigtigelsesresultat(db, p, req.params.id, id, input), 'dagsorden')
  })

  app.get('/sagsbehandling/moeder/:id/dagsorden.pdf', { schema: { params: MoedeParams }, ...staff }, async (req, reply) => {
    const moede = await moedeForPersonale(db, requirePrincipal(req), req.params.id)
    return sendDownload(reply, { mime: 'application/pdf', filnavn: `dagsorden-${moedeTid(moede.starttid).isoDato}.pdf`, indhold: await dagsordenPdf(db, moede) })
  })

  app.get('/sagsbehandling/moeder/:id/punkter/:punktId/sagsmappe.pdf', { schema: { params: PunktParams }, ...staff }, async (req, reply) => {
    const { punkt } = await punktForPersonale(db, requirePrincipal(req), req.params.id, req.params.punktId)
    const { pdf, filnavn } = await sagsmappePdf(db, punkt.sag_id)
    return sendDownload(reply, { mime: 'application/pdf', filnavn, indhold: pdf })
  })
}
