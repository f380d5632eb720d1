// Bench "blandet": a mixed load on the production server (node dist/server/server.js, a
// child process) at a fixed rate for 60 s, the four kinds of traffic at once, each from
// its own autocannon instances (so each has its own latencies):
//
//   soegning      GET /afgoerelser?q=…  the public search page; common and rare words,
//                 by relevance and by date, some with a filter or page 2
//   afgoerelse    GET /afgoerelser/:id  public decision pages: 3,000 different ones, a
//                 few popular and a long tail (see populaere), so the page cache both hits
//                 and turns over
//   indbakke      GET /sagsbehandling?… the caseworkers' inbox (new, mine, open, all,
//                 overdue, a search, a sort), three logged-in caseworkers
//   indsendelse   POST /indbringelse/:id/indsend  a citizen submits a filing: each
//                 request submits its own draft, made beforehand through the JSON API
//                 and the fee step exactly as the wizard leaves it, so every request is
//                 the wizard's real last step (status change, indbringelsesnummer and
//                 sagsnummer, journal, outbox row) and creates a real case; the answer
//                 is the 303 to /sager/:id?indsendt=1, checked per response and counted
//                 in the database afterwards
//
// Rate: 115 requests/s in all (soegning 20, afgoerelse 60, indbakke 30, indsendelse 5),
// each kind over one connection per 5 req/s. Chosen by measuring on the 2-core machine
// this was built on (server, PostgreSQL and autocannon on the same two cores, shared with
// other engineers' test runs): with the search page at 40/s (135/s in all) the rate was
// kept once (p99 129 ms, load average ~4) and missed twice (125 and 77 of 135/s at load
// averages ~8 and 11+), while the server process itself used only ~35 % of one core: the
// search's PostgreSQL work is what runs out. The line "samlet" gives the server process's
// CPU during the load (serverCpuPercentOfOneCore); each kind's line says whether its rate
// was kept (fuld.sustained: ≥ 95 % answered within the 60 s).
//
// The baseline, measured in the same run just before: the same mix at a tenth of the
// rate (one connection per kind, indsendelse at 1/s) for 20 s, after a 5 s warm-up at
// the full rate. ratio = p99 at the full rate / p99 at the low rate, per kind and for
// all together: how much the load itself costs in latency.
//
// Errors must be 0: any status but 200 (303 for the submissions), any connection error
// or timeout fails the bench.
//
// The database: a copy (CREATE DATABASE … TEMPLATE) of the search bench's register of
// 20,000 bulk-seeded decisions (naevn_soegbench_<hash>_20000, made the first time in
// ~30 s and kept), plus the demo seed (npm run seed: accounts, boards, cases, meetings),
// named naevn_blandet_bench and dropped afterwards.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  benchAppEnv,
  checkRequests,
  cloneDatabase,
  cpuSecondsOf,
  csrfOf,
  login,
  measureRates,
  resultLine,
  rotation,
  runCleanups,
  startServer,
  timeoutSignal,
} from './lib.mjs'
import { kildeHash, register } from './soegning.mjs'

const BENCH = 'blandet'
const SEKUNDER = 60
const OPVARMNING = 5
const BASELINE_SEKUNDER = 20
/** req/s per kind at full load; one connection per 5 req/s. */
const RATER = { soegning: 20, afgoerelse: 60, indbakke: 30, indsendelse: 5 }
const PR_FORBINDELSE = 5
const demoPassword = 'demo-adgangskode'

export async function run({ root, env, services, log, emit }) {
  try {
    const verden = await benchVerden({ root, env, services, log, databasenavn: 'naevn_blandet_bench' })
    const { url } = verden

    // Drafts: one per submission at full and low rate, and a margin.
    const behov = RATER.indsendelse * (OPVARMNING + SEKUNDER) + Math.max(1, RATER.indsendelse / 10) * BASELINE_SEKUNDER
    const kladder = await lavKladder({ url, csrf: verden.csrf, session: verden.borgere[0], antal: Math.ceil(behov * 1.1) + 10, log })

    // Each GET once: a bad address shows now, not as errors under load.
    await checkRequests(url, [...soegeStier(verden.ord), ...verden.afgoerelser.slice(0, 50).map((id) => `/afgoerelser/${id}`)])
    await checkRequests(url, indbakkeStier, { headers: { cookie: verden.sagsbehandlere[0] } })

    const dele = (rater, forbindelser) => {
      const indsendte = { ok: 0, forkert: 0 }
      return {
        indsendte,
        parts: [
          { name: 'soegning', url, rate: rater.soegning, connections: forbindelser(rater.soegning), setupClient: rotation(soegeStier(verden.ord)) },
          { name: 'afgoerelse', url, rate: rater.afgoerelse, connections: forbindelser(rater.afgoerelse), setupClient: rotation(populaere(verden.afgoerelser, 3000).map((id) => `/afgoerelser/${id}`)) },
          {
            name: 'indbakke',
            url,
            rate: rater.indbakke,
            connections: forbindelser(rater.indbakke),
            setupClient: rotation(indbakkeStier, (n) => ({ cookie: verden.sagsbehandlere[n % verden.sagsbehandlere.length] })),
          },
          {
            name: 'indsendelse',
            url,
            rate: rater.indsendelse,
            connections: forbindelser(rater.indsendelse),
            expectStatus: [303],
            requests: [indsendRequest({ kladder, csrf: verden.csrf, session: verden.borgere[0], indsendte })],
          },
        ],
      }
    }

    log(`Opvarmning: ${OPVARMNING} s ved ${sum(RATER)} req/s`)
    const opvarmning = dele(RATER, (r) => r / PR_FORBINDELSE)
    await measureRates({ parts: opvarmning.parts, duration: OPVARMNING })

    const lave = Object.fromEntries(Object.entries(RATER).map(([k, r]) => [k, Math.max(1, Math.round(r / 10))]))
    log(`Baseline: samme blanding ved ${sum(lave)} req/s i ${BASELINE_SEKUNDER} s`)
    const lav = dele(lave, () => 1)
    const baseline = await measureRates({ parts: lav.parts, duration: BASELINE_SEKUNDER })
    logStats(log, baseline)

    log(`Belastning: ${sum(RATER)} req/s i ${SEKUNDER} s (${Object.entries(RATER).map(([k, r]) => `${k} ${r}`).join(', ')})`)
    const fuld = dele(RATER, (r) => r / PR_FORBINDELSE)
    const cpuFoer = await cpuSecondsOf(verden.pid)
    const maalt = await measureRates({ parts: fuld.parts, duration: SEKUNDER })
    // The server process's share of one core during the load (PostgreSQL not included).
    const serverCpu = Math.round(((await cpuSecondsOf(verden.pid)) - cpuFoer) / SEKUNDER * 100)
    logStats(log, maalt)
    log(`  serverprocessen brugte ${serverCpu} % af én kerne`)

    // Every submission answered 303 to its new case, and the cases exist. (A request in
    // flight when a period ends may have made its case without its answer being counted.)
    const faser = [opvarmning, lav, fuld]
    const ok303 = faser.reduce((a, f) => a + f.indsendte.ok, 0)
    const forkert = faser.reduce((a, f) => a + f.indsendte.forkert, 0)
    if (forkert > 0) throw new Error(`${forkert} indsendelser svarede 303 et andet sted hen end til den nye sag.`)
    const sendt = kladder.brugt()
    const sager = await indbragteSager(verden.databaseUrl, sendt)
    if (sager < ok303 || sager > sendt.length) throw new Error(`${ok303} indsendelser svarede 303 (${sendt.length} sendt), men ${sager} kladder er blevet til sager.`)
    log(`  ${sendt.length} kladder sendt ind, ${ok303} svar 303, ${sager} nye sager med sagsnummer.`)

    const rund = (n) => Number(n.toFixed(2))
    const tal = (s) => ({ rate: s.rate, rps: rund(s.rps), sustained: s.sustained, p50: rund(s.p50), p95: rund(s.p95), p99: rund(s.p99), requests: s.count })
    const linje = (navn, s, b, extra) =>
      resultLine({
        bench: BENCH,
        case: `${navn}-p99`,
        value: s.p99,
        unit: 'ms',
        baseline: b.p99,
        digits: 2,
        baselineCase: `samme-blanding-ved-${b.rate}-req/s`,
        errors: 0,
        seconds: SEKUNDER,
        ...extra,
        fuld: tal(s),
        lav: tal(b),
      })
    for (const [navn, s] of Object.entries(maalt.parts)) {
      emit(linje(navn, s, baseline.parts[navn], { route: ruter[navn], ...(navn === 'indsendelse' ? { sager } : {}) }))
    }
    emit(linje('samlet', maalt.total, baseline.total, { route: 'alle fire', decisions: 20_000, serverCpuPercentOfOneCore: serverCpu }))
  } finally {
    await runCleanups()
  }
}

const ruter = {
  soegning: 'GET /afgoerelser?q=',
  afgoerelse: 'GET /afgoerelser/:id',
  indbakke: 'GET /sagsbehandling',
  indsendelse: 'POST /indbringelse/:id/indsend',
}

const sum = (rater) => Object.values(rater).reduce((a, b) => a + b, 0)

function logStats(log, { parts, total }) {
  for (const [navn, s] of [...Object.entries(parts), ['samlet', total]]) {
    log(`  ${navn.padEnd(12)} ${s.rps.toFixed(1).padStart(6)} req/s (mål ${s.rate}${s.sustained ? '' : ', NÅET IKKE'}), p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.count} svar`)
  }
}

// ---------------------------------------------------------------------------
// The world both this bench and hukommelse run in.

/**
 * The register copy with the demo seed, the production server on it, and sessions:
 * three caseworkers of Huslejenævnet i København and the two demo citizens. Everything
 * is undone by the clean-ups (server, Redis keys, mail folder, database).
 */
export async function benchVerden({ root, env, services, log, databasenavn, nodeArgs }) {
  const dist = (...parts) => pathToFileURL(join(root, 'dist', ...parts)).href
  const skabelon = await register({ root, dist, env, databaseUrl: services.databaseUrl, hash: kildeHash(root), antal: 20_000, log })
  const db = await cloneDatabase(services.databaseUrl, new URL(skabelon).pathname.slice(1), databasenavn)

  const metricsToken = randomBytes(24).toString('hex')
  const appEnv = await benchAppEnv({ env, services, databaseUrl: db.url, prefix: databasenavn, mail: true, logLevel: 'warn', extra: { METRICS_TOKEN: metricsToken } })

  log('Demo-data (npm run seed) i kopien…')
  const { loadConfig } = await import(dist('server', 'platform', 'config.js'))
  const { createDatabase } = await import(dist('server', 'platform', 'db', 'database.js'))
  const { seed } = await import(dist('scripts', 'seed', 'seed.js'))
  const { hyppigeOrd, saeldneOrd } = await import(dist('scripts', 'seed-bulk', 'tekst.js'))
  const config = loadConfig(appEnv)
  const kysely = createDatabase(db.url, 2)
  let afgoerelser
  try {
    await seed(kysely, { referenceDataDir: config.referenceDataDir, demo: true, config })
    // 3,000 published decisions spread over the register, in a fixed order.
    const { rows } = await sqlQuery(db.url, `SELECT id FROM register_afgoerelser WHERE status = 'publiceret' ORDER BY md5(id::text) LIMIT 3000`)
    afgoerelser = rows.map((r) => r.id)
    if (afgoerelser.length < 3000) throw new Error(`Registret har kun ${afgoerelser.length} offentliggjorte afgørelser.`)
  } finally {
    await kysely.destroy()
  }

  const server = await startServer({ root, env: { ...env, ...appEnv }, name: `serveren (${databasenavn})`, nodeArgs })
  const csrf = await csrfOf(server.url)
  const konto = (email) => ({ email, password: demoPassword })
  const sagsbehandlere = []
  for (const email of ['sagsbehandler1.kbh@demo.naevn.dk', 'sagsbehandler2.kbh@demo.naevn.dk', 'leder.kbh@demo.naevn.dk']) {
    sagsbehandlere.push(await login(server.url, csrf, konto(email)))
  }
  const borgere = []
  for (const email of ['lejer@demo.naevn.dk', 'udlejer@demo.naevn.dk']) borgere.push(await login(server.url, csrf, konto(email)))
  log(`Logget ind: ${sagsbehandlere.length} sagsbehandlere og ${borgere.length} borgere`)

  return {
    url: server.url,
    pid: server.pid,
    databaseUrl: db.url,
    metricsToken,
    csrf,
    sagsbehandlere,
    borgere,
    afgoerelser,
    ord: { hyppige: [...hyppigeOrd], sjaeldne: saeldneOrd.map(([o]) => o) },
  }
}

export async function sqlQuery(url, text, values = []) {
  const { default: pg } = await import('pg')
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await c.query(text, values)
  } finally {
    await c.end()
  }
}

/**
 * `n` picks from `ids` as visitors pick decisions: a few are read often, most rarely
 * (the k-th pick is ids[⌊len·u³⌋] for u spread evenly over [0, 1) in a fixed, shuffled
 * order: ~45 % of the picks fall on the first tenth). So the page cache (2,000 pages)
 * answers the popular ones while the long tail keeps it turning over.
 */
export function populaere(ids, n) {
  const golden = 0.6180339887498949
  return Array.from({ length: n }, (_, k) => ids[Math.floor(ids.length * ((k * golden) % 1) ** 3)])
}

/** The search page: every word by relevance and by date, and some with a filter or page 2. */
export function soegeStier({ hyppige, sjaeldne }) {
  const q = (ord, rest = '') => `/afgoerelser?q=${encodeURIComponent(ord)}${rest}`
  return [
    ...[...hyppige, ...sjaeldne].flatMap((ord) => [q(ord, '&sortering=relevans'), q(ord, '&sortering=dato')]),
    q(hyppige[0], '&naevnType=RENT_BOARD'),
    q(sjaeldne[0], '&naevnType=RESIDENT_COMPLAINTS_BOARD&sortering=dato'),
    q(hyppige[1], '&side=2'),
    q(`"${hyppige[0]}" -${sjaeldne[1]}`),
    q(`${sjaeldne[2]} OR ${sjaeldne[3]}`),
    '/afgoerelser',
    '/afgoerelser?sortering=dato&side=3',
  ]
}

export const indbakkeStier = [
  '/sagsbehandling',
  '/sagsbehandling?visning=mine',
  '/sagsbehandling?visning=aabne',
  '/sagsbehandling?visning=alle',
  '/sagsbehandling?visning=overskredne',
  '/sagsbehandling?visning=alle&sort=-indbragt',
  '/sagsbehandling?visning=alle&q=N%C3%B8rregade',
  '/sagsbehandling?visning=aabne&sort=sagsnummer&side=2',
]

// ---------------------------------------------------------------------------
// Filings.

const gader = ['Nørregade', 'Blågårdsgade', 'Istedgade', 'Amagerbrogade', 'Frederikssundsvej', 'Østerbrogade', 'Jagtvej']
const postnumre = ['1165', '2200', '2300', '2100', '2400']

/**
 * `antal` complete drafts owned by the citizen, as the wizard leaves them before its last
 * step: created and filled through the JSON API (POST /api/v1/sager, PATCH with who, the
 * tenancy, the parties and the case), the fee seen through the wizard's own form. Four at
 * a time. Returns { next(): id, brugt(): ids handed out }.
 */
async function lavKladder({ url, csrf, session, antal, log }) {
  const started = Date.now()
  const cookie = `${session}; ${csrf.cookie}`
  const json = { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf.token }
  const kald = async (metode, sti, { headers = json, body, forventet }) => {
    const res = await fetch(`${url}${sti}`, { method: metode, headers, body, redirect: 'manual', signal: timeoutSignal(30_000) })
    const text = await res.text()
    if (res.status !== forventet) throw new Error(`${metode} ${sti} gav ${res.status}, ikke ${forventet}: ${text.slice(0, 300)}`)
    return text
  }
  const ids = []
  let i = 0
  const en = async () => {
    const n = i++
    const { id } = JSON.parse(await kald('POST', '/api/v1/sager', { body: '{}', forventet: 201 }))
    await kald('PATCH', `/api/v1/sager/${id}`, {
      forventet: 200,
      body: JSON.stringify({
        hvem: { indbringerRolle: 'lejer', repraesentantType: null },
        lejemaal: { vejnavn: gader[n % gader.length], husnummer: String(1 + (n % 97)), etage: String(n % 5), doer: 'th', postnr: postnumre[n % postnumre.length], kommunekode: 101, lejemaalType: 'privat' },
        parter: {
          mig: { navn: 'Camilla Nørgaard', cprEllerCvr: '010190-1234', email: 'lejer@demo.naevn.dk' },
          modpart: { navn: `Ejendomsselskabet ${n} ApS` },
        },
        sagen: {
          formaal: 'klage',
          sagsomraader: ['vedligeholdelse'],
          beskrivelse: `Udlejer vil ikke udbedre fugtskaden i soveværelset, selv om vi har klaget tre gange (kladde ${n}).`,
        },
      }),
    })
    await kald('POST', `/indbringelse/${id}/gebyr`, {
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf.token }).toString(),
      forventet: 303,
    })
    ids.push(id)
  }
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (i < antal) await en()
    }),
  )
  log(`${ids.length} kladder klar til indsendelse på ${((Date.now() - started) / 1000).toFixed(1)} s`)
  let brugt = 0
  return {
    /** The next unused draft; when they have run out, an id no draft has (answers 404: an error). */
    next: () => {
      if (brugt < ids.length) return ids[brugt++]
      if (brugt++ === ids.length) log('Kladderne slap op; resten af indsendelserne giver 404.')
      return '00000000-0000-4000-8000-000000000000'
    },
    brugt: () => ids.slice(0, brugt),
  }
}

/**
 * The submission as autocannon sends it: each request takes the next unused draft
 * (setupRequest runs before every request) and checks that the answer is the 303 to the
 * new case's page.
 */
function indsendRequest({ kladder, csrf, session, indsendte }) {
  return {
    method: 'POST',
    setupRequest: (req) => {
      const id = kladder.next()
      return {
        ...req,
        path: `/indbringelse/${id}/indsend`,
        headers: { cookie: `${session}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf.token }).toString(),
      }
    },
    onResponse: (status, _body, _context, headers) => {
      if (status !== 303) return
      if (/^\/sager\/[0-9a-f-]+\?indsendt=1$/.test(headers.location ?? '')) indsendte.ok++
      else indsendte.forkert++
    },
  }
}

/** How many of the drafts have become filed cases (status past kladde, with a sagsnummer). */
async function indbragteSager(databaseUrl, ids) {
  if (ids.length === 0) return 0
  const { rows } = await sqlQuery(databaseUrl, `SELECT count(*)::int AS n FROM sager WHERE id = ANY($1::uuid[]) AND status <> 'kladde' AND sagsnummer IS NOT NULL`, [ids])
  return rows[0].n
}
