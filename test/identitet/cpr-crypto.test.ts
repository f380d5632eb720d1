import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createCprCipher } from '../../server/kerne/identitet/cpr-crypto.js'
import { CprKeyError } from '../../server/platform/cpr-noeglering.js'

const newKey = () => randomBytes(32).toString('base64')

describe('CPR encryption at rest', () => {
  it('when a CPR number is encrypted and decrypted, then the ten digits come back and the stored form hides them', () => {
    const cipher = createCprCipher(newKey())
    const data = cipher.encrypt('010190-1234')
    expect(cipher.decrypt(data)).toBe('0101901234')
    expect(data[0]).toBe(1) // version
    expect(data.length).toBe(1 + 12 + 16 + 10)
    expect(data.toString('latin1')).not.toContain('0101901234')
  })

  it('when the same number is encrypted twice, then the ciphertexts differ (random IV)', () => {
    const cipher = createCprCipher(newKey())
    const a = cipher.encrypt('0101901234')
    const b = cipher.encrypt('0101901234')
    expect(a.equals(b)).toBe(false)
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false)
  })

  it('when any byte of the stored data is changed, then decryption throws', () => {
    const cipher = createCprCipher(newKey())
    const data = cipher.encrypt('0101901234')
    for (const i of [1, 13, 29, data.length - 1]) {
      const tampered = Buffer.from(data)
      tampered[i] = tampered[i]! ^ 0x01
      expect(() => cipher.decrypt(tampered), `byte ${i}`).toThrow()
    }
    const otherVersion = Buffer.from(data)
    otherVersion[0] = 2
    expect(() => cipher.decrypt(otherVersion)).toThrow(/version 2/)
    expect(() => cipher.decrypt(data.subarray(0, 29))).toThrow(/for kort/)
  })

  it('when data encrypted with another key are decrypted, then it throws', () => {
    const data = createCprCipher(newKey()).encrypt('0101901234')
    expect(() => createCprCipher(newKey()).decrypt(data)).toThrow()
  })

  it('when the same CPR is hashed, written either way, then the lookup hash is the same', () => {
    const cipher = createCprCipher(newKey())
    const hash = cipher.lookupHash('0101901234')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(cipher.lookupHash('010190-1234')).toBe(hash)
    expect(cipher.lookupHash('0101901235')).not.toBe(hash)
  })

  it('when two keys hash the same CPR, then the hashes differ, and neither is the plain SHA-256', async () => {
    const cpr = '0101901234'
    const a = createCprCipher(newKey()).lookupHash(cpr)
    const b = createCprCipher(newKey()).lookupHash(cpr)
    expect(a).not.toBe(b)
    const { createHash } = await import('node:crypto')
    expect(a).not.toBe(createHash('sha256').update(cpr).digest('hex'))
  })

  it('when the same key is used again (a restart), then hashes and old ciphertexts still work', () => {
    const key = newKey()
    const data = createCprCipher(key).encrypt('0101901234')
    const hash = createCprCipher(key).lookupHash('0101901234')
    const again = createCprCipher(key)
    expect(again.decrypt(data)).toBe('0101901234')
    expect(again.lookupHash('0101901234')).toBe(hash)
  })

  it('when the key is not 32 bytes of base64, then creating the cipher fails with a clear message', () => {
    expect(() => createCprCipher('')).toThrow(CprKeyError)
    expect(() => createCprCipher(randomBytes(16).toString('base64'))).toThrow('CPR-nøglen skal være 32 bytes efter base64-afkodning, men er 16.')
    expect(() => createCprCipher('ikke base64!')).toThrow(/base64/)
    expect(() => createCprCipher(randomBytes(33).toString('base64'))).toThrow(CprKeyError)
  })

  it('when something other than ten digits is encrypted or hashed, then it is refused', () => {
    const cipher = createCprCipher(newKey())
    expect(() => cipher.encrypt('12345')).toThrow('CPR-nummeret skal være 10 cifre.')
    expect(() => cipher.lookupHash('')).toThrow('CPR-nummeret skal være 10 cifre.')
  })
})
