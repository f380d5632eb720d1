// Bench "register-sider": two public register pages over real HTTP, each next to a page of
// the same content rendered through the same Handlebars layout with nothing looked up
// (the baseline), in the same run, on the bulk-seeded register of 20,000 decisions and
// 10,000 decided rents (the search bench's database, reused when it exists):
//
//   afgoerelse-side          GET /afgoerelser/:id, anonymous (metadata, the text by sections,
//                            statutes, related decisions; the page's own caching included)
//   huslejestatistik-side    GET /huslejeregister?kommunekode=101 (the rent table and the
//                            quartile statistics with their chart)
//       baseline: GET /__bench/side/<name>, the same main content through reply.page and
//       the layout, registered only in the bench's host process.
// Target (the issue): each page reaches ≥ 0.5× the baseline's requests/s. Each case gives
// a req/s line and a p99 line.
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { benchAppEnv, measureLoad, resultLine, runCleanups, startChild } from './lib.mjs'
import { kildeHash, register } from './soegning.mjs'

const BENCH = 'register-sider'
const LOAD = { connections: 10, duration: 8, warmup: 2 }
const ANTAL = 20_000
const serverFile = fileURLToPath(new URL('./http-server.mjs', import.meta.url))

/** The page's main content and title, to render again through the layout. */
function indholdAf(html) {
  const m = /<main id="main-content" class="main-content">([\s\S]*)<\/main>/.exec(html)
  const titel = /<title>([^<]*?)(?: – Nævn)?<\/title>/.exec(html)?.[1] ?? 'Side'
  if (!m) throw new Error('Siden har intet <main id="main-content">.')
  return { titel, indhold: m[1].trim() }
}

export async function run({ root, env, services, log, emit }) {
  const dist = (...parts) => pathToFileURL(join(root, 'dist', ...parts)).href
  try {
    const url = await register({ root, dist, env, databaseUrl: services.databaseUrl, hash: kildeHash(root), antal: ANTAL, log })
    const { default: pg } = await import('pg')
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    // A decision with a rent and statutes, from the middle of the register.
    const { rows } = await c.query(
      `SELECT a.id FROM register_afgoerelser a WHERE a.status = 'publiceret' AND jsonb_array_length(a.statutories) > 0
         AND EXISTS (SELECT 1 FROM register_huslejer h WHERE h.register_afgoerelse_id = a.id) ORDER BY a.id LIMIT 1 OFFSET 5000`,
    )
    await c.end()
    if (!rows[0]) throw new Error('Registret har ingen afgørelse med husleje og lovgrundlag.')

    const appEnv = await benchAppEnv({ env, services, databaseUrl: url, prefix: 'sider' })
    const server = startChild(serverFile, { name: 'register-serveren' })
    const { appPort } = await server.call('start', { root, env: appEnv, layoutBaseline: true })
    const app = `http://127.0.0.1:${appPort}`

    const sider = [
      { name: 'afgoerelse-side', path: `/afgoerelser/${rows[0].id}` },
      { name: 'huslejestatistik-side', path: '/huslejeregister?kommunekode=101' },
    ]
    for (const s of sider) {
      const res = await fetch(`${app}${s.path}`)
      const html = await res.text()
      if (res.status !== 200) throw new Error(`GET ${s.path} gav ${res.status}.`)
      const { titel, indhold } = indholdAf(html)
      const bytes = await server.call('side', { name: s.name, titel, indhold })
      const check = await fetch(`${app}/__bench/side/${s.name}`)
      const baselineHtml = await check.text()
      if (check.status !== 200) throw new Error(`Baseline-siden for ${s.name} gav ${check.status}.`)
      log(`${s.name}: ${s.path} (${Buffer.byteLength(html)} bytes) mod samme indhold gennem layoutet (${Buffer.byteLength(baselineHtml)} bytes; indhold ${bytes} bytes)`)

      const base = await measureLoad({ title: `baseline ${s.name}`, url: `${app}/__bench/side/${s.name}`, ...LOAD })
      const side = await measureLoad({ title: `app ${s.path}`, url: `${app}${s.path}`, ...LOAD })
      const extra = { baselineCase: 'samme-indhold-gennem-layoutet', route: `GET ${s.path.replace(/\/\d+$/, '/:id')}`, target: '≥ 0.5', decisions: ANTAL, connections: LOAD.connections, seconds: LOAD.duration, bytes: Buffer.byteLength(html) }
      emit(resultLine({ bench: BENCH, case: s.name, value: side.rps, unit: 'req/s', baseline: base.rps, ...extra }))
      emit(resultLine({ bench: BENCH, case: `${s.name}-p99`, value: side.p99, unit: 'ms', baseline: base.p99, digits: 2, ...extra }))
    }
  } finally {
    await runCleanups()
  }
}
