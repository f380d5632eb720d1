// The e-mail notices' words: subject and text per event, and the templates in
// templates/mail/. The workers send with them (workers/processors/send-*.ts) and the
// administrators' preview (/admin/skabeloner) shows them, through this one module, so
// the preview cannot drift from what is sent.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import Handlebars from 'handlebars'
import { templatesDir } from '../../platform/config.js'

/** Notices to one party that a letter, a reminder, a new deadline or a decision waits in the case. */
export const partsnotifikationTekster = {
  partshoering: { emne: 'Partshøring: nævnet beder om dine bemærkninger', tekst: 'Nævnet har sendt dig et brev om partshøring i sagen. Du kan læse det og svare på sagens side.' },
  paamindelse: { emne: 'Påmindelse: svarfristen nærmer sig', tekst: 'Fristen for at svare i partshøringen nærmer sig. Har du allerede svaret, kan du se bort fra denne påmindelse.' },
  frist_forlaenget: { emne: 'Svarfristen er forlænget', tekst: 'Nævnet har forlænget svarfristen i partshøringen.' },
  afgoerelse: { emne: 'Nævnet har truffet afgørelse', tekst: 'Nævnet har truffet afgørelse i sagen. Du kan læse afgørelsen og klagevejledningen på sagens side under dokumenter.' },
  brev: { emne: 'Nyt brev fra nævnet', tekst: 'Nævnet har sendt dig et brev i sagen. Du kan læse det på sagens side under dokumenter.' },
} as const

export type PartsnotifikationHaendelse = keyof typeof partsnotifikationTekster

/**
 * Notices to a party from the board's meetings (the nævnsmøde module). Kept apart from
 * partsnotifikationTekster only because the administrators' preview (/admin/skabeloner)
 * describes each of those events and does not know these yet; when it does, merge them.
 */
export const moedenotifikationTekster = {
  besigtigelse: { emne: 'Nævnet kommer på besigtigelse', tekst: 'Nævnet har sendt dig et brev om besigtigelse af lejemålet med tidspunkt og sted. Du kan læse det på sagens side under dokumenter.' },
} as const

export type MoedenotifikationHaendelse = keyof typeof moedenotifikationTekster

/** Subject and text of a notice to one party, whichever module's event it is. */
export function partsnotifikationTekst(haendelse: PartsnotifikationHaendelse | MoedenotifikationHaendelse): { emne: string; tekst: string } {
  return haendelse === 'besigtigelse' ? moedenotifikationTekster[haendelse] : partsnotifikationTekster[haendelse]
}

/** "There is news in the case", to the filer or to the board's secretariat (tilSekretariat). */
export const sagsnotifikationTekster = {
  indbragt: { emne: 'Vi har modtaget din sag', tekst: 'Nævnet har modtaget din sag. Kvitteringen ligger på sagens side under dokumenter.', tilSekretariat: false },
  besked_fra_part: { emne: 'Ny besked i en sag', tekst: 'En part har skrevet en besked i sagen.', tilSekretariat: true },
  bilag_fra_part: { emne: 'Nye bilag i en sag', tekst: 'En part har sendt nye bilag i sagen.', tilSekretariat: true },
  besked_fra_sekretariat: { emne: 'Ny besked fra nævnet', tekst: 'Sekretariatet har skrevet til dig i sagen.', tilSekretariat: false },
} as const

export type SagsnotifikationHaendelse = keyof typeof sagsnotifikationTekster

export const VELKOMST_EMNE = 'Velkommen til Nævn'

export function partsnotifikationEmne(haendelse: PartsnotifikationHaendelse | MoedenotifikationHaendelse, sagsnummer: string | null): string {
  return `${partsnotifikationTekst(haendelse).emne} (${sagsnummer})`
}

export function sagsnotifikationEmne(haendelse: SagsnotifikationHaendelse, sagsnummer: string | null): string {
  return `${sagsnotifikationTekster[haendelse].emne} (${sagsnummer ?? 'kladde'})`
}

/** The secretariat is addressed as such; a party by name. */
export function sagsnotifikationHilsen(haendelse: SagsnotifikationHaendelse, navn: string): string {
  return sagsnotifikationTekster[haendelse].tilSekretariat ? 'Til sekretariatet' : `Kære ${navn}`
}

/** What each template in templates/mail/ reads. */
export interface MailModeller {
  partsnotifikation: {
    navn: string
    tekst: string
    sagsnummer: string | null
    adresse: string
    frist: string | null
    invitation: string | null
    link: string
    afsender: string
  }
  sagsnotifikation: {
    hilsen: string
    tekst: string
    sagsnummer: string | null
    adresse: string
    link: string
    afsender: string
  }
  velkomst: {
    navn: string
    email: string
    loginUrl: string
    authorityEmail: string
    authorityName: string
  }
}

export type MailSkabelon = keyof MailModeller

const compiled = new Map<MailSkabelon, Handlebars.TemplateDelegate>()

/** The plain text of an e-mail; the template is read and compiled on first use. */
export async function renderMail<K extends MailSkabelon>(skabelon: K, model: MailModeller[K]): Promise<string> {
  let template = compiled.get(skabelon)
  if (!template) {
    // Plain text, not HTML: nothing to escape.
    template = Handlebars.compile(await readFile(path.join(templatesDir, 'mail', `${skabelon}.hbs`), 'utf8'), { noEscape: true })
    compiled.set(skabelon, template)
  }
  return template(model)
}
