import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { createCprCipher, derivedLookupKey } from '../../server/kerne/identitet/cpr-crypto.js'
import { keyringSpec, parseKeyringSpec } from '../../server/platform/cpr-noeglering.js'
import { loadConfig } from '../../server/platform/config.js'
import { roter, roterBatch, tilbage } from '../../scripts/rotate-cpr-key.js'

// The world's CPR_ENCRYPTION_KEY is the "old" key: the rows below are written with it.
const w = useWorld()

function cprFor(i: number): string {
  return `${String((i % 28) + 1).padStart(2, '0')}0${(i % 9) + 1}85${String(1000 + i).padStart(4, '0')}`
}

describe('CPR key rotation', () => {
  const antal = 23
  const partIds: string[] = []
  let gammel: string
  let ny: string

  beforeAll(async () => {
    gammel = w.config.cprEncryptionKey
    ny = randomBytes(32).toString('base64')
    const foer = createCprCipher(gammel)
    const naevn = await createNaevn(w.db)
    const u = await createUser(w.db)
    const sag = await w.db.insertInto('sager').values({ oprettet_af: u.id, naevn_id: naevn.id, status: 'indbragt' }).returning('id').executeTakeFirstOrThrow()
    for (let i = 0; i < antal; i++) {
      const p = await w.db
        .insertInto('parter')
        .values({ sag_id: sag.id, rolle: 'medpart', navn: `Part ${i}`, cpr_krypteret: foer.encrypt(cprFor(i)), cpr_hash: foer.lookupHash(cprFor(i)) })
        .returning('id')
        .executeTakeFirstOrThrow()
      partIds.push(p.id)
    }
    // A row without CPR (a company) is left alone.
    await w.db.insertInto('parter').values({ sag_id: sag.id, rolle: 'modpart', navn: 'Selskab ApS', cvr: '12345674' }).execute()
  })

  it('when the configuration names an old key, then a pinned look-up key is required, and the keyring reaches the app as one value', () => {
    const base = { SESSION_SECRET: 'x'.repeat(40), CPR_ENCRYPTION_KEY: ny, CPR_ENCRYPTION_KEY_OLD: gammel }
    expect(() => loadConfig(base)).toThrow(/CPR_LOOKUP_KEY: required/)
    const config = loadConfig({ ...base, CPR_LOOKUP_KEY: derivedLookupKey(gammel) })
    expect(parseKeyringSpec(config.cprEncryptionKey)).toEqual({ current: ny, old: [gammel], lookupKey: derivedLookupKey(gammel) })
    // Only CPR_ENCRYPTION_KEY: the value is the key itself, as before.
    expect(loadConfig({ SESSION_SECRET: 'x'.repeat(40), CPR_ENCRYPTION_KEY: ny }).cprEncryptionKey).toBe(ny)
  })

  it('when a rotation is interrupted halfway and resumed, then the app reads old- and new-key rows in between, every CPR decrypts afterwards, and the look-up hashes never change', async () => {
    const foer = createCprCipher(gammel)
    const hashes = await w.db.selectFrom('parter').select(['id', 'cpr_hash']).where('id', 'in', partIds).execute()
    // Step 1 of the procedure: the hash key is pinned (same hashes, old rows still read).
    const pinned = createCprCipher(keyringSpec({ current: gammel, lookupKey: derivedLookupKey(gammel) }))
    expect(pinned.lookupHash(cprFor(0))).toBe(foer.lookupHash(cprFor(0)))

    // Step 2: the new key encrypts, the old one still decrypts.
    const ring = createCprCipher(keyringSpec({ current: ny, old: [gammel], lookupKey: derivedLookupKey(gammel) }))
    expect(await tilbage(w.db, ring)).toBe(antal)

    // Step 3, interrupted: two batches of 5, then the process "dies".
    const halv = await roter(w.db, ring, { batch: 5, max: 10 })
    expect(halv).toEqual({ omkrypteret: 10, tilbage: antal - 10 })

    // In between, the running app (with the keyring) reads every row, old and new key alike,
    // and finds people by CPR as before; the new key's rows carry its id.
    const midt = await w.db.selectFrom('parter').select(['id', 'cpr_krypteret', 'cpr_hash']).where('id', 'in', partIds).orderBy('navn').execute()
    const versioner = midt.map((r) => r.cpr_krypteret![0])
    expect(versioner.filter((v) => v === 2)).toHaveLength(10)
    expect(versioner.filter((v) => v === 1)).toHaveLength(antal - 10)
    for (const r of midt) {
      const cpr = ring.decrypt(r.cpr_krypteret!)
      expect(ring.lookupHash(cpr)).toBe(r.cpr_hash)
    }
    const fundet = await w.db.selectFrom('parter').select('id').where('cpr_hash', '=', ring.lookupHash(cprFor(22))).executeTakeFirst()
    expect(fundet).toBeDefined()
    // A new party written by the app now uses the new key.
    expect(ring.needsReencryption(ring.encrypt(cprFor(1)))).toBe(false)

    // Resumed: it continues with the rest, and a further run finds nothing to do.
    expect(await roter(w.db, ring, { batch: 5 })).toEqual({ omkrypteret: antal - 10, tilbage: 0 })
    expect(await roterBatch(w.db, ring, 5)).toBe(0)

    // Step 4: the old key is removed; everything still decrypts, hashes are unchanged.
    const efter = createCprCipher(keyringSpec({ current: ny, lookupKey: derivedLookupKey(gammel) }))
    const rows = await w.db.selectFrom('parter').select(['id', 'navn', 'cpr_krypteret', 'cpr_hash']).where('id', 'in', partIds).execute()
    for (const r of rows) {
      const i = Number(r.navn.replace('Part ', ''))
      expect(efter.decrypt(r.cpr_krypteret!)).toBe(cprFor(i))
      expect(r.cpr_hash).toBe(hashes.find((h) => h.id === r.id)!.cpr_hash)
      expect(() => foer.decrypt(r.cpr_krypteret!)).toThrow()
    }
  })

  it('when the pinned look-up key is wrong, then a batch stops before writing anything', async () => {
    const ny2 = randomBytes(32).toString('base64')
    const forkert = createCprCipher(keyringSpec({ current: ny2, old: [ny], lookupKey: randomBytes(32).toString('base64') }))
    const foer = await w.db.selectFrom('parter').select(['id', 'cpr_krypteret']).where('id', 'in', partIds).execute()
    await expect(roterBatch(w.db, forkert, 5)).rejects.toThrow(/CPR_LOOKUP_KEY/)
    const efter = await w.db.selectFrom('parter').select(['id', 'cpr_krypteret']).where('id', 'in', partIds).execute()
    expect(efter).toEqual(foer)
  })
})
