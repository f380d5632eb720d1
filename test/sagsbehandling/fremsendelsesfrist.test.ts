// The one-week duty to forward a filing (lov om boligforhold § 82, stk. 3) is one stored
// date: the inbox row shows it and the "Frist overskredet" filter reads it. Filed
// Thursday 26 March 2026, the week ends on Maundy Thursday 2 April; with Easter the
// deadline is Tuesday 7 April, and the case is not overdue before 8 April.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { sagsbehandling, type Sagsbehandling } from '../helpers/afgoerelse.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { fremsendelsesfrist } from '../../server/kerne/sag/frister.js'
import { udfyldFremsendelsesfrister } from '../../server/kerne/sag/fremsendelsesfrister.js'
import { indbakke } from '../../server/modules/sagsbehandling/sagsbehandling.repository.js'
import { loadPrincipal, type Principal } from '../../server/kerne/access/principal.js'

const indbragt = new Date('2026-03-26T10:00:00+01:00')

describe('the forwarding deadline', () => {
  it('when a case is filed on 26 March 2026, then it must be forwarded by 7 April (Easter moves the week’s end)', () => {
    expect(fremsendelsesfrist(indbragt)).toBe('2026-04-07')
  })

  describe('in the inbox', () => {
    const w = useWorld()
    let s: Sagsbehandling
    let sagId: string
    let sagsnummer: string
    let p: Principal

    beforeAll(async () => {
      s = await sagsbehandling(w)
      sagId = await indbringSag(s.fa)
      // Filed before the column existed: the migration step fills it with the rule.
      await w.db.updateTable('sager').set({ indbragt, frist_fremsendelse: null }).where('id', '=', sagId).execute()
      expect(await udfyldFremsendelsesfrister(w.db)).toBeGreaterThanOrEqual(1)
      sagsnummer = (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagId).executeTakeFirstOrThrow()).sagsnummer!
      const naevn = await naevnFor(w.db, 101)
      const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
      p = (await loadPrincipal(w.db, sb.id, 'test'))!
    })

    it('when a case is filed, then its forwarding deadline is stored with it', async () => {
      const ny = await indbringSag(s.fa)
      const row = await w.db.selectFrom('sager').select(['indbragt', 'frist_fremsendelse']).where('id', '=', ny).executeTakeFirstOrThrow()
      expect(row.frist_fremsendelse).toBe(fremsendelsesfrist(row.indbragt!))
    })

    it('when the inbox row shows the deadline, then it is 7 April', async () => {
      const res = await s.sb.get('/sagsbehandling?visning=aabne')
      const raekke = res.body.slice(res.body.indexOf(sagsnummer))
      expect(raekke.slice(0, 3000)).toContain('Send til modpart senest tirsdag den 7. april 2026 <span class="badge badge-error">Overskredet</span>')
    })

    it('when "Frist overskredet" is asked on 2 and 7 April, then the case is not in it; on 8 April it is', async () => {
      const overskredne = async (idag: string) => (await indbakke(w.db, p, { visning: 'overskredne', idag, sort: 'indbragt', limit: 500, offset: 0 })).rows.map((r) => r.id)
      expect(await overskredne('2026-04-02')).not.toContain(sagId)
      expect(await overskredne('2026-04-07')).not.toContain(sagId)
      expect(await overskredne('2026-04-08')).toContain(sagId)
    })
  })
})
