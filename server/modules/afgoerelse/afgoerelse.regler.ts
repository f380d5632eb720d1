// The rules of a decision's registration: which fields apply to which outcome, and the
// Danish validation of what the caseworker typed. Pure: form values in, data or errors out.
import { FormErrors, feltLaengdeFejl, list, text, type FormValues } from '../../platform/forms/form.js'
import { erDato } from '../../kerne/sag/frister.js'
import { validerTekst } from '../../kerne/documents/tekst.js'
import {
  afslutningsaarsager,
  besigtigelseKoder,
  huslejeangivelser,
  huslejekategorier,
  huslejemetoder,
  medholdKoder,
  type Afslutningsaarsag,
} from '../../kerne/sag/koder.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'

export interface AfgoerelseFelter {
  afgoerelsesdato: string
  afslutningsaarsag: Afslutningsaarsag
  henlaeggelsesaarsag: string | null
  afvisningsaarsag: string | null
  medhold: keyof typeof medholdKoder | 'NOT_SET'
  gebyrpaalaeggelse: boolean
  sagsomraader: string[]
  lovgrundlag: string[]
  besigtigelse: keyof typeof besigtigelseKoder
  offentlig_interesse: boolean
  huslejefastsaettelse: {
    dato: string
    metode: keyof typeof huslejemetoder
    kategori: keyof typeof huslejekategorier
    angivelse: keyof typeof huslejeangivelser
    husleje: string
    areal: string
  } | null
  afgoerelse_tekst: string
  sagsfremstilling: string
  begrundelse: string
}

const har = <T extends object>(codes: T, v: string): v is Extract<keyof T, string> => Object.hasOwn(codes, v)

/** Danish decimal input ("8.500,50" or "8500.5") → a plain decimal string, or null. */
export function decimal(value: string): string | null {
  const v = value.replace(/\s|kr\.?|m²/g, '')
  const dansk = /^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(v)
  const normal = /^\d+(\.\d{1,2})?$/.test(v)
  if (!dansk && !normal) return null
  return dansk ? v.replace(/\./g, '').replace(',', '.') : v
}

export function laesAfgoerelse(
  body: FormValues | undefined,
  o: { gyldigeOmraader: string[]; gyldigeBestemmelser: (id: string) => boolean },
): { ok: true; data: AfgoerelseFelter } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors()
  const afgoerelsesdato = text(body, 'afgoerelsesdato', 10)
  const aarsag = text(body, 'afslutningsaarsag')
  const medhold = text(body, 'medhold')
  const henlaeggelse = text(body, 'henlaeggelsesaarsag', tekstGraenser.begrundelse)
  const afvisning = text(body, 'afvisningsaarsag', tekstGraenser.begrundelse)
  const gebyr = text(body, 'gebyrpaalaeggelse')
  const besigtigelse = text(body, 'besigtigelse')
  const interesse = text(body, 'offentlig_interesse')
  const sagsomraader = list(body, 'sagsomraader')
  const lovgrundlag = list(body, 'lovgrundlag')

  if (!erDato(afgoerelsesdato)) errors.add('afgoerelsesdato', 'Angiv afgørelsesdatoen.')
  if (!har(afslutningsaarsager, aarsag)) errors.add('afslutningsaarsag', 'Vælg afslutningsårsagen.')
  // Each outcome has its own required field: medhold for a decision on the merits, a
  // reason for a rejection or a dismissal; the others do not apply.
  const medMedhold = aarsag === 'IN_FAVOUR' || aarsag === 'IN_PARTIAL_FAVOUR'
  if (medMedhold && !har(medholdKoder, medhold)) errors.add('medhold', 'Angiv, hvem der får medhold.')
  if (aarsag === 'DISMISSED' && henlaeggelse.length < 5) errors.add('henlaeggelsesaarsag', 'Skriv henlæggelsesårsagen.')
  if (aarsag === 'REJECTED' && afvisning.length < 5) errors.add('afvisningsaarsag', 'Skriv afvisningsårsagen.')
  if (gebyr !== 'ja' && gebyr !== 'nej') errors.add('gebyrpaalaeggelse', 'Angiv, om udlejer pålægges gebyr.')
  if (sagsomraader.length === 0) errors.add('sagsomraader', 'Vælg mindst ét sagsområde.')
  else if (sagsomraader.some((s) => !o.gyldigeOmraader.includes(s))) errors.add('sagsomraader', 'Vælg sagsområder fra listen.')
  if (lovgrundlag.some((id) => !o.gyldigeBestemmelser(id))) errors.add('lovgrundlag', 'En af de valgte bestemmelser findes ikke. Søg den frem igen.')
  if (!har(besigtigelseKoder, besigtigelse)) errors.add('besigtigelse', 'Angiv, om der har været besigtigelse.')
  if (interesse !== 'ja' && interesse !== 'nej') errors.add('offentlig_interesse', 'Angiv, om sagen har almen offentlig interesse.')

  // The rent determination applies only when the decision sets a rent: all or nothing.
  const leje = {
    dato: text(body, 'huslejefastsaettelse_dato', 10),
    metode: text(body, 'huslejefastsaettelse_metode'),
    kategori: text(body, 'huslejekategori'),
    angivelse: text(body, 'huslejeangivelse'),
    husleje: text(body, 'husleje', 20),
    areal: text(body, 'areal', 20),
  }
  let huslejefastsaettelse: AfgoerelseFelter['huslejefastsaettelse'] = null
  if (text(body, 'fastsaetter_husleje') === 'ja') {
    if (!erDato(leje.dato)) errors.add('huslejefastsaettelse_dato', 'Angiv datoen for huslejefastsættelsen.')
    if (!har(huslejemetoder, leje.metode)) errors.add('huslejefastsaettelse_metode', 'Vælg metoden for huslejefastsættelsen.')
    if (!har(huslejekategorier, leje.kategori)) errors.add('huslejekategori', 'Vælg huslejekategorien.')
    if (!har(huslejeangivelser, leje.angivelse)) errors.add('huslejeangivelse', 'Vælg huslejeangivelsen.')
    const beloeb = decimal(leje.husleje)
    const areal = decimal(leje.areal)
    if (!beloeb || Number(beloeb) <= 0) errors.add('husleje', 'Skriv huslejen i kroner, fx 8.500 eller 1.250,50.')
    if (!areal || Number(areal) <= 0) errors.add('areal', 'Skriv bruttoarealet i m², fx 72.')
    if (!errors.any) {
      huslejefastsaettelse = {
        dato: leje.dato,
        metode: leje.metode as keyof typeof huslejemetoder,
        kategori: leje.kategori as keyof typeof huslejekategorier,
        angivelse: leje.angivelse as keyof typeof huslejeangivelser,
        husleje: beloeb!,
        areal: areal!,
      }
    }
  }

  const tekster = {
    // validerTekst counts their length (in characters, as the document has them).
    afgoerelse_tekst: text(body, 'afgoerelse_tekst', Number.POSITIVE_INFINITY),
    sagsfremstilling: text(body, 'sagsfremstilling', Number.POSITIVE_INFINITY),
    begrundelse: text(body, 'begrundelse', Number.POSITIVE_INFINITY),
  }
  for (const [felt, vaerdi] of Object.entries(tekster)) {
    const fejl = validerTekst(vaerdi, tekstGraenser.afgoerelsesafsnit)
    if (fejl) errors.add(felt, fejl.endsWith('.') ? fejl : `${fejl}. Skriv almindelig tekst; tomme linjer deler afsnit, og linjer med "- " bliver punkter.`)
  }

  errors.merge(feltLaengdeFejl(body))
  if (errors.any) return { ok: false, errors }
  return {
    ok: true,
    data: {
      afgoerelsesdato,
      afslutningsaarsag: aarsag as Afslutningsaarsag,
      henlaeggelsesaarsag: aarsag === 'DISMISSED' ? henlaeggelse : null,
      afvisningsaarsag: aarsag === 'REJECTED' ? afvisning : null,
      medhold: medMedhold ? (medhold as keyof typeof medholdKoder) : 'NOT_SET',
      gebyrpaalaeggelse: gebyr === 'ja',
      sagsomraader,
      lovgrundlag: [...new Set(lovgrundlag)],
      besigtigelse: besigtigelse as keyof typeof besigtigelseKoder,
      offentlig_interesse: interesse === 'ja',
      huslejefastsaettelse,
      ...tekster,
    },
  }
}

/** Missing pieces before a decision can be made final (the fields are checked on save). */
export function mangler(a: { afgoerelse_tekst: string; begrundelse: string; afslutningsaarsag: string | null }): string[] {
  const m: string[] = []
  if (!a.afslutningsaarsag) m.push('Registrér afgørelsens felter og gem dem.')
  if (a.afgoerelse_tekst.trim().length < 10) m.push('Skriv afsnittet AFGØRELSE.')
  if (a.begrundelse.trim().length < 10) m.push('Skriv afsnittet LOVGRUNDLAG OG BEGRUNDELSE.')
  return m
}

/** The AFGØRELSE section's first wording, from the registered outcome; the caseworker edits it. */
export function standardAfgoerelseTekst(f: Pick<AfgoerelseFelter, 'afslutningsaarsag' | 'medhold' | 'gebyrpaalaeggelse' | 'henlaeggelsesaarsag' | 'afvisningsaarsag'>): string {
  const part = f.medhold === 'TENANT' ? 'lejer' : f.medhold === 'LANDLORD' ? 'udlejer' : 'begge parter delvist'
  const linjer: string[] = []
  switch (f.afslutningsaarsag) {
    case 'IN_FAVOUR':
      linjer.push(`Nævnet giver ${part} medhold.`)
      break
    case 'IN_PARTIAL_FAVOUR':
      linjer.push(`Nævnet giver ${part === 'begge parter delvist' ? part : `${part} delvist`} medhold.`)
      break
    case 'REJECTED':
      linjer.push(`Nævnet afviser at behandle sagen. ${f.afvisningsaarsag ?? ''}`.trim())
      break
    case 'DISMISSED':
      linjer.push(`Sagen henlægges. ${f.henlaeggelsesaarsag ?? ''}`.trim())
      break
    case 'SETTLEMENT':
      linjer.push('Parterne har indgået forlig, og sagen afsluttes.')
      break
  }
  if (f.gebyrpaalaeggelse) linjer.push('Udlejer pålægges at betale gebyr til nævnet (lov om boligforhold § 100).')
  return linjer.join('\n\n')
}
