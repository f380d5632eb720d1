// The filing module's JSON API for lawyers' and associations' systems: the same
// operations as the pages (create a draft, update it, upload, submit, list own cases,
// read a case, messages), authenticated by a session or a bearer token.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'
import { requirePrincipal } from '../../kerne/access/guards.js'
import { parterBrugerenTalerFor, sagForPart } from '../../kerne/access/sager.js'
import type { Principal } from '../../kerne/access/principal.js'
import { ValidationError } from '../../platform/errors.js'
import type { FormErrors, FormValues } from '../../platform/forms/form.js'
import { readMultipart } from '../../platform/forms/multipart.js'
import { maskCpr } from '../../kerne/identitet/cpr.js'
import { maySeeCpr } from '../../kerne/access/policies.js'
import { isBilagKategori } from '../../kerne/sag/bilag.js'
import { statusForPart } from '../../kerne/sag/status.js'
import { dokumentForPart, listBeskeder, listDokumenter, listMineSager, listParter } from './indbringelse.repository.js'
import { bekraeftGebyr, gemHvem, gemLejemaal, gemParter, gemSagen, indsend, sendBesked, startKladde, uploadBilag, type IndbringelseCtx } from './indbringelse.service.js'
import { antalMedpartFelter } from './indbringelse.trin.js'
import { sendDownload } from '../../platform/http/download.js'
import { Problem } from '../../platform/http/problem.js'

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
const DokParams = Type.Object({ id: Type.String({ maxLength: 64 }), dokumentId: Type.String({ maxLength: 64 }) })

const PartBody = Type.Object(
  {
    navn: Type.String({ maxLength: 200 }),
    cprEllerCvr: Type.Optional(Type.String({ maxLength: 20, description: 'CPR (DDMMÅÅ-XXXX) eller CVR (8 cifre); valgfrit' })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    telefon: Type.Optional(Type.String({ maxLength: 30 })),
    adresse: Type.Optional(Type.String({ maxLength: 200 })),
    postnr: Type.Optional(Type.String({ maxLength: 4 })),
    by: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
)

const KladdeOpdatering = Type.Object(
  {
    hvem: Type.Optional(
      Type.Object({
        indbringerRolle: Type.Union([Type.Literal('lejer'), Type.Literal('udlejer')]),
        repraesentantType: Type.Union([Type.Null(), Type.Literal('advokat'), Type.Literal('lejerforening'), Type.Literal('administrator'), Type.Literal('andet')]),
      }),
    ),
    lejemaal: Type.Optional(
      Type.Object({
        vejnavn: Type.String({ maxLength: 100 }),
        husnummer: Type.String({ maxLength: 10 }),
        etage: Type.Optional(Type.String({ maxLength: 10 })),
        doer: Type.Optional(Type.String({ maxLength: 10 })),
        postnr: Type.String({ maxLength: 4 }),
        by: Type.Optional(Type.String({ maxLength: 60 })),
        lejemaalType: Type.Union([Type.Literal('privat'), Type.Literal('almen')]),
        kommunekode: Type.Optional(Type.Integer({ description: 'Kun når postnummeret dækker flere kommuner' })),
      }),
    ),
    parter: Type.Optional(
      Type.Object({
        mig: PartBody,
        klient: Type.Optional(PartBody),
        medparter: Type.Optional(Type.Array(PartBody, { maxItems: antalMedpartFelter })),
        modpart: PartBody,
      }),
    ),
    sagen: Type.Optional(
      Type.Object({
        formaal: Type.String({ maxLength: 50 }),
        sagsomraader: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 }),
        beskrivelse: Type.String({ maxLength: 10_001 }),
        svar: Type.Optional(Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 200 }))),
      }),
    ),
  },
  { additionalProperties: false },
)
type KladdeOpdateringT = Static<typeof KladdeOpdatering>

const SagSvar = Type.Object({
  id: Type.String(),
  status: Type.String(),
  statusTekst: Type.String(),
  naesteSkridt: Type.String(),
  sagsnummer: Type.Union([Type.String(), Type.Null()]),
  indbringelsesnummer: Type.Union([Type.Integer(), Type.Null()]),
  indbragt: Type.Union([Type.String(), Type.Null()]),
  indbringerRolle: Type.Union([Type.String(), Type.Null()]),
  repraesentantType: Type.Union([Type.String(), Type.Null()]),
  lejemaal: Type.Object({
    vejnavn: Type.Union([Type.String(), Type.Null()]),
    husnummer: Type.Union([Type.String(), Type.Null()]),
    etage: Type.Union([Type.String(), Type.Null()]),
    doer: Type.Union([Type.String(), Type.Null()]),
    postnr: Type.Union([Type.String(), Type.Null()]),
    by: Type.Union([Type.String(), Type.Null()]),
    kommunekode: Type.Union([Type.Integer(), Type.Null()]),
    lejemaalType: Type.Union([Type.String(), Type.Null()]),
  }),
  naevnId: Type.Union([Type.String(), Type.Null()]),
  formaal: Type.Union([Type.String(), Type.Null()]),
  sagsomraader: Type.Array(Type.String()),
  beskrivelse: Type.Union([Type.String(), Type.Null()]),
  parter: Type.Array(Type.Object({ rolle: Type.String(), navn: Type.String(), cpr: Type.Union([Type.String(), Type.Null()]), cvr: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]) })),
  dokumenter: Type.Array(Type.Object({ id: Type.String(), filnavn: Type.String(), mime: Type.String(), stoerrelse: Type.Integer(), kategori: Type.String() })),
})

function partFelter(prefix: string, p: Static<typeof PartBody> | undefined): FormValues {
  if (!p) return {}
  return {
    [`${prefix}_navn`]: p.navn,
    [`${prefix}_cprcvr`]: p.cprEllerCvr ?? '',
    [`${prefix}_email`]: p.email ?? '',
    [`${prefix}_telefon`]: p.telefon ?? '',
    [`${prefix}_adresse`]: p.adresse ?? '',
    [`${prefix}_postnr`]: p.postnr ?? '',
    [`${prefix}_by`]: p.by ?? '',
  }
}

function fejl(errors: FormErrors): never {
  const { fejl: fields } = errors.toView()
  throw new ValidationError('UgyldigeData', Object.values(fields).join(' '), fields)
}

export const indbringelseApi: FastifyPluginAsyncTypebox = async (app) => {
  const ctx: IndbringelseCtx = { db: app.db, config: app.config, postnumre: app.postnumre, cpr: app.cpr }
  const db = app.db
  const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }]
  const common = { tags: ['sager'], security }

  async function sagSvar(p: Principal, id: string) {
    const sag = await sagForPart(db, p, id)
    const mine = await parterBrugerenTalerFor(db, p, sag.id)
    const [parter, dokumenter] = await Promise.all([listParter(db, sag.id), listDokumenter(db, sag.id, { forParter: mine })])
    const status = statusForPart[sag.status]
    return {
      id: sag.id,
      status: sag.status,
      statusTekst: status.label,
      naesteSkridt: status.naeste,
      sagsnummer: sag.sagsnummer,
      indbringelsesnummer: sag.indbringelsesnummer,
      indbragt: sag.indbragt ? sag.indbragt.toISOString() : null,
      indbringerRolle: sag.indbringer_rolle,
      repraesentantType: sag.repraesentant_type,
      lejemaal: { vejnavn: sag.vejnavn, husnummer: sag.husnummer, etage: sag.etage, doer: sag.doer, postnr: sag.postnr, by: sag.by, kommunekode: sag.kommunekode, lejemaalType: sag.lejemaal_type },
      naevnId: sag.naevn_id,
      formaal: sag.formaal,
      sagsomraader: sag.sagsomraader,
      beskrivelse: sag.beskrivelse,
      // Another party's CPR (even masked, it shows a birth date) is not this user's to see.
      parter: parter.map((x) => ({ rolle: x.rolle, navn: x.navn, cpr: x.cpr_krypteret && maySeeCpr(x.id, mine) ? maskCpr(app.cpr.decrypt(x.cpr_krypteret)) : null, cvr: x.cvr, email: x.email })),
      dokumenter: dokumenter.map((d) => ({ id: d.id, filnavn: d.filnavn, mime: d.mime, stoerrelse: d.stoerrelse, kategori: d.kategori })),
    }
  }

  app.get(
    '/api/v1/sager',
    {
      schema: {
        ...common,
        summary: 'Egne sager og kladder (også som repræsentant)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          gruppe: Type.Optional(Type.Union([Type.Literal('alle'), Type.Literal('kladder'), Type.Literal('aabne'), Type.Literal('afsluttede')])),
          skip: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          take: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
        }),
        response: {
          200: Type.Object({
            totalCount: Type.Integer(),
            items: Type.Array(Type.Object({ id: Type.String(), status: Type.String(), sagsnummer: Type.Union([Type.String(), Type.Null()]), adresse: Type.String(), opdateret: Type.String() })),
          }),
          401: Problem,
        },
      },
    },
    async (req) => {
      const p = requirePrincipal(req)
      const { rows, total } = await listMineSager(db, p, { q: req.query.q, gruppe: req.query.gruppe ?? 'alle', limit: req.query.take ?? 50, offset: req.query.skip ?? 0 })
      return {
        totalCount: total,
        items: rows.map((r) => ({
          id: r.id,
          status: r.status,
          sagsnummer: r.sagsnummer,
          adresse: [r.vejnavn, r.husnummer, r.postnr, r.by].filter(Boolean).join(' '),
          opdateret: r.opdateret.toISOString(),
        })),
      }
    },
  )

  app.post('/api/v1/sager', { schema: { ...common, summary: 'Opret en kladde', response: { 201: SagSvar, 401: Problem } } }, async (req, reply) => {
    const p = requirePrincipal(req)
    const id = await startKladde(ctx, p)
    return reply.status(201).header('location', `/api/v1/sager/${id}`).send(await sagSvar(p, id))
  })

  app.get('/api/v1/sager/:id', { schema: { ...common, summary: 'Læs en sag', params: IdParams, response: { 200: SagSvar, 401: Problem, 404: Problem } } }, async (req) =>
    sagSvar(requirePrincipal(req), req.params.id),
  )

  app.patch(
    '/api/v1/sager/:id',
    {
      schema: {
        ...common,
        summary: 'Opdatér en kladde (en eller flere sektioner, i rækkefølgen hvem, lejemål, parter, sagen)',
        params: IdParams,
        body: KladdeOpdatering,
        response: { 200: SagSvar, 400: Problem, 401: Problem, 404: Problem, 409: Problem },
      },
    },
    async (req) => {
      const p = requirePrincipal(req)
      const b: KladdeOpdateringT = req.body
      const id = req.params.id
      if (b.hvem) {
        const r = await gemHvem(ctx, p, id, { indbringer_rolle: b.hvem.indbringerRolle, for_hvem: b.hvem.repraesentantType ? 'repraesentant' : 'selv', repraesentant_type: b.hvem.repraesentantType ?? '' })
        if (!r.ok) fejl(r.errors)
      }
      if (b.lejemaal) {
        const l = b.lejemaal
        const r = await gemLejemaal(ctx, p, id, {
          vejnavn: l.vejnavn,
          husnummer: l.husnummer,
          etage: l.etage ?? '',
          doer: l.doer ?? '',
          postnr: l.postnr,
          by: l.by ?? '',
          lejemaal_type: l.lejemaalType,
          kommunekode: l.kommunekode ? String(l.kommunekode) : '',
        })
        if (!r.ok) fejl(r.errors)
      }
      if (b.parter) {
        const values: FormValues = { ...partFelter('mig', b.parter.mig), ...partFelter('klient', b.parter.klient), ...partFelter('modpart', b.parter.modpart) }
        ;(b.parter.medparter ?? []).forEach((m, i) => Object.assign(values, partFelter(`medpart${i + 1}`, m)))
        const r = await gemParter(ctx, p, id, values)
        if (!r.ok) fejl(r.errors)
      }
      if (b.sagen) {
        const values: FormValues = { formaal: b.sagen.formaal, sagsomraader: b.sagen.sagsomraader, beskrivelse: b.sagen.beskrivelse }
        for (const [felt, svar] of Object.entries(b.sagen.svar ?? {})) values[`svar_${felt}`] = svar
        const r = await gemSagen(ctx, p, id, values)
        if (!r.ok) fejl(r.errors)
      }
      return sagSvar(p, id)
    },
  )

  app.post(
    '/api/v1/sager/:id/dokumenter',
    {
      schema: {
        ...common,
        summary: 'Upload bilag (multipart/form-data: kategori og en eller flere filer)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ dokumenter: Type.Array(Type.Object({ id: Type.String(), filnavn: Type.String() })) }), 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req)
      const { values, files } = await readMultipart(req.body)
      const kategori = String(values.kategori ?? '')
      if (!isBilagKategori(kategori)) throw new ValidationError('UgyldigKategori', 'Angiv kategori: lejekontrakt, korrespondance, foto, regnskab, fuldmagt eller andet.', { kategori: 'ukendt kategori' })
      if (files.length === 0) throw new ValidationError('IngenFiler', 'Send mindst én fil.', { filer: 'ingen filer' })
      const r = await uploadBilag(ctx, p, req.params.id, kategori, files)
      if (r.afvist.length > 0) {
        throw new ValidationError('FilerAfvist', r.afvist.map((a) => `${a.filnavn}: ${a.grund}`).join('; '), Object.fromEntries(r.afvist.map((a) => [a.filnavn, a.grund])))
      }
      return reply.status(201).send({ dokumenter: r.gemt })
    },
  )

  app.get('/api/v1/sager/:id/dokumenter/:dokumentId', { schema: { ...common, summary: 'Hent et dokument', params: DokParams } }, async (req, reply) => {
    return sendDownload(reply, await dokumentForPart(db, requirePrincipal(req), req.params.id, req.params.dokumentId))
  })

  app.post(
    '/api/v1/sager/:id/indsend',
    {
      schema: {
        ...common,
        summary: 'Send kladden til nævnet',
        params: IdParams,
        body: Type.Object({ accepterGebyr: Type.Literal(true, { description: 'Bekræfter at have set gebyret (ikke-refunderbart)' }) }),
        response: { 200: SagSvar, 400: Problem, 401: Problem, 404: Problem, 409: Problem },
      },
    },
    async (req) => {
      const p = requirePrincipal(req)
      await bekraeftGebyr(ctx, p, req.params.id)
      const r = await indsend(ctx, p, req.params.id)
      if (!r.ok) throw new ValidationError('SagUfuldstaendig', r.mangler.map((m) => m.besked).join(' '), Object.fromEntries(r.mangler.map((m) => [m.trin, m.besked])))
      return sagSvar(p, req.params.id)
    },
  )

  const Besked = Type.Object({ id: Type.String(), tekst: Type.String(), fraSekretariat: Type.Boolean(), afsender: Type.String(), oprettet: Type.String(), dokumentId: Type.Union([Type.String(), Type.Null()]) })

  app.get('/api/v1/sager/:id/beskeder', { schema: { ...common, summary: 'Beskeder i sagen', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Besked) }), 401: Problem, 404: Problem } } }, async (req) => {
    const p = requirePrincipal(req)
    const sag = await sagForPart(db, p, req.params.id)
    const rows = await listBeskeder(db, sag.id, p.userId)
    return { items: rows.map((b) => ({ id: b.id, tekst: b.tekst, fraSekretariat: b.fra_sekretariat, afsender: b.afsender, oprettet: b.oprettet.toISOString(), dokumentId: b.dokument_id })) }
  })

  app.post(
    '/api/v1/sager/:id/beskeder',
    { schema: { ...common, summary: 'Skriv til sekretariatet', params: IdParams, body: Type.Object({ tekst: Type.String({ maxLength: 10_000 }) }), response: { 201: Type.Object({ ok: Type.Boolean() }), 400: Problem, 401: Problem, 404: Problem, 409: Problem } } },
    async (req, reply) => {
      const r = await sendBesked(ctx, requirePrincipal(req), req.params.id, req.body.tekst, null)
      if (!r.ok) throw new ValidationError('UgyldigBesked', Object.values(r.fejl).join(' '), r.fejl)
      return reply.status(201).send({ ok: true })
    },
  )
}
