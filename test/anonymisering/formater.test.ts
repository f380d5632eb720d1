// The formats issue 17's second round added to the rules: addresses, companies, case numbers
// and persons as Danish decisions write them. Each case says what must be masked in whole
// (no letter or digit of it left) and what must stay.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonymiser, type SagsViden } from '../../server/modules/anonymisering/anonymiser.js'
import { indlaesLeksikon, type Leksikon } from '../../server/modules/anonymisering/leksikon.js'
import { testEnvDefaults } from '../helpers/urls.js'

let leksikon: Leksikon
beforeAll(async () => {
  leksikon = await indlaesLeksikon(testEnvDefaults().referenceDataDir)
})

const viden: SagsViden = { parties: [{ role: 'lejer', name: 'Mette Kjær Olsen' }] }

/** Whether every letter and digit of `del`, wherever it occurs in tekst, is masked. */
function maskeret(tekst: string, del: string): boolean {
  const r = anonymiser(tekst, viden, leksikon)
  if (!tekst.includes(del)) throw new Error(`"${del}" står ikke i teksten`)
  for (let start = tekst.indexOf(del); start >= 0; start = tekst.indexOf(del, start + 1)) {
    for (let i = start; i < start + del.length; i++) {
      if (/[\p{L}\p{N}]/u.test(tekst[i]!) && !r.spans.some((s) => s.start <= i && i < s.end)) return false
    }
  }
  return true
}
const uroert = (tekst: string, del: string) => {
  const r = anonymiser(tekst, viden, leksikon)
  const start = tekst.indexOf(del)
  return !r.spans.some((s) => s.start < start + del.length && start < s.end)
}

describe('addresses', () => {
  it.each([
    ['Lejligheden på Hjortholms Allé 3, kl., 2400 København NV blev besigtiget.', 'Hjortholms Allé 3, kl., 2400 København NV'],
    ['Lejer boede i Bjergegade nr. 108-110, 6200 Aabenraa.', 'Bjergegade nr. 108-110, 6200 Aabenraa'],
    ['Lejemålet er beliggende B-1234, 3900 Nuuk.', 'B-1234, 3900 Nuuk'],
    ['Huset Illu Qaqortoq, 3920 Qaqortoq, er udlejet.', 'Illu Qaqortoq, 3920 Qaqortoq'],
    ['Naboen i nr. 16 klagede også.', 'nr. 16'],
    ['Ejendommen, ejendomsnummer 123456, ligger i byen.', 'ejendomsnummer 123456'],
    ['Lejemålet Thorvaldsensvej 4, 1. tv., Frederiksberg C er lyst.', 'Thorvaldsensvej 4, 1. tv., Frederiksberg C'],
    ['Lejemålet Teglværksgade 22, st. th., 2100 Kbh. Ø er lyst.', 'Teglværksgade 22, st. th., 2100 Kbh. Ø'],
    ['Lejer flyttede til Ved Stranden 5, 4000 Roskilde.', 'Ved Stranden 5, 4000 Roskilde'],
    ['Lejemålet er beliggende Rosenhøj 12 i byens udkant.', 'Rosenhøj 12'],
    ['Klagen kom fra\nTjørnevej 8\n7100 Vejle\nden 3. marts.', '7100 Vejle'],
    ['Lejemålet Fasanvej 9, 4. t.v., er på 78 m².', 'Fasanvej 9, 4. t.v.'],
  ])('when "%s" is anonymized, then "%s" is masked in whole', (tekst, del) => {
    expect(maskeret(tekst, del)).toBe(true)
  })
})

describe('companies', () => {
  it.each([
    ['Udlejer, K/S Strandparken, har indbragt sagen.', 'K/S Strandparken'],
    ['Ejendommen ejes af I/S Nørregade 12 v/ Peter Hansen.', 'I/S Nørregade 12 v/ Peter Hansen'],
    ['Udlejer er Ejendomsselskabet af 1. maj 2001 ApS.', 'Ejendomsselskabet af 1. maj 2001 ApS'],
    ['Udlejer er Fonden for Billige Boliger, som ejer ejendommen.', 'Fonden for Billige Boliger'],
    ['Udlejer er Kjærsgaard-fonden.', 'Kjærsgaard-fonden'],
    ['Udlejer er Østjysk Bolig, afdeling 5.', 'Østjysk Bolig, afdeling 5'],
    ['Udlejer er Ringgården, afdeling 4.', 'Ringgården, afdeling 4'],
    ['Udlejer er P/S Ejendomspartner Nord. Ejendomspartner Nord har ikke svaret.', 'Ejendomspartner Nord'],
    ['Udlejer er Boligselskabet Domus. Senere har Domus anført noget.', 'Domus'],
    ['Udlejer er Jensen Ejendomme ApS. Jensen Ejendomme ApS’s svar kom sent.', 'Jensen Ejendomme ApS’s'],
    ['Målerne aflæses af Brunata, som sender regnskabet.', 'Brunata'],
  ])('when "%s" is anonymized, then "%s" is masked in whole', (tekst, del) => {
    expect(maskeret(tekst, del)).toBe(true)
  })

  it('when a company short name is also a town ("Boligselskabet Sjælland"), then the town elsewhere stays', () => {
    expect(uroert('Udlejer er Boligselskabet Sjælland. Ejendommen ligger på Sjælland.', 'Sjælland.')).toBe(false)
    const tekst = 'Udlejer er Boligselskabet Sjælland. Ejendommen ligger på Sjælland i en by.'
    expect(uroert(tekst, 'Sjælland i')).toBe(true)
  })
})

describe('case numbers', () => {
  it.each([
    ['Vores ref.: ABC/1234', 'ABC/1234'],
    ['Deres ref. JKH', 'JKH'],
    ['Politiets journalnummer 3700-80123-00456-23', '3700-80123-00456-23'],
    ['Dok.nr. 12345678', '12345678'],
    ['Nævnets sagsnummer i denne sag er 23/4567, jf. brevet.', '23/4567'],
    ['Sagerne j.nr. 2022-1234, 2022-1235 og 2022-1236 blev behandlet samlet.', '2022-1235'],
    ['Sagen HLN-2023-045 blev behandlet.', 'HLN-2023-045'],
    ['Sag 24/04567 blev behandlet.', '24/04567'],
  ])('when "%s" is anonymized, then "%s" is masked', (tekst, del) => {
    expect(maskeret(tekst, del)).toBe(true)
  })

  it('when a label is followed by a word, a date or a public law report, then those stay', () => {
    expect(uroert('Udlejers sagsnr. er 5566/23.', 'er ')).toBe(true)
    expect(uroert('Sagsnr. 2022-1234, brev af 1/3-2023.', '1/3-2023')).toBe(true)
    // A judgment published in Ugeskrift for Retsvæsen is a public source, like a law.
    expect(uroert('Efter Højesterets dom i U 2021.2338 H er retstilstanden klar.', 'U 2021.2338 H')).toBe(true)
  })
})

describe('persons', () => {
  it.each([
    ['Klager, Siv Wendelboe, har anført at naboen larmer.', 'Siv Wendelboe'],
    ['Lejers datter, Malak al-Hassan, var til stede.', 'Malak al-Hassan'],
    ['Vidnet Jean-Pierre van der Berg forklarede, at døren var åben.', 'Jean-Pierre van der Berg'],
    ['Lejer har fremlagt en erklæring fra Hamid Rezaei.', 'Hamid Rezaei'],
    ['Til stede var J.K. Hansen fra udlejer. JKH oplyste det samme.', 'JKH'],
    ['Lejer talte med Thorngreensen om sagen.', 'Thorngreensen'],
  ])('when "%s" is anonymized, then "%s" is masked in whole', (tekst, del) => {
    expect(maskeret(tekst, del)).toBe(true)
  })

  it('when authorities and institutions are named, also in the genitive, then they stay', () => {
    for (const [tekst, del] of [
      ['Sagen blev indbragt for Vestre Landsrets 10. afdeling.', 'Vestre Landsrets'],
      ['Lejer klagede til Teknisk Forvaltning i kommunen.', 'Teknisk Forvaltning'],
      ['Klage til Kommunernes Landsforening.', 'Kommunernes Landsforening'],
      ['Sagen var for Kredsret Sermersooq i 2021.', 'Kredsret Sermersooq'],
      ['Sagen blev indbragt for Inatsisartutip Ombudsmandia.', 'Inatsisartutip Ombudsmandia'],
      ['Prisen er for høj, mener lejer.', 'Prisen'],
    ] as const) {
      expect(uroert(tekst, del), tekst).toBe(true)
    }
  })
})
