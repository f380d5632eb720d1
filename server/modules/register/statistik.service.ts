// The statistics page's view-model: one year at a time (the newest by default), a row
// per board, and a line for the whole country (counts only: a median of medians is no
// median).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { linkMed } from './offentlig-side.js'
import { statistikAar, statistikForAar, UDFALD } from './statistik.repository.js'
import { naevnTypeLabel, type NaevnType } from '../../kerne/naevn/naevn.js'
import { talTekst } from './visning.js'

// Column headings: the code lists' labels (koder.ts) are sentences, too wide for a table.
const kortUdfald: Record<(typeof UDFALD)[number], string> = {
  IN_FAVOUR: 'Medhold',
  IN_PARTIAL_FAVOUR: 'Delvist medhold',
  REJECTED: 'Afvist',
  DISMISSED: 'Henlagt',
  SETTLEMENT: 'Forlig',
  NOT_SET: 'Ikke angivet',
}

export async function statistikSide(db: Kysely<DB>, aarInput: string) {
  const aarListe = await statistikAar(db)
  const fejl: Record<string, string> = {}
  if (aarInput && !/^\d{4}$/.test(aarInput)) fejl.aar = 'Skriv året med fire cifre, fx 2026.'
  const aar = aarInput && !fejl.aar ? Number(aarInput) : (aarListe[0] ?? new Date().getUTCFullYear())
  const rows = fejl.aar ? [] : await statistikForAar(db, aar)
  const sum = (f: (r: (typeof rows)[number]) => number) => talTekst(rows.reduce((s, r) => s + f(r), 0))
  return {
    status: fejl.aar ? (400 as const) : (200 as const),
    vm: {
      titel: `Statistik ${fejl.aar ? '' : aar}`.trim(),
      aar,
      fejl,
      fejlListe: Object.entries(fejl).map(([felt, besked]) => ({ felt, besked: `År: ${besked}` })),
      aarLinks: aarListe.map((a) => ({ tekst: String(a), href: linkMed('/statistik', { aar: a }), aktuel: a === aar && !fejl.aar })),
      udfaldKolonner: UDFALD.map((u) => kortUdfald[u]),
      naevn: rows.map((r) => ({
        navn: r.naevnNavn,
        type: naevnTypeLabel[r.naevnType as NaevnType] ?? r.naevnType,
        afgjort: talTekst(r.afgjort),
        publiceret: talTekst(r.publiceret),
        afventer: talTekst(r.afgjort - r.publiceret - r.fravalgt - r.trukketTilbage),
        fravalgt: talTekst(r.fravalgt),
        trukketTilbage: talTekst(r.trukketTilbage),
        median: r.medianDage === null ? '–' : talTekst(Math.round(r.medianDage)),
        udfald: UDFALD.map((u) => talTekst(r.udfald[u] ?? 0)),
      })),
      total: rows.length
        ? {
            afgjort: sum((r) => r.afgjort),
            publiceret: sum((r) => r.publiceret),
            afventer: sum((r) => r.afgjort - r.publiceret - r.fravalgt - r.trukketTilbage),
            fravalgt: sum((r) => r.fravalgt),
            trukketTilbage: sum((r) => r.trukketTilbage),
            udfald: UDFALD.map((u) => sum((r) => r.udfald[u] ?? 0)),
          }
        : null,
    },
  }
}
