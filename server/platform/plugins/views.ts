// Server-rendered pages: Handlebars templates in templates/, one DKFDS layout, partials
// registered by file name, and the DKFDS assets served from node_modules.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import fastifyView from '@fastify/view'
import Handlebars from 'handlebars'
import { projectRoot, templatesDir } from '../config.js'
import type { Principal } from '../../kerne/access/principal.js'
import { boardMemberNaevnIds, isAdmin, staffNaevnIds } from '../../kerne/access/policies.js'
import { maksTegn, type TekstGraense } from '../forms/graenser.js'

declare module 'fastify' {
  interface FastifyReply {
    /** Renders templates/<template>.hbs inside the layout with the common context. */
    page(template: string, data?: Record<string, unknown>): FastifyReply
  }
}

function partialsOf(dir: string): Record<string, string> {
  const partials: Record<string, string> = {}
  for (const file of readdirSync(path.join(templatesDir, dir))) {
    if (file.endsWith('.hbs')) partials[file.replace(/\.hbs$/, '')] = `${dir}/${file}`
  }
  return partials
}

/** The main menu: one entry per area the user's roles open, the current one marked. */
export function layoutContext(principal: Principal | null, url: string) {
  if (!principal) return { bruger: null, menu: null }
  const entries = [
    { href: '/mine-sager', tekst: 'Mine sager', vis: true, under: ['/indbringelse', '/sager', '/konto'] },
    { href: '/sagsbehandling', tekst: 'Sagsbehandling', vis: staffNaevnIds(principal).length > 0, under: [] },
    { href: '/sagsbehandling/moeder', tekst: 'Nævnsmøder', vis: staffNaevnIds(principal).length > 0, under: [] },
    { href: '/naevnsportal', tekst: 'Nævnsportal', vis: boardMemberNaevnIds(principal).length > 0, under: [] },
    { href: '/admin', tekst: 'Administration', vis: isAdmin(principal), under: [] },
  ]
  const path = url.split('?')[0] ?? ''
  const within = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`)
  // The longest matching entry is the current one: /sagsbehandling/moeder is not also "Sagsbehandling".
  const match = (e: (typeof entries)[number]) => Math.max(-1, ...[e.href, ...e.under].filter(within).map((x) => x.length))
  const shown = entries.filter((e) => e.vis)
  const best = Math.max(-1, ...shown.map(match))
  return {
    bruger: { navn: principal.navn, email: principal.email },
    menu: shown.map((e) => ({ href: e.href, tekst: e.tekst, aktiv: best >= 0 && match(e) === best })),
  }
}

export default fp(
  async (app) => {
    const handlebars = Handlebars.create()
    // Only helper: lets a select mark the chosen option without logic in the view-model.
    handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b)
    // Builds field names in partials shared by several parties (mig_navn, modpart_navn, …).
    handlebars.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''))
    // A text area's limit, from the one list the routes check against ("30.000").
    handlebars.registerHelper('maksTegn', (graense: TekstGraense) => maksTegn(graense))

    await app.register(fastifyView, {
      engine: { handlebars },
      root: templatesDir,
      layout: 'layouts/main.hbs',
      viewExt: 'hbs',
      includeViewExtension: true,
      options: { partials: partialsOf('partials') },
      production: true,
    })

    const require = createRequire(import.meta.url)
    // dkfds exports only its script (dist/js/dkfds.min.js); the assets sit beside it.
    const dkfdsDist = path.resolve(path.dirname(require.resolve('dkfds')), '..')
    await app.register(fastifyStatic, { root: dkfdsDist, prefix: '/static/dkfds/', decorateReply: false, maxAge: '1d' })
    await app.register(fastifyStatic, { root: path.join(projectRoot, 'server', 'public'), prefix: '/static/app/', decorateReply: false, maxAge: '1h' })

    const { authority } = app.config
    app.decorateReply('page', function (this, template: string, data: Record<string, unknown> = {}) {
      const req = this.request
      const context = {
        ...layoutContext(req.principal, req.url),
        authority,
        csrfToken: this.generateCsrf(),
        sidetitel: typeof data.titel === 'string' ? data.titel : 'Nævn',
        ...data,
      }
      this.type('text/html; charset=utf-8')
      // reply.view returns a promise in @fastify/view; the reply is sent when it resolves.
      void this.view(template, context)
      return this
    })
  },
  { name: 'views', dependencies: ['config', 'security'] },
)
