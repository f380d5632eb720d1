// Deletion of closed cases past their retention: the head of a board's secretariat sees
// the runs the scheduled job proposed (the cases that would go), and approves or rejects
// each. Approval queues the deletion (server/modules/gdpr/sletning.ts). Only for a
// sekretariatsleder, and only their boards; everything else is a 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertSekretariatsleder, ledteNaevnIds, mayDecideDeletion } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { FormBody, FormErrors, text } from '../../platform/forms/form.js'
import { isUuid, naevnMedOpbevaring } from '../../kerne/naevn/naevn.js'
import { NotFoundError } from '../../platform/errors.js'
import { formatDato, formatDatoTid } from '../../kerne/sag/visning.js'
import { afvisKoersel, godkendKoersel, lavSletningsforslag, listForslag, listKoersler } from './sletning.js'
import { aarFoer, idagIDanmark } from '../../kerne/sag/frister.js'

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })
const Query = Type.Object({ besked: Type.Optional(Type.String({ maxLength: 20 })) })

const statusLabel: Record<string, string> = {
  forslag: 'Venter på godkendelse',
  godkendt: 'Godkendt – slettes nu',
  afvist: 'Afvist',
  udfoert: 'Slettet',
}

const sagStatusLabel: Record<string, string> = { afgjort: 'Afgjort', afsluttet: 'Afsluttet', henlagt: 'Henlagt', afvist: 'Afvist', forlig: 'Forlig' }

const beskeder: Record<string, string> = {
  godkendt: 'Sletningen er godkendt. Sagerne slettes i baggrunden.',
  afvist: 'Forslaget er afvist. Sagerne bliver foreslået igen ved næste kørsel.',
  intet: 'Der er ingen sager, der har været opbevaret længe nok, eller der venter allerede et forslag.',
  nyt: 'Der er lavet et nyt forslag.',
}

function dag(d: string): string {
  return formatDato(new Date(`${d}T12:00:00Z`))
}

export const sletningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db
  const standard = app.config.retentionYears

  async function vis(reply: FastifyReply, p: Principal, o: { besked?: string; errors?: FormErrors } = {}) {
    const ledte = ledteNaevnIds(p)
    const naevn = await naevnMedOpbevaring(db, ledte)
    const koersler = await listKoersler(db, ledte)
    const forslag = await listForslag(db, koersler.filter((k) => k.status === 'forslag').map((k) => k.id))
    const idag = idagIDanmark()
    return reply.page('pages/gdpr/sletning', {
      titel: 'Sletning af sager',
      besked: o.besked ? beskeder[o.besked] : undefined,
      naevn: naevn.map((n) => {
        const aar = n.opbevaring_aar ?? standard
        return { id: n.id, navn: n.navn, aar, standard: n.opbevaring_aar === null, graense: dag(aarFoer(idag, aar)) }
      }),
      aabne: koersler
        .filter((k) => k.status === 'forslag')
        .map((k) => ({
          id: k.id,
          naevn: k.naevn_navn,
          oprettet: formatDatoTid(k.oprettet),
          regel: `Lukket før ${dag(k.lukket_foer)} (${k.opbevaring_aar} år)`,
          antal: k.antal,
          sager: forslag.filter((f) => f.koersel_id === k.id).map((f) => ({ sagsnummer: f.sagsnummer ?? f.sag_id, status: sagStatusLabel[f.status] ?? f.status, lukket: dag(f.lukket) })),
        })),
      historik: koersler
        .filter((k) => k.status !== 'forslag')
        .map((k) => ({
          naevn: k.naevn_navn,
          oprettet: formatDatoTid(k.oprettet),
          status: statusLabel[k.status] ?? k.status,
          antal: k.antal,
          slettet: k.antal_slettet,
          besluttet: k.besluttet ? `${formatDatoTid(k.besluttet)}${k.besluttet_af_navn ? `, ${k.besluttet_af_navn}` : ''}` : '–',
          begrundelse: k.begrundelse,
        })),
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  const koerselId = (id: string) => {
    if (!isUuid(id)) throw new NotFoundError('SletningIkkeFundet', 'Sletningsforslaget findes ikke.')
    return id
  }

  app.get('/sagsbehandling/sletning', { schema: { querystring: Query }, preHandler: guard(assertSekretariatsleder) }, async (req, reply) => {
    return vis(reply, requirePrincipal(req), req.query.besked ? { besked: req.query.besked } : {})
  })

  // "Find now" instead of waiting for Monday's job; the same function, the same guard.
  app.post('/sagsbehandling/sletning/forslag', { schema: { body: FormBody }, preHandler: guard(assertSekretariatsleder) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const naevnId = text(req.body, 'naevn', 64)
    if (!isUuid(naevnId) || !mayDecideDeletion(p, naevnId)) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    const r = await lavSletningsforslag(db, { standardAar: standard, naevnId })
    return reply.redirect(`/sagsbehandling/sletning?besked=${r.some((x) => x.koerselId) ? 'nyt' : 'intet'}`, 303)
  })

  app.post('/sagsbehandling/sletning/:id/godkend', { schema: { params: Params, body: FormBody }, preHandler: guard(assertSekretariatsleder) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const id = koerselId(req.params.id)
    if (text(req.body, 'bekraeft', 3) !== 'ja') {
      const errors = new FormErrors().add(`bekraeft-${id}`, 'Bekræft, at du har gennemgået listen, før sagerne slettes.')
      return vis(reply.status(400), p, { errors })
    }
    await godkendKoersel(db, id, { aktoerId: p.userId, mayDecide: (naevnId) => mayDecideDeletion(p, naevnId) })
    req.log.info({ koerselId: id }, 'sletning godkendt')
    return reply.redirect('/sagsbehandling/sletning?besked=godkendt', 303)
  })

  app.post('/sagsbehandling/sletning/:id/afvis', { schema: { params: Params, body: FormBody }, preHandler: guard(assertSekretariatsleder) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const id = koerselId(req.params.id)
    await afvisKoersel(db, id, { aktoerId: p.userId, begrundelse: text(req.body, `begrundelse-${id}`, 1000) || null, mayDecide: (naevnId) => mayDecideDeletion(p, naevnId) })
    return reply.redirect('/sagsbehandling/sletning?besked=afvist', 303)
  })
}
