// Administration: users, their board memberships, boards and merging of boards.
// Every route here is for admins only; anyone else gets 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { guard } from '../../kerne/access/guards.js'
import { assertAdmin } from '../../kerne/access/policies.js'
import { naevnRoller } from '../../kerne/access/principal.js'
import { getUser, listMemberships, listUsers, rolleLabel } from '../../kerne/brugere/brugere.js'
import { FormErrors, forLangeFelter, kontrollerFeltLaengder, list, text } from '../../platform/forms/form.js'
import { getNaevn, isUuid, isNaevnType, listMedlemmer, listNaevn, naevnTypeLabel, naevnTyper } from '../../kerne/naevn/naevn.js'
import { listRevisions } from '../../kerne/revision/revisionslog.js'
import type { Database } from '../../platform/db/database.js'
import { NotFoundError, ValidationError } from '../../platform/errors.js'
import { BrugerListQuery, FormBody, IdParams, MedlemskabParams, NaevnListQuery } from './admin.schemas.js'
import { fjernMedlemskab, opdaterNaevn, opretBruger, sammenlaeg, skiftAktiv, tildelMedlemskab } from './admin.service.js'

const pageSize = 50
const rolleValg = naevnRoller.map((r) => ({ value: r, label: rolleLabel[r] }))

async function naevnValg(db: Database) {
  const boards = await listNaevn(db, { aktiv: true })
  return boards.map((b) => ({ value: b.id, label: b.navn }))
}

function formatTid(d: Date): string {
  return new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(d)
}

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', guard(assertAdmin))
  const db = app.db

  app.get('/admin', async (_req, reply) => {
    const [brugere, naevn] = await Promise.all([listUsers(db, { limit: 1, offset: 0 }), listNaevn(db, { aktiv: true })])
    return reply.page('pages/admin/oversigt', {
      titel: 'Administration',
      antalBrugere: brugere.total,
      antalHuslejenaevn: naevn.filter((n) => n.type === 'huslejenaevn').length,
      antalBeboerklagenaevn: naevn.filter((n) => n.type === 'beboerklagenaevn').length,
    })
  })

  app.get('/admin/brugere', { schema: { querystring: BrugerListQuery } }, async (req, reply) => {
    const side = req.query.side ?? 1
    const q = req.query.q ?? ''
    const { rows, total } = await listUsers(db, { q, limit: pageSize, offset: (side - 1) * pageSize })
    const sider = Math.max(1, Math.ceil(total / pageSize))
    const link = (n: number) => `/admin/brugere?${new URLSearchParams({ q, side: String(n) })}`
    return reply.page('pages/admin/brugere', {
      titel: 'Brugere',
      q,
      total,
      brugere: rows.map((u) => ({
        ...u,
        roller: [u.is_admin ? 'Administrator' : '', ...u.medlemskaber.map((m) => `${rolleLabel[m.rolle]}, ${m.naevn}`)].filter(Boolean),
      })),
      side,
      sider,
      forrige: side > 1 ? link(side - 1) : null,
      naeste: side < sider ? link(side + 1) : null,
    })
  })

  const nyBrugerPage = async (reply: FastifyReply, v: Record<string, unknown>, errors = new FormErrors()) =>
    reply.page('pages/admin/ny-bruger', { titel: 'Opret bruger', v, naevnValg: await naevnValg(db), rolleValg, ...errors.toView() })

  app.get('/admin/brugere/ny', async (_req, reply) => nyBrugerPage(reply, {}))

  app.post('/admin/brugere', { schema: { body: FormBody } }, async (req, reply) => {
    const input = {
      navn: text(req.body, 'navn', 200),
      email: text(req.body, 'email', 254),
      adgangskode: text(req.body, 'adgangskode', 1000),
      admin: text(req.body, 'admin') === 'ja',
      naevnId: text(req.body, 'naevnId', 64),
      rolle: text(req.body, 'rolle', 40),
    }
    const result = forLangeFelter(req.body) ?? (await opretBruger(db, input, req.principal!.userId))
    if ('errors' in result) {
      reply.status(400)
      return nyBrugerPage(reply, { ...input, adgangskode: '' }, result.errors)
    }
    return reply.redirect(`/admin/brugere/${result.userId}?oprettet=1`, 303)
  })

  const brugerPage = async (reply: FastifyReply, id: string, errors = new FormErrors(), v: Record<string, unknown> = {}) => {
    const user = await getUser(db, id)
    const [medlemskaber, historik] = await Promise.all([listMemberships(db, id), listRevisions(db, 'bruger', id)])
    return reply.page('pages/admin/bruger', {
      titel: user.navn,
      bruger: { ...user, oprettet: formatTid(user.oprettet) },
      medlemskaber: medlemskaber.map((m) => ({ ...m, rolle: rolleLabel[m.rolle as keyof typeof rolleLabel] })),
      historik: historik.map((h) => ({ ...h, tidspunkt: formatTid(h.tidspunkt), detaljer: JSON.stringify(h.detaljer) })),
      naevnValg: await naevnValg(db),
      rolleValg,
      v,
      ...errors.toView(),
    })
  }

  app.get('/admin/brugere/:id', { schema: { params: IdParams } }, async (req, reply) => brugerPage(reply, req.params.id))

  app.post('/admin/brugere/:id/deaktiver', { schema: { params: IdParams, body: FormBody } }, async (req, reply) => {
    await skiftAktiv(db, req.params.id, false, req.principal!.userId)
    return reply.redirect(`/admin/brugere/${req.params.id}`, 303)
  })

  app.post('/admin/brugere/:id/aktiver', { schema: { params: IdParams, body: FormBody } }, async (req, reply) => {
    await skiftAktiv(db, req.params.id, true, req.principal!.userId)
    return reply.redirect(`/admin/brugere/${req.params.id}`, 303)
  })

  app.post('/admin/brugere/:id/medlemskaber', { schema: { params: IdParams, body: FormBody } }, async (req, reply) => {
    const naevnId = text(req.body, 'naevnId', 64)
    const rolle = text(req.body, 'rolle', 40)
    try {
      kontrollerFeltLaengder(req.body)
      await getUser(db, req.params.id)
      await tildelMedlemskab(db, req.params.id, naevnId, rolle, req.principal!.userId)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      reply.status(400)
      return brugerPage(reply, req.params.id, new FormErrors().merge(err.fields), { naevnId, rolle })
    }
    return reply.redirect(`/admin/brugere/${req.params.id}`, 303)
  })

  app.post('/admin/brugere/:id/medlemskaber/:naevnId/fjern', { schema: { params: MedlemskabParams, body: FormBody } }, async (req, reply) => {
    await getUser(db, req.params.id)
    if (!isUuid(req.params.naevnId)) throw new NotFoundError('MedlemskabIkkeFundet', 'Medlemskabet findes ikke.')
    await fjernMedlemskab(db, req.params.id, req.params.naevnId, req.principal!.userId)
    return reply.redirect(`/admin/brugere/${req.params.id}`, 303)
  })

  app.get('/admin/naevn', { schema: { querystring: NaevnListQuery } }, async (req, reply) => {
    const type = isNaevnType(req.query.type) ? req.query.type : undefined
    const rows = await listNaevn(db, { type, q: req.query.q })
    return reply.page('pages/admin/naevn-liste', {
      titel: 'Nævn',
      q: req.query.q ?? '',
      type: type ?? '',
      typeValg: naevnTyper.map((t) => ({ value: t, label: naevnTypeLabel[t] })),
      naevn: rows.map((b) => ({
        ...b,
        typeLabel: naevnTypeLabel[b.type],
        kommuner: b.kommuner.map((k) => k.navn).join(', '),
      })),
    })
  })

  const naevnPage = async (reply: FastifyReply, id: string, errors = new FormErrors(), v?: Record<string, unknown>) => {
    const naevn = await getNaevn(db, id)
    const [medlemmer, historik, andre] = await Promise.all([
      listMedlemmer(db, id),
      listRevisions(db, 'naevn', id),
      listNaevn(db, { type: naevn.type, aktiv: true }),
    ])
    const valgte = new Set((v?.kilder as string[] | undefined) ?? [])
    return reply.page('pages/admin/naevn', {
      titel: naevn.navn,
      naevn: { ...naevn, typeLabel: naevnTypeLabel[naevn.type] },
      v: { ...naevn, ...(v ?? {}) },
      medlemmer: medlemmer.map((m) => ({ ...m, rolle: rolleLabel[m.rolle as keyof typeof rolleLabel] })),
      historik: historik.map((h) => ({ ...h, tidspunkt: formatTid(h.tidspunkt), detaljer: JSON.stringify(h.detaljer) })),
      kandidater: andre
        .filter((b) => b.id !== id)
        .map((b) => ({ id: b.id, navn: b.navn, kommuner: b.kommuner.map((k) => k.navn).join(', '), valgt: valgte.has(b.id) })),
      ...errors.toView(),
    })
  }

  app.get('/admin/naevn/:id', { schema: { params: IdParams } }, async (req, reply) => naevnPage(reply, req.params.id))

  app.post('/admin/naevn/:id', { schema: { params: IdParams, body: FormBody } }, async (req, reply) => {
    const kontakt = {
      navn: text(req.body, 'navn', 200),
      adresse: text(req.body, 'adresse', 200),
      postnr: text(req.body, 'postnr', 4),
      by: text(req.body, 'by', 100),
      email: text(req.body, 'email', 254),
      telefon: text(req.body, 'telefon', 40),
      hoeringsfrist_uger: Number(text(req.body, 'hoeringsfrist_uger', 3)),
    }
    await getNaevn(db, req.params.id)
    const errors = forLangeFelter(req.body)?.errors ?? (await opdaterNaevn(db, req.params.id, kontakt, req.principal!.userId))
    if (errors.any) {
      reply.status(400)
      return naevnPage(reply, req.params.id, errors, kontakt)
    }
    return reply.redirect(`/admin/naevn/${req.params.id}?gemt=1`, 303)
  })

  app.post('/admin/naevn/:id/sammenlaeg', { schema: { params: IdParams, body: FormBody } }, async (req, reply) => {
    const kilder = list(req.body, 'kilder')
    await getNaevn(db, req.params.id)
    const errors = await sammenlaeg(db, req.params.id, kilder, req.principal!.userId)
    if (errors.any) {
      reply.status(400)
      return naevnPage(reply, req.params.id, errors, { kilder })
    }
    return reply.redirect(`/admin/naevn/${req.params.id}?sammenlagt=1`, 303)
  })
}
