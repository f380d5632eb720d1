// Synthetic but realistic decision texts for the bulk seed: the four sections of a
// decision (AFGØRELSE, SAGSFREMSTILLING, LOVGRUNDLAG OG BEGRUNDELSE, KLAGEVEJLEDNING),
// sentences per case area, facts (amounts, dates, streets, areas), quotations from the
// real law texts, and words of very different frequency: "husleje" and "lejemål" occur
// in nearly every decision, the words in `saeldneOrd` in a known small share of them.
// Deterministic for a given random source.

export type Rng = () => number

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function rng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const heltal = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1))
export const vaelg = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
/** Zipf-like: index i with weight 1/(i+1)^s. */
export function zipf(r: Rng, n: number, s = 1.1): number {
  // Inverse-CDF on a precomputed table per (n, s).
  const key = `${n}:${s}`
  let cdf = zipfTabeller.get(key)
  if (!cdf) {
    const w = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s))
    const sum = w.reduce((a, b) => a + b, 0)
    let acc = 0
    cdf = Float64Array.from(w, (x) => (acc += x / sum))
    zipfTabeller.set(key, cdf)
  }
  const u = r()
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cdf[mid]! < u) lo = mid + 1
    else hi = mid
  }
  return lo
}
const zipfTabeller = new Map<string, Float64Array>()

export function vaegtet<T>(r: Rng, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((a, [, w]) => a + w, 0)
  let u = r() * total
  for (const [x, w] of xs) {
    u -= w
    if (u <= 0) return x
  }
  return xs[xs.length - 1]![0]
}

/**
 * Rare words and the share of decisions they occur in (the bench's "rare" query set).
 * Each is put in a sentence of its own, so the share holds whatever the case area.
 */
export const saeldneOrd: readonly (readonly [string, number])[] = [
  ['skimmelsvamp', 0.012],
  ['brændeovn', 0.006],
  ['altandør', 0.008],
  ['kælderrum', 0.01],
  ['vaskemaskine', 0.015],
  ['skorsten', 0.005],
  ['cykelkælder', 0.004],
  ['parabol', 0.007],
  ['gulvvarme', 0.009],
  ['elevator', 0.011],
  ['tagterrasse', 0.003],
  ['rottebekæmpelse', 0.002],
]

const saetningMedOrd: Record<string, string> = {
  skimmelsvamp: 'Lejeren oplyste, at der var konstateret skimmelsvamp i soveværelset, og fremlagde en rapport fra et skadeservicefirma.',
  brændeovn: 'Udlejeren havde fjernet den brændeovn, der var nævnt i lejekontrakten, uden at lejen blev reguleret.',
  altandør: 'Altandøren kunne ikke lukkes tæt, og der trængte vand ind ved kraftig regn.',
  kælderrum: 'Til lejemålet hørte efter kontrakten et kælderrum, som lejeren ikke havde haft adgang til.',
  vaskemaskine: 'Den vaskemaskine, som udlejeren havde stillet til rådighed, havde været defekt i flere måneder.',
  skorsten: 'Skorstenen var ifølge skorstensfejerens påbud ikke i forsvarlig stand.',
  cykelkælder: 'Beboerne havde ikke længere adgang til cykelkælderen efter ombygningen.',
  parabol: 'Lejeren havde opsat en parabol på facaden uden udlejerens tilladelse.',
  gulvvarme: 'Der var installeret gulvvarme i badeværelset som led i moderniseringen.',
  elevator: 'Ejendommens elevator havde været ude af drift i det meste af perioden.',
  tagterrasse: 'Lejerne havde brugsret til en fælles tagterrasse, som blev lukket af udlejeren.',
  rottebekæmpelse: 'Kommunen havde påbudt rottebekæmpelse i gården, og udgiften blev fordelt på lejerne.',
}

/** Words found in (nearly) every decision: the bench's "common" query set. */
export const hyppigeOrd = ['husleje', 'lejemål', 'udlejer', 'nævnet'] as const

const fyldeord = [
  'Nævnet bemærker', 'Det fremgår af sagen', 'Efter en samlet vurdering', 'Det er ubestridt', 'Parterne er enige om', 'Nævnet lægger til grund',
  'Det bemærkes', 'Efter det oplyste', 'Nævnet finder', 'Af de fremlagte bilag fremgår det', 'Under besigtigelsen konstaterede nævnet',
]

/** Per case area: sentences of the statement of facts and of the reasoning. */
const omraadeSaetninger: Record<string, { fakta: string[]; begrundelse: string[] }> = {
  husleje: {
    fakta: [
      'Lejeren har indbragt spørgsmålet om huslejens størrelse for nævnet og gjort gældende, at lejen væsentligt overstiger det lejedes værdi.',
      'Lejemålet udgør en lejlighed på {areal} m² med {vaer} værelser, køkken og bad. Den årlige leje udgør {beloeb} kr.',
      'Udlejeren har varslet en lejeforhøjelse på {beloeb2} kr. årligt med virkning fra {dato}.',
      'Udlejeren har fremlagt en række sammenligningslejemål i nærområdet, herunder lejligheder på {vej}.',
      'Lejeren har anført, at de fremlagte sammenligningslejemål ikke er sammenlignelige med lejemålet hvad angår beliggenhed, art, størrelse, kvalitet, udstyr og vedligeholdelsestilstand.',
      'Huslejen blev ved lejeforholdets begyndelse aftalt til {beloeb} kr. om måneden eksklusive forbrug.',
    ],
    begrundelse: [
      'Nævnet har ved vurderingen af det lejedes værdi taget udgangspunkt i de sammenligningslejemål, der er fremlagt, og har foretaget de fornødne korrektioner for forskelle.',
      'Nævnet finder, at huslejen for lejemålet overstiger det lejedes værdi væsentligt, og lejen nedsættes derfor til {beloeb2} kr. årligt.',
      'Efter nævnets opfattelse er den varslede lejeforhøjelse ikke tilstrækkeligt begrundet, da udlejeren ikke har godtgjort, at lejen efter forhøjelsen ikke overstiger det lejedes værdi.',
      'Ved fastsættelsen af huslejen har nævnet lagt vægt på lejemålets beliggenhed, dets vedligeholdelsesstand og de forbedringer, der er udført.',
    ],
  },
  depositum: {
    fakta: [
      'Lejeren betalte ved indflytningen et depositum på {beloeb} kr. svarende til tre måneders husleje.',
      'Udlejeren har ved fraflytningen tilbageholdt {beloeb2} kr. af depositummet til dækning af istandsættelse.',
      'Lejeren har krævet depositummet tilbagebetalt med renter og har bestridt udlejerens opgørelse.',
    ],
    begrundelse: [
      'Nævnet finder, at udlejeren ikke har dokumenteret sit krav, og at depositummet derfor skal tilbagebetales.',
      'Udlejerens opgørelse af istandsættelsesudgifterne er ikke fremsendt rettidigt, og kravet er derfor bortfaldet.',
    ],
  },
  vedligeholdelse: {
    fakta: [
      'Lejeren har klaget over manglende vedligeholdelse af vinduer, døre og installationer i lejemålet.',
      'Lejeren har gjort gældende, at udlejeren ikke har overholdt sin vedligeholdelsespligt, og at der er fugt i badeværelset.',
      'Det fremgår af lejekontrakten, at udlejeren har pligten til den indvendige vedligeholdelse, og at der henlægges til en indvendig vedligeholdelseskonto.',
    ],
    begrundelse: [
      'Nævnet finder, at de påviste mangler er omfattet af udlejerens vedligeholdelsespligt, og pålægger udlejeren at udbedre dem inden {frist} uger.',
      'Efter besigtigelsen finder nævnet, at vinduerne er i en sådan stand, at de skal udskiftes.',
    ],
  },
  fraflytning: {
    fakta: [
      'Lejeren fraflyttede lejemålet den {dato}, og der blev afholdt fraflytningssyn med deltagelse af begge parter.',
      'Udlejeren har krævet {beloeb2} kr. for maling af vægge og lofter, afslibning af gulve og rengøring.',
      'Fraflytningsrapporten blev udleveret til lejeren ved synet.',
    ],
    begrundelse: [
      'Nævnet finder, at lejemålet ved fraflytningen fremstod med almindeligt slid og ælde, som lejeren ikke hæfter for.',
      'Da udlejeren ikke har indkaldt til fraflytningssyn rettidigt, kan udlejeren ikke gøre krav gældende for istandsættelse.',
    ],
  },
  forbrug: {
    fakta: [
      'Sagen angår varmeregnskabet for perioden {dato} til {dato2}, hvor lejeren er opkrævet {beloeb2} kr.',
      'Lejeren har anført, at fordelingen af varmeudgifterne ikke er sket efter målere, og at aconto-beløbet er fastsat for højt.',
      'Vandregnskabet er udarbejdet af et eksternt firma på grundlag af aflæsninger af individuelle vandmålere.',
    ],
    begrundelse: [
      'Nævnet finder, at forbrugsregnskabet ikke er aflagt inden for fristen, og at udlejeren derfor ikke kan kræve efterbetaling.',
      'Regnskabet opfylder lovens krav til indhold, og nævnet finder ikke grundlag for at tilsidesætte fordelingen.',
    ],
  },
  antenne: {
    fakta: ['Lejeren har klaget over betalingen for fællesantenne og tv-pakke, som er opkrævet sammen med huslejen.'],
    begrundelse: ['Nævnet finder, at lejeren har ret til at fravælge programpakken ud over grundpakken.'],
  },
  mangler_ved_begyndelse: {
    fakta: ['Ved indflytningen konstaterede lejeren en række mangler, der blev meddelt udlejeren skriftligt inden for fjorten dage.'],
    begrundelse: ['Nævnet finder, at manglerne er rettidigt påberåbt, og at udlejeren skal afhjælpe dem.'],
  },
  forbedringer: {
    fakta: [
      'Udlejeren har gennemført forbedringer i form af nyt køkken og badeværelse og har varslet en forbedringsforhøjelse.',
      'Lejerne har gjort gældende, at arbejderne har karakter af vedligeholdelse og ikke forbedring.',
    ],
    begrundelse: ['Nævnet finder, at arbejderne delvis har karakter af forbedringer, og at forbedringsforhøjelsen skal nedsættes.'],
  },
  husorden: {
    fakta: ['Udlejeren har indbragt en sag om overtrædelse af husordenen, idet lejeren gentagne gange har støjet om natten.'],
    begrundelse: ['Nævnet finder, at lejeren har tilsidesat god skik og orden, og meddeler lejeren en advarsel.'],
  },
  forhaandsgodkendelse: {
    fakta: ['Udlejeren har anmodet om forhåndsgodkendelse af lejen efter en gennemgribende forbedring af lejemålet.'],
    begrundelse: ['Nævnet godkender den ansøgte leje, idet den ikke overstiger det lejedes værdi efter forbedringen.'],
  },
  boligens_stand: {
    fakta: ['Beboeren har klaget over boligens stand ved indflytningen og i boperioden, herunder fugt og træk.'],
    begrundelse: ['Nævnet finder, at boligorganisationen skal udbedre manglerne.'],
  },
  varsling_lejeforhoejelse: {
    fakta: ['Boligorganisationen har varslet en lejeforhøjelse som følge af afdelingsmødets beslutning om et nyt budget.'],
    begrundelse: ['Nævnet finder, at varslingen ikke opfylder formkravene, og at lejeforhøjelsen derfor ikke er gyldig.'],
  },
  fremleje_bytte: {
    fakta: ['Beboeren har anmodet om tilladelse til fremleje af boligen under et studieophold i udlandet.'],
    begrundelse: ['Nævnet finder, at betingelserne for fremleje er opfyldt.'],
  },
  beboerdemokrati: {
    fakta: ['Sagen angår lovligheden af en beslutning truffet på et afdelingsmøde om husdyrhold i afdelingen.'],
    begrundelse: ['Nævnet finder, at beslutningen er truffet i overensstemmelse med reglerne om beboerdemokrati.'],
  },
}

const klagevejledning =
  'KLAGEVEJLEDNING\nNævnets afgørelse kan indbringes for boligretten. Det sker ved at indgive en stævning via minretssag.dk senest 4 uger efter, at afgørelsen er kommet frem til parterne. Boligretten kan i særlige tilfælde give tilladelse til, at sagen indbringes senere, dog senest et år efter afgørelsen.'

export interface TekstFakta {
  omraader: readonly string[]
  udfaldTekst: string
  medholdTekst: string
  vej: string
  dato: string
  dato2: string
  lovCitater: readonly { label: string; tekst: string }[]
  laengde: number
}

const beloeb = (r: Rng, min: number, max: number) => heltal(r, min, max).toLocaleString('da-DK')

/** A decision's text, about `laengde` characters long. */
export function afgoerelseTekst(r: Rng, f: TekstFakta): string {
  const udfyld = (s: string) =>
    s
      .replace('{areal}', String(heltal(r, 28, 160)))
      .replace('{vaer}', String(heltal(r, 1, 5)))
      .replace('{beloeb}', beloeb(r, 3000, 120000))
      .replace('{beloeb2}', beloeb(r, 500, 60000))
      .replace('{dato2}', f.dato2)
      .replace('{dato}', f.dato)
      .replace('{vej}', f.vej)
      .replace('{frist}', String(heltal(r, 2, 12)))
  const saetninger = f.omraader.map((o) => omraadeSaetninger[o] ?? omraadeSaetninger.husleje!)
  const dele: string[] = []
  dele.push('AFGØRELSE')
  dele.push(`${f.udfaldTekst}. ${f.medholdTekst}`)
  dele.push('SAGSFREMSTILLING')
  // The common words: most decisions speak of the rent and the tenancy.
  dele.push(r() < 0.9 ? `Sagen angår et lejemål beliggende ${f.vej}. Den månedlige husleje udgør ${beloeb(r, 3000, 18000)} kr.` : `Sagen angår en bolig beliggende ${f.vej}.`)
  for (const [ord, andel] of saeldneOrd) if (r() < andel) dele.push(saetningMedOrd[ord]!)
  let i = 0
  while (dele.join('\n').length < f.laengde * 0.45 && i < 40) {
    const s = saetninger[i % saetninger.length]!
    dele.push(`${vaelg(r, fyldeord)}, at ${lowerFirst(udfyld(vaelg(r, s.fakta)))}`)
    if (r() < 0.5) dele.push(udfyld(vaelg(r, s.fakta)))
    i++
  }
  dele.push('LOVGRUNDLAG OG BEGRUNDELSE')
  for (const c of f.lovCitater) dele.push(`Det følger af ${c.label}: ${kort(c.tekst, heltal(r, 250, 700))}`)
  i = 0
  while (dele.join('\n').length < f.laengde - klagevejledning.length && i < 40) {
    const s = saetninger[i % saetninger.length]!
    dele.push(udfyld(vaelg(r, s.begrundelse)))
    if (r() < 0.3) dele.push(`${vaelg(r, fyldeord)}, at parterne har haft lejlighed til at udtale sig, og at sagen er tilstrækkeligt oplyst.`)
    i++
  }
  dele.push(klagevejledning)
  return dele.join('\n')
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)
function kort(s: string, n: number): string {
  if (s.length <= n) return s
  const cut = s.lastIndexOf(' ', n)
  return `${s.slice(0, cut > 0 ? cut : n)} …`
}
