// Access requests (indsigt): a caseworker or head of secretariat finds everything the
// board's cases hold about one person (CPR, CVR or e-mail), reviews it on a page, and
// downloads it as a ZIP with a PDF index to hand over. Only their own boards' cases are
// searched; another board's request is a 404. The rules are in server/modules/gdpr/indsigt.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertStaff, staffNaevnIds } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { FormBody, FormErrors, feltLaengdeFejl, text } from '../../platform/forms/form.js'
import { isUuid } from '../../kerne/naevn/naevn.js'
import { NotFoundError, ValidationError } from '../../platform/errors.js'
import { formatDatoTid } from '../../kerne/sag/visning.js'
import { sendDownload } from '../../platform/http/download.js'
import { hentAnmodning, indsigtPakke, indsigtVisning, listAnmodninger, markerHentet, opretIndsigt, samlIndsigt, soegningVisning, type Soegetype } from './indsigt.js'

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })

const soegetyper: { value: Soegetype; label: string }[] = [
  { value: 'cpr', label: 'CPR-nummer' },
  { value: 'cvr', label: 'CVR-nummer' },
  { value: 'email', label: 'E-mailadresse' },
]

export const indsigtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  async function visForside(reply: FastifyReply, p: Principal, o: { errors?: FormErrors; v?: { naevn: string; type: string; vaerdi: string } } = {}) {
    const naevnIds = staffNaevnIds(p)
    const naevnValg = p.memberships
      .filter((m) => naevnIds.includes(m.naevnId))
      .map((m) => ({ value: m.naevnId, label: m.naevnNavn }))
      .filter((v, i, all) => all.findIndex((x) => x.value === v.value) === i)
    // The typed CPR number is never sent back to the browser.
    const v = o.v ?? { naevn: naevnValg.length === 1 ? naevnValg[0]!.value : '', type: 'cpr', vaerdi: '' }
    const anmodninger = await listAnmodninger(db, naevnIds)
    return reply.page('pages/gdpr/indsigt', {
      titel: 'Indsigt i personoplysninger',
      naevnValg,
      v: { ...v, vaerdi: v.type === 'cpr' ? '' : v.vaerdi },
      typeValg: soegetyper.map((t) => ({ ...t, valgt: t.value === v.type })),
      anmodninger: anmodninger.map((a) => ({
        href: `/sagsbehandling/indsigt/${a.id}`,
        naevn: a.naevn_navn,
        soegning: soegningVisning(a),
        oprettet: formatDatoTid(a.oprettet),
        af: a.oprettet_af_navn ?? '–',
        sager: a.antal_sager,
        hentet: a.hentet ? formatDatoTid(a.hentet) : 'Ikke hentet',
      })),
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  const anmodningFor = (p: Principal, id: string) => {
    if (!isUuid(id)) throw new NotFoundError('IndsigtIkkeFundet', 'Anmodningen findes ikke.')
    return hentAnmodning(db, id, (naevnId) => staffNaevnIds(p).includes(naevnId))
  }

  app.get('/sagsbehandling/indsigt', { preHandler: guard(assertStaff) }, async (req, reply) => visForside(reply, requirePrincipal(req)))

  app.post('/sagsbehandling/indsigt', { schema: { body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = { naevn: text(req.body, 'naevn', 64), type: text(req.body, 'type', 10), vaerdi: text(req.body, 'vaerdi', 200) }
    const errors = new FormErrors().merge(feltLaengdeFejl(req.body))
    if (!v.naevn) errors.add('naevn', 'Vælg nævnet.')
    else if (!isUuid(v.naevn) || !staffNaevnIds(p).includes(v.naevn)) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    if (!soegetyper.some((t) => t.value === v.type)) errors.add('type', 'Vælg, hvad du søger på.')
    if (!v.vaerdi) errors.add('vaerdi', 'Skriv det, du søger på.')
    if (errors.any) return visForside(reply.status(400), p, { errors, v })
    try {
      const id = await opretIndsigt(db, app.cpr, { naevnId: v.naevn, type: v.type as Soegetype, vaerdi: v.vaerdi }, p.userId)
      req.log.info({ anmodningId: id, soegetype: v.type }, 'indsigt udarbejdet')
      return reply.redirect(`/sagsbehandling/indsigt/${id}`, 303)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return visForside(reply.status(400), p, { errors: errors.add('vaerdi', err.message), v })
    }
  })

  app.get('/sagsbehandling/indsigt/:id', { schema: { params: Params }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const a = await anmodningFor(requirePrincipal(req), req.params.id)
    const samlet = await samlIndsigt(db, app.cpr, a)
    const json = Buffer.byteLength(JSON.stringify(samlet.data, null, 2), 'utf8')
    return reply.page('pages/gdpr/indsigt-anmodning', {
      titel: 'Indsigt: gennemse før udlevering',
      id: a.id,
      hentet: a.hentet ? formatDatoTid(a.hentet) : null,
      indhold: indsigtVisning(samlet, a, { jsonStoerrelse: json }),
    })
  })

  app.get('/sagsbehandling/indsigt/:id/zip', { schema: { params: Params }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const a = await anmodningFor(p, req.params.id)
    const { zip } = await indsigtPakke(db, app.cpr, a)
    await markerHentet(db, a.id, p.userId)
    req.log.info({ anmodningId: a.id, bytes: zip.length }, 'indsigt hentet')
    return sendDownload(reply, { mime: 'application/zip', filnavn: `indsigt-${a.oprettet.toISOString().slice(0, 10)}-${a.id.slice(0, 8)}.zip`, indhold: zip })
  })
}
