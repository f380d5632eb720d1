// The error-code catalogue (server/platform/fejlkoder.ts) is the one list of codes: the compiler
// refuses a code that is not in it; this test refuses a code in it that nothing uses any
// more, and checks that API clients find the list in the OpenAPI document.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fejlKoder } from '../../server/platform/fejlkoder.js'
import { useWorld } from '../helpers/world.js'
import { projectRoot } from '../../server/platform/config.js'

function kilder(mappe: string): string[] {
  return readdirSync(mappe).flatMap((navn) => {
    const p = path.join(mappe, navn)
    return statSync(p).isDirectory() ? kilder(p) : p.endsWith('.ts') && !p.endsWith('fejlkoder.ts') ? [p] : []
  })
}

describe('the error-code catalogue', () => {
  const w = useWorld()

  it('when the sources are read, then every code in the catalogue is used, and the list is sorted without repeats', () => {
    const tekst = ['server', 'workers'].flatMap((m) => kilder(path.join(projectRoot, m))).map((f) => readFileSync(f, 'utf8')).join('\n')
    const ubrugte = fejlKoder.filter((k) => !tekst.includes(`'${k}'`))
    expect(ubrugte, 'codes nothing throws any more: remove them from server/platform/fejlkoder.ts').toEqual([])
    expect([...fejlKoder]).toEqual([...new Set(fejlKoder)].sort())
  })

  it('when the OpenAPI document is read, then the problem answers list the codes', async () => {
    const doc = (await w.app.inject('/api/docs/json')).json()
    const svar = doc.paths['/api/v1/register/afgoerelser/{id}'].get.responses['404']
    const skema = JSON.stringify(svar)
    for (const k of ['AfgoerelseIkkeFundet', 'UgyldigApiNoegle', 'ForMangeForsoeg', 'IkkeFundet']) expect(skema).toContain(`"${k}"`)
  })
})
