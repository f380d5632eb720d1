// Case areas (sagsområder), purposes (formål) and what lies outside each board's
// competence, as data. The filing flow shows the areas to choose from, asks the guiding
// questions of the chosen areas, and shows the topics outside the board's competence
// BEFORE the filer submits, so nobody pays a fee for a case the board must reject.
// Source: DOMAIN.md (the boards' public pages) and the law texts cited per entry.
import { naevnTypeLabel, type NaevnType } from '../naevn/naevn.js'

export type IndbringerRolle = 'lejer' | 'udlejer'

export interface Spoergsmaal {
  /** The answer's field name in the filing (ASCII, stable). */
  readonly felt: string
  readonly label: string
  readonly type: 'dato' | 'beloeb' | 'tekst'
  readonly paakraevet: boolean
  readonly hjaelp?: string
}

export interface Sagsomraade {
  /** Stable ASCII code; stored on the case, so never rename one. */
  readonly kode: string
  readonly label: string
  readonly hjaelp?: string
  /** Only the landlord may bring a case in this area. */
  readonly kunUdlejer?: true
  readonly spoergsmaal?: readonly Spoergsmaal[]
}

export interface UdenforKompetence {
  readonly kode: string
  readonly label: string
  /** Where to go instead, in Danish, for the filer. */
  readonly forklaring: string
}

export interface Formaal {
  readonly kode: string
  readonly label: string
  readonly hjaelp?: string
  readonly kunUdlejer?: true
}

const fraflytningsdato: Spoergsmaal = {
  felt: 'fraflytningsdato',
  label: 'Hvornår flyttede lejeren ud?',
  type: 'dato',
  paakraevet: true,
}

const regnskabsperiode: readonly Spoergsmaal[] = [
  { felt: 'regnskabsperiode_fra', label: 'Regnskabsperiodens første dag', type: 'dato', paakraevet: true },
  { felt: 'regnskabsperiode_til', label: 'Regnskabsperiodens sidste dag', type: 'dato', paakraevet: true },
]

const huslejenaevnOmraader: readonly Sagsomraade[] = [
  {
    kode: 'husleje',
    label: 'Huslejens størrelse',
    hjaelp: 'Også lejeforhøjelser og forbedringsforhøjelser.',
    spoergsmaal: [
      { felt: 'nuvaerende_maanedlig_leje', label: 'Hvad er den nuværende månedlige husleje?', type: 'beloeb', paakraevet: true },
      {
        felt: 'varslet_forhoejelse_dato',
        label: 'Hvilken dato er lejeforhøjelsen varslet til at gælde fra?',
        type: 'dato',
        paakraevet: false,
        hjaelp: 'Udfyld kun, hvis sagen handler om en varslet lejeforhøjelse.',
      },
    ],
  },
  {
    kode: 'depositum',
    label: 'Depositum og forudbetalt leje',
    spoergsmaal: [{ felt: 'depositum_beloeb', label: 'Hvor stort er depositummet?', type: 'beloeb', paakraevet: true }],
  },
  {
    kode: 'vedligeholdelse',
    label: 'Vedligeholdelse',
    hjaelp: 'Også indvendig og udvendig vedligeholdelseskonto, renholdelse og fornyelse.',
  },
  { kode: 'fraflytning', label: 'Fraflytning og istandsættelse', spoergsmaal: [fraflytningsdato] },
  {
    kode: 'forbrug',
    label: 'Varme, vand eller andet forbrug',
    hjaelp: 'Forbrugsregnskaber og acontobetaling.',
    spoergsmaal: regnskabsperiode,
  },
  { kode: 'antenne', label: 'Antenne og kommunikation' },
  { kode: 'mangler_ved_begyndelse', label: 'Mangler ved lejeforholdets begyndelse' },
  { kode: 'forbedringer', label: 'Forbedringer' },
  { kode: 'husorden', label: 'Husorden', hjaelp: 'Kun udlejer kan indbringe en sag om husorden.', kunUdlejer: true },
  {
    // Also the purpose 'forhaandsgodkendelse' below; the area names the subject in the
    // decision register, the purpose decides the procedure and the fee.
    kode: 'forhaandsgodkendelse',
    label: 'Forhåndsgodkendelse af leje',
    hjaelp: 'Lejelovens § 19, stk. 3. Kun udlejer kan anmode om forhåndsgodkendelse.',
    kunUdlejer: true,
  },
]

const beboerklagenaevnOmraader: readonly Sagsomraade[] = [
  { kode: 'fraflytning', label: 'Vedligeholdelse og istandsættelse ved fraflytning', spoergsmaal: [fraflytningsdato] },
  {
    kode: 'depositum',
    label: 'Indskud og depositum',
    spoergsmaal: [{ felt: 'depositum_beloeb', label: 'Hvor stort er indskuddet eller depositummet?', type: 'beloeb', paakraevet: true }],
  },
  { kode: 'boligens_stand', label: 'Boligens stand ved indflytning og i boperioden' },
  {
    kode: 'varsling_lejeforhoejelse',
    label: 'Formalia ved varsling af lejeforhøjelse',
    hjaelp: 'Nævnet kan tage stilling til, om en lejeforhøjelse er varslet korrekt, men ikke til lejens størrelse.',
    spoergsmaal: [{ felt: 'varslet_forhoejelse_dato', label: 'Hvilken dato er lejeforhøjelsen varslet til at gælde fra?', type: 'dato', paakraevet: true }],
  },
  { kode: 'forbedringer', label: 'Installationer, forbedringer og råderet' },
  { kode: 'forbrug', label: 'Forbrugsregnskaber (varme, vand, el)', spoergsmaal: regnskabsperiode },
  { kode: 'antenne', label: 'Antenne og kommunikation' },
  { kode: 'fremleje_bytte', label: 'Fremleje, fortsættelse og bytte' },
  {
    kode: 'beboerdemokrati',
    label: 'Lovligheden af beslutninger i beboerdemokratiet',
    spoergsmaal: [
      {
        felt: 'beslutningsdato',
        label: 'Hvornår blev beslutningen truffet?',
        type: 'dato',
        paakraevet: true,
        // almenlejeloven § 101, stk. 2: the case must be brought within 4 weeks of the decision.
        hjaelp: 'Sagen skal indbringes senest 4 uger efter beslutningen.',
      },
    ],
  },
  { kode: 'husorden', label: 'Husorden' },
]

// Disputes a board cannot decide go to the housing court (boligretten):
// lejeloven § 202, stk. 1, and almenlejeloven § 107, stk. 1.
const huslejenaevnUdenfor: readonly UdenforKompetence[] = [
  {
    kode: 'opsigelse_ophaevelse',
    label: 'Opsigelse og ophævelse af lejemålet',
    forklaring: 'Huslejenævnet kan ikke afgøre, om en opsigelse eller ophævelse er gyldig. Sådanne sager afgøres af boligretten.',
  },
  {
    kode: 'fremleje_bytte',
    label: 'Fremleje, bytte og fortsættelse',
    forklaring: 'Uenighed om fremleje, bytte af bolig og fortsættelse af lejemålet afgøres af boligretten, ikke af huslejenævnet.',
  },
  {
    kode: 'erstatning',
    label: 'Erstatning',
    forklaring: 'Huslejenævnet kan ikke tilkende erstatning. Et krav om erstatning skal rejses ved boligretten.',
  },
  {
    kode: 'adgang',
    label: 'Adgang til lejemålet',
    forklaring: 'Uenighed om udlejerens adgang til lejemålet afgøres af boligretten.',
  },
  {
    kode: 'rene_pengekrav',
    label: 'Rene pengekrav',
    forklaring: 'Et krav om betaling, hvor der ikke er uenighed om lejelovens regler, men kun om at beløbet skal betales, skal rejses ved domstolene (boligretten).',
  },
  {
    kode: 'fritidsbolig',
    label: 'Fritidsboliger',
    // lejeloven § 1, stk. 3: the act does not apply to holiday homes let for holidays.
    forklaring: 'Lejeloven gælder ikke for sommerhuse og andre fritidsboliger, der er udlejet til ferie- og fritidsformål. Uenighed afgøres af de almindelige domstole.',
  },
]

const beboerklagenaevnUdenfor: readonly UdenforKompetence[] = [
  {
    kode: 'opsigelse',
    label: 'Opsigelse af lejemålet',
    forklaring: 'Beboerklagenævnet kan ikke afgøre, om en opsigelse er gyldig. Sådanne sager afgøres af boligretten.',
  },
  {
    kode: 'lejens_stoerrelse',
    label: 'Lejens størrelse',
    forklaring:
      'Lejen i en almen bolig fastsættes ud fra afdelingens budget. Beboerklagenævnet kan kun tage stilling til, om en lejeforhøjelse er varslet korrekt. Uenighed om selve lejens størrelse afgøres af boligretten.',
  },
  {
    kode: 'lejenedsaettelse_mangler',
    label: 'Lejenedsættelse på grund af mangler',
    forklaring: 'Beboerklagenævnet kan ikke nedsætte lejen på grund af mangler ved boligen. Et krav om lejenedsættelse afgøres af boligretten.',
  },
]

const klage: Formaal = { kode: 'klage', label: 'Klage' }

const huslejenaevnFormaal: readonly Formaal[] = [
  klage,
  {
    // lejeloven § 19, stk. 3
    kode: 'forhaandsgodkendelse',
    label: 'Anmodning om forhåndsgodkendelse af leje',
    hjaelp: 'Lejelovens § 19, stk. 3. Huslejenævnet besigtiger lejemålet, før det forbedres gennemgribende.',
    kunUdlejer: true,
  },
  {
    // lejeloven § 132, stk. 2; it has its own fee (DOMAIN.md's fee table).
    kode: 'paragraf_132_stk_2',
    label: 'Anmodning om fastsættelse af leje før udlejning af ejer- eller andelsbolig',
    hjaelp: 'Lejelovens § 132, stk. 2. For ejeren af en ejerbolig eller andelshaveren, der overvejer at udleje boligen.',
    kunUdlejer: true,
  },
]

const beboerklagenaevnFormaal: readonly Formaal[] = [klage]

const omraader: Record<NaevnType, readonly Sagsomraade[]> = {
  huslejenaevn: huslejenaevnOmraader,
  beboerklagenaevn: beboerklagenaevnOmraader,
}
const udenfor: Record<NaevnType, readonly UdenforKompetence[]> = {
  huslejenaevn: huslejenaevnUdenfor,
  beboerklagenaevn: beboerklagenaevnUdenfor,
}
const formaal: Record<NaevnType, readonly Formaal[]> = {
  huslejenaevn: huslejenaevnFormaal,
  beboerklagenaevn: beboerklagenaevnFormaal,
}

// The data are shared by every request; freezing them keeps a caller from changing
// what the next filer sees.
for (const list of [...Object.values(omraader), ...Object.values(udenfor), ...Object.values(formaal)]) deepFreeze(list)

/** Every case area of a board type, in the order the filer sees them. */
export function sagsomraaderFor(type: NaevnType): readonly Sagsomraade[] {
  return omraader[type]
}

/** The purposes a filer in this role may choose at this kind of board. */
export function formaalFor(type: NaevnType, indbringerRolle: IndbringerRolle): readonly Formaal[] {
  return formaal[type].filter((f) => !f.kunUdlejer || indbringerRolle === 'udlejer')
}

/** Topics the board cannot decide, with where to go instead: shown before submission. */
export function udenforKompetence(type: NaevnType): readonly UdenforKompetence[] {
  return udenfor[type]
}

/** The chosen areas' guiding questions, each field once, in the order of the areas. */
export function spoergsmaalFor(type: NaevnType, koder: readonly string[]): readonly Spoergsmaal[] {
  const seen = new Set<string>()
  const result: Spoergsmaal[] = []
  for (const omraade of omraader[type]) {
    if (!koder.includes(omraade.kode)) continue
    for (const s of omraade.spoergsmaal ?? []) {
      if (seen.has(s.felt)) continue
      seen.add(s.felt)
      result.push(s)
    }
  }
  return result
}

/**
 * Checks the filer's choice of areas: at least one, all known for the board type, none
 * reserved for the landlord when a tenant files. With the purpose given, also that the
 * request for forhåndsgodkendelse and its area go together (they decide the fee).
 * Returns a Danish message for the form, or null when the choice is valid.
 */
export function validateSagsomraader(type: NaevnType, rolle: IndbringerRolle, koder: readonly string[], formaalKode?: string): string | null {
  if (koder.length === 0) return 'Vælg mindst ét sagsområde.'
  const known = omraader[type]
  for (const kode of koder) {
    const omraade = known.find((o) => o.kode === kode)
    if (!omraade) return `Et af de valgte sagsområder hører ikke under et ${naevnTypeLabel[type].toLowerCase()}. Vælg blandt sagsområderne på listen.`
    if (omraade.kunUdlejer && rolle !== 'udlejer') return `Kun udlejer kan indbringe en sag om ${omraade.label.toLowerCase()}.`
  }
  if (formaalKode !== undefined && known.some((o) => o.kode === 'forhaandsgodkendelse')) {
    const valgt = koder.includes('forhaandsgodkendelse')
    if (formaalKode === 'forhaandsgodkendelse' && !valgt) return 'En anmodning om forhåndsgodkendelse skal have sagsområdet "Forhåndsgodkendelse af leje".'
    if (formaalKode !== 'forhaandsgodkendelse' && valgt) return 'Vælg formålet "Anmodning om forhåndsgodkendelse af leje" for at få leje forhåndsgodkendt.'
  }
  return null
}

/** Checks the chosen purpose against the board type and the filer's role. */
export function validateFormaal(type: NaevnType, rolle: IndbringerRolle, kode: string): string | null {
  if (!kode) return 'Vælg formålet med sagen.'
  if (formaalFor(type, rolle).some((f) => f.kode === kode)) return null
  if (formaal[type].some((f) => f.kode === kode)) return 'Kun udlejer kan indbringe en sag med dette formål.'
  return `Formålet hører ikke under et ${naevnTypeLabel[type].toLowerCase()}. Vælg blandt formålene på listen.`
}

function deepFreeze(value: object): void {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner as object)
  Object.freeze(value)
}
