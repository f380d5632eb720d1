// generer-kvittering: the receipt (kvittering) for a filed case as a PDF, stored on the
// case once, after which the filer is told by e-mail that it is there.
import { sql } from 'kysely'
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { kvitteringDocument } from '../../server/kerne/documents/kvittering.js'
import { renderPdf } from '../../server/kerne/documents/pdf.js'
import { brevhovedAf, naevnKontaktKolonner } from '../../server/kerne/documents/brevhoved.js'
import { lagreDokument, formatStoerrelse } from '../../server/kerne/sag/bilag.js'
import { skrivJournal } from '../../server/kerne/sag/journal.js'
import { addToOutbox } from '../../server/kerne/outbox/outbox.js'
import { adresseTekst, formaalLabel, formatDatoTid, partRolleLabel, sagsomraadeLabels } from '../../server/kerne/sag/visning.js'
import { formatKroner } from '../../server/kerne/sag/gebyr.js'

export async function genererKvittering(ctx: ProcessorContext, payload: JobPayload<'generer-kvittering'>): Promise<string> {
  const { db } = ctx
  const sag = await db
    .selectFrom('sager')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .selectAll('sager')
    .select([...naevnKontaktKolonner, 'naevn.type as naevn_type', 'naevn.logo', 'naevn.logo_mime'])
    .where('sager.id', '=', payload.sagId)
    .executeTakeFirst()
  if (!sag) throw new UnrecoverableError(`sag ${payload.sagId} findes ikke`)
  if (!sag.sagsnummer || !sag.indbragt) throw new UnrecoverableError(`sag ${payload.sagId} er ikke indbragt`)
  const findes = await db.selectFrom('dokumenter').select('id').where('sag_id', '=', sag.id).where('kategori', '=', 'kvittering').executeTakeFirst()
  if (findes) return 'findes allerede'

  const [parter, bilag] = await Promise.all([
    db.selectFrom('parter').select(['rolle', 'navn']).where('sag_id', '=', sag.id).orderBy('rolle').orderBy('raekkefoelge').execute(),
    db.selectFrom('dokumenter').select(['filnavn', 'stoerrelse']).where('sag_id', '=', sag.id).orderBy('oprettet').execute(),
  ])
  const type = sag.naevn_type
  const repraesentant = parter.find((p) => p.rolle === 'repraesentant')
  const doc = kvitteringDocument(
    {
      naevn: (({ naevnNavn, adresseLinjer, kontaktLinjer }) => ({ navn: naevnNavn, adresseLinjer, kontaktLinjer }))(
        brevhovedAf(sag),
      ),
      indbringelsesnummer: String(sag.indbringelsesnummer),
      sagsnummer: sag.sagsnummer,
      modtaget: formatDatoTid(sag.indbragt),
      indbringerRolle: sag.indbringer_rolle === 'udlejer' ? 'Udlejer' : 'Lejer',
      repraesentant: repraesentant ? repraesentant.navn : null,
      formaal: formaalLabel(type, sag.formaal),
      lejemaal: { adresse: adresseTekst(sag), type: sag.lejemaal_type === 'almen' ? 'Almen bolig' : 'Privat udlejning' },
      sagsomraader: sagsomraadeLabels(type, sag.sagsomraader),
      beskrivelse: sag.beskrivelse ?? '',
      parter: parter.filter((p) => p.rolle !== 'repraesentant').map((p) => ({ rolle: partRolleLabel[p.rolle] ?? p.rolle, navn: p.navn })),
      vedhaeftninger: bilag.map((b) => ({ filnavn: b.filnavn, stoerrelse: formatStoerrelse(b.stoerrelse) })),
      gebyr:
        sag.gebyr_kr !== null
          ? { beloeb: formatKroner(sag.gebyr_kr), tekst: 'Sekretariatet registrerer betalingen. Nævnet begynder behandlingen, når gebyret er betalt. Gebyret betales ikke tilbage.' }
          : { beloeb: 'Ikke fastsat', tekst: `Gebyret for ${sag.gebyr_aar ?? 'året'} er endnu ikke fastsat. Sekretariatet kontakter dig om betalingen.` },
    },
    {
      creationDate: sag.indbragt,
      ...(sag.logo && (sag.logo_mime === 'image/png' || sag.logo_mime === 'image/jpeg') ? { logo: { data: sag.logo, mime: sag.logo_mime } } : {}),
    },
  )
  const pdf = await renderPdf(doc)
  const stored = await db.transaction().execute(async (trx) => {
    // Another attempt may be storing it right now: serialise per case, then look again.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${'kvittering:' + sag.id}))`.execute(trx)
    const again = await trx.selectFrom('dokumenter').select('id').where('sag_id', '=', sag.id).where('kategori', '=', 'kvittering').executeTakeFirst()
    if (again) return false
    await lagreDokument(trx, {
      sagId: sag.id,
      filnavn: `kvittering-${sag.sagsnummer}.pdf`,
      mime: 'application/pdf',
      data: pdf,
      kategori: 'kvittering',
      uploadetAf: null,
      synligForParter: true,
    })
    await skrivJournal(trx, { sagId: sag.id, aktoerId: null, handling: 'kvittering_dannet', synligForParter: true })
    await addToOutbox(trx, 'send-sagsnotifikation', { sagId: sag.id, haendelse: 'indbragt' })
    return true
  })
  return stored ? 'dannet' : 'findes allerede'
}
