// Example documents with clearly fictitious data (Eksempelby, postnummer 9999, names
// like "Karen Eksempel"), for the administrators' preview of every template
// (/admin/skabeloner). Each goes through the same pipeline as the real letter: the
// template in templates/documents/, the board's letterhead (brevhoved) and renderPdf,
// built as the workers build them (workers/processors/generer-*.ts), so a template that
// breaks shows here first.
import type { DocumentSpec } from './blocks.js'
import { brevhoved } from './brevhoved.js'
import { afgoerelseDocument } from './afgoerelse.js'
import { eksempelAfgoerelse } from './afgoerelse.eksempel.js'
import { kvitteringDocument, type KvitteringViewModel } from './kvittering.js'
import { renderBlocks } from './template.js'
import { klagefristDocument } from './klagefrist.js'
import { besigtigelseDocument } from './besigtigelse.js'
import { offentligAfgoerelseDocument } from './offentlig-afgoerelse.js'

/** The fictitious case every example is about. */
export const EKSEMPEL = {
  naevn: brevhoved({ navn: 'Huslejenævnet i Eksempelby', adresse: 'Eksempelvej 1', postnr: '9999', by: 'Eksempelby', email: 'huslejenaevn@eksempel.invalid', telefon: '12 34 56 78' }),
  sagsnummer: '999-10001',
  indbringelsesnummer: '10001',
  lejemaal: 'Prøvegade 12, 2. th., 9999 Eksempelby',
  lejer: 'Karen Eksempel',
  udlejer: 'Ejendomsselskabet Eksempel ApS',
  sagsbehandler: 'Søren Sagsbehandler',
  dato: '3. december 2026',
  frist: '17. december 2026',
  /** An id no case has. */
  sagId: '00000000-0000-0000-0000-000000000000',
} as const

const naevnVm = { navn: EKSEMPEL.naevn.naevnNavn, adresseLinjer: [...EKSEMPEL.naevn.adresseLinjer], kontaktLinjer: [...EKSEMPEL.naevn.kontaktLinjer] }
const afsender = `${EKSEMPEL.sagsbehandler}, ${EKSEMPEL.naevn.naevnNavn}`
// Fixed, so the example PDFs come out the same every time.
const creationDate = new Date('2026-12-03T09:00:00Z')

/** A caseworker's letter to the parties (workers/processors/generer-brev.ts). */
function brev(): DocumentSpec {
  const emne = 'Anmodning om oplysninger'
  return {
    title: emne,
    subject: `${emne}, sag ${EKSEMPEL.sagsnummer}`,
    letterhead: EKSEMPEL.naevn,
    blocks: renderBlocks('brev', {
      emne,
      dato: EKSEMPEL.dato,
      sagsnummer: EKSEMPEL.sagsnummer,
      adresse: EKSEMPEL.lejemaal,
      modtagere: [`${EKSEMPEL.lejer} (indbringer)`, `${EKSEMPEL.udlejer} (modpart)`],
      afsnit: ['Nævnet beder om en kopi af lejekontrakten og det seneste varmeregnskab.', 'Send dokumenterne senest den 17. december 2026 via sagens side.'],
      afsender,
    }),
    creationDate,
  }
}

/** The hearing letter (workers/processors/generer-hoeringsbrev.ts). */
function partshoering(): DocumentSpec {
  return {
    title: `Partshøring i sag ${EKSEMPEL.sagsnummer}`,
    subject: `Partshøring, sag ${EKSEMPEL.sagsnummer}`,
    letterhead: EKSEMPEL.naevn,
    blocks: renderBlocks('partshoering', {
      sagsnummer: EKSEMPEL.sagsnummer,
      dato: EKSEMPEL.dato,
      adresse: EKSEMPEL.lejemaal,
      frist: EKSEMPEL.frist,
      modtagere: [{ navn: EKSEMPEL.udlejer, rolle: 'modpart' }],
      besked: ['Lejeren har indbragt en sag om varmeregnskabet for 2025/26.', 'Nævnet beder om dine bemærkninger til sagen.'],
      dokumenter: ['kvittering-999-10001.pdf', 'varmeregnskab-2025-26.pdf'],
      url: 'https://naevn.eksempel.invalid',
      afsender,
    }),
    creationDate,
  }
}

/** The receipt for a filed case (workers/processors/generer-kvittering.ts). */
export function eksempelKvittering(): KvitteringViewModel {
  return {
    naevn: naevnVm,
    indbringelsesnummer: EKSEMPEL.indbringelsesnummer,
    sagsnummer: EKSEMPEL.sagsnummer,
    modtaget: '3. december 2026 kl. 09.14',
    indbringerRolle: 'Lejer',
    repraesentant: null,
    formaal: 'Klage',
    lejemaal: { adresse: EKSEMPEL.lejemaal, type: 'Privat udlejning' },
    sagsomraader: ['Varme, vand eller andet forbrug', 'Vedligeholdelse'],
    beskrivelse: 'Varmeregnskabet for 2025/26 fordeler udgifterne efter lejlighedernes areal og ikke efter målt forbrug.\nUdlejer har ikke svaret på mine henvendelser.',
    parter: [
      { rolle: 'Indbringer', navn: EKSEMPEL.lejer },
      { rolle: 'Modpart', navn: EKSEMPEL.udlejer },
    ],
    vedhaeftninger: [{ filnavn: 'varmeregnskab-2025-26.pdf', stoerrelse: '182 kB' }],
    gebyr: { beloeb: '357 kr.', tekst: 'Sekretariatet registrerer betalingen. Nævnet begynder behandlingen, når gebyret er betalt. Gebyret betales ikke tilbage.' },
  }
}

function afgoerelse(): DocumentSpec {
  return afgoerelseDocument(
    eksempelAfgoerelse({
      naevn: naevnVm,
      indbringelsesnummer: EKSEMPEL.indbringelsesnummer,
      sagsnummer: EKSEMPEL.sagsnummer,
      dato: EKSEMPEL.dato,
      lejemaalAdresse: EKSEMPEL.lejemaal,
      parter: [
        { rolle: 'Lejer', navn: EKSEMPEL.lejer },
        { rolle: 'Udlejer', navn: EKSEMPEL.udlejer },
      ],
    }),
    { creationDate },
  )
}

function klagefrist(): DocumentSpec {
  return klagefristDocument({ letterhead: EKSEMPEL.naevn, sagsnummer: EKSEMPEL.sagsnummer, modtager: EKSEMPEL.lejer, afgoerelsesdato: '2026-12-03', meddelt: '2026-12-04', naevnType: 'huslejenaevn' }, { creationDate })
}

function besigtigelse(): DocumentSpec {
  return besigtigelseDocument(
    {
      letterhead: EKSEMPEL.naevn,
      naevnNavn: EKSEMPEL.naevn.naevnNavn,
      dato: EKSEMPEL.dato,
      sagsnummer: EKSEMPEL.sagsnummer,
      lejemaal: EKSEMPEL.lejemaal,
      tidspunkt: 'torsdag den 10. december 2026 kl. 14.00',
      sted: EKSEMPEL.lejemaal,
      moededato: 'tirsdag den 15. december 2026',
      modtagere: [`${EKSEMPEL.lejer} (lejer)`, `${EKSEMPEL.udlejer} (udlejer)`],
      kontakt: afsender,
    },
    { creationDate },
  )
}

function offentligAfgoerelse(): DocumentSpec {
  return offentligAfgoerelseDocument(
    {
      naevn: naevnVm,
      id: '1234',
      url: 'https://naevn.eksempel.invalid/afgoerelser/1234',
      afgoerelsesdato: EKSEMPEL.dato,
      kommune: 'Eksempelby',
      sagsomraader: ['Vedligeholdelse'],
      udfald: 'Afsluttet med afgørelse om delvist medhold',
      medhold: 'Lejer',
      lovgrundlag: ['Lejeloven § 106 (kapitel 13)'],
      tekst: 'AFGØRELSE\n\nNævnet giver lejer delvist medhold.\n\nSAGSFREMSTILLING\n\nLejer bor på [adresse], 9999 Eksempelby, og har klaget over fugt.\n\nLOVGRUNDLAG OG BEGRUNDELSE\n\nEfter lejelovens § 106 skal udlejer vedligeholde det lejede.',
    },
    { creationDate },
  )
}

export const dokumentEksempler = {
  brev: { navn: 'Brev til parterne', beskrivelse: 'Sagsbehandlerens brev til en eller flere parter i en sag.', dokument: brev },
  partshoering: { navn: 'Partshøring', beskrivelse: 'Brevet, der beder parterne om bemærkninger inden en frist.', dokument: partshoering },
  kvittering: { navn: 'Kvittering for indbringelse', beskrivelse: 'Kvitteringen til den, der indbringer en sag, når nævnet har modtaget den.', dokument: () => kvitteringDocument(eksempelKvittering(), { creationDate }) },
  afgoerelse: { navn: 'Afgørelse', beskrivelse: 'Nævnets afgørelse med sagsfremstilling, begrundelse og klagevejledning.', dokument: afgoerelse },
  klagefrist: { navn: 'Klagefrist', beskrivelse: 'Følger med afgørelsen i Digital Post og nævner den dag, afgørelsen er meddelt, og fristens sidste dag.', dokument: klagefrist },
  besigtigelse: { navn: 'Besigtigelse', beskrivelse: 'Indkaldelsen til parterne, når nævnet besigtiger lejemålet før et møde.', dokument: besigtigelse },
  'offentlig-afgoerelse': { navn: 'Offentliggjort afgørelse', beskrivelse: 'Den anonymiserede afgørelse, som den står i afgørelsesregistret.', dokument: offentligAfgoerelse },
} satisfies Record<string, { navn: string; beskrivelse: string; dokument: () => DocumentSpec }>

export type DokumentType = keyof typeof dokumentEksempler

export function erDokumentType(type: string): type is DokumentType {
  return Object.hasOwn(dokumentEksempler, type)
}
