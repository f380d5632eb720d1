// Bench "anonymisering": the anonymizer for published decisions on the annotated corpus
// (test/anonymisering/korpus), one thread, in this process.
//
//   gennemloeb          decisions of ~4,000 characters per second (two corpus decisions
//                       joined, with both cases' parties), after a warm-up, in alternating
//                       rounds with the baseline so a change in machine load hits both.
//       baseline: a trivial pass over the same texts in the same run: the CPR and e-mail
//       regular expressions alone, replaced in place. Target (the issue): ≥ 200 per second.
//   recall, recall-<type>, bevar-praecision
//                       quality on the corpus as the tests measure it (evaluering.ts): a
//                       gold span counts only when all its letters and digits are masked;
//                       keep-precision is the share of law references, authorities,
//                       amounts, dates and areas left untouched.
//       baseline: the target value itself (baselineCase "maal"), so ratio ≥ 1 meets it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { resultLine } from './lib.mjs'

const BENCH = 'anonymisering'
const MAAL_PR_SEKUND = 200
const MAAL = { recall: 0.97, cpr: 1, email: 1, partsnavn: 1, bevar: 0.98 }
const NOEGLETYPER = ['partsnavn', 'person', 'cpr', 'email', 'telefon', 'adresse']
const ROUNDS = 5
const ROUND_MS = 2_000
const WARMUP_MS = 2_000

export async function run({ root, log, emit }) {
  const dist = (...parts) => pathToFileURL(join(root, 'dist', 'server', 'modules', 'anonymisering', ...parts)).href
  const { anonymiser } = await import(dist('anonymiser.js'))
  const { indlaesLeksikon } = await import(dist('leksikon.js'))
  const { evaluerDokument, samlEvaluering } = await import(dist('evaluering.js'))
  const { loadConfig, defaultReferenceDataDir } = await import(pathToFileURL(join(root, 'dist', 'server', 'config.js')).href)

  let dataDir
  try {
    dataDir = loadConfig().referenceDataDir
  } catch {
    dataDir = defaultReferenceDataDir
  }
  const leksikon = await indlaesLeksikon(dataDir)

  const korpusDir = join(root, 'test', 'anonymisering', 'korpus')
  const korpus = readdirSync(korpusDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(korpusDir, f), 'utf8')))
  if (korpus.length < 2) throw new Error('Korpusset mangler (test/anonymisering/korpus/*.json).')

  // --- Quality -------------------------------------------------------------------------
  const resultater = korpus.map((d) => evaluerDokument(d.tekst, d.guld, d.bevar, anonymiser(d.tekst, d.viden, leksikon, d.politik).spans))
  const s = samlEvaluering(resultater)
  for (const r of resultater) for (const m of r.missede) log(`  ikke maskeret: ${m.type} "${m.tekst}"`)
  for (const r of resultater) for (const b of r.roerte) log(`  rørt: ${b.type} "${b.tekst}"`)
  const kvalitet = (name, value, baseline, extra = {}) => {
    const line = resultLine({ bench: BENCH, case: name, value, unit: 'andel', baseline, digits: 4, baselineCase: 'maal', target: baseline, dokumenter: korpus.length, ...extra })
    emit(line)
    if (!(value >= baseline)) {
      log(`${name}: ${value.toFixed(4)} under målet ${baseline}.`)
      process.exitCode = 1
    }
  }
  kvalitet('recall', s.recall, MAAL.recall, { guldSpans: s.guldIAlt })
  for (const type of NOEGLETYPER) {
    if (s.recallPerType[type] === undefined) continue
    kvalitet(`recall-${type}`, s.recallPerType[type], MAAL[type] ?? MAAL.recall, { guldSpans: s.antalPerType[type] })
  }
  kvalitet('bevar-praecision', s.bevarPraecision, MAAL.bevar, { bevarSpans: s.bevarIAlt })
  log(`Recall ${s.recall.toFixed(4)} (${s.guldIAlt} guld-spans), bevar-præcision ${s.bevarPraecision.toFixed(4)} (${s.bevarIAlt} bevar-spans)`)

  // --- Throughput ------------------------------------------------------------------------
  // Decisions of ~4,000 characters: each corpus decision followed by the next one, with
  // both cases' parties (the policy of the first).
  const dokumenter = korpus.map((a, i) => {
    const b = korpus[(i + 1) % korpus.length]
    return {
      tekst: `${a.tekst}\n${b.tekst}`,
      viden: { parties: [...a.viden.parties, ...b.viden.parties], lejemaalAdresse: a.viden.lejemaalAdresse },
      politik: a.politik,
    }
  })
  const tegn = dokumenter.reduce((n, d) => n + d.tekst.length, 0) / dokumenter.length
  log(`${dokumenter.length} afgørelser á gennemsnitligt ${Math.round(tegn)} tegn`)

  let i = 0
  const fuld = () => {
    const d = dokumenter[i++ % dokumenter.length]
    return anonymiser(d.tekst, d.viden, leksikon, d.politik).tekst.length
  }
  const CPR = /(?<!\d)\d{6}-?\d{4}(?!\d)/g
  const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
  const triviel = () => {
    const d = dokumenter[i++ % dokumenter.length]
    return d.tekst.replace(CPR, '[cpr-nr.]').replace(EMAIL, '[e-mail]').length
  }

  log(`Opvarmning ${WARMUP_MS / 1000} s hver…`)
  measure(fuld, WARMUP_MS)
  measure(triviel, WARMUP_MS)
  const totals = { fuld: { docs: 0, ms: 0 }, triviel: { docs: 0, ms: 0 } }
  for (let round = 1; round <= ROUNDS; round++) {
    const f = measure(fuld, ROUND_MS)
    const t = measure(triviel, ROUND_MS)
    totals.fuld.docs += f.docs
    totals.fuld.ms += f.ms
    totals.triviel.docs += t.docs
    totals.triviel.ms += t.ms
    log(`  runde ${round}/${ROUNDS}: anonymisering ${rate(f).toFixed(0)} afg./s, CPR+e-mail alene ${rate(t).toFixed(0)} afg./s`)
  }
  const value = rate(totals.fuld)
  const line = resultLine({
    bench: BENCH,
    case: 'gennemloeb',
    value,
    unit: 'afgoerelser/s',
    baseline: rate(totals.triviel),
    baselineCase: 'cpr-og-email-regex-alene',
    target: MAAL_PR_SEKUND,
    targetRatio: Number((value / MAAL_PR_SEKUND).toFixed(2)),
    tegnPrAfgoerelse: Math.round(tegn),
    msPrAfgoerelse: Number((1000 / value).toFixed(3)),
    traade: 1,
    seconds: Math.round(totals.fuld.ms / 1000),
  })
  emit(line)
  log(`gennemloeb: ${value.toFixed(0)} afgørelser/s (${(1000 / value).toFixed(2)} ms pr. afgørelse), mål ≥ ${MAAL_PR_SEKUND}`)
  if (!(value >= MAAL_PR_SEKUND)) {
    log(`Under målet: ${value.toFixed(0)} < ${MAAL_PR_SEKUND} afgørelser/s.`)
    process.exitCode = 1
  }
}

function measure(fn, ms) {
  let docs = 0
  let sink = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    sink += fn()
    docs++
    now = performance.now()
  }
  if (sink < 0) throw new Error('umuligt')
  return { docs, ms: now - start }
}

const rate = ({ docs, ms }) => (docs * 1000) / ms
