import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, otpauthUri, totp, verificerTotp, type TotpAlgoritme } from '../../server/kerne/auth/totp.js'

// RFC 6238 appendix B: the seeds are the ASCII digits, 20, 32 and 64 bytes long.
const seeds: Record<TotpAlgoritme, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
}
const vektorer: [number, string, TotpAlgoritme][] = [
  [59, '94287082', 'sha1'], [59, '46119246', 'sha256'], [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'], [1111111109, '68084774', 'sha256'], [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'], [1111111111, '67062674', 'sha256'], [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'], [1234567890, '91819424', 'sha256'], [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'], [2000000000, '90698825', 'sha256'], [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'], [20000000000, '77737706', 'sha256'], [20000000000, '47863826', 'sha512'],
]

describe('TOTP (RFC 6238)', () => {
  it('when computed for the RFC 6238 test vectors, then every 8-digit code matches', () => {
    for (const [tid, kode, algo] of vektorer) expect(totp(seeds[algo], tid, 8, algo), `${algo} @ ${tid}`).toBe(kode)
  })

  it('when a six-digit code is checked, then the current step and one either side are accepted, older ones not', () => {
    const s = seeds.sha1
    const t = 1111111111
    expect(verificerTotp(s, totp(s, t), { unixSek: t })).toBe(37037037n)
    expect(verificerTotp(s, totp(s, t - 30), { unixSek: t })).toBe(37037036n)
    expect(verificerTotp(s, totp(s, t + 30), { unixSek: t })).toBe(37037038n)
    expect(verificerTotp(s, totp(s, t - 60), { unixSek: t })).toBeNull()
    expect(verificerTotp(s, 'abcdef', { unixSek: t })).toBeNull()
  })

  it('when a code of a step already used comes again, then it is refused', () => {
    const s = seeds.sha1
    const t = 1111111111
    const trin = verificerTotp(s, totp(s, t), { unixSek: t })
    expect(verificerTotp(s, totp(s, t), { unixSek: t, sidsteTrin: trin })).toBeNull()
  })

  it('when a secret goes through base32 and into an otpauth URI, then it comes back unchanged', () => {
    expect(base32Encode(Buffer.from('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString()).toBe('12345678901234567890')
    expect(otpauthUri(seeds.sha1, 'a@b.dk', 'Nævn')).toContain('secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
  })
})
