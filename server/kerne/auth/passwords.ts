import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id minimum (19 MiB, 2 iterations): strong, and fast enough for a login.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const minPasswordLength = 12

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

// Verifying against this when no account matches keeps the response time the same, so
// timing does not reveal whether an e-mail address has an account.
const dummyHash = hash('ingen-konto-har-denne-adgangskode', options)

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await dummyHash), password)
  } catch {
    return false
  }
}
