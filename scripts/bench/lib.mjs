// What the benchmarks share: output, clean-up, a scratch database, the load generator
// (autocannon) and a child process to host the servers under test.
//
// Only Node built-ins are imported at the top: run.mjs loads this before it has made
// sure node_modules is installed.
import { fork } from 'node:child_process'
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

  const drop = addCleanup(async () => {
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
  return { name, url: withDatabase(databaseUrl, name), drop }
}

// ---------------------------------------------------------------------------
// Load generation with autocannon.

/**
 * Runs autocannon against url: first `warmup` seconds (discarded), then `duration`
 * seconds measured. Fails unless every response has one of the expected status codes
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
  expectStatus = [200],
}) {
  const { default: autocannon } = await import('autocannon')
  const common = { url, connections, method, headers, body, setupClient, timeout: 10 }

  const once = async (seconds, collect) => {
    const latencies = []
    const instance = autocannon({ ...common, duration: seconds })
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
