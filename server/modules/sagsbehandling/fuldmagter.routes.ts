// /sagsbehandling/sager/:id/fuldmagter: the secretariat registers, lists and revokes the
// powers of attorney of a case (fuldmagter.service.ts). Staff of the case's board only;
// anyone else gets 404 (sagForPersonale), as for a case that does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertStaff } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import { FormBody, FormErrors, feltLaengdeFejl, text, type FormValues } from '../../platform/forms/form.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'
import { formatDansk, idagIDanmark } from '../../kerne/sag/frister.js'
import { formatDatoTid, partRolleLabel } from '../../kerne/sag/visning.js'
import { listFuldmagter, mulige, registrerFuldmagt, tilbagekaldFuldmagt, tomFuldmagt, type FuldmagtInput } from './fuldmagter.service.js'
import { SagParams } from './sagsbehandling.schemas.js'

const FuldmagtParams = Type.Object({ id: Type.String({ maxLength: 64 }), fuldmagtId: Type.String({ maxLength: 64 }) })

function input(body: FormValues | undefined): FuldmagtInput {
  return {
    giver: text(body, 'giver', 64),
    fuldmaegtig_navn: text(body, 'fuldmaegtig_navn', 200),
    fuldmaegtig_cprcvr: text(body, 'fuldmaegtig_cprcvr', 20),
    fuldmaegtig_email: text(body, 'fuldmaegtig_email', 254),
    gyldig_fra: text(body, 'gyldig_fra', 10),
    gyldig_til: text(body, 'gyldig_til', 10),
    omfang: text(body, 'omfang', tekstGraenser.begrundelse),
  }
}

/** In force, not yet, expired or revoked: as the access rule reads it today. */
function tilstand(f: { gyldig_fra: string; gyldig_til: string | null; tilbagekaldt: Date | null }, idag: string): string {
  if (f.tilbagekaldt) return 'Tilbagekaldt'
  if (f.gyldig_fra > idag) return 'Ikke trådt i kraft'
  if (f.gyldig_til && f.gyldig_til < idag) return 'Udløbet'
  return 'Gældende'
}

export const fuldmagterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  async function vis(reply: FastifyReply, p: Principal, sagId: string, o: { v?: FuldmagtInput; errors?: FormErrors; registreret?: boolean; tilbagekaldt?: boolean } = {}) {
    const sag = await sagForPersonale(db, p, sagId)
    const [parter, fuldmagter] = await Promise.all([mulige(db, sag.id), listFuldmagter(db, p, sag.id)])
    const idag = idagIDanmark()
    if (o.errors?.any) reply.status(400)
    return reply.page('pages/sagsbehandling/fuldmagter', {
      titel: `Fuldmagter i sag ${sag.sagsnummer}`,
      sag: { id: sag.id, sagsnummer: sag.sagsnummer },
      v: o.v ?? tomFuldmagt(),
      registreret: o.registreret ?? false,
      tilbagekaldt: o.tilbagekaldt ?? false,
      giverValg: parter.map((x) => ({ value: x.id, label: `${x.navn} (${partRolleLabel[x.rolle] ?? x.rolle}, ${x.cvr ? `CVR ${x.cvr}` : 'CPR'})` })),
      ingenGivere: parter.length === 0,
      fuldmagter: fuldmagter.map((f) => {
        const t = tilstand(f, idag)
        return {
          id: f.id,
          giver: f.giver_cvr ? `${f.giver_navn} (CVR ${f.giver_cvr})` : f.giver_navn,
          fuldmaegtig: f.fuldmaegtig_cvr ? `${f.fuldmaegtig_navn} (CVR ${f.fuldmaegtig_cvr})` : `${f.fuldmaegtig_navn} (CPR registreret)`,
          email: f.fuldmaegtig_email,
          periode: `${formatDansk(f.gyldig_fra)} – ${f.gyldig_til ? formatDansk(f.gyldig_til) : 'indtil videre'}`,
          omfang: f.omfang ?? (f.sag_id ? '' : 'Generel fuldmagt, registreret uden for sagen'),
          tilstand: t,
          gaeldende: t === 'Gældende',
          registreret: `${formatDatoTid(f.oprettet)}${f.oprettet_af_navn ? ` af ${f.oprettet_af_navn}` : ''}`,
          tilbagekaldtTekst: f.tilbagekaldt ? `${formatDatoTid(f.tilbagekaldt)}${f.tilbagekaldt_af_navn ? ` af ${f.tilbagekaldt_af_navn}` : ''}` : null,
          kanTilbagekaldes: f.sag_id === sag.id && !f.tilbagekaldt,
        }
      }),
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  app.get('/sagsbehandling/sager/:id/fuldmagter', { schema: { params: SagParams, querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) }) }, preHandler: guard(assertStaff) }, async (req, reply) =>
    vis(reply, requirePrincipal(req), req.params.id, { registreret: req.query.ok === 'registreret', tilbagekaldt: req.query.ok === 'tilbagekaldt' }),
  )

  app.post('/sagsbehandling/sager/:id/fuldmagter', { schema: { params: SagParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const v = input(req.body)
    const forLange = feltLaengdeFejl(req.body)
    const r = Object.keys(forLange).length > 0 ? { ok: false as const, fejl: forLange } : await registrerFuldmagt(db, app.cpr, p, req.params.id, v)
    if (!r.ok) {
      // A wrong CPR is shown again as typed, but never echoed once registered.
      return vis(reply, p, req.params.id, { v, errors: new FormErrors().merge(r.fejl) })
    }
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}/fuldmagter?ok=registreret`, 303)
  })

  app.post('/sagsbehandling/sager/:id/fuldmagter/:fuldmagtId/tilbagekald', { schema: { params: FuldmagtParams, body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    await tilbagekaldFuldmagt(db, requirePrincipal(req), req.params.id, req.params.fuldmagtId)
    return reply.redirect(`/sagsbehandling/sager/${req.params.id}/fuldmagter?ok=tilbagekaldt`, 303)
  })
}
