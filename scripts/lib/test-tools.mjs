// The command-line tools the tests use: the PDF checkers (qpdf --check, pdffonts and
// pdftoppm from poppler-utils) and the PostgreSQL client tools for the backup test
// (pg_dump, pg_restore): found on PATH, or installed from Debian's packages as root.
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

const packages = { qpdf: 'qpdf', pdffonts: 'poppler-utils', pdftoppm: 'poppler-utils', pg_dump: 'postgresql-client', pg_restore: 'postgresql-client' }

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK)
      return true
    } catch {
      // keep looking
    }
  }
  return false
}

export function ensureTestTools({ log = () => {} } = {}) {
  const missing = [...new Set(Object.entries(packages).filter(([cmd]) => !onPath(cmd)).map(([, pkg]) => pkg))]
  if (missing.length === 0) return
  const how = `The tests need ${missing.join(' and ')}: install them (apt-get install ${missing.join(' ')}).`
  if (process.getuid?.() !== 0 || !onPath('apt-get')) throw new Error(how)
  log(`Installerer ${missing.join(', ')} med apt-get…`)
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', timeout: 20 * 60 * 1000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (r.status !== 0) throw new Error(`apt-get ${args[0]} failed. ${how}`)
  }
}
