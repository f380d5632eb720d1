// server/platform/db/types.ts is generated (npm run db:types) and committed; this fails when a
// migration changed the schema and the types were not regenerated.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../../server/platform/config.js'
import { useWorld } from '../helpers/world.js'

describe('generated table types', () => {
  const w = useWorld()

  it('when compared with the migrated schema, then server/platform/db/types.ts is current', () => {
    const bin = path.join(projectRoot, 'node_modules/kysely-codegen/dist/cli/bin.js')
    const result = spawnSync(process.execPath, [bin, '--url', w.databaseUrl, '--verify'], { cwd: projectRoot, encoding: 'utf8' })
    expect(result.stdout + result.stderr, 'run npm run db:types to regenerate').not.toMatch(/outdated|not up.to.date|differ/i)
    expect(result.status).toBe(0)
  })
})
