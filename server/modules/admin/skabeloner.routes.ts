// The administrators' preview of every notification template: each e-mail notice with its
// subject and text, and each letter as an example PDF, all with fictitious data and
// rendered through the code that sends the real ones (server/kerne/forsendelse/mailtekster.ts,
// server/kerne/documents/). Admins only; anyone else gets 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { guard } from '../../kerne/access/guards.js'
import { assertAdmin } from '../../kerne/access/policies.js'
import type { Config } from '../../platform/config.js'
import { NotFoundError } from '../../platform/errors.js'
import { sendDownload } from '../../platform/http/download.js'
import { renderPdf } from '../../kerne/documents/pdf.js'
import { dokumentEksempler, EKSEMPEL, erDokumentType } from '../../kerne/documents/eksempler.js'
import {
  partsnotifikationEmne,
  partsnotifikationTekster,
  moedenotifikationTekster,
  renderMail,
  sagsnotifikationEmne,
  sagsnotifikationHilsen,
  sagsnotifikationTekster,
  VELKOMST_EMNE,
  type PartsnotifikationHaendelse,
  type SagsnotifikationHaendelse,
} from '../../kerne/forsendelse/mailtekster.js'

const DokumentParams = Type.Object({ fil: Type.String({ maxLength: 60 }) })

// When each notice goes out; typed by event, so a new event cannot be left out here.
const partsnotifikationHvornaar: Record<PartsnotifikationHaendelse, string> = {
  partshoering: 'Til hver part i en partshøring, når høringsbrevet er sendt.',
  paamindelse: 'Til en part, der ikke har svaret, når svarfristen nærmer sig.',
  frist_forlaenget: 'Til parterne, når sekretariatet forlænger svarfristen.',
  afgoerelse: 'Til parterne, når nævnets afgørelse er sendt.',
  brev: 'Til modtagerne af et brev fra sagsbehandleren.',
}

const sagsnotifikationHvornaar: Record<SagsnotifikationHaendelse, string> = {
  indbragt: 'Til den, der har indbragt sagen, når kvitteringen er dannet.',
  besked_fra_part: 'Til nævnets sekretariat, når en part skriver en besked i sagen.',
  bilag_fra_part: 'Til nævnets sekretariat, når en part sender nye bilag.',
  besked_fra_sekretariat: 'Til parten, når sekretariatet skriver en besked i sagen.',
}

// Hearing events show the open hearing's deadline, as the worker does while one is open.
const medFrist: ReadonlySet<PartsnotifikationHaendelse> = new Set(['partshoering', 'paamindelse', 'frist_forlaenget'])

interface MailVisning {
  id: string
  navn: string
  hvornaar: string
  emne: string
  tekst: string
}

async function mailEksempler(config: Config): Promise<MailVisning[]> {
  const link = `${config.publicUrl}/sager/${EKSEMPEL.sagId}`
  const afsender = EKSEMPEL.naevn.naevnNavn
  const parts = (haendelse: PartsnotifikationHaendelse, invitation: string | null) =>
    renderMail('partsnotifikation', {
      navn: EKSEMPEL.udlejer,
      tekst: partsnotifikationTekster[haendelse].tekst,
      sagsnummer: EKSEMPEL.sagsnummer,
      adresse: EKSEMPEL.lejemaal,
      frist: medFrist.has(haendelse) ? EKSEMPEL.frist : null,
      invitation,
      link,
      afsender,
    })
  const mails: MailVisning[] = []
  for (const haendelse of Object.keys(partsnotifikationTekster) as PartsnotifikationHaendelse[]) {
    mails.push({ id: `part-${haendelse}`, navn: `E-mail til part: ${partsnotifikationTekster[haendelse].emne}`, hvornaar: partsnotifikationHvornaar[haendelse], emne: partsnotifikationEmne(haendelse, EKSEMPEL.sagsnummer), tekst: await parts(haendelse, null) })
  }
  // The meeting module's notice of an inspection, through the same template.
  mails.push({
    id: 'part-besigtigelse',
    navn: `E-mail til part: ${moedenotifikationTekster.besigtigelse.emne}`,
    hvornaar: 'Til hver part, når sekretariatet har planlagt en besigtigelse af lejemålet.',
    emne: partsnotifikationEmne('besigtigelse', EKSEMPEL.sagsnummer),
    tekst: await renderMail('partsnotifikation', { navn: EKSEMPEL.udlejer, tekst: moedenotifikationTekster.besigtigelse.tekst, sagsnummer: EKSEMPEL.sagsnummer, adresse: EKSEMPEL.lejemaal, frist: null, invitation: null, link, afsender }),
  })
  // A party without access to the case gets a personal invitation link instead of the case link.
  mails.push({
    id: 'part-partshoering-invitation',
    navn: 'E-mail til part uden adgang til sagen: partshøring med invitationslink',
    hvornaar: 'Som partshøringen ovenfor, til en part, der endnu ikke har adgang til sagen. Linket er personligt og virker i 60 dage.',
    emne: partsnotifikationEmne('partshoering', EKSEMPEL.sagsnummer),
    tekst: await parts('partshoering', `${config.publicUrl}/invitation/EKSEMPEL-IKKE-ET-RIGTIGT-LINK`),
  })
  for (const haendelse of Object.keys(sagsnotifikationTekster) as SagsnotifikationHaendelse[]) {
    mails.push({
      id: `sag-${haendelse}`,
      navn: `E-mail om nyt i sagen: ${sagsnotifikationTekster[haendelse].emne}`,
      hvornaar: sagsnotifikationHvornaar[haendelse],
      emne: sagsnotifikationEmne(haendelse, EKSEMPEL.sagsnummer),
      tekst: await renderMail('sagsnotifikation', {
        hilsen: sagsnotifikationHilsen(haendelse, EKSEMPEL.lejer),
        tekst: sagsnotifikationTekster[haendelse].tekst,
        sagsnummer: EKSEMPEL.sagsnummer,
        adresse: EKSEMPEL.lejemaal,
        link,
        afsender,
      }),
    })
  }
  mails.push({
    id: 'velkomst',
    navn: 'Velkomstmail',
    hvornaar: 'Til en borger, der har oprettet en konto.',
    emne: VELKOMST_EMNE,
    tekst: await renderMail('velkomst', {
      navn: EKSEMPEL.lejer,
      email: 'karen.eksempel@eksempel.invalid',
      loginUrl: `${config.publicUrl}/login`,
      authorityEmail: config.authority.email,
      authorityName: config.authority.name,
    }),
  })
  return mails
}

export const skabelonRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', guard(assertAdmin))

  app.get('/admin/skabeloner', async (_req, reply) =>
    reply.page('pages/admin/skabeloner', {
      titel: 'Skabeloner',
      eksempel: EKSEMPEL,
      // Paragraphs of lines, so the plain text keeps its line breaks and still wraps on a narrow screen.
      mails: (await mailEksempler(app.config)).map((m) => ({ ...m, afsnit: m.tekst.trim().split(/\n\s*\n/).map((a) => a.split('\n')) })),
      dokumenter: Object.entries(dokumentEksempler).map(([type, d]) => ({ type, navn: d.navn, beskrivelse: d.beskrivelse })),
    }),
  )

  app.get('/admin/skabeloner/dokument/:fil', { schema: { params: DokumentParams } }, async (req, reply) => {
    const type = req.params.fil.endsWith('.pdf') ? req.params.fil.slice(0, -'.pdf'.length) : ''
    if (!erDokumentType(type)) throw new NotFoundError('SkabelonIkkeFundet', 'Skabelonen findes ikke.')
    const pdf = await renderPdf(dokumentEksempler[type].dokument())
    return sendDownload(reply, { mime: 'application/pdf', filnavn: `eksempel-${type}.pdf`, indhold: pdf })
  })
}
