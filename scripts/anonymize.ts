// npm run anonymize -- <tekstfil> <sag.json> [--spans] [--data <mappe>]
//
// Anonymizes a decision text with what the case knows and prints the result on stdout,
// or with --spans the proposed spans as JSON. The case file is the anonymizer's SagsViden:
//   {"parties": [{"role": "lejer", "name": "…", "address": "…", "cpr": "…", …}],
//    "lejemaalAdresse": "…", "politik": {…}}   ("politik" is optional, see typer.ts)
// The lexicon is read from the reference data (REFERENCE_DATA_DIR, default data/),
// or from --data.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, defaultReferenceDataDir, loadConfig } from '../server/platform/config.js'
import { anonymiser } from '../server/modules/anonymisering/anonymiser.js'
import { indlaesLeksikon } from '../server/modules/anonymisering/leksikon.js'
import type { KendtPart, Politik, SagsViden } from '../server/modules/anonymisering/typer.js'

export interface CliIo {
  stdout(tekst: string): void
  stderr(tekst: string): void
}

const BRUG = 'Brug: npm run anonymize -- <tekstfil> <sag.json> [--spans] [--data <mappe>]'
const ROLLER = new Set(['lejer', 'udlejer', 'medpart', 'repræsentant'])

class CliFejl extends Error {}

/** The reference-data directory: --data, else the app's configuration, else its default. */
function dataMappe(flag: string | undefined): string {
  if (flag) return path.resolve(flag)
  try {
    return loadConfig().referenceDataDir
  } catch (err) {
    // The CLI needs no session secret or database: only a bad REFERENCE_DATA_DIR matters.
    if (!(err instanceof ConfigError)) throw err
    const problem = err.problems.find((p) => p.startsWith('REFERENCE_DATA_DIR'))
    if (problem) throw new CliFejl(`Referencedata kan ikke findes (${problem}).`)
    return defaultReferenceDataDir
  }
}

async function laes(fil: string): Promise<string> {
  try {
    return await readFile(fil, 'utf8')
  } catch {
    throw new CliFejl(`Filen ${fil} findes ikke eller kan ikke læses.`)
  }
}

function tjekViden(data: unknown, fil: string): { viden: SagsViden; politik: Partial<Politik> } {
  const forkert = new CliFejl(`Sagsfilen ${fil} skal være et JSON-objekt med "parties", hvor hver part har en gyldig "role" (lejer, udlejer, medpart eller repræsentant) og et "name".`)
  if (!data || typeof data !== 'object' || !Array.isArray((data as { parties?: unknown }).parties)) throw forkert
  const d = data as { parties: unknown[]; lejemaalAdresse?: unknown; politik?: unknown }
  for (const p of d.parties) {
    const part = p as Partial<Record<keyof KendtPart, unknown>>
    if (!part || typeof part !== 'object' || typeof part.name !== 'string' || typeof part.role !== 'string' || !ROLLER.has(part.role)) throw forkert
    for (const felt of ['address', 'cpr', 'cvr', 'email', 'phone'] as const) {
      if (part[felt] !== undefined && typeof part[felt] !== 'string') throw forkert
    }
  }
  if (d.lejemaalAdresse !== undefined && typeof d.lejemaalAdresse !== 'string') throw forkert
  if (d.politik !== undefined && (typeof d.politik !== 'object' || d.politik === null)) {
    throw new CliFejl(`Sagsfilens "politik" i ${fil} skal være et JSON-objekt.`)
  }
  return { viden: d as unknown as SagsViden, politik: (d.politik ?? {}) as Partial<Politik> }
}

/** Runs the CLI; returns the exit code. argv are the arguments after the script name. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = argv.filter((a) => a !== '--')
    const visSpans = args.includes('--spans')
    const dataIdx = args.indexOf('--data')
    const dataFlag = dataIdx >= 0 ? args[dataIdx + 1] : undefined
    if (dataIdx >= 0 && !dataFlag) throw new CliFejl(BRUG)
    const filer = args.filter((a, i) => !a.startsWith('--') && (dataIdx < 0 || i !== dataIdx + 1))
    if (filer.length !== 2 || args.some((a) => a.startsWith('--') && a !== '--spans' && a !== '--data')) throw new CliFejl(BRUG)
    const [tekstfil, sagsfil] = filer as [string, string]

    const tekst = await laes(tekstfil)
    let data: unknown
    try {
      data = JSON.parse(await laes(sagsfil))
    } catch (err) {
      if (err instanceof CliFejl) throw err
      throw new CliFejl(`Sagsfilen ${sagsfil} er ikke gyldig JSON (${(err as Error).message}).`)
    }
    const { viden, politik } = tjekViden(data, sagsfil)
    const leksikon = await indlaesLeksikon(dataMappe(dataFlag)).catch(() => {
      throw new CliFejl('Leksikonet kunne ikke læses fra referencedata-mappen.')
    })
    let resultat
    try {
      resultat = anonymiser(tekst, viden, leksikon, politik)
    } catch (err) {
      throw new CliFejl((err as Error).message)
    }
    io.stdout(visSpans ? `${JSON.stringify(resultat.spans, null, 2)}\n` : resultat.tekst)
    return 0
  } catch (err) {
    io.stderr(`${err instanceof CliFejl ? err.message : `Uventet fejl: ${(err as Error).message}`}\n`)
    return 1
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  })
}
