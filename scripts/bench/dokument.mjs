// Bench "dokument": a 3-page decision (afgørelse) through the whole document pipeline,
// next to a bare PDFKit document with the same text in the same run.
//
//   afgoerelse-3-sider  view-model → afgoerelseDocument (Handlebars → markup → blocks,
//                       the caseworker's texts through tekstTilAfsnit) → renderPdf
//                       (letterhead, layout with keep-with-next and boxes, tags, PDF/A,
//                       footers "Side X af Y") → the PDF bytes
//       baseline: a bare PDFKit document with the same text (every block, letterhead and
//       footers), the same page size and margins and the same two embedded TTF fonts
//       (IBM Plex Sans regular and bold, from bytes read once), text simply flowing:
//       no template, no measuring, no tags, no PDF/A.
//
// Both run in this process, one document at a time (one thread), for ~10 s each,
// measured in alternating rounds so a change in machine load hits both alike, after a
// warm-up. Target (the issue): the pipeline keeps at least 70 % of the bare rate.
//
// It also checks that the font files are read from disk once per process, not per
// document: it counts the reads of .ttf files while it renders.
import fs from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { resultLine } from './lib.mjs'

const BENCH = 'dokument'
const CASE = 'afgoerelse-3-sider'
const TARGET = 0.7
const ROUNDS = 5
const ROUND_MS = 2_000
const WARMUP_MS = 2_000
const PAGES = 3

export async function run({ root, log, emit }) {
  const dist = (...parts) => pathToFileURL(join(root, 'dist', 'server', ...parts)).href
  const fontReads = countFontReads()
  try {
    const { afgoerelseDocument } = await import(dist('kerne', 'documents', 'afgoerelse.js'))
    const { eksempelAfgoerelse } = await import(dist('kerne', 'documents', 'afgoerelse.eksempel.js'))
    const { renderPdf } = await import(dist('kerne', 'documents', 'pdf.js'))
    const require = createRequire(join(root, 'package.json'))
    const PDFDocument = require('pdfkit')

    const vm = afgoerelse(eksempelAfgoerelse)
    const creationDate = new Date('2026-12-03T09:00:00Z')
    const pipeline = () => renderPdf(afgoerelseDocument(vm, { creationDate }))

    // The baseline gets exactly the text the pipeline prints, read from its blocks.
    const spec = afgoerelseDocument(vm, { creationDate })
    const fonts = bareFonts(require)
    const bare = () => bareDocument(PDFDocument, spec, fonts)

    // --- Check both once ----------------------------------------------------------
    const readsBefore = fontReads.count
    const first = await pipeline()
    const readsFirst = fontReads.count - readsBefore
    const pipelinePages = pageCount(first)
    const barePages = pageCount(await bare())
    if (pipelinePages !== PAGES) throw new Error(`Afgørelsen fylder ${pipelinePages} sider, ikke ${PAGES}; ret view-modellen i benchmarken.`)
    log(`Afgørelse: ${pipelinePages} sider, ${first.length} bytes; bar PDFKit: ${barePages} sider`)

    // --- Warm-up, then alternating rounds -----------------------------------------
    log(`Opvarmning ${WARMUP_MS / 1000} s hver…`)
    await measure(pipeline, WARMUP_MS)
    await measure(bare, WARMUP_MS)
    const readsBeforeRounds = fontReads.count
    const totals = { pipeline: { docs: 0, ms: 0 }, bare: { docs: 0, ms: 0 } }
    for (let round = 1; round <= ROUNDS; round++) {
      const p = await measure(pipeline, ROUND_MS)
      const b = await measure(bare, ROUND_MS)
      totals.pipeline.docs += p.docs
      totals.pipeline.ms += p.ms
      totals.bare.docs += b.docs
      totals.bare.ms += b.ms
      log(`  runde ${round}/${ROUNDS}: pipeline ${rate(p).toFixed(1)} dok/s, bar PDFKit ${rate(b).toFixed(1)} dok/s`)
    }
    const readsInRounds = fontReads.count - readsBeforeRounds
    const docsInRounds = totals.pipeline.docs + totals.bare.docs

    // Fonts: at most one read per font file for the whole process (none if an earlier
    // bench already rendered), and none at all for the documents after the first.
    log(`Skrifttypefiler læst fra disk: ${readsFirst} ved første dokument, ${readsInRounds} under ${docsInRounds} målte dokumenter`)
    if (readsInRounds > 0) throw new Error(`Skrifttyperne læses fra disk for hvert dokument (${readsInRounds} læsninger); de skal læses én gang pr. proces.`)

    const value = rate(totals.pipeline)
    const baseline = rate(totals.bare)
    const line = resultLine({
      bench: BENCH,
      case: CASE,
      value,
      unit: 'dok/s',
      baseline,
      target: TARGET,
      baselineCase: 'pdfkit-bar-samme-tekst-og-ttf',
      sider: PAGES,
      seconds: Math.round(totals.pipeline.ms / 1000),
      fontFileReadsPerDocument: readsInRounds / docsInRounds,
    })
    emit(line)
    log(`${CASE}: ${value.toFixed(1)} dok/s (${(1000 / value).toFixed(1)} ms/dok) mod ${baseline.toFixed(1)} dok/s bar: ratio ${line.ratio} (mål ≥ ${TARGET})`)
    if (!(line.ratio >= TARGET)) {
      log(`Under målet: ratio ${line.ratio} < ${TARGET}.`)
      process.exitCode = 1
    }
  } finally {
    fontReads.restore()
  }
}

async function measure(fn, ms) {
  let docs = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    await fn()
    docs++
    now = performance.now()
  }
  return { docs, ms: now - start }
}

const rate = ({ docs, ms }) => (docs * 1000) / ms

function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
}

/**
 * Counts fs.readFileSync calls for font files (PDFKit reads a font given by path with
 * it; server/kerne/documents/pdf.ts imports it by name, hence syncBuiltinESMExports).
 */
function countFontReads() {
  const original = fs.readFileSync
  const counter = { count: 0, restore() {} }
  fs.readFileSync = function (file, ...rest) {
    if (/\.(ttf|otf)$/i.test(String(file instanceof URL ? file.pathname : file))) counter.count++
    return original.call(this, file, ...rest)
  }
  syncBuiltinESMExports()
  counter.restore = () => {
    fs.readFileSync = original
    syncBuiltinESMExports()
  }
  return counter
}

function bareFonts(require) {
  const fontDir = join(require.resolve('dkfds'), '..', '..', 'fonts', 'IBMPlexSans', 'complete', 'ttf')
  // The bench's own copy, read once, as pdf.ts reads its own.
  return {
    regular: fs.readFileSync(join(fontDir, 'IBMPlexSans-Regular.ttf')),
    bold: fs.readFileSync(join(fontDir, 'IBMPlexSans-Bold.ttf')),
  }
}

const MM = 72 / 25.4
const MARGINS = { top: 16 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM }

/** The same text as the decision, flowing in a plain PDFKit document. */
function bareDocument(PDFDocument, spec, fonts) {
  // font: '' so PDFKit does not open Helvetica (an AFM file read and parsed per
  // document) that the text never uses; pdf.ts does the same.
  const pdf = new PDFDocument({ size: 'A4', margins: MARGINS, bufferPages: true, font: '' })
  pdf.registerFont('regular', fonts.regular)
  pdf.registerFont('bold', fonts.bold)
  const chunks = []
  pdf.on('data', (chunk) => chunks.push(chunk))
  const done = new Promise((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  const { letterhead } = spec
  pdf.font('bold').fontSize(14).text(letterhead.naevnNavn)
  pdf.font('regular').fontSize(9).text([...letterhead.adresseLinjer, ...letterhead.kontaktLinjer].join('\n'), { paragraphGap: 14 })
  for (const block of spec.blocks) {
    switch (block.type) {
      case 'heading':
        pdf.font('bold').fontSize(block.level === 1 ? 17 : 12.5).text(block.text, { paragraphGap: 6 })
        break
      case 'paragraph':
        pdf.font('regular').fontSize(10).text(block.text, { lineGap: 2.5, paragraphGap: 5 })
        break
      case 'list':
        block.items.forEach((item, i) => pdf.font('regular').fontSize(10).text(`${block.ordered ? `${i + 1}.` : '•'} ${item}`, { lineGap: 2.5 }))
        break
      case 'keyValue':
        for (const row of block.rows) {
          pdf.font('bold').fontSize(10).text(row.label, { continued: true }).font('regular').text(`  ${row.value}`)
        }
        pdf.moveDown()
        break
      case 'table':
        for (const row of [block.columns, ...block.rows]) pdf.font('regular').fontSize(9.5).text(row.join('  '))
        break
      case 'pageBreak':
        pdf.addPage()
        break
    }
  }
  const { start, count } = pdf.bufferedPageRange()
  for (let i = 0; i < count; i++) {
    pdf.switchToPage(start + i)
    pdf.page.margins.bottom = 0
    pdf.font('regular').fontSize(8.5).text(`${spec.title}    Side ${i + 1} af ${count}`, MARGINS.left, pdf.page.height - 11 * MM, { lineBreak: false })
  }
  pdf.end()
  return done
}

/** The shared example decision, lengthened to exactly 3 pages (checked above). */
function afgoerelse(eksempelAfgoerelse) {
  const afsnit = Array.from(
    { length: 20 },
    (_, i) =>
      `Afsnit ${i + 1}. Nævnet har modtaget bemærkninger fra parterne, herunder fotografier af radiatorerne, en kopi af lejekontrakten af 1. februar 2019 og korrespondance om fordelingen af udgifterne til varme og vand i ejendommen.`,
  )
  return eksempelAfgoerelse({
    sagsfremstilling: `Lejeren har anført:\n- at fordelingen ikke følger de målte forbrug,\n- at der er opkrævet for nye målere.\n\n${afsnit.join('\n\n')}`,
  })
}
