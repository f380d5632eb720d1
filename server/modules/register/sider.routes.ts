// The afgørelsesregister's public pages: the search, a decision, its PDF, and the law
// texts it cites.
// No login; only what server/kerne/access/offentlig.ts lets the public see; cacheable with ETag.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { offentligSide, renderSide, sendCachebar, sendSide } from './offentlig-side.js'
import { afgoerelsePdf, afgoerelseSide, afgoerelseVersion, lovSide, parseId, type SiderCtx } from './sider.service.js'
import { SideCache } from './cache.js'
import { soegeside } from './soegeside.service.js'

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) })
const LovParams = Type.Object({ lov: Type.String({ maxLength: 40 }), paragraf: Type.String({ maxLength: 60 }) })

export const siderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx: SiderCtx = { db: app.db, referenceDataDir: app.config.referenceDataDir, publicUrl: app.config.publicUrl }

  // No querystring schema: a bad value must re-render the page with a Danish message and
  // what was typed, not end in a bare 400 (soegeside checks every field).
  app.get(
    '/afgoerelser',
    // Anyone may search, so nobody may search without limit.
    { config: { rateLimit: { max: app.config.publicApiRateLimitPerMinute, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const { status, vm } = await soegeside(app.db, req.query)
      return offentligSide(req, reply, 'pages/register/soeg', vm, status)
    },
  )

  // The anonymous page of a decision, rendered once per version of its public copy: a
  // request costs one primary-key look-up of (status, opdateret, version) while nothing
  // changed. Publication, correction and withdrawal all set opdateret, so the next request
  // after any of them renders anew; the related decisions refresh within a minute.
  const sideCache = new SideCache(60_000)

  app.get('/afgoerelser/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const id = parseId(req.params.id)
    if (!req.principal) {
      const version = await afgoerelseVersion(ctx, id)
      const hit = version === undefined ? undefined : sideCache.hent(String(id), version)
      if (hit) return sendSide(req, reply, hit)
    }
    const side = await afgoerelseSide(ctx, req.params.id)
    // A withdrawn decision answers 410 Gone with a page saying so and why: the citable
    // address existed and was taken down on purpose (unlike 404, never existed), and 410
    // tells search engines to drop the text they indexed, which is usually the point of
    // withdrawing it (a party could be recognised). The body is a normal page for people.
    const r =
      side.visning === 'trukket_tilbage'
        ? await renderSide(req, reply, 'pages/register/trukket-tilbage', side.vm, 410)
        : await renderSide(req, reply, 'pages/register/afgoerelse', side.vm)
    if (!req.principal) sideCache.gem(String(id), side.version, r)
    return sendSide(req, reply, r)
  })

  app.get('/afgoerelser/:id.pdf', { schema: { params: IdParams } }, async (req, reply) => {
    const r = await afgoerelsePdf(ctx, req.params.id)
    if ('trukketTilbage' in r) return offentligSide(req, reply, 'pages/register/trukket-tilbage', r.trukketTilbage.vm, 410)
    reply.header('Content-Disposition', `inline; filename="afgoerelse-${r.id}.pdf"`)
    return sendCachebar(req, reply, r.pdf, 'application/pdf')
  })

  app.get('/love/:lov/:paragraf', { schema: { params: LovParams } }, async (req, reply) => {
    const vm = await lovSide(ctx, req.params.lov, req.params.paragraf)
    return offentligSide(req, reply, 'pages/register/lov', vm)
  })
}
