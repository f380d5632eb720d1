// Builds the test corpus: kilder/*.txt (hand-annotated decisions) → *.json with offsets.
//
// A source file holds one JSON object (the case's knowledge under "viden", maybe a
// "politik"), a line "---", then the decision text with inline markup written by reading
// the text, not from the anonymizer's output:
//   [[TYPE:tekst]]  must be masked: PART (a party's full name), PERSON (any other mention
//                   of a person: parts of names, initials, unknown persons), ADR, CPR, CVR,
//                   TLF, EMAIL, IBAN, KONTO, PLADE, SAG (another authority's case number),
//                   POSTBY (postal code and town of a private address), FIRMA (a company or
//                   a private landlord's firm); both are gold unless the document's
//                   "politik" keeps them (bevarPostnummerOgBy / bevarVirksomhedsnavne true),
//                   as the default policy masks them
//   {{TYPE:tekst}}  must be kept: LOV, MYN, BEL, DATO, AREAL
//
//   node test/anonymisering/korpus/byg-korpus.mjs [mappe]          writes the JSON files
//   node test/anonymisering/korpus/byg-korpus.mjs [mappe] --tjek   fails when they are stale
// mappe is a set's folder (its sources in mappe/kilder/); default this corpus. The held-out
// set (test/anonymisering/holdout) is built by the same script.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const mappeArg = process.argv.slice(2).find((a) => !a.startsWith('--'))
const here = mappeArg ? resolve(mappeArg) : dirname(fileURLToPath(import.meta.url))
const kilder = join(here, 'kilder')

const GULD = { PART: 'partsnavn', PERSON: 'person', ADR: 'adresse', CPR: 'cpr', CVR: 'cvr', TLF: 'telefon', EMAIL: 'email', IBAN: 'iban', KONTO: 'konto', PLADE: 'nummerplade', SAG: 'sagsnummer', POSTBY: 'adresse', FIRMA: 'virksomhed' }
const BEVAR = { LOV: 'lov', MYN: 'myndighed', BEL: 'beloeb', DATO: 'dato', AREAL: 'areal' }

export function parse(kilde, navn) {
  const skille = kilde.indexOf('\n---\n')
  if (skille < 0) throw new Error(`${navn}: mangler linjen "---" mellem JSON og tekst.`)
  const hoved = JSON.parse(kilde.slice(0, skille))
  const markeret = kilde.slice(skille + 5).replace(/\s+$/, '\n')
  const politik = hoved.politik ?? {}
  let tekst = ''
  const guld = []
  const bevar = []
  const re = /\[\[([A-Z]+):([^\]]*)\]\]|\{\{([A-Z]+):([^}]*)\}\}/g
  let pos = 0
  for (const m of markeret.matchAll(re)) {
    tekst += markeret.slice(pos, m.index)
    const indhold = m[2] ?? m[4]
    const start = tekst.length
    tekst += indhold
    const end = tekst.length
    if (m[1]) {
      const type = GULD[m[1]]
      if (!type) throw new Error(`${navn}: ukendt type [[${m[1]}:…]]`)
      if (m[1] === 'POSTBY' && politik.bevarPostnummerOgBy === true) {
        // kept by the policy: neither gold nor scored
      } else if (m[1] === 'FIRMA' && politik.bevarVirksomhedsnavne === true) {
        // kept by the policy
      } else guld.push({ start, end, type })
    } else {
      const type = BEVAR[m[3]]
      if (!type) throw new Error(`${navn}: ukendt type {{${m[3]}:…}}`)
      bevar.push({ start, end, type })
    }
    pos = m.index + m[0].length
  }
  tekst += markeret.slice(pos)
  if (/\[\[|\]\]|\{\{|\}\}/.test(tekst)) throw new Error(`${navn}: ufuldstændig markering i teksten.`)
  return { navn, tekst, viden: hoved.viden, ...(hoved.politik ? { politik: hoved.politik } : {}), guld, bevar }
}

function main() {
  const tjek = process.argv.includes('--tjek')
  let forkerte = 0
  for (const fil of readdirSync(kilder).filter((f) => f.endsWith('.txt')).sort()) {
    const navn = fil.replace(/\.txt$/, '')
    const dok = parse(readFileSync(join(kilder, fil), 'utf8'), navn)
    const json = `${JSON.stringify(dok, null, 1)}\n`
    const ud = join(here, `${navn}.json`)
    if (tjek) {
      if (!existsSync(ud) || readFileSync(ud, 'utf8') !== json) {
        console.error(`${navn}.json er ikke bygget fra den nyeste kilde.`)
        forkerte++
      }
    } else writeFileSync(ud, json)
    if (!tjek) console.log(`${navn}: ${dok.tekst.length} tegn, ${dok.guld.length} guld, ${dok.bevar.length} bevar`)
  }
  if (forkerte > 0) process.exit(1)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
