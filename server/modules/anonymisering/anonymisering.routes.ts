// The caseworker's review of an anonymized decision: the text with every masked span
// highlighted by type and confidence, the spans listed least certain first, and forms to
// remove a span, change its replacement, add one the anonymizer missed (by selecting the
// text, or typing it) and approve. Staff of the case's board only; anyone else gets 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertStaff } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { FormBody, FormErrors, kontrollerFeltLaengder, list, text } from '../../platform/forms/form.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'
import { formatDatoTid } from '../../kerne/sag/visning.js'
import { ConflictError, ValidationError } from '../../platform/errors.js'
import { fravaelg, genoptag, trukTilbage } from '../../kerne/sag/offentliggoerelse.js'
import { logAdgang } from '../../kerne/sag/adgangslog.js'
import { registerKopi, spansAf } from './anonymisering.repository.js'
import { godkend, hentTilGennemsyn, retMarkeringer, spanTyper, tilfoejMarkering } from './anonymisering.service.js'
import type { Span } from './typer.js'

const SagParams = Type.Object({ id: Type.String({ maxLength: 64 }) })

const publiceringLabel: Record<string, string> = {
  afventer_anonymisering: 'Venter på anonymisering',
  til_gennemsyn: 'Til gennemsyn',
  godkendt: 'Godkendt til offentliggørelse',
  publiceret: 'Offentliggjort',
  fravalgt: 'Offentliggøres ikke',
  trukket_tilbage: 'Trukket tilbage',
}

function sikkerhedsklasse(s: number): 'lav' | 'middel' | 'hoej' {
  return s < 0.7 ? 'lav' : s < 0.9 ? 'middel' : 'hoej'
}

/** The original text cut into plain and masked pieces, each with its offset. */
function segmenter(tekst: string, spans: readonly Span[]) {
  const ud: { start: number; tekst: string; span: { nr: number; type: string; typeLabel: string; klasse: string; erstatning: string; titel: string } | null }[] = []
  let pos = 0
  const orden = spans.map((s, nr) => ({ s, nr })).sort((a, b) => a.s.start - b.s.start)
  for (const { s, nr } of orden) {
    if (s.start > pos) ud.push({ start: pos, tekst: tekst.slice(pos, s.start), span: null })
    const procent = Math.round(s.sikkerhed * 100)
    ud.push({
      start: s.start,
      tekst: tekst.slice(s.start, s.end),
      span: { nr, type: s.type, typeLabel: spanTyper[s.type] ?? s.type, klasse: sikkerhedsklasse(s.sikkerhed), erstatning: s.erstatning, titel: `${spanTyper[s.type] ?? s.type} · ${procent} % sikker · ${s.regel} → ${s.erstatning}` },
    })
    pos = s.end
  }
  if (pos < tekst.length) ud.push({ start: pos, tekst: tekst.slice(pos), span: null })
  return ud
}

export const anonymiseringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  async function vis(reply: FastifyReply, p: Principal, sagId: string, o: { errors?: FormErrors; v?: Record<string, string>; besked?: string; logAdgang?: boolean } = {}) {
    const { sag, anonymisering: a } = await hentTilGennemsyn(db, p, sagId)
    // The review shows the decision with the parties' names: an access like opening the case.
    if (o.logAdgang) await logAdgang(db, p, sag.id)
    const errors = o.errors ?? new FormErrors()
    if (errors.any && reply.statusCode < 400) reply.status(400)
    const spans = a ? spansAf(a.spans) : []
    const { fejl, fejlListe } = errors.toView()
    const kopi = a ? await registerKopi(db, a.afgoerelse_id) : undefined
    const tilstand = a?.publicering ?? null
    return reply.page('pages/anonymisering/gennemsyn', {
      titel: `Anonymisering i sag ${sag.sagsnummer}`,
      sag: { id: sag.id, sagsnummer: sag.sagsnummer },
      a: a
        ? {
            version: a.version_nr,
            revision: a.revision,
            tilGennemsyn: a.status === 'til_gennemsyn',
            publicering: publiceringLabel[a.publicering ?? ''] ?? 'Ikke startet',
            godkendt: a.godkendt ? formatDatoTid(a.godkendt) : null,
            godkendtAf: a.automatisk_godkendt ? 'automatisk (nævnets tærskel)' : a.godkendt_af,
            antal: spans.length,
            lave: spans.filter((s) => s.sikkerhed < 0.7).length,
            segmenter: segmenter(a.original_tekst, spans),
            anonymiseret: a.anonymiseret_tekst,
            // Least certain first: those are the ones to check.
            markeringer: spans
              .map((s, nr) => ({ nr, tekst: a.original_tekst.slice(s.start, s.end), typeLabel: spanTyper[s.type] ?? s.type, regel: s.regel, sikkerhed: Math.round(s.sikkerhed * 100), klasse: sikkerhedsklasse(s.sikkerhed), erstatning: o.v?.[`erstatning_${nr}`] ?? s.erstatning, fejl: fejl[`erstatning_${nr}`] }))
              .sort((x, y) => x.sikkerhed - y.sikkerhed || x.nr - y.nr),
          }
        : null,
      offentliggoerelse: a
        ? {
            publiceret: tilstand === 'publiceret',
            fravalgt: tilstand === 'fravalgt' || tilstand === 'trukket_tilbage',
            trukketTilbage: tilstand === 'trukket_tilbage',
            begrundelse: a.publicering_begrundelse,
            kanFravaelges: tilstand !== 'fravalgt' && tilstand !== 'trukket_tilbage',
            url: kopi ? `/afgoerelser/${kopi.id}` : null,
          }
        : null,
      typeValg: Object.entries(spanTyper).map(([value, label]) => ({ value, label })),
      v: o.v ?? {},
      besked: o.besked,
      fejl,
      fejlListe,
    })
  }

  /** A refused edit shows the page again with the reason and what was typed. */
  async function medFejl(reply: FastifyReply, p: Principal, sagId: string, err: unknown, v: Record<string, string>) {
    if (err instanceof ValidationError || err instanceof ConflictError) {
      const errors = new FormErrors()
      const felter = err instanceof ValidationError ? Object.entries(err.fields) : []
      if (felter.length === 0) errors.add('anonymisering', err.message)
      errors.merge(Object.fromEntries(felter))
      // A conflict reloads the newest spans: what was typed into them no longer applies.
      return vis(reply.status(err instanceof ConflictError ? 409 : 400), p, sagId, { errors, v: err instanceof ConflictError ? {} : v })
    }
    throw err
  }

  const route = '/sagsbehandling/sager/:id/anonymisering'
  const opts = { schema: { params: SagParams }, preHandler: guard(assertStaff) }
  const postOpts = { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }

  app.get(route, opts, async (req, reply) => vis(reply, requirePrincipal(req), req.params.id, { logAdgang: true }))

  app.post(`${route}/markeringer`, postOpts, async (req, reply) => {
    const p = requirePrincipal(req)
    const body = req.body
    const erstatninger = new Map<number, string>()
    const v: Record<string, string> = {}
    for (const [k, val] of Object.entries(body)) {
      const m = /^erstatning_(\d{1,5})$/.exec(k)
      if (m && typeof val === 'string') {
        erstatninger.set(Number(m[1]), val.slice(0, 100))
        v[k] = val.slice(0, 100)
      }
    }
    const fjern = list(body, 'fjern').map(Number).filter(Number.isInteger)
    try {
      await retMarkeringer(db, p, req.params.id, { revision: Number(text(body, 'revision', 10)), fjern, erstatninger })
    } catch (err) {
      return medFejl(reply, p, req.params.id, err, v)
    }
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}/anonymisering`, 303)
  })

  app.post(`${route}/tilfoej`, postOpts, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { tekst: text(req.body, 'tekst', 300), type: text(req.body, 'type', 20), erstatning: text(req.body, 'erstatning', 60), start: text(req.body, 'start', 10), end: text(req.body, 'end', 10) }
    const tal = (s: string) => (/^\d{1,9}$/.test(s) ? Number(s) : undefined)
    try {
      kontrollerFeltLaengder(req.body)
      const start = tal(v.start)
      const end = tal(v.end)
      await tilfoejMarkering(db, p, req.params.id, { revision: Number(text(req.body, 'revision', 10)), tekst: v.tekst, type: v.type, erstatning: v.erstatning, ...(start !== undefined && end !== undefined ? { start, end } : {}) })
    } catch (err) {
      return medFejl(reply, p, req.params.id, err, v)
    }
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}/anonymisering#markeret-tekst`, 303)
  })

  // Withholding, withdrawing and resuming publication (server/kerne/sag/offentliggoerelse.ts).
  app.post(`${route}/fravaelg`, postOpts, async (req, reply) => {
    const p = requirePrincipal(req)
    const begrundelse = text(req.body, 'begrundelse', tekstGraenser.begrundelse)
    try {
      kontrollerFeltLaengder(req.body)
      if (text(req.body, 'handling', 20) === 'tilbagetraek') await trukTilbage(db, p, req.params.id, begrundelse)
      else await fravaelg(db, p, req.params.id, begrundelse)
    } catch (err) {
      return medFejl(reply, p, req.params.id, err, { begrundelse })
    }
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}/anonymisering#offentliggoerelse`, 303)
  })

  app.post(`${route}/genoptag`, postOpts, async (req, reply) => {
    const p = requirePrincipal(req)
    try {
      await genoptag(db, p, req.params.id)
    } catch (err) {
      return medFejl(reply, p, req.params.id, err, {})
    }
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}/anonymisering#offentliggoerelse`, 303)
  })

  app.post(`${route}/godkend`, postOpts, async (req, reply) => {
    const p = requirePrincipal(req)
    try {
      await godkend(db, p, req.params.id, Number(text(req.body, 'revision', 10)))
    } catch (err) {
      return medFejl(reply, p, req.params.id, err, {})
    }
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}/anonymisering`, 303)
  })
}
