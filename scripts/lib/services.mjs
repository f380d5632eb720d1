// Makes sure PostgreSQL (>=15) and Redis (>=7) are reachable before the
// server or the tests start.
//
// A user-given DATABASE_URL / REDIS_URL is only checked. For the default
// local URLs we also start the local service, install it (as root on
// Debian/Ubuntu via apt-get) and provision the `naevn` role and database.
// Every failure is reported as an Error whose message is one clear sentence.

import { spawnSync } from 'node:child_process';
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import Redis from 'ioredis';

export const DEFAULT_DATABASE_URL = 'postgres://naevn:naevn@127.0.0.1:5432/naevn';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const MIN_PG_VERSION_NUM = 150000;
const MIN_REDIS_MAJOR = 7;
const PG_CONNECT_TIMEOUT_MS = 5_000;
const PG_START_WAIT_MS = 30_000;
const REDIS_TIMEOUT_MS = 3_000;
const REDIS_START_WAIT_MS = 15_000;
const APT_UPDATE_TIMEOUT_MS = 10 * 60 * 1000;
const APT_INSTALL_TIMEOUT_MS = 30 * 60 * 1000;
const COMMAND_TIMEOUT_MS = 60_000;

/**
 * @param {{ env: Record<string, string | undefined>, log?: (line: string) => void,
 *           defaults?: { databaseUrl?: string, redisUrl?: string } }} options
 *   `defaults` is internal (for testing the start/provision paths on spare
 *   ports); it replaces the built-in default URLs.
 * @returns {Promise<{ databaseUrl: string, redisUrl: string }>}
 */
export async function ensureServices({ env, log = () => {}, defaults = {} }) {
  const state = { aptUpdated: false };
  const databaseUrl = env.DATABASE_URL
    ? await checkPostgres(env.DATABASE_URL, log)
    : await ensureLocalPostgres(defaults.databaseUrl ?? DEFAULT_DATABASE_URL, log, state);
  const redisUrl = env.REDIS_URL
    ? await checkRedis(env.REDIS_URL, log)
    : await ensureLocalRedis(defaults.redisUrl ?? DEFAULT_REDIS_URL, log, state);
  return { databaseUrl, redisUrl };
}

/** Hides the password of a URL so it can be logged. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return String(url).replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

// ---------------------------------------------------------------------------
// Generic helpers

/** Finds an executable on PATH (plus the sbin dirs, which non-login root shells may lack). */
function which(command) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const extra of ['/usr/local/sbin', '/usr/sbin', '/sbin']) if (!dirs.includes(extra)) dirs.push(extra);
  for (const dir of dirs) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, fsConstants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a command synchronously; never throws, always has a timeout. */
function run(file, args, { timeout = COMMAND_TIMEOUT_MS, input, inherit = false, env } = {}) {
  const result = spawnSync(file, args, {
    encoding: 'utf8',
    timeout,
    input,
    cwd: '/', // e.g. runuser -u postgres cannot read the repo dir
    env: env ? { ...process.env, ...env } : process.env,
    stdio: inherit ? 'inherit' : ['pipe', 'pipe', 'pipe'],
  });
  const ok = !result.error && result.status === 0;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim();
  const firstLine = output.split('\n').find((line) => line.trim()) ?? '';
  const reason = result.error
    ? result.error.code === 'ETIMEDOUT' ? 'timed out' : result.error.message
    : result.status !== 0 ? firstLine.trim() || `exit code ${result.status ?? result.signal}` : '';
  return { ok, status: result.status, stdout: result.stdout ?? '', output, reason };
}

/** apt-get install with progress shown to the user; runs apt-get update once per process. */
function aptInstall(packages, state, log) {
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!state.aptUpdated) {
    log('apt-get update');
    const update = run('apt-get', ['update'], { inherit: true, timeout: APT_UPDATE_TIMEOUT_MS, env });
    if (!update.ok) return update;
    state.aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(' ')}`);
  return run('apt-get', ['install', '-y', ...packages], { inherit: true, timeout: APT_INSTALL_TIMEOUT_MS, env });
}

const canAptInstall = () => isRoot() && which('apt-get') !== null;

/** Network error code of an error, looking inside AggregateErrors (happy eyeballs). */
function netCode(err) {
  if (!err) return undefined;
  if (typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) return err.code;
  for (const inner of err.errors ?? []) {
    const code = netCode(inner);
    if (code) return code;
  }
  return undefined;
}

/** Short reason for an error, for use inside a sentence. */
function reasonOf(err) {
  const code = netCode(err);
  if (code) return code;
  if (/timeout/i.test(err?.message ?? '')) return 'timed out';
  // pg's wording when the server wants a password but none was given.
  if (/client password must be a string/.test(err?.message ?? '')) return 'a password is required';
  return String(err?.message ?? err).split('\n')[0].replace(/\.$/, '');
}

const isLocalHost = (host) => ['127.0.0.1', 'localhost', '::1', ''].includes(host);

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;
const quoteLiteral = (value) => `'${String(value).replace(/'/g, "''")}'`;

// ---------------------------------------------------------------------------
// PostgreSQL

function parsePgUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL: set it like postgres://user:password@host:5432/database.');
  }
  const user = decodeURIComponent(parsed.username) || undefined;
  // URL keeps the brackets of an IPv6 literal; pg and the messages want it bare.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1') || parsed.searchParams.get('host') || 'localhost';
  return {
    url,
    host,
    port: Number(parsed.port || 5432),
    user,
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user,
    where: `${parsed.hostname || host}:${parsed.port || 5432}`,
  };
}

/** The same URL, pointing at another database. */
function withDatabase(info, database) {
  const copy = new URL(info.url);
  copy.pathname = `/${encodeURIComponent(database)}`;
  return copy.toString();
}

/** Connects; resolves to { client } or { error } (never throws). */
async function pgConnect(config) {
  const client = new pg.Client({
    ...config,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    query_timeout: 30_000,
  });
  // A connection dropped later must not crash the process with an unhandled 'error'.
  client.on('error', () => {});
  try {
    await client.connect();
    return { client };
  } catch (error) {
    await client.end().catch(() => {});
    return { error };
  }
}

/** Reads the server version and closes the client; throws if it is too old. */
async function pgVersionCheck(client, info, hint) {
  try {
    const { rows } = await client
      .query("SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version")
      .catch((err) => {
        throw new Error(`PostgreSQL at ${info.where} did not report its version (${reasonOf(err)}): ${hint}.`);
      });
    const { num, version } = rows[0];
    if (num < MIN_PG_VERSION_NUM) {
      throw new Error(`PostgreSQL at ${info.where} is version ${version}, but ≥15 is required: ${hint}.`);
    }
    return version.split(' ')[0];
  } finally {
    await client.end().catch(() => {});
  }
}

const PG_CONN_REFUSED = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET']);
const isPgRefused = (err) => PG_CONN_REFUSED.has(netCode(err));
// 57P03: "the database system is starting up" (or shutting down).
const isPgStarting = (err) => err?.code === '57P03';
// 28P01: wrong password; 28000: role does not exist / not permitted to log in.
const isPgAuthError = (err) => err?.code === '28P01' || err?.code === '28000';
const isPgMissingDb = (err) => err?.code === '3D000';

/** Only checks a user-given DATABASE_URL (creating its database if the server allows). */
async function checkPostgres(url, log) {
  const info = parsePgUrl(url);
  const hint = 'set DATABASE_URL to a reachable PostgreSQL ≥15';
  let { client, error } = await pgConnect({ connectionString: url });

  if (isPgMissingDb(error)) {
    log(`PostgreSQL: database "${info.database}" does not exist at ${info.where}; creating it`);
    const created = await pgCreateDatabase({ connectionString: withDatabase(info, 'postgres') }, info.database);
    if (created !== true) {
      throw new Error(
        `PostgreSQL database "${info.database}" does not exist at ${info.where} and could not be created (${created}): create it or ${hint}.`,
      );
    }
    ({ client, error } = await pgConnect({ connectionString: url }));
  }
  if (error) throw pgConnectError(error, info, hint);

  const version = await pgVersionCheck(client, info, `upgrade it or ${hint}`);
  log(`PostgreSQL: ok (${version}) at ${info.where}/${info.database}`);
  return url;
}

function pgConnectError(error, info, hint) {
  if (isPgAuthError(error) || isPgMissingDb(error)) {
    return new Error(
      `PostgreSQL at ${info.where} rejected the connection (${reasonOf(error)}): check the user, password and database in DATABASE_URL.`,
    );
  }
  return new Error(`PostgreSQL at ${info.where} is not reachable (${reasonOf(error)}): start it or ${hint}.`);
}

/** CREATE DATABASE over a connection; returns true or a short failure reason. */
async function pgCreateDatabase(config, database) {
  const { client, error } = await pgConnect(config);
  if (error) return reasonOf(error);
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    return true;
  } catch (err) {
    // 42P04: created concurrently by another process (e.g. npm start and npm test).
    return err.code === '42P04' ? true : reasonOf(err);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Default URL: start/install the local server and provision role + database as needed. */
async function ensureLocalPostgres(url, log, state) {
  const info = parsePgUrl(url);
  const hint = 'set DATABASE_URL to a reachable PostgreSQL ≥15';
  let { client, error } = await pgConnect({ connectionString: url });

  if (isPgRefused(error) || isPgStarting(error)) {
    if (isPgRefused(error)) {
      log(`PostgreSQL: nothing listening on ${info.where}; starting it`);
      startLocalPostgres(info, log, state);
    }
    ({ client, error } = await waitForPostgres(url));
    if (isPgRefused(error) || isPgStarting(error)) {
      throw new Error(
        `PostgreSQL on ${info.where} did not accept connections within ${PG_START_WAIT_MS / 1000} s (${reasonOf(error)}): check its log under /var/log/postgresql or ${hint}.`,
      );
    }
  }

  if (isPgAuthError(error) || isPgMissingDb(error)) {
    log(`PostgreSQL: ${reasonOf(error)}; provisioning role "${info.user}" and database "${info.database}"`);
    await provisionPostgres(info, { resetPassword: isPgAuthError(error) }, log);
    ({ client, error } = await pgConnect({ connectionString: url }));
  }
  if (error) throw pgConnectError(error, info, hint);

  const version = await pgVersionCheck(
    client,
    info,
    `install PostgreSQL ≥15 (e.g. from apt.postgresql.org) or ${hint}`,
  );
  log(`PostgreSQL: ok (${version}) at ${info.where}/${info.database}`);
  return url;
}

async function waitForPostgres(url) {
  const deadline = Date.now() + PG_START_WAIT_MS;
  for (;;) {
    const attempt = await pgConnect({ connectionString: url });
    const waiting = isPgRefused(attempt.error) || isPgStarting(attempt.error);
    if (!waiting || Date.now() >= deadline) return attempt;
    await sleep(500);
  }
}

/** Debian clusters from pg_lsclusters, e.g. [{ version: '15', name: 'main', port: 5432, online: true }]. */
function listClusters() {
  if (!which('pg_lsclusters')) return null;
  const result = run('pg_lsclusters', ['--no-header']);
  if (!result.ok) return null;
  return result.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4 && /^\d+$/.test(cols[2]))
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), online: status.startsWith('online') }));
}

/** Starts (installing first if needed and allowed) the local Debian cluster on info.port; throws if impossible. */
function startLocalPostgres(info, log, state) {
  const notRunning =
    `PostgreSQL is not running on ${info.where}: install PostgreSQL ≥15 (e.g. apt-get install postgresql) or set DATABASE_URL.`;
  if (!isLocalHost(info.host)) throw new Error(notRunning);

  let clusters = listClusters();
  if (!clusters || clusters.length === 0) {
    if (!canAptInstall()) throw new Error(notRunning);
    log('PostgreSQL: not installed; installing it with apt-get');
    const installed = aptInstall(['postgresql'], state, log);
    if (!installed.ok) {
      throw new Error(`Installing PostgreSQL with apt-get failed (${installed.reason}): install PostgreSQL ≥15 yourself or set DATABASE_URL.`);
    }
    clusters = listClusters() ?? [];
  }

  const cluster = clusters.find((c) => c.port === info.port);
  if (!cluster) {
    const found = clusters.map((c) => `${c.version}/${c.name} on port ${c.port}`).join(', ') || 'none';
    throw new Error(
      `No local PostgreSQL cluster uses port ${info.port} (found: ${found}): create one with pg_createcluster or set DATABASE_URL.`,
    );
  }
  if (cluster.online) return; // e.g. just started by the package's postinst; waitForPostgres will see it

  log(`PostgreSQL: pg_ctlcluster ${cluster.version} ${cluster.name} start`);
  // --skip-systemctl-redirect: these machines have no systemd.
  const started = run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'start']);
  // Exit code 2 means "already running".
  if (!started.ok && started.status !== 2) {
    const asWhom = isRoot() ? '' : ' (run as root or as the postgres user)';
    throw new Error(
      `Starting PostgreSQL cluster ${cluster.version}/${cluster.name} failed (${started.reason})${asWhom}: start it yourself or set DATABASE_URL.`,
    );
  }
}

/**
 * Superuser access for provisioning, as { name, exec(sql), scalar(sql) }:
 * first `runuser -u postgres -- psql` over the Unix socket (Debian's default
 * peer auth) when root, else TCP as user postgres without a password (trust
 * auth, or PGPASSWORD from the environment).
 */
async function pgAdmin(info) {
  const failures = [];

  if (isRoot() && which('runuser') && which('psql')) {
    const psql = (sql) =>
      run('runuser', ['-u', 'postgres', '--', 'psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
        '-p', String(info.port), '-d', 'postgres', '-c', sql]);
    const probe = psql('SELECT 1');
    if (probe.ok) {
      const exec = (sql) => {
        const result = psql(sql);
        if (!result.ok) throw new Error(result.reason.replace(/^(psql:\s*)?(ERROR:\s*)?/, ''));
        return result.stdout.trim();
      };
      return { name: 'runuser -u postgres psql', exec, scalar: exec, close: async () => {} };
    }
    failures.push(`runuser psql: ${probe.reason}`);
  }

  const { client, error } = await pgConnect({
    host: info.host,
    port: info.port,
    user: 'postgres',
    database: 'postgres',
  });
  if (!error) {
    const exec = async (sql) => {
      await client.query(sql);
      return '';
    };
    const scalar = async (sql) => {
      const { rows } = await client.query({ text: sql, rowMode: 'array' });
      return rows.length ? String(rows[0][0]) : '';
    };
    return { name: 'postgres over TCP', exec, scalar, close: () => client.end().catch(() => {}) };
  }
  failures.push(`postgres over TCP: ${reasonOf(error)}`);
  return { failures };
}

/** Creates (or repairs) the default role and database with superuser rights. */
async function provisionPostgres(info, { resetPassword }, log) {
  const admin = await pgAdmin(info);
  const cannot = (why) =>
    new Error(
      `PostgreSQL at ${info.where} rejects role "${info.user}" and it could not be provisioned as the postgres superuser (${why}): ` +
        `create role ${info.user} with LOGIN CREATEDB PASSWORD '${info.password}' and database ${info.database}, or set DATABASE_URL.`,
    );
  if (admin.failures) throw cannot(admin.failures.join('; '));

  const role = quoteIdent(info.user);
  const password = quoteLiteral(info.password);
  // CREATEDB: the test suite creates and drops its own databases.
  // The password is only reset when authentication actually failed.
  const roleSql = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(info.user)}) THEN
      CREATE ROLE ${role} LOGIN CREATEDB PASSWORD ${password};
    ELSE
      ALTER ROLE ${role} LOGIN CREATEDB${resetPassword ? ` PASSWORD ${password}` : ''};
    END IF;
  END $$`;
  try {
    await admin.exec(roleSql);
    log(`PostgreSQL: role "${info.user}" ready (via ${admin.name})`);
    const exists = await admin.scalar(`SELECT 1 FROM pg_database WHERE datname = ${quoteLiteral(info.database)}`);
    if (exists !== '1') {
      try {
        await admin.exec(`CREATE DATABASE ${quoteIdent(info.database)} OWNER ${role}`);
      } catch (err) {
        // Another process may have created it concurrently.
        if (!/already exists/.test(err.message)) throw err;
      }
      log(`PostgreSQL: database "${info.database}" created`);
    }
  } catch (err) {
    throw cannot(reasonOf(err));
  } finally {
    await admin.close();
  }
}

// ---------------------------------------------------------------------------
// Redis

function parseRedisUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('REDIS_URL is not a valid URL: set it like redis://127.0.0.1:6379.');
  }
  const host = parsed.hostname || '127.0.0.1';
  const port = Number(parsed.port || 6379);
  return { url, host, port, where: `${host}:${port}` };
}

/**
 * PING + INFO server with short timeouts and no retries; always disconnects.
 * Resolves to { version, policy? } or { error } (never throws).
 */
async function redisProbe(url, { readPolicy = false } = {}) {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    reconnectOnError: () => false,
  });
  // Without a listener ioredis prints "[ioredis] Unhandled error event".
  // The socket error (e.g. ECONNREFUSED) only arrives here; connect() then
  // merely rejects with "Connection is closed".
  let socketError;
  client.on('error', (err) => {
    socketError ??= err;
  });
  try {
    await client.connect();
    await client.ping();
    const info = await client.info('server');
    const version = /^redis_version:(\S+)/m.exec(info)?.[1] ?? '0';
    let policy;
    // CONFIG may be disabled (e.g. managed Redis); the policy check is best-effort.
    if (readPolicy) policy = await client.config('GET', 'maxmemory-policy').then((r) => r?.[1], () => undefined);
    return { version, policy, client };
  } catch (error) {
    client.disconnect();
    return { error: socketError ?? error };
  }
}

function redisVersionCheck(probe, where, hint) {
  if (Number(probe.version.split('.')[0]) < MIN_REDIS_MAJOR) {
    throw new Error(`Redis at ${where} is version ${probe.version}, but ≥7 is required: ${hint}.`);
  }
}

const isRedisRefused = (err) => ['ECONNREFUSED', 'ENOENT'].includes(netCode(err));

function redisConnectError(error, info, hint) {
  const reason = reasonOf(error);
  if (/^(NOAUTH|WRONGPASS|NOPERM)/.test(reason)) {
    return new Error(`Redis at ${info.where} rejected the connection (${reason}): ${hint}.`);
  }
  return new Error(`Redis at ${info.where} is not reachable (${reason}): start it or ${hint}.`);
}

/** Only checks a user-given REDIS_URL. */
async function checkRedis(url, log) {
  const info = parseRedisUrl(url);
  const hint = 'set REDIS_URL to a reachable Redis ≥7';
  const probe = await redisProbe(url);
  if (probe.error) throw redisConnectError(probe.error, info, hint);
  probe.client.disconnect();
  redisVersionCheck(probe, info.where, `upgrade it or ${hint}`);
  log(`Redis: ok (${probe.version}) at ${info.where}`);
  return url;
}

/** Default URL: start (installing first if needed and allowed) a local redis-server. */
async function ensureLocalRedis(url, log, state) {
  const info = parseRedisUrl(url);
  const hint = 'set REDIS_URL to a reachable Redis ≥7';
  let probe = await redisProbe(url, { readPolicy: true });

  if (isRedisRefused(probe.error)) {
    log(`Redis: nothing listening on ${info.where}; starting it`);
    await startLocalRedis(info, log, state);
    const deadline = Date.now() + REDIS_START_WAIT_MS;
    for (;;) {
      probe = await redisProbe(url, { readPolicy: true });
      if (!isRedisRefused(probe.error) || Date.now() >= deadline) break;
      await sleep(300);
    }
  }
  if (probe.error) throw redisConnectError(probe.error, info, hint);

  try {
    redisVersionCheck(probe, info.where, `install Redis ≥7 or ${hint}`);
    // BullMQ loses jobs if Redis may evict keys.
    if (probe.policy !== undefined && probe.policy !== 'noeviction') {
      log(`Redis: warning: maxmemory-policy is ${probe.policy}, but BullMQ needs noeviction; setting it`);
      await probe.client.config('SET', 'maxmemory-policy', 'noeviction').catch(() => {});
    }
  } finally {
    probe.client.disconnect();
  }
  log(`Redis: ok (${probe.version}) at ${info.where}`);
  return url;
}

/** First directory that exists and is writable. */
function writableDir(...dirs) {
  return dirs.find((dir) => {
    try {
      accessSync(dir, fsConstants.W_OK);
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  });
}

/** Starts redis-server daemonized on info.port (installing it as root if needed); throws if impossible. */
async function startLocalRedis(info, log, state) {
  const notRunning =
    `Redis is not running on ${info.where}: install Redis ≥7 (e.g. apt-get install redis-server) or set REDIS_URL.`;
  if (!isLocalHost(info.host)) throw new Error(notRunning);

  if (!which('redis-server')) {
    if (!canAptInstall()) throw new Error(notRunning);
    log('Redis: not installed; installing redis-server with apt-get');
    const installed = aptInstall(['redis-server'], state, log);
    if (!installed.ok || !which('redis-server')) {
      throw new Error(`Installing Redis with apt-get failed (${installed.reason || 'redis-server not found'}): install Redis ≥7 yourself or set REDIS_URL.`);
    }
    // The package's postinst may already have started it (without systemd it
    // uses the init script), in which case we must not start a second one.
    const probe = await redisProbe(info.url);
    if (!probe.error) {
      probe.client.disconnect();
      return;
    }
  }

  const dir = writableDir('/var/lib/redis') ?? tmpdir();
  const logDir = writableDir('/var/log/redis') ?? tmpdir();
  const suffix = info.port === 6379 ? '' : `-${info.port}`;
  const logfile = join(logDir, `naevn${suffix}.log`);
  // Same flags as the machine's own service command; no systemd here.
  const args = [
    '--daemonize', 'yes',
    '--bind', '127.0.0.1', '-::1',
    '--port', String(info.port),
    '--save', '',
    '--appendonly', 'no',
    '--maxmemory-policy', 'noeviction',
    '--dir', dir,
    '--logfile', logfile,
    '--pidfile', join(dir, `naevn-redis-${info.port}.pid`),
  ];
  log(`Redis: redis-server --daemonize yes --port ${info.port} (log: ${logfile})`);
  const started = run('redis-server', args, { timeout: 15_000 });
  if (!started.ok) {
    throw new Error(`Starting redis-server on port ${info.port} failed (${started.reason}): start Redis yourself or set REDIS_URL.`);
  }
}
