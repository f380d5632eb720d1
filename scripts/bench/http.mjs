// Bench "http": the app over real HTTP on 127.0.0.1, each case next to a baseline
// measured in the same run, so the ratio holds on a small, noisy machine.
//
//   forside-anonym    GET /login without cookies (DKFDS page with a fresh CSRF token)
//   side-med-session  GET /sagsbehandling as a logged-in caseworker (session row check,
//                     principal load, board query, render); one session per connection
//   readyz            GET /readyz (pings PostgreSQL and Redis)
//       baseline: a plain Fastify route on the same machine sending the same bytes
//       (the page captured from the app), same connections and duration.
//   login             POST /login with the right password (argon2id dominates)
//       baseline: verifyPassword (argon2id) called directly in-process with the same
//       concurrency.
//
// Each case gives two lines: throughput (req/s) and p99 latency (ms, case "<name>-p99").
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { benchAppEnv, csrfOf, createScratchDatabase, getPage, login, measureLoad, quantile, resultLine, runCleanups, startChild } from './lib.mjs'

const BENCH = 'http'
const PAGE = { connections: 10, duration: 10, warmup: 2 }
const LOGIN = { connections: 2, duration: 5, warmup: 1 }
const ARGON2 = { concurrency: LOGIN.connections, seconds: 4, warmupSeconds: 0.5 }
const SESSIONS = PAGE.connections

const serverFile = fileURLToPath(new URL('./http-server.mjs', import.meta.url))

export async function run({ root, env, services, log, emit }) {
  const dist = (...parts) => pathToFileURL(join(root, 'dist', 'server', ...parts)).href
  const { loadConfig } = await import(dist('platform', 'config.js'))

  try {
    // --- Services: scratch database, mail dir, Redis prefix -----------------------
    const scratch = await createScratchDatabase(services.databaseUrl)
    const appEnv = await benchAppEnv({ env, services, databaseUrl: scratch.url, prefix: 'http', mail: true })
    const config = loadConfig(appEnv)

    log('Migrerer og indsætter testdata…')
    const caseworker = await seed({ dist, url: scratch.url, referenceDataDir: config.referenceDataDir })

    // --- Servers -------------------------------------------------------------------
    const server = startChild(serverFile, { name: 'bench-serveren' })
    const { appPort, basePort } = await server.call('start', { root, env: appEnv })
    const appUrl = `http://127.0.0.1:${appPort}`
    const baseUrl = `http://127.0.0.1:${basePort}`
    log(`App på ${appUrl}, baseline på ${baseUrl} (pid ${server.pid})`)

    // --- Check each route once, capture the bodies for the baseline ---------------
    const csrf = await csrfOf(appUrl)
    const loginPage = csrf.page

    const sessions = []
    for (let i = 0; i < SESSIONS; i++) sessions.push(await login(appUrl, csrf, caseworker))
    const sagsbehandling = await getPage(`${appUrl}/sagsbehandling`, { cookie: sessions[0] })
    if (!sagsbehandling.body.includes(caseworker.naevnNavn)) {
      throw new Error('GET /sagsbehandling viste ikke sagsbehandlerens nævn; sessionen virker ikke.')
    }
    const readyz = await getPage(`${appUrl}/readyz`)

    const pages = [
      { name: 'forside-anonym', path: '/login', page: loginPage },
      {
        name: 'side-med-session',
        path: '/sagsbehandling',
        page: sagsbehandling,
        // One session per connection, as separate browsers would have.
        setupClient: (() => {
          let next = 0
          return (client) => client.setHeaders({ cookie: sessions[next++ % sessions.length] })
        })(),
      },
      { name: 'readyz', path: '/readyz', page: readyz },
    ]
    for (const p of pages) {
      const bytes = await server.call('baseline', { name: p.name, body: p.page.body, contentType: p.page.contentType })
      p.baselineCase = `plain-fastify-same-body-${bytes}B`
    }

    // --- Page cases: baseline, then the app, back to back --------------------------
    for (const p of pages) {
      log(`${p.name}: ${p.path} mod en ren Fastify-rute med samme ${Buffer.byteLength(p.page.body)} bytes`)
      const base = await measureLoad({ title: `baseline ${p.name}`, url: `${baseUrl}/plain/${p.name}`, ...PAGE })
      const app = await measureLoad({ title: `app ${p.path}`, url: `${appUrl}${p.path}`, setupClient: p.setupClient, ...PAGE })
      const extra = { baselineCase: p.baselineCase, connections: PAGE.connections, seconds: PAGE.duration }
      emit(resultLine({ bench: BENCH, case: p.name, value: app.rps, unit: 'req/s', baseline: base.rps, ...extra }))
      emit(resultLine({ bench: BENCH, case: `${p.name}-p99`, value: app.p99, unit: 'ms', baseline: base.p99, digits: 2, ...extra }))
    }

    // --- Login: over HTTP, then argon2 alone in-process ---------------------------
    log(`login: POST /login med ${LOGIN.connections} forbindelser i ${LOGIN.duration} s`)
    const form = new URLSearchParams({ email: caseworker.email, adgangskode: caseworker.password, _csrf: csrf.token }).toString()
    const logins = await measureLoad({
      title: 'app POST /login',
      url: `${appUrl}/login`,
      method: 'POST',
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      expectStatus: [303],
      ...LOGIN,
    })
    const argon2 = await argon2Baseline({ dist, caseworker, log })
    const loginExtra = {
      baselineCase: `argon2id-verifyPassword-in-process-x${ARGON2.concurrency}`,
      connections: LOGIN.connections,
      seconds: LOGIN.duration,
    }
    emit(resultLine({ bench: BENCH, case: 'login', value: logins.rps, unit: 'logins/s', baseline: argon2.rate, digits: 2, ...loginExtra }))
    emit(resultLine({ bench: BENCH, case: 'login-p99', value: logins.p99, unit: 'ms', baseline: argon2.p99, digits: 2, ...loginExtra }))
  } finally {
    // Child first (it holds the database's connections), then Redis keys, mail dir, database.
    await runCleanups()
  }
}

/** Migrates the scratch database and adds two boards and a caseworker in both. */
async function seed({ dist, url, referenceDataDir }) {
  const { createDatabase } = await import(dist('platform', 'db', 'database.js'))
  const { migrateToLatest } = await import(dist('platform', 'db', 'migrate.js'))
  const { hashPassword } = await import(dist('kerne', 'auth', 'passwords.js'))
  const { readKommuner } = await import(dist('kerne', 'referencedata', 'kommuner.js'))

  const db = createDatabase(url, 2)
  try {
    await migrateToLatest(db)
    const kommuner = await readKommuner(referenceDataDir)
    await db
      .insertInto('kommuner')
      .values(kommuner.map((k) => ({ kommunekode: k.kommunekode, navn: k.navn, regionskode: k.regionskode, regionsnavn: k.regionsnavn })))
      .execute()

    const boards = []
    for (const [type, navn, rolle] of [
      ['huslejenaevn', 'Huslejenævnet for Benchmark Kommune', 'sagsbehandler'],
      ['beboerklagenaevn', 'Beboerklagenævnet for Benchmark Kommune', 'sekretariatsleder'],
    ]) {
      const board = await db.insertInto('naevn').values({ type, navn }).returning(['id', 'type', 'navn']).executeTakeFirstOrThrow()
      await db
        .insertInto('naevn_kommuner')
        .values(kommuner.slice(0, 5).map((k) => ({ naevn_id: board.id, naevn_type: type, kommunekode: k.kommunekode })))
        .execute()
      boards.push({ ...board, rolle })
    }

    const password = `bench-${randomBytes(12).toString('hex')}`
    const user = await db
      .insertInto('users')
      .values({
        navn: 'Bente Benchmark',
        email: 'sagsbehandler@bench.invalid',
        password_hash: await hashPassword(password),
        is_admin: false,
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow()
    for (const board of boards) {
      await db.insertInto('naevn_medlemskaber').values({ user_id: user.id, naevn_id: board.id, rolle: board.rolle }).execute()
    }
    return { email: user.email, password, naevnNavn: boards[0].navn }
  } finally {
    await db.destroy()
  }
}

/**
 * argon2id on its own: the app's verifyPassword against the caseworker's hash, called
 * by `concurrency` loops at once for a fixed time, in this process. Also logs how long
 * one hashPassword takes.
 */
async function argon2Baseline({ dist, caseworker, log }) {
  const { hashPassword, verifyPassword } = await import(dist('kerne', 'auth', 'passwords.js'))
  const hashTimes = []
  let hash
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    hash = await hashPassword(caseworker.password)
    hashTimes.push(performance.now() - t)
  }

  const loop = async (seconds, latencies) => {
    const started = performance.now()
    const end = started + seconds * 1000
    let count = 0
    await Promise.all(
      Array.from({ length: ARGON2.concurrency }, async () => {
        while (performance.now() < end) {
          const t = performance.now()
          if (!(await verifyPassword(hash, caseworker.password))) throw new Error('verifyPassword afviste den rigtige adgangskode.')
          latencies?.push(performance.now() - t)
          count++
        }
      }),
    )
    return count / ((performance.now() - started) / 1000)
  }

  await loop(ARGON2.warmupSeconds)
  const latencies = []
  const rate = await loop(ARGON2.seconds, latencies)
  const p99 = quantile(latencies, 0.99)
  log(
    `  argon2id in-process: hashPassword ${quantile(hashTimes, 0.5).toFixed(1)} ms (median af 3), ` +
      `verifyPassword ${rate.toFixed(2)}/s med ${ARGON2.concurrency} samtidige, p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
  )
  return { rate, p99 }
}
