// What the benchmarks share: output, clean-up, a scratch database, the load generator
// (autocannon) and a child process to host the servers under test.
//
// Only Node built-ins are imported at the top: run.mjs loads this before it has made
// sure node_modules is installed.
import { fork, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

// ---------------------------------------------------------------------------
// Output: progress to stderr, results (one JSON object per line) to stdout.

export function log(line) {
  process.stderr.write(`» ${line}\n`)
}

export function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

const round = (n, digits) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null)

/**
 * One result line; ratio = value / baseline. Extra fields (e.g. baselineCase) follow
 * the required ones.
 */
export function resultLine({ bench, case: name, value, unit, baseline, digits = 1, ...extra }) {
  return {
    bench,
    case: name,
    value: round(value, digits),
    unit,
    baseline: round(baseline, digits),
    ratio: round(baseline > 0 ? value / baseline : NaN, 3),
    ...extra,
  }
}

/** The q-quantile (0..1) of a list of numbers, nearest-rank. */
export function quantile(values, q) {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]
}

// ---------------------------------------------------------------------------
// Clean-up that must also run on SIGINT/SIGTERM and on the run's deadline.

const cleanups = []

/** Registers fn to run (once, last registered first); returns a function that runs it now. */
export function addCleanup(fn) {
  const entry = { fn, done: false }
  cleanups.push(entry)
  return async () => {
    if (entry.done) return
    entry.done = true
    cleanups.splice(cleanups.indexOf(entry), 1)
    await fn()
  }
}

export async function runCleanups() {
  while (cleanups.length > 0) {
    const entry = cleanups.pop()
    if (entry.done) continue
    entry.done = true
    try {
      await entry.fn()
    } catch (err) {
      log(`Oprydning fejlede: ${err instanceof Error ? err.message : String(err)}`)
      process.exitCode = 1
    }
  }
}

// ---------------------------------------------------------------------------
// Scratch database: naevn_bench_<pid>, dropped at the end.

/**
 * The environment of the app under a bench: its own Redis prefix (its keys deleted at the
 * end), throwaway secrets, and the per-IP limits lifted, since all the load comes from
 * 127.0.0.1. With `mail`, a temporary mail folder (removed at the end). `extra` adds or
 * overrides settings.
 */
export async function benchAppEnv({ env, services, databaseUrl, prefix, mail = false, logLevel = 'silent', extra = {} }) {
  const queuePrefix = `bench-${prefix}-${process.pid}-${randomBytes(3).toString('hex')}`
  addCleanup(() => deleteRedisKeys(services.redisUrl, `${queuePrefix}:*`))
  const appEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: queuePrefix,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    CPR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    PUBLIC_API_RATE_LIMIT_PER_MINUTE: '1000000',
    GRAPHQL_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: logLevel,
    ...(env.REFERENCE_DATA_DIR ? { REFERENCE_DATA_DIR: env.REFERENCE_DATA_DIR } : {}),
    ...extra,
  }
  if (mail) {
    const mailDir = await mkdtemp(join(os.tmpdir(), 'naevn-bench-mail-'))
    addCleanup(() => rm(mailDir, { recursive: true, force: true }))
    appEnv.MAIL_DIR = mailDir
  }
  return appEnv
}

export function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return err.code === 'EPERM'
  }
}

/**
 * Creates an empty database next to databaseUrl's (the role needs CREATEDB) and
 * registers its drop as a clean-up. Databases left by bench runs that were killed
 * before their clean-up are dropped first.
 */
export async function createScratchDatabase(databaseUrl) {
  const { default: pg } = await import('pg')
  const name = `naevn_bench_${process.pid}`
  const adminUrl = withDatabase(databaseUrl, 'postgres')
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^naevn_bench_[0-9]+$'`)
    for (const { datname } of stale.rows) {
      const pid = Number(datname.split('_')[2])
      if (pid === process.pid || !pidAlive(pid)) {
        log(`Fjerner efterladt benchmark-database ${datname}`)
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      }
    }
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  log(`Database ${name} oprettet`)
  return { name, url: withDatabase(databaseUrl, name), drop: dropLater(pg, adminUrl, name) }
}

/** Registers the drop of database `name` as a clean-up; returns a function that drops it now. */
function dropLater(pg, adminUrl, name) {
  return addCleanup(async () => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      // Pools report "ended" before their backends are gone; give them a moment so
      // FORCE does not cut off a client that is still closing.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
        if (rows[0].n === 0) break
        await sleep(100)
      }
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      log(`Database ${name} slettet`)
    } finally {
      await client.end()
    }
  })
}

/**
 * A copy of database `template` named `name` (CREATE DATABASE … TEMPLATE: a file copy,
 * seconds even for a bulk-loaded register), dropped by the clean-ups. A `name` left by a
 * run that was killed is dropped first. The template must have no other connections, so
 * a copy waits (up to 30 s) for them to go.
 */
export async function cloneDatabase(databaseUrl, template, name) {
  const { default: pg } = await import('pg')
  const adminUrl = withDatabase(databaseUrl, 'postgres')
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
        break
      } catch (err) {
        // 55006 object_in_use: someone is connected to the template.
        if (err.code !== '55006' || attempt >= 60) throw err
        await sleep(500)
      }
    }
  } finally {
    await admin.end()
  }
  log(`Database ${name} oprettet som kopi af ${template}`)
  return { name, url: withDatabase(databaseUrl, name), drop: dropLater(pg, adminUrl, name) }
}

// ---------------------------------------------------------------------------
// Load generation with autocannon.

/**
 * Runs autocannon against url: first `warmup` seconds (discarded), then `duration`
 * seconds measured (or `amount` requests). `requests` and `setupClient` are autocannon's
 * (see rotation). Fails unless every response has one of the expected status codes
 * and there were no errors or timeouts. Latency percentiles are computed from the
 * exact per-response times (autocannon's own histogram has whole-millisecond steps).
 *
 * @returns {Promise<{ rps: number, p50: number, p95: number, p99: number, count: number }>}
 */
export async function measureLoad({
  title,
  url,
  connections = 10,
  duration = 10,
  warmup = 2,
  method = 'GET',
  headers = {},
  body,
  setupClient,
  requests,
  expectStatus = [200],
  amount,
}) {
  const { default: autocannon } = await import('autocannon')
  const common = { url, connections, method, headers, body, setupClient, requests, timeout: 10 }

  const once = async (seconds, collect) => {
    const latencies = []
    // `amount`: this many requests instead of a duration (the measured run only).
    const instance = autocannon({ ...common, ...(collect && amount ? { amount } : { duration: seconds }) })
    if (collect) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
    const result = await instance
    const statuses = Object.keys(result.statusCodeStats ?? {}).map(Number)
    const unexpected = statuses.filter((s) => !expectStatus.includes(s))
    if (result.errors > 0 || result.timeouts > 0 || unexpected.length > 0 || result.requests.total === 0) {
      const codes = Object.entries(result.statusCodeStats ?? {})
        .map(([s, { count }]) => `${s}×${count}`)
        .join(', ')
      throw new Error(
        `${title}: ${result.requests.total} svar (${codes || 'ingen'}), ${result.errors} fejl, ${result.timeouts} timeouts; forventede kun ${expectStatus.join('/')}.`,
      )
    }
    return { result, latencies }
  }

  if (warmup > 0) await once(warmup, false)
  const { result, latencies } = await once(duration, true)
  const rps = result.requests.total / result.duration
  const p50 = quantile(latencies, 0.5)
  const p95 = quantile(latencies, 0.95)
  const p99 = quantile(latencies, 0.99)
  log(`  ${title}: ${rps.toFixed(1)} req/s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (${result.requests.total} svar, ${connections} forbindelser, ${result.duration} s)`)
  return { rps, p50, p95, p99, count: result.requests.total }
}

/**
 * An autocannon setupClient that gives each connection the list of requests (paths, or
 * { method, path, headers, body } objects) from its own starting point, so connections
 * do not move in step. `headersFor(n)` gives the n-th connection's headers (e.g. its own
 * session cookie) for requests that name none.
 */
export function rotation(requests, headersFor) {
  let next = 0
  return (client) => {
    const n = next++
    const i = n % requests.length
    const headers = headersFor?.(n)
    client.setRequests(
      [...requests.slice(i), ...requests.slice(0, i)].map((r) => {
        const req = typeof r === 'string' ? { method: 'GET', path: r } : { method: 'GET', ...r }
        return headers && !req.headers ? { ...req, headers } : req
      }),
    )
  }
}

/**
 * Sends each distinct request (a path, or { method, path, headers, body }) once and fails
 * unless it answers one of `expectStatus`: a typo in a bench's list shows before the load.
 */
export async function checkRequests(url, requests, { headers = {}, expectStatus = [200] } = {}) {
  const seen = new Set()
  for (const r of requests) {
    const req = typeof r === 'string' ? { method: 'GET', path: r } : { method: 'GET', ...r }
    const key = `${req.method} ${req.path} ${JSON.stringify(req.headers ?? headers)} ${req.body ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    const res = await fetch(`${url}${req.path}`, { method: req.method, headers: req.headers ?? headers, body: req.body, redirect: 'manual', signal: timeoutSignal(30_000) })
    await res.arrayBuffer()
    if (!expectStatus.includes(res.status)) throw new Error(`${req.method} ${req.path} gav ${res.status}, ikke ${expectStatus.join('/')}.`)
  }
  return seen.size
}

/**
 * Fixed-rate load of several kinds at once, for `duration` seconds: each part
 * ({ name, url, rate, connections, requests | setupClient, headers, expectStatus }) sends
 * `rate` requests/s over `connections` connections, each its own autocannon instance at
 * rate/connections req/s. autocannon releases a connection's quota at the start of each
 * of its seconds, in one burst, so the instances (of all parts, interleaved) start at
 * offsets spread evenly over the first second: the arrivals come close to an even stream
 * instead of one burst per second. Latencies are the exact per-response times, per part
 * and for all together; a part whose server does not keep up shows it as rps below rate.
 * Fails, after every instance has finished, when any response had an unexpected status
 * (default 200) or there were connection errors or timeouts.
 *
 * @returns {Promise<{ parts: Record<string, Stats>, total: Stats }>}
 *   where Stats = { rate, sustained, rps, p50, p95, p99, count }
 */
export async function measureRates({ parts, duration }) {
  const { default: autocannon } = await import('autocannon')
  const instances = parts.flatMap((part) => {
    const n = part.connections ?? 1
    if (part.rate % n !== 0) throw new Error(`${part.name}: ${part.rate} req/s deler ikke lige på ${n} forbindelser.`)
    return Array.from({ length: n }, () => ({ part, rate: part.rate / n }))
  })
  // Interleave the parts' instances, so each part's starts spread over the second too.
  const order = [...instances.keys()].sort((a, b) => interleaveKey(instances, a) - interleaveKey(instances, b))
  const latencies = new Map(parts.map((p) => [p.name, []]))
  const outcomes = new Map(parts.map((p) => [p.name, { count: 0, statuses: {}, errors: 0, timeouts: 0 }]))

  const runs = order.map(async (index, position) => {
    const { part, rate } = instances[index]
    await sleep(Math.round((position * 1000) / order.length))
    const instance = autocannon({
      url: part.url,
      connections: 1,
      overallRate: rate,
      duration,
      method: part.method ?? 'GET',
      headers: part.headers ?? {},
      requests: part.requests,
      setupClient: part.setupClient,
      timeout: 10,
      // Our percentiles come from the response events; autocannon's own histogram would
      // add synthetic samples for every millisecond over the expected interval.
      ignoreCoordinatedOmission: true,
    })
    const mine = latencies.get(part.name)
    instance.on('response', (_client, _status, _bytes, ms) => mine.push(ms))
    const result = await instance
    const o = outcomes.get(part.name)
    o.count += result.requests.total
    o.errors += result.errors
    o.timeouts += result.timeouts
    for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) o.statuses[status] = (o.statuses[status] ?? 0) + count
  })
  await Promise.all(runs)

  const problems = []
  for (const part of parts) {
    const o = outcomes.get(part.name)
    const expected = part.expectStatus ?? [200]
    const unexpected = Object.entries(o.statuses).filter(([s]) => !expected.includes(Number(s)))
    if (o.errors > 0 || o.timeouts > 0 || unexpected.length > 0 || o.count === 0) {
      const codes = Object.entries(o.statuses).map(([s, c]) => `${s}×${c}`).join(', ')
      problems.push(`${part.name}: ${o.count} svar (${codes || 'ingen'}), ${o.errors} fejl, ${o.timeouts} timeouts; forventede kun ${expected.join('/')}`)
    }
  }
  if (problems.length > 0) throw new Error(`Fejl under belastningen:\n  ${problems.join('\n  ')}`)

  const stats = (values, rate) => ({
    rate,
    // Kept up: at least 95 % of the rate answered within the period.
    sustained: values.length / duration >= 0.95 * rate,
    rps: values.length / duration,
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    count: values.length,
  })
  const result = { parts: {}, total: stats([...latencies.values()].flat(), parts.reduce((a, p) => a + p.rate, 0)) }
  for (const part of parts) result.parts[part.name] = stats(latencies.get(part.name), part.rate)
  return result
}

/** Sort key that interleaves instances of different parts: k-th instance of each part at k/n. */
function interleaveKey(instances, index) {
  const { part } = instances[index]
  const own = instances.filter((i) => i.part === part)
  const k = own.indexOf(instances[index])
  return (k + 0.5) / own.length + instances.findIndex((i) => i.part === part) * 1e-6
}

// ---------------------------------------------------------------------------
// The production server as a child process: node dist/server/server.js.

async function freePort() {
  const server = createServer()
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Starts the built web server (`npm run server`: dist/server/server.js, exactly what
 * production runs) on 127.0.0.1 and a free port with `env` as its whole environment
 * (plus PATH; the project's .env fills in only what env leaves unset), and waits for
 * /healthz. Its output goes to our stderr. `nodeArgs` (e.g. --trace-gc) are for looking
 * into a result, not for measuring. Stopped by the clean-ups with SIGTERM (it
 * finishes the requests in flight and closes its pools), SIGKILL after 15 s.
 *
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void> }>}
 */
export async function startServer({ root, env, name = 'serveren', nodeArgs = [] }) {
  const port = await freePort()
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'server', 'server.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 2, 2],
  })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const running = () => child.exitCode === null && child.signalCode === null
  const stop = addCleanup(async () => {
    if (running()) {
      child.kill('SIGTERM')
      const done = await Promise.race([exited.then(() => true), sleep(15_000, false)])
      if (!done && running()) {
        log(`${name} (pid ${child.pid}) lukkede ikke; dræber den.`)
        child.kill('SIGKILL')
      }
    }
    await exited
  })

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (!running()) throw new Error(`${name} stoppede under opstarten (${child.exitCode ?? child.signalCode}).`)
    try {
      const res = await fetch(`${url}/healthz`, { signal: timeoutSignal(2_000) })
      await res.arrayBuffer()
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} svarede ikke på /healthz inden 60 s.`)
    await sleep(100)
  }
  log(`${name}: ${url} (pid ${child.pid})`)
  return { url, pid: child.pid, stop }
}

/** A process's resident set size in bytes (Linux: VmRSS in /proc/<pid>/status). */
export async function rssOf(pid) {
  const { readFile } = await import('node:fs/promises')
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]
  if (!kb) throw new Error(`Ingen VmRSS i /proc/${pid}/status.`)
  return Number(kb) * 1024
}

/** CPU seconds (user + system) a process has used so far (Linux: /proc/<pid>/stat). */
export async function cpuSecondsOf(pid) {
  const { readFile } = await import('node:fs/promises')
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

// ---------------------------------------------------------------------------
// A browser's side of the app's pages: cookies, the CSRF token, logging in.

/** Aborts a request that hangs (AbortSignal.timeout, written with the linter's globals). */
export function timeoutSignal(ms) {
  const controller = new AbortController()
  setTimeout(() => controller.abort(new Error(`ingen svar inden ${ms} ms`)), ms).unref()
  return controller.signal
}

/** The "name=value" part of each Set-Cookie. */
export function cookiesOf(res) {
  return res.headers.getSetCookie().map((c) => c.split(';')[0])
}

/** GETs a page that must answer 200; its body, content type and cookies. */
export async function getPage(url, headers = {}) {
  const res = await fetch(url, { headers, redirect: 'manual', signal: timeoutSignal(10_000) })
  const body = await res.text()
  if (res.status !== 200) throw new Error(`GET ${new URL(url).pathname} gav ${res.status}, ikke 200.`)
  return { body, contentType: res.headers.get('content-type') ?? 'text/html; charset=utf-8', cookies: cookiesOf(res) }
}

/**
 * A form's CSRF token and the signed naevn_csrf cookie it belongs to, from GET /login.
 * The token stays valid with that cookie, also after logging in.
 */
export async function csrfOf(appUrl) {
  const page = await getPage(`${appUrl}/login`)
  const csrf = { token: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1], cookie: page.cookies.find((c) => c.startsWith('naevn_csrf=')) }
  if (!csrf.token || !csrf.cookie) throw new Error('GET /login gav ingen CSRF-token eller naevn_csrf-cookie.')
  return { ...csrf, page }
}

/** Logs in through the form; returns the session cookie ("naevn_session=…"). */
export async function login(appUrl, csrf, user) {
  const res = await fetch(`${appUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    signal: timeoutSignal(10_000),
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: user.email, adgangskode: user.password, _csrf: csrf.token }).toString(),
  })
  await res.arrayBuffer()
  const session = cookiesOf(res).find((c) => c.startsWith('naevn_session=') && c.length > 'naevn_session='.length)
  if (res.status !== 303 || !session) throw new Error(`POST /login gav ${res.status} uden sessionscookie; login virker ikke.`)
  return session
}

// ---------------------------------------------------------------------------
// A child process that hosts servers, driven over IPC: { id, type, ... } → { id, ok, result | error }.

/**
 * Forks `file` (its stdout goes to our stderr) and returns { call, stop }. The child is
 * stopped by the clean-ups too, and the child exits by itself when we go away.
 */
export function startChild(file, { name = 'barneproces' } = {}) {
  const child = fork(file, [], { stdio: ['ignore', 2, 2, 'ipc'], env: process.env })
  const pending = new Map()
  let nextId = 1

  child.on('message', (msg) => {
    const waiter = pending.get(msg?.id)
    if (!waiter) return
    pending.delete(msg.id)
    clearTimeout(waiter.timer)
    if (msg.ok) waiter.resolve(msg.result)
    else waiter.reject(new Error(`${name}: ${msg.error}`))
  })
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      for (const waiter of pending.values()) {
        clearTimeout(waiter.timer)
        waiter.reject(new Error(`${name} stoppede uventet (${code ?? signal}).`))
      }
      pending.clear()
      resolve({ code, signal })
    })
  })
  const running = () => child.exitCode === null && child.signalCode === null

  function call(type, payload = {}, timeoutMs = 60_000) {
    if (!running()) return Promise.reject(new Error(`${name} kører ikke.`))
    const id = nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(new Error(`${name} svarede ikke på "${type}" inden ${timeoutMs / 1000} s.`))
      }, timeoutMs)
      pending.set(id, { resolve, reject, timer })
      child.send({ id, type, ...payload })
    })
  }

  const stop = addCleanup(async () => {
    if (running()) {
      // A graceful close lets the app end its PostgreSQL pool and Redis connection.
      await call('close', {}, 15_000).catch((err) => log(err.message))
      const done = await Promise.race([exited.then(() => true), sleep(5_000, false)])
      if (!done && running()) {
        log(`${name} (pid ${child.pid}) lukkede ikke; dræber den.`)
        child.kill('SIGKILL')
      }
    }
    await exited
  })

  return { pid: child.pid, call, stop }
}

/**
 * The child's side of startChild: answers each { id, type, ... } message with
 * handlers[type] (the 'close' answer goes out before the process exits), ignores Ctrl-C
 * (the parent closes us over IPC, so the apps end their connections properly), and closes
 * and exits by itself when the parent goes away.
 */
export function serveAsChild(handlers, close) {
  process.on('message', async (msg) => {
    let reply
    try {
      const handler = handlers[msg.type]
      if (!handler) throw new Error(`ukendt besked ${msg.type}`)
      reply = { id: msg.id, ok: true, result: (await handler(msg)) ?? null }
    } catch (err) {
      reply = { id: msg.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }
    }
    if (!process.connected) return
    if (msg.type === 'close') process.send(reply, () => process.exit(0))
    else process.send(reply)
  })
  process.on('SIGINT', () => {})
  process.on('disconnect', () => {
    const timer = setTimeout(() => process.exit(1), 5_000)
    close().finally(() => {
      clearTimeout(timer)
      process.exit(0)
    })
  })
}

// ---------------------------------------------------------------------------
// Redis: a run's keys live under its own QUEUE_PREFIX and are deleted afterwards.

export async function deleteRedisKeys(redisUrl, pattern) {
  const { Redis } = await import('ioredis')
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: () => null })
  redis.on('error', () => {})
  try {
    await redis.connect()
    let cursor = '0'
    let deleted = 0
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500)
      cursor = nextCursor
      if (keys.length > 0) deleted += await redis.del(...keys)
    } while (cursor !== '0')
    if (deleted > 0) log(`Slettede ${deleted} Redis-nøgler (${pattern})`)
  } finally {
    redis.disconnect()
  }
}
