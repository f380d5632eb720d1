// The print queue and the Digital Post exemption register, for the secretariat.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertStaff } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { FormBody, FormErrors, forLangeFelter, list, text } from '../../platform/forms/form.js'
import { formatDansk } from '../../kerne/sag/frister.js'
import { formatDatoTid } from '../../kerne/sag/visning.js'
import { listFritagelser, markerSendt, opretFritagelse, printkoe, samletPdf } from './notifikation.service.js'
import { sendDownload } from '../../platform/http/download.js'

export const notifikationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  app.get('/sagsbehandling/udskrivning', { preHandler: guard(assertStaff) }, async (req, reply) => {
    const koe = await printkoe(db, requirePrincipal(req))
    return reply.page('pages/notifikation/udskrivning', {
      titel: 'Breve til udskrivning',
      breve: koe.map((u) => ({
        id: u.id,
        sagsnummer: u.sagsnummer,
        modtager: u.navn,
        adresse: u.adresseLinjer.join(', '),
        // The address sheet then says the same in the envelope window (adresseark.ts).
        adresseMangler: u.adresseLinjer.length === 0,
        filnavn: u.filnavn,
        begrundelse: u.begrundelse,
        oprettet: formatDatoTid(u.oprettet),
      })),
      antalUdenAdresse: koe.filter((u) => u.adresseLinjer.length === 0).length,
      udskrivningValg: [
        { value: 'enkeltsidet', label: 'Enkeltsidet', valgt: true },
        { value: 'dobbeltsidet', label: 'Dobbeltsidet' },
      ],
    })
  })

  // A POST (with the form's CSRF token), so the token never ends up in an address.
  app.post('/sagsbehandling/udskrivning/samlet.pdf', { schema: { body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const ids = list(req.body, 'id')
    const pdf = await samletPdf(db, requirePrincipal(req), ids, { dobbeltsidet: text(req.body, 'udskrivning', 20) === 'dobbeltsidet' })
    return sendDownload(reply, { mime: 'application/pdf', filnavn: 'breve-til-udskrivning.pdf', indhold: pdf })
  })

  app.post('/sagsbehandling/udskrivning/sendt', { schema: { body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    await markerSendt(db, requirePrincipal(req), list(req.body, 'id'))
    return reply.redirect('/sagsbehandling/udskrivning', 303)
  })

  async function visFritagelser(reply: FastifyReply, errors = new FormErrors(), v: Record<string, string> = {}) {
    const rows = await listFritagelser(db)
    if (errors.any) reply.status(400)
    return reply.page('pages/notifikation/fritagelser', {
      titel: 'Fritagelser for Digital Post',
      fritagelser: rows.map((f) => ({ navn: f.navn, id: f.cvr ? `CVR ${f.cvr}` : 'CPR (registreret)', fra: formatDansk(f.gyldig_fra), til: f.gyldig_til ? formatDansk(f.gyldig_til) : 'Indtil videre' })),
      v,
      ...errors.toView(),
    })
  }

  app.get('/sagsbehandling/fritagelser', { preHandler: guard(assertStaff) }, async (_req, reply) => visFritagelser(reply))

  app.post('/sagsbehandling/fritagelser', { schema: { body: FormBody }, preHandler: guard(assertStaff) }, async (req, reply) => {
    const p: Principal = requirePrincipal(req)
    const input = { navn: text(req.body, 'navn', 200), nummer: text(req.body, 'nummer', 20), fra: text(req.body, 'fra', 10), til: text(req.body, 'til', 10) }
    const errors = forLangeFelter(req.body)?.errors ?? (await opretFritagelse(db, app.cpr, p, input))
    // The CPR number is never sent back into the page.
    if (errors.any) return visFritagelser(reply, errors, { ...input, nummer: '' })
    return reply.redirect('/sagsbehandling/fritagelser', 303)
  })
}

