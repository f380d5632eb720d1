// The CPR keyring as configuration: which keys encrypt, which only decrypt during a
// rotation, and the pinned look-up key, written as one string so the configuration
// (config.ts) can hand it to the cipher (kerne/identitet/cpr-crypto.ts) and back.
/** The keys the cipher knows. Keys are base64 of 32 bytes. */
export interface CprKeyring {
  /** Encrypts new data; decrypts too. */
  current: string
  /** Decrypt only (during and after a rotation, until every row is re-encrypted). */
  old?: readonly string[]
  /**
   * The look-up hash's HMAC key itself (base64 of 32 bytes), pinned so that the hashes stay
   * the same when the main key rotates. Unset: derived from the current key (the original
   * set-up).
   */
  lookupKey?: string | null
}

export class CprKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CprKeyError'
  }
}

/**
 * A keyring in one string, so the configuration can hand it through code that passes a
 * single key: entries separated by ",", the first is the current key, "gammel:<key>" an old
 * key, "opslag:<key>" the pinned look-up key. A single plain key is the original set-up.
 */
export function keyringSpec(ring: CprKeyring): string {
  return [ring.current, ...(ring.old ?? []).map((k) => `gammel:${k}`), ...(ring.lookupKey ? [`opslag:${ring.lookupKey}`] : [])].join(',')
}

export function parseKeyringSpec(spec: string): CprKeyring {
  const parts = (spec ?? '').split(',').map((p) => p.trim())
  const ring: { current: string; old: string[]; lookupKey: string | null } = { current: parts[0] ?? '', old: [], lookupKey: null }
  for (const p of parts.slice(1)) {
    if (p.startsWith('gammel:')) ring.old.push(p.slice('gammel:'.length))
    else if (p.startsWith('opslag:')) ring.lookupKey = p.slice('opslag:'.length)
    else throw new CprKeyError('CPR-nøgleringen er ugyldig: efter den aktuelle nøgle må kun stå "gammel:<nøgle>" og "opslag:<nøgle>".')
  }
  return ring
}
