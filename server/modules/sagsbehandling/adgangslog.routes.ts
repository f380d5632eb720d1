// The staff access log for the head of a secretariat (GDPR): which cases and documents one
// staff member opened, when, across the boards the head leads. Each case page shows its
// own access log; this is the same record searched by person. Anyone else gets 404; a
// staff member outside the head's boards does not exist here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertSekretariatsleder, ledteNaevnIds } from '../../kerne/access/policies.js'
import { FormErrors } from '../../platform/forms/form.js'
import { adgangForMedarbejder } from '../../kerne/sag/adgangslog.js'
import { erDato } from '../../kerne/sag/frister.js'
import { formatDatoTid } from '../../kerne/sag/visning.js'
import { personaleForNaevn } from './sagsbehandling.repository.js'

const Query = Type.Object({
  medarbejder: Type.Optional(Type.String({ maxLength: 64 })),
  fra: Type.Optional(Type.String({ maxLength: 10 })),
  til: Type.Optional(Type.String({ maxLength: 10 })),
})

const maksRaekker = 500

export const adgangslogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  app.get('/sagsbehandling/adgangslog', { schema: { querystring: Query }, preHandler: guard(assertSekretariatsleder) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const ledte = ledteNaevnIds(p)
    const personale = (await personaleForNaevn(db, ledte)).filter((x, i, alle) => alle.findIndex((y) => y.id === x.id) === i)
    const v = { medarbejder: req.query.medarbejder ?? '', fra: req.query.fra ?? '', til: req.query.til ?? '' }
    const errors = new FormErrors()
    if (v.medarbejder && !personale.some((x) => x.id === v.medarbejder)) errors.add('medarbejder', 'Vælg en medarbejder i de nævn, du leder.')
    if (v.fra && !erDato(v.fra)) errors.add('fra', 'Skriv datoen som åååå-mm-dd.')
    if (v.til && !erDato(v.til)) errors.add('til', 'Skriv datoen som åååå-mm-dd.')
    const common = { titel: 'Adgangslog', v, medarbejderValg: personale.map((x) => ({ value: x.id, label: x.navn })) }
    if (errors.any) return reply.status(400).page('pages/sagsbehandling/adgangslog', { ...common, ...errors.toView() })
    if (!v.medarbejder) return reply.page('pages/sagsbehandling/adgangslog', { ...common, fejl: {} })

    // Only the cases of the boards this head leads.
    const rows = await adgangForMedarbejder(db, { medarbejderId: v.medarbejder, naevnIds: ledte, fra: v.fra || undefined, til: v.til || undefined, maks: maksRaekker + 1 })
    return reply.page('pages/sagsbehandling/adgangslog', {
      ...common,
      fejl: {},
      soegt: true,
      flere: rows.length > maksRaekker,
      maks: maksRaekker,
      poster: rows.slice(0, maksRaekker).map((r) => ({
        tidspunkt: formatDatoTid(r.tidspunkt),
        sagsnummer: r.sagsnummer,
        href: `/sagsbehandling/sager/${r.sag_id}`,
        hvad: r.handling === 'dokument_laest' ? `Dokument: ${r.filnavn ?? 'slettet dokument'}` : 'Sagen',
      })),
    })
  })
}
