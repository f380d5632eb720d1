// Child process of the http bench: the app (built JS from dist/) and a plain Fastify
// baseline, both on 127.0.0.1 with a free port. It runs apart from autocannon so the
// load generator does not share the servers' event loop. Driven over IPC by http.mjs;
// exits by itself when its parent goes away.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serveAsChild } from './lib.mjs'

let app
let base
let closing
/** Baseline responses by name: { body, contentType }. */
const bodies = new Map()

/** Baseline pages through the app's own layout: name → { titel, indhold }. */
const sider = new Map()

async function start({ root, env, layoutBaseline = false }) {
  const dist = join(root, 'dist', 'server')
  const { loadConfig } = await import(pathToFileURL(join(dist, 'platform', 'config.js')).href)
  const { buildApp } = await import(pathToFileURL(join(dist, 'app.js')).href)
  const { default: Fastify } = await import('fastify')

  app = await buildApp(loadConfig(env), { logger: false })
  // The register bench's baseline: a page of the same content through the same
  // Handlebars layout (reply.page), with no query behind it.
  if (layoutBaseline) {
    app.get('/__bench/side/:name', async (req, reply) => {
      const side = sider.get(req.params.name)
      if (!side) return reply.code(404).send()
      return reply.page('pages/bench/side', { titel: side.titel, indhold: side.indhold })
    })
  }
  await app.listen({ host: '127.0.0.1', port: 0 })

  // The baseline: the same bytes, from a route that does nothing else.
  base = Fastify({ logger: false })
  base.get('/plain/:name', (req, reply) => {
    const entry = bodies.get(req.params.name)
    if (!entry) return reply.code(404).send()
    return reply.type(entry.contentType).send(entry.body)
  })
  await base.listen({ host: '127.0.0.1', port: 0 })

  return { appPort: app.server.address().port, basePort: base.server.address().port }
}

function close() {
  closing ??= (async () => {
    await base?.close()
    await app?.close()
  })()
  return closing
}

const handlers = {
  start,
  baseline: ({ name, body, contentType }) => {
    bodies.set(name, { body, contentType })
    return Buffer.byteLength(body)
  },
  side: ({ name, titel, indhold }) => {
    sider.set(name, { titel, indhold })
    return Buffer.byteLength(indhold)
  },
  close,
}

serveAsChild(handlers, close)
