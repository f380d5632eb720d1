// The hand-annotated corpus (korpus/*.json, built from korpus/kilder/ by byg-korpus.mjs).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BevarSpan, GuldSpan } from '../../server/modules/anonymisering/evaluering.js'
import type { Politik, SagsViden } from '../../server/modules/anonymisering/typer.js'

export interface Korpusdokument {
  navn: string
  tekst: string
  viden: SagsViden
  politik?: Partial<Politik>
  guld: GuldSpan[]
  bevar: BevarSpan[]
}

export const korpusDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'korpus')

export function laesKorpus(): Korpusdokument[] {
  return readdirSync(korpusDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(korpusDir, f), 'utf8')) as Korpusdokument)
}
