// Finds (or, as root on Debian/Ubuntu, installs) the Chromium that the browser tests
// drive through playwright-core.
//
// This module runs before node_modules may exist, so it may only use Node built-ins.

import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const HOW_TO = 'Chromium is needed for the browser tests: install it (apt-get install chromium) or set CHROMIUM_PATH.'
// apt-get on a slow mirror can take a while, but it must never hang forever.
const UPDATE_TIMEOUT_MS = 5 * 60 * 1000
const INSTALL_TIMEOUT_MS = 20 * 60 * 1000

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name)
  }
  return undefined
}

function aptGet(aptPath, args, timeout) {
  const result = spawnSync(aptPath, args, {
    stdio: 'inherit',
    timeout,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error) throw new Error(`apt-get ${args[0]} failed: ${result.error.message}. ${HOW_TO}`)
  if (result.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${result.status ?? result.signal}). ${HOW_TO}`)
}

/**
 * Returns the path of a Chromium executable: CHROMIUM_PATH when set, else
 * /usr/bin/chromium, installing it with apt-get first when running as root.
 */
export function ensureChromium({ log = () => {} } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, but no executable is there. ${HOW_TO}`)
    return fromEnv
  }
  if (isExecutable(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM
  const aptPath = onPath('apt-get')
  if (process.getuid?.() !== 0 || !aptPath) throw new Error(HOW_TO)

  log('Installerer Chromium til browsertestene (apt-get)…')
  aptGet(aptPath, ['update'], UPDATE_TIMEOUT_MS)
  aptGet(aptPath, ['install', '-y', 'chromium'], INSTALL_TIMEOUT_MS)
  if (!isExecutable(SYSTEM_CHROMIUM)) throw new Error(`apt-get installed chromium, but ${SYSTEM_CHROMIUM} is missing. ${HOW_TO}`)
  return SYSTEM_CHROMIUM
}
