// CPR numbers at rest: encrypted (AES-256-GCM) so a database dump does not reveal them,
// plus a keyed hash to find a person by CPR without decrypting every row. A plain
// SHA-256 would not do: there are only about 10^9 CPR numbers (fewer valid dates), so
// an unkeyed hash is reversed by trying them all.
//
// Stored form: version byte (1) + IV (12 bytes) + GCM tag (16 bytes) + ciphertext.
// The version byte lets a later scheme (or key rotation) sit beside the old rows.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const version = 1
const ivLength = 12
const tagLength = 16
const headerLength = 1 + ivLength + tagLength

export interface CprCipher {
  encrypt(cpr: string): Buffer
  /** Throws when the data were changed, truncated or encrypted with another key. */
  decrypt(data: Buffer): string
  /** HMAC-SHA256 of the ten digits, hex: equal CPR numbers give equal hashes. */
  lookupHash(cpr: string): string
}

export class CprKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CprKeyError'
  }
}

/** keyBase64: 32 random bytes in base64 (e.g. `openssl rand -base64 32`). */
export function createCprCipher(keyBase64: string): CprCipher {
  const key = decodeKey(keyBase64)
  // Separate keys for encryption and lookup, derived with HKDF (RFC 5869), so neither
  // use of the main key can weaken the other.
  const encKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'naevn cpr aes-256-gcm v1', 32))
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'naevn cpr lookup hmac-sha256 v1', 32))
  const aad = Buffer.from([version])

  return Object.freeze({
    encrypt(cpr: string): Buffer {
      const plain = canonical(cpr)
      const iv = randomBytes(ivLength)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv, { authTagLength: tagLength })
      cipher.setAAD(aad)
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([aad, iv, cipher.getAuthTag(), ciphertext])
    },

    decrypt(data: Buffer): string {
      if (!Buffer.isBuffer(data) || data.length <= headerLength) throw new Error('Krypteret CPR-nummer er ugyldigt (for kort).')
      if (data[0] !== version) throw new Error(`Krypteret CPR-nummer har ukendt version ${data[0]}.`)
      const iv = data.subarray(1, 1 + ivLength)
      const tag = data.subarray(1 + ivLength, headerLength)
      const decipher = createDecipheriv('aes-256-gcm', encKey, iv, { authTagLength: tagLength })
      decipher.setAAD(aad)
      decipher.setAuthTag(tag)
      // final() throws when the tag does not match: tampered data or another key.
      return Buffer.concat([decipher.update(data.subarray(headerLength)), decipher.final()]).toString('utf8')
    },

    lookupHash(cpr: string): string {
      return createHmac('sha256', macKey).update(canonical(cpr), 'utf8').digest('hex')
    },
  })
}

function decodeKey(keyBase64: string): Buffer {
  const text = (keyBase64 ?? '').trim()
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    throw new CprKeyError('CPR-nøglen skal være base64 (32 tilfældige bytes, fx fra `openssl rand -base64 32`).')
  }
  const key = Buffer.from(text, 'base64')
  if (key.length !== 32) throw new CprKeyError(`CPR-nøglen skal være 32 bytes efter base64-afkodning, men er ${key.length}.`)
  return key
}

/** "DDMMYY-SSSS" and "DDMMYYSSSS" must encrypt and hash alike. */
function canonical(cpr: string): string {
  const digits = (cpr ?? '').replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(digits)) throw new Error('CPR-nummeret skal være 10 cifre.')
  return digits
}
