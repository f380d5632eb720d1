// Secrets at rest that are not CPR numbers (the TOTP seed): AES-256-GCM under a key derived
// (HKDF) from each key of the CPR keyring, so a CPR key rotation keeps them readable: they
// are written under the current key and read under any key in the ring.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { parseKeyringSpec } from '../../platform/cpr-noeglering.js'

export interface HemmelighedsBoks {
  seal(plain: Buffer): Buffer
  open(data: Buffer): Buffer
}

export function hemmelighedsBoks(cprKeyringSpec: string, formaal: string): HemmelighedsBoks {
  const ring = parseKeyringSpec(cprKeyringSpec)
  const noegler = [ring.current, ...(ring.old ?? [])].map((k) => Buffer.from(hkdfSync('sha256', Buffer.from(k, 'base64'), Buffer.alloc(0), `naevn:${formaal}`, 32)))
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', noegler[0]!, iv)
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext])
    },
    open(data) {
      for (const key of noegler) {
        try {
          const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
          decipher.setAuthTag(data.subarray(12, 28))
          return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()])
        } catch {
          // another key of the ring
        }
      }
      throw new Error('hemmeligheden kan ikke læses med nogen nøgle i nøgleringen')
    },
  }
}
