// The filing portal's pages: the wizard, "Mine sager", the party's case page, document
// downloads and messages. Handlers are thin: parse, call the service, render.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { kladdeForEjer, parterBrugerenTalerFor, sagForPart } from '../../kerne/access/sager.js'
import type { Principal } from '../../kerne/access/principal.js'
import { FormBody, FormErrors, text, type FormValues } from '../../platform/forms/form.js'
import { readMultipart } from '../../platform/forms/multipart.js'
import { naevnNavn } from '../../kerne/naevn/naevn.js'
import { isBilagKategori } from '../../kerne/sag/bilag.js'
import { formatKroner } from '../../kerne/sag/gebyr.js'
import { listJournal } from '../../kerne/sag/journal.js'
import { indloesInvitation, kontrollerInvitation, listPartshoeringer, svarPaaHoering } from '../../kerne/sag/partshoering.js'
import { formatDansk } from '../../kerne/sag/frister.js'
import { formatDatoTid, sammendrag } from '../../kerne/sag/visning.js'
import { dokumentForPart, listBeskeder, listDokumenter, listMineSager, listParter, markerLaest, type SagGruppe } from './indbringelse.repository.js'
import { DokumentParams, GemTrinParams, MineSagerQuery, SagParams, SagQuery, TrinParams } from './indbringelse.schemas.js'
import {
  beregnGebyr,
  bekraeftGebyr,
  forudsaetninger,
  gemHvem,
  gemLejemaal,
  gemParter,
  gemSagen,
  indsend,
  mangler,
  sendBesked,
  sletBilag,
  sletKladde,
  startKladde,
  uploadBilag,
  type IndbringelseCtx,
  type TrinResultat,
} from './indbringelse.service.js'
import { trin, trinAf, type TrinSlug } from './indbringelse.trin.js'
import { filerFraMitid } from './mitid-filer.js'
import { erPladsholder } from '../../kerne/auth/email-bekraeftelse.js'
import { bilagView, hvemView, journalView, lejemaalView, naesteTrin, parterView, sagenView, statusView, trinviser } from './indbringelse.views.js'
import { sendDownload } from '../../platform/http/download.js'
import { klagefrister, klagefristView } from '../../kerne/sag/klagefrist.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'

const sidestoerrelse = 25

export const indbringelseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx: IndbringelseCtx = { db: app.db, config: app.config, postnumre: app.postnumre, cpr: app.cpr }
  const db = app.db

  /** Renders one wizard step; `input` and `errors` are set when a post was rejected. */
  async function visTrin(reply: FastifyReply, p: Principal, sagId: string, slug: TrinSlug, o: { input?: FormValues; errors?: FormErrors; extra?: Record<string, unknown>; afvist?: { filnavn: string; grund: string }[] } = {}) {
    const sag = await kladdeForEjer(db, p, sagId)
    if (sag.status !== 'kladde') return reply.redirect(`/sager/${sag.id}`, 303)
    const t = trinAf(slug)!
    // A step further than the next open one is not shown yet: send the filer to it.
    if (t.nr > sag.trin + 1 && !o.errors?.any) return reply.redirect(`/indbringelse/${sag.id}/${naesteTrin(sag)}`, 303)
    const errors = o.errors ?? new FormErrors()
    const base = {
      titel: `${t.titel} – indbring en sag`,
      trinTitel: t.titel,
      trinNr: t.nr,
      antalTrin: trin.length,
      sagId: sag.id,
      trinviser: trinviser(sag, slug),
      // Once the tenancy is known, every step shows which board will handle the case.
      behandlendeNaevn: t.nr > 2 ? await naevnNavn(db, sag.naevn_id) : null,
      ...errors.toView(),
    }
    if (o.errors?.any) reply.status(400)
    switch (slug) {
      case 'hvem':
        return reply.page('pages/indbringelse/hvem', { ...base, ...hvemView(sag, o.input) })
      case 'lejemaal': {
        const kommuneValg = o.extra?.kommuneValg as { kommunekode: number; navn: string }[] | undefined
        return reply.page('pages/indbringelse/lejemaal', { ...base, ...lejemaalView(sag, app.postnumre, o.input, kommuneValg), naevn: await naevnNavn(db, sag.naevn_id) })
      }
      case 'parter':
        return reply.page('pages/indbringelse/parter', { ...base, ...parterView(sag, await listParter(db, sag.id), app.cpr, p, o.input), mitidFiler: await filerFraMitid(db, app.cpr, p) })
      case 'sagen': {
        const forud = forudsaetninger(sag)
        if (forud) return reply.redirect(`/indbringelse/${sag.id}/${naesteTrin({ trin: sag.indbringer_rolle ? 1 : 0 })}`, 303)
        return reply.page('pages/indbringelse/sagen', { ...base, ...sagenView(sag, o.input) })
      }
      case 'bilag':
        return reply.page('pages/indbringelse/bilag', {
          ...base,
          ...bilagView(await listDokumenter(db, sag.id)),
          afvist: o.afvist ?? [],
          kategori: text(o.input, 'kategori'),
          repraesentant: sag.repraesentant_type !== null,
          maxFil: `${Math.round(app.config.upload.maxFileBytes / (1024 * 1024))} MB`,
          maxAntal: app.config.upload.maxFilesPerCase,
        })
      case 'gebyr': {
        const gebyr = await beregnGebyr(ctx, sag)
        return reply.page('pages/indbringelse/gebyr', {
          ...base,
          gebyr: gebyr && 'beloebKr' in gebyr ? formatKroner(gebyr.beloebKr) : null,
          aar: gebyr?.aar ?? new Date().getFullYear(),
        })
      }
      case 'indsend': {
        const [parter, huller] = await Promise.all([listParter(db, sag.id), mangler(ctx, sag)])
        const dokumenter = await listDokumenter(db, sag.id)
        const gebyr = await beregnGebyr(ctx, sag)
        return reply.page('pages/indbringelse/indsend', {
          ...base,
          ...sammendrag(sag, parter, await naevnNavn(db, sag.naevn_id)),
          ...bilagView(dokumenter),
          gebyr: gebyr && 'beloebKr' in gebyr ? formatKroner(gebyr.beloebKr) : 'Endnu ikke fastsat for året',
          mangler: (o.extra?.mangler as typeof huller | undefined) ?? huller,
          version: sag.version,
        })
      }
    }
  }

  app.post('/indbringelse', { schema: { body: FormBody }, preHandler: guard() }, async (req, reply) => {
    const id = await startKladde(ctx, requirePrincipal(req))
    return reply.redirect(`/indbringelse/${id}/hvem`, 303)
  })

  app.get('/indbringelse/:id', { schema: { params: SagParams }, preHandler: guard() }, async (req, reply) => {
    const sag = await kladdeForEjer(db, requirePrincipal(req), req.params.id)
    return reply.redirect(sag.status === 'kladde' ? `/indbringelse/${sag.id}/${naesteTrin(sag)}` : `/sager/${sag.id}`, 303)
  })

  app.get('/indbringelse/:id/:trin', { schema: { params: TrinParams }, preHandler: guard() }, async (req, reply) =>
    visTrin(reply, requirePrincipal(req), req.params.id, req.params.trin as TrinSlug),
  )

  /** Reads an attachment form (category and files) and stores the files or says why not. */
  async function modtagBilag(p: Principal, sagId: string, body: unknown) {
    const { values, files } = await readMultipart(body)
    const kategori = text(values, 'kategori')
    const errors = new FormErrors()
    if (!isBilagKategori(kategori)) errors.add('kategori', 'Vælg, hvad filerne er.')
    if (files.length === 0) errors.add('filer', 'Vælg mindst én fil.')
    if (errors.any || !isBilagKategori(kategori)) return { errors, afvist: [], kategori }
    const result = await uploadBilag(ctx, p, sagId, kategori, files)
    for (const a of result.afvist) errors.add('filer', `${a.filnavn}: ${a.grund}.`)
    return { errors, afvist: result.afvist, kategori }
  }

  const gemmere: Record<string, (p: Principal, id: string, body: FormValues | undefined) => Promise<TrinResultat>> = {
    hvem: (p, id, body) => gemHvem(ctx, p, id, body),
    lejemaal: (p, id, body) => gemLejemaal(ctx, p, id, body),
    parter: (p, id, body) => gemParter(ctx, p, id, body),
    sagen: (p, id, body) => gemSagen(ctx, p, id, body),
    gebyr: async (p, id) => {
      await bekraeftGebyr(ctx, p, id)
      return { ok: true }
    },
  }

  app.post('/indbringelse/:id/:trin', { schema: { params: GemTrinParams, body: FormBody }, preHandler: guard() }, async (req, reply) => {
    const p = requirePrincipal(req)
    const slug = req.params.trin as TrinSlug
    const result = await gemmere[slug]!(p, req.params.id, req.body)
    if (!result.ok) return visTrin(reply, p, req.params.id, slug, { input: req.body, errors: result.errors, extra: result.extra })
    const next = trin.find((t) => t.nr === trinAf(slug)!.nr + 1)!
    return reply.redirect(`/indbringelse/${req.params.id}/${next.slug}`, 303)
  })

  app.post('/indbringelse/:id/bilag', { schema: { params: SagParams }, preHandler: guard() }, async (req, reply) => {
    const p = requirePrincipal(req)
    const { errors, afvist, kategori } = await modtagBilag(p, req.params.id, req.body)
    if (errors.any) return visTrin(reply, p, req.params.id, 'bilag', { errors, afvist, input: { kategori } })
    return reply.redirect(`/indbringelse/${req.params.id}/bilag`, 303)
  })

  app.post('/indbringelse/:id/bilag/:dokumentId/slet', { schema: { params: DokumentParams, body: FormBody }, preHandler: guard() }, async (req, reply) => {
    await sletBilag(ctx, requirePrincipal(req), req.params.id, req.params.dokumentId)
    return reply.redirect(`/indbringelse/${req.params.id}/bilag`, 303)
  })

  app.post('/indbringelse/:id/indsend', { schema: { params: SagParams, body: FormBody }, preHandler: guard() }, async (req, reply) => {
    const p = requirePrincipal(req)
    const version = Number(text(req.body, 'version'))
    const result = await indsend(ctx, p, req.params.id, Number.isInteger(version) && version > 0 ? version : undefined)
    if (!result.ok) {
      const errors = new FormErrors()
      for (const m of result.mangler) errors.add(`mangel-${m.trin}`, m.besked)
      return visTrin(reply, p, req.params.id, 'indsend', { errors, extra: { mangler: result.mangler } })
    }
    req.log.info({ sagId: req.params.id, sagsnummer: result.sagsnummer }, 'sag indbragt')
    return reply.redirect(`/sager/${req.params.id}?indsendt=1`, 303)
  })

  app.get('/indbringelse/:id/slet', { schema: { params: SagParams }, preHandler: guard() }, async (req, reply) => {
    const sag = await kladdeForEjer(db, requirePrincipal(req), req.params.id)
    if (sag.status !== 'kladde') return reply.redirect(`/sager/${sag.id}`, 303)
    return reply.page('pages/indbringelse/slet', { titel: 'Slet kladden', sagId: sag.id })
  })

  app.post('/indbringelse/:id/slet', { schema: { params: SagParams, body: FormBody }, preHandler: guard() }, async (req, reply) => {
    await sletKladde(ctx, requirePrincipal(req), req.params.id)
    return reply.redirect('/mine-sager?slettet=1', 303)
  })

  app.get('/mine-sager', { schema: { querystring: MineSagerQuery }, preHandler: guard() }, async (req, reply) => {
    const p = requirePrincipal(req)
    const side = req.query.side ?? 1
    const gruppe: SagGruppe = req.query.gruppe ?? 'alle'
    const q = req.query.q ?? ''
    const { rows, total } = await listMineSager(db, p, { q, gruppe, limit: sidestoerrelse, offset: (side - 1) * sidestoerrelse })
    const sider = Math.max(1, Math.ceil(total / sidestoerrelse))
    const link = (n: number) => `/mine-sager?${new URLSearchParams({ q, gruppe, side: String(n) })}`
    return reply.page('pages/indbringelse/mine-sager', {
      titel: 'Mine sager',
      // A MitID user has no e-mail until they give and confirm one (/konto/email).
      mitidEmail: p.eid ? { mangler: erPladsholder(p.email) } : null,
      velkommen: req.query.velkommen === '1',
      slettet: req.query.slettet === '1',
      q,
      gruppe,
      grupper: [
        { value: 'alle', label: 'Alle' },
        { value: 'kladder', label: 'Kladder' },
        { value: 'aabne', label: 'Igangværende' },
        { value: 'afsluttede', label: 'Afsluttede' },
      ],
      total,
      sager: rows.map((r) => ({
        ...statusView(r),
        id: r.id,
        href: r.status === 'kladde' ? `/indbringelse/${r.id}` : `/sager/${r.id}`,
        adresse: r.vejnavn ? [`${r.vejnavn} ${r.husnummer ?? ''}`.trim(), [r.postnr, r.by].filter(Boolean).join(' ')].filter(Boolean).join(', ') : 'Adresse ikke udfyldt',
        naevn: r.naevn_navn,
        opdateret: formatDatoTid(r.opdateret),
        ulaeste: Number(r.ulaeste ?? 0),
        erKladde: r.status === 'kladde',
        trinTekst: r.status === 'kladde' ? `Trin ${Math.min(r.trin + 1, 7)} af 7` : null,
      })),
      side,
      sider,
      forrige: side > 1 ? link(side - 1) : null,
      naeste: side < sider ? link(side + 1) : null,
    })
  })

  async function visSag(reply: FastifyReply, p: Principal, sagId: string, o: { indsendt?: boolean; errors?: FormErrors; besked?: string; kategori?: string; svar?: string; svarHoering?: string } = {}) {
    const sag = await sagForPart(db, p, sagId)
    if (sag.status === 'kladde') return reply.redirect(`/indbringelse/${sag.id}`, 303)
    const mine = await parterBrugerenTalerFor(db, p, sag.id)
    const [parter, dokumenter, journal, beskeder, hoeringer, frister] = await Promise.all([
      listParter(db, sag.id),
      listDokumenter(db, sag.id, { forParter: mine }),
      listJournal(db, sag.id, { kunForParter: true }),
      listBeskeder(db, sag.id, p.userId),
      listPartshoeringer(db, sag.id),
      klagefrister(db, sag.id, mine),
    ])
    const mineHoeringer = hoeringer.filter((h) => (h.modtagere ?? []).some((m) => mine.includes(m.partId)))
    await markerLaest(db, sag.id, p.userId)
    if (o.errors?.any) reply.status(400)
    const fejlView = (o.errors ?? new FormErrors()).toView()
    return reply.page('pages/indbringelse/sag', {
      titel: `Sag ${sag.sagsnummer}`,
      sagId: sag.id,
      indsendt: o.indsendt ?? false,
      ...statusView(sag),
      ...sammendrag(sag, parter, await naevnNavn(db, sag.naevn_id)),
      ...bilagView(dokumenter),
      dokumenter: bilagView(dokumenter).bilag.map((d, i) => ({ ...d, href: `/sager/${sag.id}/dokumenter/${d.id}`, oprettet: formatDatoTid(dokumenter[i]!.oprettet) })),
      tidslinje: journalView(journal),
      klagefrister: frister.map(klagefristView),
      beskeder: beskeder.map((b) => ({
        tekst: b.tekst.split(/\r?\n/),
        afsender: b.fra_sekretariat ? `${b.afsender} (sekretariatet)` : b.afsender,
        tidspunkt: formatDatoTid(b.oprettet),
        ny: b.fra_sekretariat && !b.laest,
        fil: b.dokument_id ? { href: `/sager/${sag.id}/dokumenter/${b.dokument_id}`, navn: b.dokument_filnavn } : null,
      })),
      besked: o.besked ?? '',
      kategori: o.kategori ?? '',
      hoeringer: mineHoeringer.map((h) => {
        const dokHref = (id: string) => `/sager/${sag.id}/dokumenter/${id}`
        return {
          id: h.id,
          aaben: !h.afsluttet,
          frist: formatDansk(h.frist),
          besked: h.besked.split(/\r?\n/),
          brev: h.brev_dokument_id ? dokHref(h.brev_dokument_id) : null,
          dokumenter: (h.dokumenter ?? []).map((d) => ({ ...d, href: dokHref(d.id) })),
          besvaret: (h.modtagere ?? []).filter((m) => mine.includes(m.partId)).every((m) => m.besvaret),
          svarTekst: o.svarHoering === h.id ? (o.svar ?? '') : '',
          fejlSvar: fejlView.fejl[`svar-${h.id}`],
          fejlFiler: fejlView.fejl[`svarfiler-${h.id}`],
          svar: (h.svar ?? []).map((x) => ({ part: x.part, tekst: x.tekst.split(/\r?\n/), oprettet: formatDatoTid(new Date(x.oprettet)), filer: x.filer.map((f) => ({ ...f, href: dokHref(f.id) })) })),
        }
      }),
      ...fejlView,
    })
  }

  app.get('/sager/:id', { schema: { params: SagParams, querystring: SagQuery }, preHandler: guard() }, async (req, reply) =>
    visSag(reply, requirePrincipal(req), req.params.id, { indsendt: req.query.indsendt === '1' }),
  )

  app.get('/sager/:id/dokumenter/:dokumentId', { schema: { params: DokumentParams }, preHandler: guard() }, async (req, reply) => {
    return sendDownload(reply, await dokumentForPart(db, requirePrincipal(req), req.params.id, req.params.dokumentId))
  })

  app.post('/sager/:id/beskeder', { schema: { params: SagParams }, preHandler: guard() }, async (req, reply) => {
    const p = requirePrincipal(req)
    const { values, files } = await readMultipart(req.body)
    const tekst = text(values, 'tekst', tekstGraenser.besked)
    const result = await sendBesked(ctx, p, req.params.id, tekst, files[0] ?? null)
    if (!result.ok) return visSag(reply, p, req.params.id, { errors: new FormErrors().merge(result.fejl), besked: tekst })
    return reply.redirect(`/sager/${req.params.id}#beskeder`, 303)
  })

  app.post(
    '/sager/:id/hoeringer/:hoeringId/svar',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }), hoeringId: Type.String({ maxLength: 64 }) }) }, preHandler: guard() },
    async (req, reply) => {
      const p = requirePrincipal(req)
      await sagForPart(db, p, req.params.id)
      const { values, files } = await readMultipart(req.body)
      const tekst = text(values, 'svar', tekstGraenser.hoeringssvar)
      const r = await svarPaaHoering(db, p, { sagId: req.params.id, partshoeringId: req.params.hoeringId, tekst, filer: files, graenser: app.config.upload })
      // The fields are named after the hearing (svar-<id>, svarfiler-<id>), as in the page,
      // so the error summary's links reach the form of this hearing.
      if (!r.ok) {
        const errors = new FormErrors()
        for (const [felt, besked] of Object.entries(r.fejl)) errors.add(`${felt}-${req.params.hoeringId}`, besked)
        return visSag(reply, p, req.params.id, { errors, svar: tekst, svarHoering: req.params.hoeringId })
      }
      return reply.redirect(`/sager/${req.params.id}#hoeringer`, 303)
    },
  )

  // A party without an account reaches the case through the link in their notice.
  // The link shows a confirmation; only the POST (with its CSRF token) attaches the case,
  // so a link alone can never attach a logged-in user to someone else's case.
  const InvitationParams = Type.Object({ token: Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9_=-]+$' }) })
  app.get('/invitation/:token', { schema: { params: InvitationParams } }, async (req, reply) => {
    if (!req.principal) return reply.redirect(`/login?naeste=${encodeURIComponent(req.url)}`)
    await kontrollerInvitation(db, req.principal, req.params.token)
    return reply.page('pages/indbringelse/invitation', { titel: 'Tilknyt sagen', token: req.params.token, bruger: `${req.principal.navn} (${req.principal.email})` })
  })

  app.post('/invitation/:token', { schema: { params: InvitationParams }, preHandler: guard() }, async (req, reply) => {
    const sagId = await indloesInvitation(db, requirePrincipal(req), req.params.token)
    return reply.redirect(`/sager/${sagId}`, 303)
  })

  app.post('/sager/:id/bilag', { schema: { params: SagParams }, preHandler: guard() }, async (req, reply) => {
    const p = requirePrincipal(req)
    const { errors, kategori } = await modtagBilag(p, req.params.id, req.body)
    if (errors.any) return visSag(reply, p, req.params.id, { errors, kategori })
    return reply.redirect(`/sager/${req.params.id}#dokumenter`, 303)
  })
}
