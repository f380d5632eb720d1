// The journal's actions are one catalogue: every code has a staff wording, and a view
// never shows a raw code (moede_afgjort, besigtigelse_planlagt, … showed as codes before).
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { sagsbehandling, type Sagsbehandling } from '../helpers/afgoerelse.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { journalHandlinger, journalTekst, type JournalHandling } from '../../server/kerne/sag/journalhandlinger.js'
import { skrivJournal } from '../../server/kerne/sag/journal.js'

const tidligereUdenOrdlyd: JournalHandling[] = ['moede_afgjort', 'besigtigelse_planlagt', 'besigtigelse_resultat', 'inhabilitet_erklaeret', 'indsigt_udarbejdet']

describe('the journal’s actions', () => {
  it('when any action is read by staff or a party, then it reads as Danish words, not as its code', () => {
    for (const kode of Object.keys(journalHandlinger) as JournalHandling[]) {
      for (const laeser of ['personale', 'part'] as const) {
        const tekst = journalTekst({ handling: kode, til_status: null }, laeser)
        expect(tekst, kode).not.toMatch(/_/)
        expect(tekst.length, kode).toBeGreaterThan(5)
      }
    }
  })

  it('when a status change is read, then it names the status as the case page does; an unknown code reads as an event', () => {
    expect(journalTekst({ handling: 'status', til_status: 'paa_dagsorden' }, 'part')).toBe('Status: På dagsordenen')
    expect(journalTekst({ handling: 'gammel_kode', til_status: null }, 'personale')).toBe('Anden hændelse')
  })

  describe('on the caseworker’s case page', () => {
    const w = useWorld()
    let s: Sagsbehandling
    let sagId: string

    beforeAll(async () => {
      s = await sagsbehandling(w)
      sagId = await indbringSag(s.fa)
      for (const handling of tidligereUdenOrdlyd) await skrivJournal(w.db, { sagId, aktoerId: null, handling, synligForParter: false })
    })

    it('when the meeting, inspection, disqualification and access-report actions are in the journal, then each shows its wording', async () => {
      const res = await s.sb.get(`/sagsbehandling/sager/${sagId}`)
      expect(res.statusCode).toBe(200)
      for (const kode of tidligereUdenOrdlyd) {
        expect(res.body).not.toContain(kode)
        expect(res.body).toContain(journalHandlinger[kode].personale)
      }
    })
  })
})
