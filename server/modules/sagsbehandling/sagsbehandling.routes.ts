// Case handling for the secretariat: the inbox (filters, search, sort, pages), the case
// page with journal, notes, assessment, status and assignment, and fee registration.
// Every path answers 404 for cases outside the user's boards.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertStaff, mayAssignOthers, mayReadAccessLog, mayViewLeaderOverview, staffNaevnIds } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import { NotFoundError, ValidationError } from '../../platform/errors.js'
import { FormBody, FormErrors, kontrollerFeltLaengder, text } from '../../platform/forms/form.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'
import { isUuid, naevnNavn, type NaevnType } from '../../kerne/naevn/naevn.js'
import { dokumenterISag, parterISag, sagsdokumentMedIndhold } from '../../kerne/sag/sagsdata.js'
import { mineNaevnView } from '../../kerne/naevn/visning.js'
import { dokumentKategoriLabel, formatStoerrelse } from '../../kerne/sag/bilag.js'
import { formatKroner } from '../../kerne/sag/gebyr.js'
import { listJournal } from '../../kerne/sag/journal.js'
import { naevnTypeFor } from '../../kerne/sag/koder.js'
import { sagsomraaderFor } from '../../kerne/sag/sagsomraader.js'
import { logAdgang } from '../../kerne/sag/adgangslog.js'
import { kunGennemHandling, overgange, sagStatuser, statusForPart, type SagStatus } from '../../kerne/sag/status.js'
import { adresseTekst, formatDatoTid, sagsomraadeLabels, sammendrag } from '../../kerne/sag/visning.js'
import { beskederISag, indbakke, listNotater, personaleForNaevn, udsendelserISag, type Sortering, type Visning } from './sagsbehandling.repository.js'
import { DokumentParams, IndbakkeQuery, SagParams } from './sagsbehandling.schemas.js'
import { gemVurdering, partsbrugere, registrerGebyrBetalt, skiftStatusSomPersonale, skrivBrev, skrivTilPart, tildel, tilfoejNotat } from './sagsbehandling.service.js'
import { afslutPartshoering, forlaengFrist, opretPartshoering, standardSvarfrist } from './partshoering.service.js'
import { listPartshoeringer } from '../../kerne/sag/partshoering.js'
import { formatDansk, idagIDanmark } from '../../kerne/sag/frister.js'
import { list } from '../../platform/forms/form.js'
import { sendDownload } from '../../platform/http/download.js'
import { klagefrister, klagefristView } from '../../kerne/sag/klagefrist.js'
import { journalTekst } from '../../kerne/sag/journalhandlinger.js'
import { udsendelseStatusTekst } from '../../kerne/forsendelse/udsendelser.js'

const sidestoerrelse = 50

/** The deadline a case in the inbox is waiting for, and whether it has passed. */
function fristVisning(status: SagStatus, fristFremsendelse: string | null, hoeringsfrist: string | null) {
  const idag = idagIDanmark()
  const frist = status === 'indbragt' ? fristFremsendelse : hoeringsfrist
  if (!frist) return { frist: '', fristTekst: '', overskredet: false }
  return {
    frist,
    fristTekst: `${status === 'indbragt' ? 'Send til modpart' : 'Høringssvar'} senest ${formatDansk(frist)}`,
    overskredet: frist < idag,
  }
}

export const sagsbehandlingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  app.get('/sagsbehandling', { schema: { querystring: IndbakkeQuery }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const q = req.query
    const mine = staffNaevnIds(p)
    const side = q.side ?? 1
    const visning = (q.visning ?? 'aabne') as Visning
    const naevnId = q.naevn && mine.includes(q.naevn) ? q.naevn : undefined
    const [naevn, personale, { rows, total }] = await Promise.all([
      mineNaevnView(db, p, mine),
      personaleForNaevn(db, mine),
      indbakke(db, p, {
        visning,
        naevnId,
        status: q.status ? (q.status as SagStatus) : undefined,
        omraade: q.omraade || undefined,
        sagsbehandlerId: q.sagsbehandler && isUuid(q.sagsbehandler) ? q.sagsbehandler : undefined,
        kommunekode: q.kommune && /^\d{1,3}$/.test(q.kommune) ? Number(q.kommune) : undefined,
        fra: q.fra || undefined,
        til: q.til || undefined,
        q: q.q,
        sort: (q.sort || '-indbragt') as Sortering,
        limit: sidestoerrelse,
        offset: (side - 1) * sidestoerrelse,
      }),
    ])
    const params = Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'side' && v !== undefined && v !== '').map(([k, v]) => [k, String(v)]))
    const link = (extra: Record<string, string>) => `/sagsbehandling?${new URLSearchParams({ ...params, ...extra })}`
    const sider = Math.max(1, Math.ceil(total / sidestoerrelse))
    const typer = [...new Set(naevn.map((n) => (n.type === 'Beboerklagenævn' ? 'beboerklagenaevn' : 'huslejenaevn') as NaevnType))]
    return reply.page('pages/sagsbehandling/indbakke', {
      titel: 'Sagsbehandling',
      naevn,
      leder: mine.some((id) => mayViewLeaderOverview(p, id)),
      visninger: [
        { value: 'nye', label: 'Nye' },
        { value: 'mine', label: 'Mine' },
        { value: 'aabne', label: 'Alle åbne' },
        { value: 'overskredne', label: 'Frist overskredet' },
        { value: 'alle', label: 'Alle' },
      ].map((v) => ({ ...v, href: link({ visning: v.value }), aktiv: v.value === visning })),
      f: { ...q, visning },
      naevnValg: naevn.map((n) => ({ value: n.id, label: n.navn })),
      statusValg: sagStatuser.filter((s) => s !== 'kladde').map((s) => ({ value: s, label: statusForPart[s].label })),
      omraadeValg: typer.flatMap((t) => sagsomraaderFor(t).map((o) => ({ value: o.kode, label: o.label }))).filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i),
      personaleValg: personale.filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i).map((x) => ({ value: x.id, label: x.navn })),
      sortValg: [
        { value: '-indbragt', label: 'Nyeste først' },
        { value: 'indbragt', label: 'Ældste først' },
        { value: '-opdateret', label: 'Senest ændret' },
        { value: 'sagsnummer', label: 'Sagsnummer' },
      ],
      total,
      sager: rows.map((s) => ({
        id: s.id,
        sagsnummer: s.sagsnummer,
        adresse: adresseTekst(s),
        parter: s.parter ?? '',
        naevn: s.naevn_navn,
        status: statusForPart[s.status].label,
        omraader: s.lejemaal_type ? sagsomraadeLabels(naevnTypeFor(s.lejemaal_type), s.sagsomraader).join(', ') : '',
        indbragt: s.indbragt ? formatDatoTid(s.indbragt) : '',
        sagsbehandler: s.sagsbehandler ?? 'Ikke tildelt',
        gebyr: s.gebyr_betalt ? 'Betalt' : s.gebyr_kr !== null ? `${formatKroner(s.gebyr_kr)} – ikke betalt` : 'Ikke fastsat',
        ...fristVisning(s.status, s.frist_fremsendelse, s.hoeringsfrist),
      })),
      side,
      sider,
      forrige: side > 1 ? link({ side: String(side - 1) }) : null,
      naeste: side < sider ? link({ side: String(side + 1) }) : null,
    })
  })

  async function visSag(reply: FastifyReply, p: Principal, sagId: string, o: { errors?: FormErrors; v?: Record<string, string> } = {}) {
    const sag = await sagForPersonale(db, p, sagId)
    await logAdgang(db, p, sag.id)
    const kanTildele = mayAssignOthers(p, sag.naevn_id!)
    const kanSeAdgangslog = mayReadAccessLog(p, sag.naevn_id!)
    const [parter, dokumenter, journal, notater, personale, naevnsnavn, hoeringer, standardFrist, udsendelser, beskeder, brugere, frister] = await Promise.all([
      parterISag(db, sag.id),
      dokumenterISag(db, sag.id),
      listJournal(db, sag.id, { kunForParter: false }),
      listNotater(db, sag.id),
      personaleForNaevn(db, [sag.naevn_id!]),
      naevnNavn(db, sag.naevn_id),
      listPartshoeringer(db, sag.id),
      standardSvarfrist(db, sag.naevn_id!),
      udsendelserISag(db, sag.id),
      beskederISag(db, sag.id),
      partsbrugere(db, sag.id),
      klagefrister(db, sag.id),
    ])
    const valgteBrevModtagere = new Set((o.v?.brev_modtagere ?? '').split(',').filter(Boolean))
    const valgteModtagere = new Set((o.v?.modtagere ?? '').split(',').filter(Boolean))
    const valgteDokumenter = new Set((o.v?.dokumenter ?? '').split(',').filter(Boolean))
    const status = sag.status
    if (o.errors?.any) reply.status(400)
    const sagsbehandler = personale.find((x) => x.id === sag.sagsbehandler_id)
    return reply.page('pages/sagsbehandling/sag', {
      titel: `Sag ${sag.sagsnummer}`,
      sag: { id: sag.id, sagsnummer: sag.sagsnummer, version: sag.version, status: statusForPart[status].label, vurdering: o.v?.vurdering ?? sag.vurdering ?? '' },
      naevn: naevnsnavn ?? '',
      sagsbehandler: sagsbehandler?.navn ?? 'Ikke tildelt',
      erTildeltMig: sag.sagsbehandler_id === p.userId,
      kanTildele,
      personaleValg: personale.map((x) => ({ value: x.id, label: x.navn })),
      statusValg: overgange[status].filter((s) => !kunGennemHandling[s]).map((s) => ({ value: s, label: statusForPart[s].label })),
      ...sammendrag(sag, parter, naevnsnavn ?? ''),
      parterDetaljer: parter.map((x) => ({ rolle: x.rolle, navn: x.navn, email: x.email, telefon: x.telefon, adresse: [x.adresse, x.postnr, x.by].filter(Boolean).join(', '), cpr: x.cpr_krypteret ? 'Registreret (krypteret)' : '', cvr: x.cvr })),
      dokumenter: dokumenter.map((d) => ({ ...d, kategori: dokumentKategoriLabel[d.kategori] ?? d.kategori, stoerrelse: formatStoerrelse(d.stoerrelse), oprettet: formatDatoTid(d.oprettet), href: `/sagsbehandling/sager/${sag.id}/dokumenter/${d.id}` })),
      notater: notater.map((n) => ({ ...n, tekst: n.tekst.split(/\r?\n/), oprettet: formatDatoTid(n.oprettet), retter: n.retter_notat_id })),
      journal: journal
        .filter((j) => kanSeAdgangslog || (j.handling !== 'sag_laest' && j.handling !== 'dokument_laest'))
        .map((j) => ({
          tidspunkt: formatDatoTid(j.tidspunkt),
          aktoer: j.aktoer ?? 'Systemet',
          tekst: journalTekst(j, 'personale'),
          begrundelse: j.begrundelse,
          synligForParter: j.synlig_for_parter,
        }))
        .reverse(),
      kanHoere: ['indbragt', 'under_behandling', 'partshoering'].includes(status),
      beskeder: beskeder.map((b) => ({
        tekst: b.tekst.split(/\r?\n/),
        overskrift: b.fra_sekretariat ? `${b.afsender} (sekretariatet) til ${b.part}` : `${b.afsender} til sekretariatet`,
        tidspunkt: formatDatoTid(b.oprettet),
        fil: b.dokument_id ? { href: `/sagsbehandling/sager/${sag.id}/dokumenter/${b.dokument_id}`, navn: b.filnavn } : null,
      })),
      beskedModtagere: brugere.map((u) => ({ value: u.id, label: u.navn })),
      brevModtagere: parter.map((x) => ({ id: x.id, navn: x.navn, rolle: x.rolle, valgt: valgteBrevModtagere.has(x.id) })),
      udsendelser: udsendelser.map((u) => ({
        navn: u.navn,
        filnavn: u.filnavn,
        href: `/sagsbehandling/sager/${sag.id}/dokumenter/${u.dokument_id}`,
        oprettet: formatDatoTid(u.oprettet),
        status: udsendelseStatusTekst(u.status),
        begrundelse: u.begrundelse,
        fejl: u.status === 'fejlet' ? u.sidste_fejl : null,
      })),
      klagefrister: frister.map(klagefristView),
      hoeringModtagere: parter.filter((x) => x.rolle !== 'repraesentant').map((x) => ({ id: x.id, navn: x.navn, rolle: x.rolle, valgt: o.v ? valgteModtagere.has(x.id) : x.rolle === 'modpart' })),
      hoeringDokumenter: dokumenter.map((d) => ({ id: d.id, filnavn: d.filnavn, valgt: valgteDokumenter.has(d.id) })),
      hoeringFrist: o.v?.frist ?? standardFrist,
      fristAndenPart: sag.frist_fremsendelse && status === 'indbragt' ? formatDansk(sag.frist_fremsendelse) : null,
      hoeringer: hoeringer.map((h) => ({
        id: h.id,
        besked: h.besked.split(/\r?\n/),
        frist: formatDansk(h.frist),
        fristDato: h.frist,
        forlaenget: h.frist !== h.oprindelig_frist,
        aaben: !h.afsluttet,
        afsender: h.afsender,
        oprettet: formatDatoTid(h.oprettet),
        brev: h.brev_dokument_id ? `/sagsbehandling/sager/${sag.id}/dokumenter/${h.brev_dokument_id}` : null,
        modtagere: (h.modtagere ?? []).map((m) => ({ ...m, besvaret: m.besvaret ? formatDatoTid(new Date(m.besvaret)) : null })),
        dokumenter: (h.dokumenter ?? []).map((d) => ({ ...d, href: `/sagsbehandling/sager/${sag.id}/dokumenter/${d.id}` })),
        svar: (h.svar ?? []).map((x) => ({ ...x, tekst: x.tekst.split(/\r?\n/), oprettet: formatDatoTid(new Date(x.oprettet)), filer: x.filer.map((f) => ({ ...f, href: `/sagsbehandling/sager/${sag.id}/dokumenter/${f.id}` })) })),
      })),
      v: { sagsbehandler: sag.sagsbehandler_id ?? '', ...(o.v ?? {}) },
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  app.get('/sagsbehandling/sager/:id', { schema: { params: SagParams }, preHandler: guard(assertStaff) }, async (req, reply) => visSag(reply, requirePrincipal(req), req.params.id))

  app.get('/sagsbehandling/sager/:id/dokumenter/:dokumentId', { schema: { params: DokumentParams }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const sag = await sagForPersonale(db, p, req.params.id)
    const dok = isUuid(req.params.dokumentId)
      ? await sagsdokumentMedIndhold(db, sag.id, req.params.dokumentId)
      : undefined
    if (!dok) throw new NotFoundError('DokumentIkkeFundet', 'Dokumentet findes ikke.')
    await logAdgang(db, p, sag.id, dok.id)
    return sendDownload(reply, dok)
  })

  /** Runs a case action; a Danish validation error re-renders the case page with the input kept. */
  async function handling(reply: FastifyReply, p: Principal, sagId: string, v: Record<string, string>, action: () => Promise<void>, anker: string) {
    try {
      kontrollerFeltLaengder(reply.request.body)
      await action()
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return visSag(reply, p, sagId, { errors: new FormErrors().merge(err.fields), v })
    }
    return reply.redirect(`/sagsbehandling/sager/${sagId}#${anker}`, 303)
  }

  const version = (body: unknown) => {
    const n = Number(text(body as Record<string, string>, 'version'))
    return Number.isInteger(n) && n > 0 ? n : undefined
  }

  app.post('/sagsbehandling/sager/:id/tildel', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    // "Tag sagen" sends no name; a leader's "Tildel til" must name someone.
    const valgt = text(req.body, 'sagsbehandler', 64)
    const til = valgt || (text(req.body, 'tag') === 'ja' ? p.userId : '')
    const action = async () => {
      if (!isUuid(til)) throw new ValidationError('UkendtSagsbehandler', 'Vælg en sagsbehandler.', { sagsbehandler: 'Vælg en sagsbehandler.' })
      await tildel(db, p, req.params.id, til, version(req.body))
    }
    return handling(reply, p, req.params.id, { sagsbehandler: valgt }, action, 'tildeling')
  })

  app.post('/sagsbehandling/sager/:id/status', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { status: text(req.body, 'status', 40), begrundelse: text(req.body, 'begrundelse', tekstGraenser.begrundelse) }
    const action = async () => {
      const andenVej = kunGennemHandling[v.status as SagStatus]
      if (andenVej) throw new ValidationError('StatusAndenVej', andenVej, { status: andenVej })
      await skiftStatusSomPersonale(db, p, req.params.id, v.status, v.begrundelse, version(req.body))
    }
    return handling(reply, p, req.params.id, v, action, 'status')
  })

  app.post('/sagsbehandling/sager/:id/notater', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { notat: text(req.body, 'notat', tekstGraenser.notat), retter: text(req.body, 'retter', 64) }
    return handling(reply, p, req.params.id, v, () => tilfoejNotat(db, p, req.params.id, v.notat, v.retter || undefined), 'notater')
  })

  app.post('/sagsbehandling/sager/:id/vurdering', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { vurdering: text(req.body, 'vurdering', tekstGraenser.vurdering) }
    return handling(reply, p, req.params.id, v, () => gemVurdering(db, p, req.params.id, v.vurdering, version(req.body)), 'vurdering')
  })

  app.post('/sagsbehandling/sager/:id/partshoeringer', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const input = { modtagere: list(req.body, 'modtagere'), dokumenter: list(req.body, 'dokumenter'), besked: text(req.body, 'besked', tekstGraenser.hoeringsbesked), frist: text(req.body, 'frist', 10) }
    const v = { modtagere: input.modtagere.join(','), dokumenter: input.dokumenter.join(','), besked: input.besked, frist: input.frist }
    return handling(reply, p, req.params.id, v, async () => void (await opretPartshoering(db, p, req.params.id, input)), 'partshoering')
  })

  app.post('/sagsbehandling/sager/:id/beskeder', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { besked_til: text(req.body, 'besked_til', 64), beskedtekst: text(req.body, 'beskedtekst', tekstGraenser.beskedTilPart) }
    return handling(reply, p, req.params.id, v, () => skrivTilPart(db, p, req.params.id, { tilUserId: v.besked_til, tekst: v.beskedtekst }), 'beskeder')
  })

  app.post('/sagsbehandling/sager/:id/breve', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const input = { modtagere: list(req.body, 'brev_modtagere'), emne: text(req.body, 'emne', 200), tekst: text(req.body, 'brevtekst', tekstGraenser.brev) }
    const v = { brev_modtagere: input.modtagere.join(','), emne: input.emne, brevtekst: input.tekst }
    return handling(reply, p, req.params.id, v, () => skrivBrev(db, p, req.params.id, input), 'breve')
  })

  const HoeringParams = Type.Object({ id: Type.String({ maxLength: 64 }), hoeringId: Type.String({ maxLength: 64 }) })

  app.post('/sagsbehandling/sager/:id/partshoeringer/:hoeringId/forlaeng', { schema: { params: HoeringParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    if (!isUuid(req.params.hoeringId)) throw new NotFoundError('HoeringIkkeFundet', 'Høringen findes ikke.')
    const id = req.params.hoeringId
    const nyFrist = text(req.body, 'nyFrist', 10)
    const begrundelse = text(req.body, 'forlaeng_begrundelse', tekstGraenser.begrundelse)
    // Each open hearing has its own form: errors point at that form's fields.
    const action = async () => {
      try {
        await forlaengFrist(db, p, req.params.id, id, nyFrist, begrundelse)
      } catch (err) {
        if (err instanceof ValidationError) throw new ValidationError(err.code, err.message, { [`nyFrist-${id}`]: err.message })
        throw err
      }
    }
    return handling(reply, p, req.params.id, { [`nyFrist-${id}`]: nyFrist, [`forlaeng_begrundelse-${id}`]: begrundelse }, action, 'partshoering')
  })

  app.post('/sagsbehandling/sager/:id/partshoeringer/:hoeringId/afslut', { schema: { params: HoeringParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    if (!isUuid(req.params.hoeringId)) throw new NotFoundError('HoeringIkkeFundet', 'Høringen findes ikke.')
    return handling(reply, p, req.params.id, {}, () => afslutPartshoering(db, p, req.params.id, req.params.hoeringId), 'partshoering')
  })

  app.post('/sagsbehandling/sager/:id/gebyr-betalt', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    await registrerGebyrBetalt(db, requirePrincipal(req), req.params.id)
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}`, 303)
  })
}
