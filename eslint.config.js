import path from 'node:path'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The layers of server/ (README, "Layout"): the platform (platform/: db, queues, mail,
// http, forms, config, logger, errors; its plugins/ wire the core into Fastify), the case
// core (kerne/) and the modules (modules/<name>/). Imports point down only: a module never
// imports another module, the core never imports a module or a plugin, and the platform
// imports neither the core nor a module (its plugins may use the core, not modules).
const serverDir = path.resolve('server')
function lagAf(fil) {
  const rel = path.relative(serverDir, fil).split(path.sep)
  if (rel[0] === '..') return null
  if (rel[0] === 'modules' && rel.length > 2) return { lag: 'modul', navn: rel[1] }
  if (rel[0] === 'platform') return { lag: rel[1] === 'plugins' ? 'plugin' : 'platform' }
  if (rel[0] === 'kerne') return { lag: 'kerne' }
  return { lag: 'indgang' }
}
const lagRegel = {
  meta: { type: 'problem', schema: [], messages: { forbudt: '{{hvad}} (lagene: README, "Layout").' } },
  create(context) {
    const fra = lagAf(context.filename)
    if (!fra) return {}
    // The generated table types name the core's code lists (.kysely-codegenrc.cjs).
    if (context.filename.endsWith(path.join('platform', 'db', 'types.ts'))) return {}
    function tjek(node, kilde) {
      if (typeof kilde !== 'string' || !kilde.startsWith('.')) return
      const til = lagAf(path.resolve(path.dirname(context.filename), kilde))
      if (!til) return
      let hvad = null
      if (fra.lag === 'modul' && til.lag === 'modul' && til.navn !== fra.navn) hvad = `Modulet ${fra.navn} importerer ikke modulet ${til.navn}; det fælles hører i kerne/`
      else if (fra.lag === 'kerne' && (til.lag === 'modul' || til.lag === 'plugin')) hvad = 'Kernen importerer hverken moduler eller plugins'
      else if (fra.lag === 'platform' && til.lag !== 'platform') hvad = 'Platformen importerer hverken kernen, plugins eller moduler'
      else if (fra.lag === 'plugin' && til.lag === 'modul') hvad = 'Et plugin importerer ikke moduler'
      if (hvad) context.report({ node, messageId: 'forbudt', data: { hvad } })
    }
    return {
      ImportDeclaration: (n) => tjek(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && tjek(n, n.source.value),
      ExportAllDeclaration: (n) => tjek(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && tjek(n, n.source.value),
    }
  },
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'var/', 'server/platform/db/types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Buffer', 'fetch', 'AbortController', 'performance'].map((g) => [g, 'readonly']),
      ),
    },
    rules: {
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through server/platform/config.ts.' }],
    },
  },
  {
    files: ['server/**/*.ts'],
    plugins: { naevn: { rules: { lag: lagRegel } } },
    rules: { 'naevn/lag': 'error' },
  },
  {
    // Route files are thin handlers: a query belongs in the module's repository, or in
    // server/kerne/sag/ when modules share it.
    files: ['server/**/*.routes.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|transaction)$/]",
          message: 'No queries in route files: put them in the module repository (or server/kerne/sag/ when modules share them).',
        },
      ],
    },
  },
  {
    // Migrations are frozen in time and typed against Kysely<any>.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The bootstrap scripts run before the app's config exists and read the environment.
    files: ['scripts/**/*.mjs', 'server/platform/config.ts', 'test/**/*.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // CommonJS settings files read by tools that load them synchronously.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/public/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
)
