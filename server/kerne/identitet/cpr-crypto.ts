// CPR numbers at rest: encrypted (AES-256-GCM) so a database dump does not reveal them,
// plus a keyed hash to find a person by CPR without decrypting every row. A plain
// SHA-256 would not do: there are only about 10^9 CPR numbers (fewer valid dates), so
// an unkeyed hash is reversed by trying them all.
//
// Stored forms:
//   version 1: 0x01 + IV (12) + GCM tag (16) + ciphertext. No key id: the original set-up
//              with one key. Still written by a cipher made from one plain key, so an
//              installation that never rotated looks exactly as before.
//   version 2: 0x02 + key id (4) + IV (12) + GCM tag (16) + ciphertext. Written as soon as
//              a keyring is configured (an old key beside the current one, or a pinned
//              look-up key): the key id says which key to use, and lets the rotation script
//              select the rows still on an old key with SQL alone.
// The header (version, and key id) is the GCM additional data, so it cannot be changed
// unnoticed. A version 1 row is tried with every key; the tag tells which one fits.
//
// Key rotation (scripts/rotate-cpr-key.ts, README "Nøglerotation"): the cipher accepts a
// keyring — the current key (encrypts) and old keys (still decrypt). The look-up hash does
// NOT rotate: the exemption register (fritagelser.cpr_hash) holds only hashes, never the
// number, so a new hash key could not be applied to it. Before the first rotation the
// operator pins the hash key (CPR_LOOKUP_KEY, the derived HMAC key itself, so the old main
// key can be destroyed afterwards).
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { CprKeyError, parseKeyringSpec, type CprKeyring } from '../../platform/cpr-noeglering.js'

const ivLength = 12
const tagLength = 16
const keyIdLength = 4
const v1HeaderLength = 1 + ivLength + tagLength
const v2HeaderLength = 1 + keyIdLength + ivLength + tagLength

export interface CprCipher {
  encrypt(cpr: string): Buffer
  /** Throws when the data were changed, truncated or encrypted with a key not in the ring. */
  decrypt(data: Buffer): string
  /** HMAC-SHA256 of the ten digits, hex: equal CPR numbers give equal hashes. */
  lookupHash(cpr: string): string
  /** The current key's id (hex, 8 characters): what version 2 data written now carry. */
  readonly currentKeyId: string
  /** True when the data are not version 2 under the current key (the rotation's work). */
  needsReencryption(data: Buffer): boolean
}


interface DerivedKey {
  id: Buffer
  idHex: string
  encKey: Buffer
}

function derive(key: Buffer): DerivedKey {
  // Separate keys for encryption and lookup, derived with HKDF (RFC 5869), so neither
  // use of the main key can weaken the other. The key id is a one-way function of a third
  // derived value: it names the key without revealing anything about it.
  const encKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'naevn cpr aes-256-gcm v1', 32))
  const idKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'naevn cpr key id v2', 32))
  const id = createHash('sha256').update(idKey).digest().subarray(0, keyIdLength)
  return { id, idHex: id.toString('hex'), encKey }
}

/** The look-up hash's HMAC key as derived from a main key (what CPR_LOOKUP_KEY pins). */
export function derivedLookupKey(keyBase64: string): string {
  return Buffer.from(hkdfSync('sha256', decodeKey(keyBase64), Buffer.alloc(0), 'naevn cpr lookup hmac-sha256 v1', 32)).toString('base64')
}


/**
 * keyOrRing: 32 random bytes in base64 (e.g. `openssl rand -base64 32`), a keyring spec
 * (keyringSpec) or a keyring.
 */
export function createCprCipher(keyOrRing: string | CprKeyring): CprCipher {
  const ring = typeof keyOrRing === 'string' ? parseKeyringSpec(keyOrRing) : keyOrRing
  const currentRaw = decodeKey(ring.current)
  const current = derive(currentRaw)
  const all = [current, ...(ring.old ?? []).map((k) => derive(decodeKey(k)))]
  const byId = new Map<string, DerivedKey>()
  for (const k of all) if (!byId.has(k.idHex)) byId.set(k.idHex, k)
  const macKey = ring.lookupKey ? decodeKey(ring.lookupKey) : Buffer.from(derivedLookupKey(ring.current), 'base64')
  // Version 1 only for the original set-up (one plain key, nothing else configured).
  const writeVersion = (ring.old ?? []).length === 0 && !ring.lookupKey ? 1 : 2

  function seal(plain: string, header: Buffer, encKey: Buffer): Buffer {
    const iv = randomBytes(ivLength)
    const cipher = createCipheriv('aes-256-gcm', encKey, iv, { authTagLength: tagLength })
    cipher.setAAD(header)
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext])
  }

  function open(data: Buffer, headerLength: number, encKey: Buffer): string {
    const header = data.subarray(0, headerLength - ivLength - tagLength)
    const iv = data.subarray(header.length, header.length + ivLength)
    const tag = data.subarray(header.length + ivLength, headerLength)
    const decipher = createDecipheriv('aes-256-gcm', encKey, iv, { authTagLength: tagLength })
    decipher.setAAD(header)
    decipher.setAuthTag(tag)
    // final() throws when the tag does not match: tampered data or another key.
    return Buffer.concat([decipher.update(data.subarray(headerLength)), decipher.final()]).toString('utf8')
  }

  return Object.freeze({
    currentKeyId: current.idHex,

    encrypt(cpr: string): Buffer {
      const plain = canonical(cpr)
      if (writeVersion === 1) return seal(plain, Buffer.from([1]), current.encKey)
      return seal(plain, Buffer.concat([Buffer.from([2]), current.id]), current.encKey)
    },

    decrypt(data: Buffer): string {
      if (!Buffer.isBuffer(data) || data.length <= v1HeaderLength) throw new Error('Krypteret CPR-nummer er ugyldigt (for kort).')
      if (data[0] === 1) {
        // No key id: the key whose tag matches is the one (GCM authenticates).
        let last: unknown
        for (const k of all) {
          try {
            return open(data, v1HeaderLength, k.encKey)
          } catch (err) {
            last = err
          }
        }
        throw last instanceof Error ? last : new Error('Krypteret CPR-nummer kan ikke dekrypteres.')
      }
      if (data[0] === 2) {
        if (data.length <= v2HeaderLength) throw new Error('Krypteret CPR-nummer er ugyldigt (for kort).')
        const idHex = data.subarray(1, 1 + keyIdLength).toString('hex')
        const k = byId.get(idHex)
        if (!k) throw new Error(`Krypteret CPR-nummer (version 2) er krypteret med en ukendt nøgle (id ${idHex}).`)
        return open(data, v2HeaderLength, k.encKey)
      }
      throw new Error(`Krypteret CPR-nummer har ukendt version ${data[0]}.`)
    },

    needsReencryption(data: Buffer): boolean {
      return !(data[0] === 2 && data.subarray(1, 1 + keyIdLength).equals(current.id))
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
