// View-models of the filing pages: what each template gets, prepared (labels in
// Danish, dates formatted, CPR masked). Nothing is computed in the templates.
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'
import { maskCpr } from '../../kerne/identitet/cpr.js'
import type { PostnummerIndex } from '../../kerne/referencedata/postnumre.js'
import { bilagKategorier, dokumentKategoriLabel, formatStoerrelse, tilladteTyper } from '../../kerne/sag/bilag.js'
import { formaalFor, sagsomraaderFor, udenforKompetence, type IndbringerRolle } from '../../kerne/sag/sagsomraader.js'
import { statusForPart, type SagStatus } from '../../kerne/sag/status.js'
import { formatDato, formatDatoTid } from '../../kerne/sag/visning.js'
import type { FormValues } from '../../platform/forms/form.js'
import { antalMedpartFelter, trin, type TrinSlug } from './indbringelse.trin.js'
import { lejemaalLabel, naevnTypeFor, repraesentantTyper, rolleLabel, type LejemaalType } from '../../kerne/sag/koder.js'
import { journalTekst } from '../../kerne/sag/journalhandlinger.js'

type SagRow = {
  id: string
  status: string
  trin: number
  indbringer_rolle: string | null
  repraesentant_type: string | null
  lejemaal_type: string | null
  vejnavn: string | null
  husnummer: string | null
  etage: string | null
  doer: string | null
  postnr: string | null
  by: string | null
  kommunekode: number | null
  formaal: string | null
  sagsomraader: string[]
  beskrivelse: string | null
  svar: unknown
  sagsnummer: string | null
  indbringelsesnummer: number | null
  indbragt: Date | null
  oprettet_af: string
  gebyr_kr: number | null
}

type ParterRows = {
  rolle: string
  raekkefoelge: number
  user_id: string | null
  navn: string
  cpr_krypteret: Buffer | null
  cvr: string | null
  email: string | null
  telefon: string | null
  adresse: string | null
  postnr: string | null
  by: string | null
}[]

/** The DKFDS step indicator: done steps as links, the current one marked. */
export function trinviser(sag: SagRow, aktuel: TrinSlug) {
  return trin.map((t) => ({
    nr: t.nr,
    titel: t.titel,
    href: `/indbringelse/${sag.id}/${t.slug}`,
    aktuel: t.slug === aktuel,
    faerdig: sag.trin >= t.nr && t.slug !== aktuel,
    // A step is reachable once the steps before it are saved.
    laast: t.nr > sag.trin + 1 && t.slug !== aktuel,
  }))
}

export function naesteTrin(sag: { trin: number }): TrinSlug {
  return (trin.find((t) => t.nr === Math.min(sag.trin + 1, 7)) ?? trin[0]).slug
}

const opt = (entries: Record<string, string>, valgt: string | null | undefined) =>
  Object.entries(entries).map(([value, label]) => ({ value, label, valgt: value === valgt }))

export function hvemView(sag: SagRow, input?: FormValues) {
  const v = input
    ? { rolle: String(input.indbringer_rolle ?? ''), forHvem: String(input.for_hvem ?? ''), type: String(input.repraesentant_type ?? '') }
    : { rolle: sag.indbringer_rolle ?? '', forHvem: sag.indbringer_rolle ? (sag.repraesentant_type ? 'repraesentant' : 'selv') : '', type: sag.repraesentant_type ?? '' }
  return {
    roller: opt(rolleLabel, v.rolle),
    forHvem: opt({ selv: 'Jeg indbringer sagen for mig selv', repraesentant: 'Jeg repræsenterer en anden (fx som advokat eller lejerforening)' }, v.forHvem),
    repraesentantTyper: Object.entries(repraesentantTyper).map(([value, label]) => ({ value, label })),
    repraesentantType: v.type,
  }
}

export function lejemaalView(sag: SagRow, postnumre: PostnummerIndex, input?: FormValues, kommuneValg?: { kommunekode: number; navn: string }[]) {
  const v = input
    ? Object.fromEntries(['vejnavn', 'husnummer', 'etage', 'doer', 'postnr', 'by', 'lejemaal_type', 'kommunekode'].map((k) => [k, String(input[k] ?? '')]))
    : {
        vejnavn: sag.vejnavn ?? '',
        husnummer: sag.husnummer ?? '',
        etage: sag.etage ?? '',
        doer: sag.doer ?? '',
        postnr: sag.postnr ?? '',
        by: sag.by ?? '',
        lejemaal_type: sag.lejemaal_type ?? '',
        kommunekode: sag.kommunekode ? String(sag.kommunekode) : '',
      }
  const valg = kommuneValg ?? postnumre.lookup(v.postnr ?? '')?.kommuner ?? []
  return {
    v,
    typer: opt(lejemaalLabel, v.lejemaal_type),
    kommuneValg: valg.length > 1 ? valg.map((k) => ({ value: String(k.kommunekode), label: k.navn, valgt: String(k.kommunekode) === v.kommunekode })) : [],
  }
}

function partFelter(prefix: string, p: ParterRows[number] | undefined, cpr: CprCipher) {
  const id = p?.cvr ?? (p?.cpr_krypteret ? maskCpr(cpr.decrypt(p.cpr_krypteret)) : '')
  return {
    [`${prefix}_navn`]: p?.navn ?? '',
    [`${prefix}_cprcvr`]: id,
    [`${prefix}_email`]: p?.email ?? '',
    [`${prefix}_telefon`]: p?.telefon ?? '',
    [`${prefix}_adresse`]: p?.adresse ?? '',
    [`${prefix}_postnr`]: p?.postnr ?? '',
    [`${prefix}_by`]: p?.by ?? '',
  }
}

export function parterView(sag: SagRow, parter: ParterRows, cpr: CprCipher, bruger: { navn: string; email: string }, input?: FormValues) {
  const repraesentant = sag.repraesentant_type !== null
  let v: Record<string, string>
  if (input) v = Object.fromEntries(Object.entries(input).map(([k, val]) => [k, Array.isArray(val) ? (val[0] ?? '') : String(val ?? '')]))
  else {
    const mig = parter.find((x) => x.rolle === (repraesentant ? 'repraesentant' : 'indbringer'))
    v = {
      ...partFelter('mig', mig, cpr),
      ...(repraesentant ? partFelter('klient', parter.find((x) => x.rolle === 'indbringer'), cpr) : {}),
      ...partFelter('modpart', parter.find((x) => x.rolle === 'modpart'), cpr),
    }
    const medparter = parter.filter((x) => x.rolle === 'medpart')
    for (let i = 1; i <= antalMedpartFelter; i++) Object.assign(v, partFelter(`medpart${i}`, medparter[i - 1], cpr))
    // A first visit starts from the account's own name and address.
    // (A MitID account's placeholder address under .invalid is no address to offer.)
    if (!mig) Object.assign(v, { mig_navn: bruger.navn, mig_email: bruger.email.endsWith('@mitid.invalid') ? '' : bruger.email })
  }
  return {
    v,
    repraesentant,
    modpartHjaelp: sag.indbringer_rolle === 'udlejer' ? 'Lejeren, sagen drejer sig om.' : 'Udlejeren eller boligorganisationen.',
    medparter: Array.from({ length: antalMedpartFelter }, (_, i) => ({ prefix: `medpart${i + 1}`, nr: i + 1 })),
  }
}

export function sagenView(sag: SagRow, input?: FormValues) {
  const type = naevnTypeFor(sag.lejemaal_type as LejemaalType)
  const rolle = sag.indbringer_rolle as IndbringerRolle
  const valgte = input ? ([] as string[]).concat(input.sagsomraader ?? []) : sag.sagsomraader
  const formaal = input ? String(input.formaal ?? '') : (sag.formaal ?? '')
  const svar = (sag.svar ?? {}) as Record<string, string>
  const value = (felt: string) => (input ? String(input[`svar_${felt}`] ?? '') : (svar[felt] ?? ''))
  return {
    omraader: sagsomraaderFor(type)
      .filter((o) => !o.kunUdlejer || rolle === 'udlejer')
      .map((o) => ({
        kode: o.kode,
        label: o.label,
        hjaelp: o.hjaelp,
        valgt: valgte.includes(o.kode),
        spoergsmaal: (o.spoergsmaal ?? []).map((s) => ({ ...s, navn: `svar_${s.felt}`, vaerdi: value(s.felt), erDato: s.type === 'dato' })),
      })),
    formaal: formaalFor(type, rolle).map((f) => ({ value: f.kode, label: f.label, hjaelp: f.hjaelp, valgt: f.kode === formaal })),
    beskrivelse: input ? String(input.beskrivelse ?? '') : (sag.beskrivelse ?? ''),
    udenfor: udenforKompetence(type),
    naevnType: type === 'huslejenaevn' ? 'huslejenævnet' : 'beboerklagenævnet',
  }
}

export function bilagView(dokumenter: { id: string; filnavn: string; stoerrelse: number; kategori: string; mime: string }[]) {
  return {
    bilag: dokumenter.map((d) => ({ ...d, stoerrelse: formatStoerrelse(d.stoerrelse), kategori: dokumentKategoriLabel[d.kategori] ?? d.kategori })),
    kategorier: Object.entries(bilagKategorier).map(([value, label]) => ({ value, label })),
    tilladte: Object.values(tilladteTyper).join(', '),
  }
}

export function statusView(sag: { status: string; sagsnummer: string | null; indbragt: Date | null }) {
  const s = statusForPart[sag.status as SagStatus]
  return { status: s.label, naeste: s.naeste, sagsnummer: sag.sagsnummer, indbragt: sag.indbragt ? formatDatoTid(sag.indbragt) : null }
}

export function journalView(journal: { tidspunkt: Date; handling: string; til_status: string | null; aktoer: string | null }[]) {
  return journal.map((j) => ({
    tidspunkt: formatDatoTid(j.tidspunkt),
    dato: formatDato(j.tidspunkt),
    tekst: journalTekst(j, 'part'),
    aktoer: j.aktoer,
  }))
}
