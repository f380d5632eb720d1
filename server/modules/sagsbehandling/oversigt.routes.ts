// The secretariat leader's overview of their boards: open cases by status and age,
// processing times of the decided cases, and overdue deadlines. Only for a
// sekretariatsleder; everyone else gets 404. The numbers come from
// oversigt.repository.ts; here the query is read and the view-model (Danish labels,
// the bar charts' geometry) is prepared, so the template only prints.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertSekretariatsleder, ledteNaevnIds } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import type { Database } from '../../platform/db/database.js'
import { FormErrors } from '../../platform/forms/form.js'
import { isUuid, naevnTypeLabel, naevnTyper, type NaevnType } from '../../kerne/naevn/naevn.js'
import { sagsomraaderFor } from '../../kerne/sag/sagsomraader.js'
import { statusForPart } from '../../kerne/sag/status.js'
import { adresseTekst, formatDato } from '../../kerne/sag/visning.js'
import { erDato, idagIDanmark } from '../../kerne/sag/frister.js'
import {
  aabneSagerPrStatus,
  aldersfordeling,
  aldersgrupper,
  behandlingstider,
  ledteNaevn,
  overskredneFrister,
  type Behandlingstid,
  type Dato,
} from './oversigt.repository.js'

// Lenient on purpose: a bad value re-renders the page with a Danish message (400)
// instead of the generic error page.
export const OversigtQuery = Type.Object({
  naevn: Type.Optional(Type.String({ maxLength: 200 })),
  fra: Type.Optional(Type.String({ maxLength: 200 })),
  til: Type.Optional(Type.String({ maxLength: 200 })),
})
export type OversigtQuery = Static<typeof OversigtQuery>


/** The day after the same date a year before: [result, dato] spans exactly 12 months. */
export function etAarFoer(dato: Dato): Dato {
  const [y, m, d] = dato.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y - 1, m - 1, d + 1))
  return t.toISOString().slice(0, 10)
}

type Forespoergsel = { ok: true; naevnIds: string[]; fra: Dato; til: Dato } | { ok: false; errors: FormErrors }

function laesForespoergsel(q: OversigtQuery, ledte: readonly string[], idag: Dato): Forespoergsel {
  const errors = new FormErrors()
  const naevn = (q.naevn ?? '').trim()
  const fra = (q.fra ?? '').trim()
  const til = (q.til ?? '').trim()
  if (naevn && !(isUuid(naevn) && ledte.includes(naevn))) errors.add('naevn', 'Vælg et af de nævn, du er sekretariatsleder for.')
  const datofejl = (felt: 'fra' | 'til', v: string, navn: string, eksempel: string) => {
    if (!v || erDato(v)) return
    errors.add(felt, /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${navn} findes ikke i kalenderen. Tjek dag og måned.` : `Skriv ${navn.toLowerCase()} som år-måned-dag, fx ${eksempel}.`)
  }
  datofejl('fra', fra, 'Startdatoen', '2026-01-31')
  datofejl('til', til, 'Slutdatoen', '2026-12-31')
  if (errors.any) return { ok: false, errors }
  const slut = til || idag
  const start = fra || etAarFoer(slut)
  // YYYY-MM-DD strings compare as the dates they name.
  if (start > slut) return { ok: false, errors: errors.add('til', 'Slutdatoen skal være samme dag som startdatoen eller senere.') }
  return { ok: true, naevnIds: naevn ? [naevn] : [...ledte], fra: start, til: slut }
}

// ── View-model ───────────────────────────────────────────────────────────────────

const tal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 })

function dage(v: number | null): string {
  return v === null ? '–' : tal.format(v)
}

function datoTekst(d: Dato): string {
  return formatDato(new Date(`${d}T12:00:00Z`))
}

// Geometry of a horizontal bar chart, in SVG user units. Sizes are attributes, never
// style: the CSP forbids inline styles.
const diagram = { labelBredde: 200, soejleMaks: 400, vaerdiBredde: 60, raekke: 32, soejle: 22, top: 6 }

export interface Soejlediagram {
  titel: string
  ariaLabel: string
  bredde: number
  hoejde: number
  labelX: number
  soejler: { label: string; antal: number; x: number; y: number; bredde: number; hoejde: number; tekstY: number; vaerdiX: number }[]
}

export function soejlediagram(titel: string, punkter: readonly { label: string; antal: number }[]): Soejlediagram {
  const maks = Math.max(0, ...punkter.map((p) => p.antal))
  const d = diagram
  return {
    titel,
    ariaLabel: `${titel}: ${punkter.map((p) => `${p.label} ${p.antal}`).join(', ')}.`,
    bredde: d.labelBredde + d.soejleMaks + d.vaerdiBredde,
    hoejde: d.top * 2 + punkter.length * d.raekke,
    labelX: d.labelBredde - 10,
    soejler: punkter.map((p, i) => {
      // A bar of a non-zero count stays visible however small it is next to the largest.
      const bredde = maks === 0 || p.antal === 0 ? 0 : Math.max(2, Math.round((p.antal / maks) * d.soejleMaks))
      const y = d.top + i * d.raekke + (d.raekke - d.soejle) / 2
      return {
        label: p.label,
        antal: p.antal,
        x: d.labelBredde,
        y,
        bredde,
        hoejde: d.soejle,
        tekstY: y + d.soejle / 2 + 5,
        vaerdiX: d.labelBredde + bredde + 8,
      }
    }),
  }
}

function tidRaekke(label: string, t: Behandlingstid) {
  return { label, antal: t.antal, median: dage(t.median), p90: dage(t.p90) }
}

function omraadeLabel(type: NaevnType, kode: string, flereTyper: boolean): string {
  const label = sagsomraaderFor(type).find((o) => o.kode === kode)?.label ?? kode
  return flereTyper ? `${label} (${naevnTypeLabel[type].toLowerCase()})` : label
}

function omraadeOrden(type: NaevnType, kode: string): number {
  const i = sagsomraaderFor(type).findIndex((o) => o.kode === kode)
  return naevnTyper.indexOf(type) * 1000 + (i === -1 ? 999 : i)
}

async function oversigtView(db: Database, p: Principal, naevnIds: string[], periode: { fra: Dato; til: Dato }, idag: Dato) {
  const [naevn, statusTal, alder, tider, frister] = await Promise.all([
    ledteNaevn(db, p, naevnIds),
    aabneSagerPrStatus(db, p, naevnIds),
    aldersfordeling(db, p, naevnIds, idag),
    behandlingstider(db, p, naevnIds, periode),
    overskredneFrister(db, p, naevnIds, idag),
  ])
  const typer = new Set(naevn.map((n) => n.type))
  const statusPunkter = statusTal.map((s) => ({ label: statusForPart[s.status].label, antal: s.antal }))
  const alderPunkter = aldersgrupper.map((g) => ({ label: g.label, antal: alder[g.kode] }))
  const aabneIalt = statusTal.reduce((sum, s) => sum + s.antal, 0)

  return {
    noegletal: [
      { label: 'Åbne sager', vaerdi: String(aabneIalt) },
      { label: 'Overskredne frister', vaerdi: String(frister.antal) },
      { label: 'Afgjort i perioden', vaerdi: String(tider.total.antal) },
      { label: 'Median behandlingstid', vaerdi: tider.total.median === null ? '–' : `${dage(tider.total.median)} dage` },
    ],
    status: { raekker: statusPunkter, ialt: aabneIalt, diagram: soejlediagram('Åbne sager efter status', statusPunkter) },
    alder: { raekker: alderPunkter, ialt: aabneIalt, diagram: soejlediagram('Åbne sager efter alder', alderPunkter) },
    behandlingstid: {
      periode: `${datoTekst(periode.fra)} – ${datoTekst(periode.til)}`,
      prNaevn: naevn.map((n) => tidRaekke(n.navn, tider.prNaevn.find((t) => t.naevnId === n.id) ?? { antal: 0, median: null, p90: null })),
      total: tidRaekke('I alt', tider.total),
      prOmraade: [...tider.prOmraade]
        .sort((a, b) => omraadeOrden(a.naevnType as NaevnType, a.sagsomraade) - omraadeOrden(b.naevnType as NaevnType, b.sagsomraade))
        .map((t) => tidRaekke(omraadeLabel(t.naevnType as NaevnType, t.sagsomraade, typer.size > 1), t)),
    },
    frister: {
      antal: frister.antal,
      tekst:
        (frister.antal === 1 ? '1 sag har overskredet fristen.' : `${frister.antal} sager har overskredet fristen.`) +
        (frister.antal > frister.sager.length ? ` De ${frister.sager.length} mest forsinkede vises.` : ''),
      sager: frister.sager.map((s) => ({
        href: `/sagsbehandling/sager/${s.id}`,
        sagsnummer: s.sagsnummer ?? '',
        naevn: s.naevnNavn,
        adresse: adresseTekst(s),
        indbragt: formatDato(s.indbragt),
        dageOverskredet: s.dageOverskredet,
      })),
    },
  }
}

export const oversigtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  app.get(
    '/sagsbehandling/oversigt',
    { schema: { querystring: OversigtQuery }, preHandler: guard(assertSekretariatsleder) },
    async (req, reply) => {
      const p = requirePrincipal(req)
      const ledte = ledteNaevnIds(p)
      const idag = idagIDanmark()
      const naevnValg = p.memberships
        .filter((m) => ledte.includes(m.naevnId))
        .map((m) => ({ value: m.naevnId, label: m.naevnNavn }))
        .filter((v, i, all) => all.findIndex((o) => o.value === v.value) === i)
      const r = laesForespoergsel(req.query, ledte, idag)
      const common = { titel: 'Overblik over sagerne', naevnValg }
      if (!r.ok) {
        // What the user typed stays in the form, with the messages beside it.
        const v = { naevn: req.query.naevn ?? '', fra: req.query.fra ?? '', til: req.query.til ?? '' }
        return reply.status(400).page('pages/sagsbehandling/oversigt', { ...common, v, ...r.errors.toView() })
      }
      const v = { naevn: req.query.naevn ? r.naevnIds[0] : '', fra: r.fra, til: r.til }
      return reply.page('pages/sagsbehandling/oversigt', { ...common, v, fejl: {}, oversigt: await oversigtView(db, p, r.naevnIds, r, idag) })
    },
  )
}
