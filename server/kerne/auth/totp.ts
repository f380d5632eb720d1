// TOTP second factor for staff (RFC 6238 over RFC 4226's HOTP), with node:crypto only:
// 30-second steps, six digits, HMAC-SHA1 (what every authenticator app uses), one step of
// clock drift either way, and a step once used never accepted again.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const base32Alfabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function base32Encode(data: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of data) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += base32Alfabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += base32Alfabet[(value << (5 - bits)) & 31]
  return out
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '')
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const c of clean) {
    const i = base32Alfabet.indexOf(c)
    if (i < 0) throw new Error('ugyldig base32')
    value = (value << 5) | i
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

export type TotpAlgoritme = 'sha1' | 'sha256' | 'sha512'

/** RFC 4226 § 5.3: dynamic truncation of the HMAC of the 8-byte counter. */
export function hotp(secret: Buffer, counter: bigint, digits = 6, algorithm: TotpAlgoritme = 'sha1'): string {
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(counter)
  const mac = createHmac(algorithm, secret).update(msg).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
  return String(binary % 10 ** digits).padStart(digits, '0')
}

export const totpTrinSek = 30

export function totpTrin(unixSek: number): bigint {
  return BigInt(Math.floor(unixSek / totpTrinSek))
}

export function totp(secret: Buffer, unixSek: number, digits = 6, algorithm: TotpAlgoritme = 'sha1'): string {
  return hotp(secret, totpTrin(unixSek), digits, algorithm)
}

/**
 * The time step the code belongs to (now, or one step either side), or null. A step at or
 * before sidsteTrin was used already: a replayed code is refused.
 */
export function verificerTotp(secret: Buffer, kode: string, o: { unixSek?: number; sidsteTrin?: bigint | null } = {}): bigint | null {
  const clean = kode.replace(/\s/g, '')
  if (!/^\d{6}$/.test(clean)) return null
  const nu = totpTrin(o.unixSek ?? Date.now() / 1000)
  for (const trin of [nu - 1n, nu, nu + 1n]) {
    if (o.sidsteTrin != null && trin <= o.sidsteTrin) continue
    if (timingSafeEqual(Buffer.from(hotp(secret, trin)), Buffer.from(clean))) return trin
  }
  return null
}

export function nyTotpHemmelighed(): Buffer {
  return randomBytes(20)
}

/** The otpauth:// URI authenticator apps read (Key Uri Format). */
export function otpauthUri(secret: Buffer, konto: string, udsteder: string): string {
  const label = encodeURIComponent(`${udsteder}:${konto}`)
  return `otpauth://totp/${label}?secret=${base32Encode(secret)}&issuer=${encodeURIComponent(udsteder)}&algorithm=SHA1&digits=6&period=${totpTrinSek}`
}
