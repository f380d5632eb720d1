// Administration of the fee table (gebyrsatser): the amounts are indexed every year and
// published late, so an administrator enters each year's amounts here. Admins only;
// anyone else gets 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard } from '../../kerne/access/guards.js'
import { assertAdmin } from '../../kerne/access/policies.js'
import { FormBody, FormErrors, forLangeFelter, text } from '../../platform/forms/form.js'
import { naevnTypeLabel, naevnTyper } from '../../kerne/naevn/naevn.js'
import {
  formatKroner,
  gebyrKategorier,
  gebyrKategoriLabel,
  laesGebyrsatsForm,
  listGebyrsatser,
  manglendeGebyrsatser,
  saetGebyrsats,
} from '../../kerne/sag/gebyr.js'

const GebyrListQuery = Type.Object({ gemt: Type.Optional(Type.String({ maxLength: 1 })) })

const typeValg = naevnTyper.map((t) => ({ value: t, label: naevnTypeLabel[t] }))
const kategoriValg = gebyrKategorier.map((k) => ({ value: k, label: gebyrKategoriLabel[k] }))

function formatDato(d: Date): string {
  return new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(d)
}

function iAar(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date()))
}

export const gebyrRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', guard(assertAdmin))
  const db = app.db

  const gebyrPage = async (reply: FastifyReply, v: Record<string, string>, errors = new FormErrors(), gemt = false) => {
    const satser = await listGebyrsatser(db)
    const aar = iAar()
    return reply.page('pages/admin/gebyrer', {
      titel: 'Gebyrer',
      gemt,
      aar,
      mangler: manglendeGebyrsatser(satser, aar).map((m) => ({ type: naevnTypeLabel[m.naevnType], kategori: gebyrKategoriLabel[m.kategori] })),
      satser: satser.map((s) => ({
        aar: s.aar,
        type: naevnTypeLabel[s.naevnType],
        kategori: gebyrKategoriLabel[s.kategori],
        beloeb: formatKroner(s.beloebKr),
        opdateret: formatDato(s.opdateret),
        opdateretAf: s.opdateretAf ?? 'Indlæst ved installation',
      })),
      typeValg,
      kategoriValg,
      v,
      ...errors.toView(),
    })
  }

  app.get('/admin/gebyrer', { schema: { querystring: GebyrListQuery } }, async (req, reply) =>
    gebyrPage(reply, { aar: String(iAar()) }, new FormErrors(), req.query.gemt === '1'),
  )

  app.post('/admin/gebyrer', { schema: { body: FormBody } }, async (req, reply) => {
    const raw = {
      aar: text(req.body, 'aar', 10),
      naevnType: text(req.body, 'naevnType', 40),
      kategori: text(req.body, 'kategori', 40),
      beloeb: text(req.body, 'beloeb', 30),
    }
    const result = forLangeFelter(req.body) ?? laesGebyrsatsForm(raw)
    if ('errors' in result) {
      reply.status(400)
      return gebyrPage(reply, raw, result.errors)
    }
    await saetGebyrsats(db, result.input, req.principal!.userId)
    req.log.info({ aar: result.input.aar, naevnType: result.input.naevnType, kategori: result.input.kategori }, 'gebyrsats sat')
    return reply.redirect('/admin/gebyrer?gemt=1', 303)
  })
}
