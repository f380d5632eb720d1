// Bench "hukommelse": does the production server (node dist/server/server.js, a child
// process, V8's collector as in production) hold its memory under a long, varied load?
// Its resident set size (VmRSS from /proc/<pid>/status) after 100,000 requests must stay
// within 20 % of its size after the first 10,000 (the baseline: the caches are full and
// the code warm by then).
//
// The load: 8 connections (autocannon) walking, each from its own starting point, one
// list of 3,000 requests that mixes
//   public pages   /afgoerelser/:id (1,800 different decisions, a few popular and a long
//                  tail, as in blandet), the search page, the rent register, statistics,
//                  law pages, the front page, 20 decision PDFs
//   the open API   /api/v1/register/afgoerelser/:id and ?q=, /huslejer, /kommuner, /love,
//                  POST /graphql (pagedDecisions)
//   logged in      a caseworker's inbox and case pages (each opening is written to the
//                  access log), a citizen's "Mine sager" and case page, over sessions
// in proportions that keep the run to a few minutes on 2 cores (searches and GraphQL are
// 5 % together; they cost 10–20× a cached page). Sent in ten rounds of 10,000.
//
// RSS is sampled every 100 ms during each round, and a round's figure is the median of
// its samples: the process's size around that point of the run. A single reading depends
// on where V8's heap is in its collection cycle: with ~100 MB live the heap grows to
// 250–450 MB before a full collection, so readings moments apart differ by more than the
// 20 % under test; the peak and end reading of each round are printed too. Target: the
// median over requests 90,001–100,000 ≤ 1.2 × the median over the first 10,000.
//
// Whether anything leaks is a separate question, answered by the live heap: after each
// round the load stops, the bench asks the server for two full collections (SIGUSR2,
// handled by gc-paa-signal.mjs, which only this bench loads, with --expose-gc) and reads
// the V8 heap in use from the server's /metrics (liveHeap…). RSS hardly moves with that
// collection (V8 and malloc keep the pages they have), so it is not used for RSS.
//
// Same world as the bench "blandet": a copy of the 20,000-decision register with the
// demo seed (naevn_hukommelse_bench, dropped afterwards).
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { checkRequests, measureLoad, quantile, resultLine, rotation, rssOf, runCleanups, timeoutSignal } from './lib.mjs'
import { benchVerden, populaere, soegeStier } from './blandet.mjs'

const BENCH = 'hukommelse'
const RUNDER = 10
const PR_RUNDE = 10_000
const FORBINDELSER = 8
const GRAENSE = 1.2
const gcPaaSignal = fileURLToPath(new URL('./gc-paa-signal.mjs', import.meta.url))

export async function run({ root, env, services, log, emit }) {
  try {
    const verden = await benchVerden({ root, env, services, log, databasenavn: 'naevn_hukommelse_bench', nodeArgs: ['--expose-gc', '--import', gcPaaSignal] })
    const requests = await blanding(verden)
    log(`Blandingen: ${requests.length} forskellige forespørgsler (${fordeling(requests)})`)

    const maalinger = []
    // One rotation for all rounds: each round's connections start where the last ones did not.
    const setupClient = rotation(requests)
    for (let runde = 1; runde <= RUNDER; runde++) {
      const proever = []
      let maaler = true
      const sampler = (async () => {
        while (maaler) {
          proever.push(await rssOf(verden.pid))
          await sleep(100)
        }
      })()
      await measureLoad({
        title: `${(runde * PR_RUNDE).toLocaleString('da-DK')} forespørgsler`,
        url: verden.url,
        connections: FORBINDELSER,
        amount: PR_RUNDE,
        warmup: 0,
        setupClient,
        expectStatus: [200],
      })
      maaler = false
      await sampler
      const slut = await rssOf(verden.pid)
      const heap = await heapUsed(verden)
      proever.push(slut)
      const rss = quantile(proever, 0.5)
      const top = Math.max(...proever)
      const live = await levendeHeap(verden)
      maalinger.push({ requests: runde * PR_RUNDE, rss, top, slut, heap, live })
      log(`    RSS i runden: median ${mb(rss)} MB, ${mb(Math.min(...proever))}–${mb(top)} MB (${proever.length} prøver), ${mb(slut)} MB ved slut; heap i brug ${mb(heap)} MB, efter fuld GC ${mb(live)} MB`)
    }

    const foerste = maalinger[0]
    const sidste = maalinger.at(-1)
    const ratio = sidste.rss / foerste.rss
    emit(
      resultLine({
        bench: BENCH,
        case: 'rss-100k-vs-10k',
        value: sidste.rss / 2 ** 20,
        unit: 'MB',
        baseline: foerste.rss / 2 ** 20,
        baselineCase: `median-rss-over-de-foerste-${PR_RUNDE}`,
        target: `≤ ${GRAENSE}`,
        pass: ratio <= GRAENSE,
        rss10k: mb(foerste.rss),
        rss100k: mb(sidste.rss),
        liveHeap10k: mb(foerste.live),
        liveHeap100k: mb(sidste.live),
        liveHeapRatio: Number((sidste.live / foerste.live).toFixed(3)),
        liveHeapPerRound: maalinger.map((m) => mb(m.live)),
        peakRatio: Number((sidste.top / foerste.top).toFixed(3)),
        endRatio: Number((sidste.slut / foerste.slut).toFixed(3)),
        heapUsed10k: mb(foerste.heap),
        heapUsed100k: mb(sidste.heap),
        rssMedianPerRound: maalinger.map((m) => mb(m.rss)),
        rssPeakPerRound: maalinger.map((m) => mb(m.top)),
        rssEndPerRound: maalinger.map((m) => mb(m.slut)),
        heapUsedPerRound: maalinger.map((m) => mb(m.heap)),
        requests: RUNDER * PR_RUNDE,
        connections: FORBINDELSER,
      }),
    )
    if (ratio > GRAENSE) log(`RSS voksede ${((ratio - 1) * 100).toFixed(0)} % fra 10.000 til 100.000 forespørgsler (grænse ${((GRAENSE - 1) * 100).toFixed(0)} %).`)
  } finally {
    await runCleanups()
  }
}

const mb = (bytes) => Number((bytes / 2 ** 20).toFixed(1))

/** The V8 heap in use after two full collections in the idle server: what it really holds. */
async function levendeHeap(verden) {
  for (let i = 0; i < 2; i++) {
    process.kill(verden.pid, 'SIGUSR2')
    await sleep(300)
  }
  return heapUsed(verden)
}

/** The V8 heap in use, from the server's own /metrics (prom-client's default metrics). */
async function heapUsed({ url, metricsToken }) {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` }, signal: timeoutSignal(10_000) })
  const text = await res.text()
  if (res.status !== 200) throw new Error(`GET /metrics gav ${res.status}.`)
  const value = /^naevn_nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1]
  if (!value) throw new Error('/metrics har ingen naevn_nodejs_heap_size_used_bytes.')
  return Number(value)
}

async function hent(url, headers = {}) {
  const res = await fetch(url, { headers, redirect: 'manual', signal: timeoutSignal(10_000) })
  const body = await res.text()
  if (res.status !== 200) throw new Error(`GET ${new URL(url).pathname} gav ${res.status}, ikke 200.`)
  return body
}

const links = (html, re) => [...new Set([...html.matchAll(re)].map((m) => m[1]))]

/**
 * 3,000 requests in groups of 20 slots, so each kind keeps its share wherever a
 * connection starts. Ids and links come from the world's own pages.
 */
async function blanding(verden) {
  const { url } = verden
  const sagsbehandler = { cookie: verden.sagsbehandlere[0] }
  const borger = { cookie: verden.borgere[0] }
  const anonym = {}

  const afgoerelser = populaere(verden.afgoerelser, 3000)
  const lovSider = links(await hent(`${url}/afgoerelser/${afgoerelser[0]}`), /href="(\/love\/[^"#?]+)"/g)
  const sagsbehandlerSager = links(await hent(`${url}/sagsbehandling?visning=alle`, sagsbehandler), /href="(\/sagsbehandling\/sager\/[0-9a-f-]{36})"/g)
  const borgerSager = links(await hent(`${url}/mine-sager`, borger), /href="(\/sager\/[0-9a-f-]{36})"/g)
  for (const [navn, l] of [['lovsider', lovSider], ['sagsbehandlerens sager', sagsbehandlerSager], ['borgerens sager', borgerSager]]) {
    if (l.length === 0) throw new Error(`Fandt ingen ${navn} at bruge i blandingen.`)
  }
  const soeg = soegeStier(verden.ord)
  const ord = [...verden.ord.hyppige, ...verden.ord.sjaeldne]
  const postnumre = ['1165', '2200', '8000', '5000', '9000', '2100']
  const graphql = JSON.stringify({ query: '{ pagedDecisions(skip: 0, take: 10, order: [{ dateOfDecision: DESC }]) { totalCount items { id dateOfDecision municipalityName } } }' })
  const get = (path, headers = anonym) => ({ method: 'GET', path, headers })
  const af = (g, liste) => liste[g % liste.length]

  // Per group g of 20: 9 decision pages, 2 from the API, 4 logged in, 3 other public
  // pages and API lists, 1 GraphQL or search (page or API, in turn), 1 PDF.
  const slots = [
    ...Array.from({ length: 8 }, (_, k) => (g) => get(`/afgoerelser/${afgoerelser[(g * 8 + k) % afgoerelser.length]}`)),
    (g) => get(`/api/v1/register/afgoerelser/${afgoerelser[(g * 2) % afgoerelser.length]}`),
    (g) => get(`/api/v1/register/afgoerelser/${afgoerelser[(g * 2 + 1) % afgoerelser.length]}`),
    (g) => af(g, [get('/sagsbehandling', sagsbehandler), get('/sagsbehandling?visning=alle&sort=-indbragt', sagsbehandler), get('/sagsbehandling?visning=mine', sagsbehandler)]),
    (g) => get(af(g, sagsbehandlerSager), sagsbehandler),
    () => get('/mine-sager', borger),
    (g) => get(af(g, borgerSager), borger),
    (g) => af(g, [get(`/huslejeregister?postnr=${af(g, postnumre)}`), get('/statistik'), get(af(g, lovSider)), get('/')]),
    (g) => af(g, [get(`/api/v1/register/huslejer?postnr=${af(g, postnumre)}`), get('/api/v1/register/kommuner'), get('/api/v1/register/love')]),
    (g) => af(g, [get('/'), get('/afgoerelser'), get(af(g + 1, lovSider))]),
    (g) => get(`/afgoerelser/${afgoerelser[(g * 8 + 1500) % afgoerelser.length]}`),
    // GraphQL, the search page and the search API in turn.
    (g) =>
      af(g, [
        { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: graphql },
        get(af(g, soeg)),
        get(`/api/v1/register/afgoerelser?q=${encodeURIComponent(af(g, ord))}&perSide=10`),
      ]),
    // 20 PDFs: rendered and stored on the first download, then served from the database.
    (g) => get(`/afgoerelser/${verden.afgoerelser[g % 20]}.pdf`),
  ]
  const requests = []
  for (let g = 0; g < 150; g++) for (const slot of slots) requests.push(slot(g))

  // Each distinct request once (of the decision pages only the first 100): all must answer 200.
  await checkRequests(url, [...requests.filter((r) => !/^\/afgoerelser\/\d+$/.test(r.path)), ...requests.slice(0, 1000).filter((r) => /^\/afgoerelser\/\d+$/.test(r.path)).slice(0, 100)])
  return requests
}

function fordeling(requests) {
  const counts = {}
  for (const r of requests) {
    const p = r.path
    const type = p.startsWith('/api/') || p === '/graphql' ? 'API' : p.startsWith('/sagsbehandling') || p.startsWith('/sager') || p === '/mine-sager' ? 'logget ind' : p.startsWith('/afgoerelser?') ? 'søgning' : 'offentlige sider'
    counts[type] = (counts[type] ?? 0) + 1
  }
  return Object.entries(counts)
    .map(([k, n]) => `${k} ${((100 * n) / requests.length).toFixed(0)} %`)
    .join(', ')
}
