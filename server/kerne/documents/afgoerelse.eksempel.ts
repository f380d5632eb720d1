// A complete example decision with Danish text everywhere (and æ, ø, å in names): the
// fixture the document tests and the document benchmark share; callers override what
// they vary.
import { formatDansk, klagefristSidsteDag } from '../sag/frister.js'
import type { AfgoerelseViewModel } from './afgoerelse.js'

/** A complete decision with Danish text everywhere; tests override what they test. */
export function eksempelAfgoerelse(overrides: Partial<AfgoerelseViewModel> = {}): AfgoerelseViewModel {
  const meddelt = '2026-12-03'
  return {
    naevn: {
      navn: 'Huslejenævnet i København',
      adresseLinjer: ['Rådhuspladsen 1', '1599 København V'],
      kontaktLinjer: ['E-mail: huslejenaevn@kk.dk', 'Telefon: 33 66 33 66'],
    },
    dato: '3. december 2026',
    indbringelsesnummer: '10005',
    sagsnummer: '101-10005',
    afgoerelsesdato: '1. december 2026',
    lejemaalAdresse: 'Søndergade 12, 2. th., 2100 København Ø',
    parter: [
      { rolle: 'Lejer', navn: 'Søren Østergård Ærø' },
      { rolle: 'Medpart', navn: 'Åse Ærø' },
      { rolle: 'Udlejer', navn: 'Ejendomsselskabet Åbo ApS' },
    ],
    boks: [
      { label: 'Indbringer', vaerdi: 'Lejer' },
      { label: 'Formål', vaerdi: 'Klage' },
      { label: 'Lejemål', vaerdi: 'Privat' },
      { label: 'Indbringelsesdato', vaerdi: '3. marts 2026' },
      { label: 'Afslutningsårsag', vaerdi: 'Afsluttet med afgørelse om delvist medhold' },
      { label: 'Sagsområder', vaerdi: 'Varme, vand eller andet forbrug, Vedligeholdelse og Forbedringer' },
      { label: 'Medhold', vaerdi: 'Delvist' },
      { label: 'Gebyrpålæggelse', vaerdi: 'Nej' },
    ],
    afgoerelse: 'Huslejenævnet finder, at varmeregnskabet for 2024/25 skal nedsættes med 2.417,50 kr.\n\nUdlejeren skal tilbagebetale beløbet.',
    sagsfremstilling:
      'Lejeren indbragte sagen den 3. marts 2026.\n\nLejeren har anført:\n- at fordelingen ikke følger de målte forbrug,\n- at der er opkrævet for nye målere.',
    begrundelse: 'Nævnet har lagt vægt på følgende:\n1. Regnskabet er kommet frem rettidigt.\n2) Nye målere er en forbedring.',
    lovgrundlag: [
      { label: 'Lejelovens § 71', overskrift: 'Varmeregnskab' },
      { label: 'Lejelovens § 76', overskrift: 'Fordeling af udgifter' },
    ],
    klagevejledning: {
      meddelt: formatDansk(meddelt),
      sidsteDag: formatDansk(klagefristSidsteDag(meddelt)),
      naevnType: 'huslejenaevn',
    },
    udkast: false,
    version: 1,
    ...overrides,
  }
}
