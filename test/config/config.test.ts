import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/platform/config.js'

const valid = { SESSION_SECRET: 'x'.repeat(40), CPR_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }

describe('config', () => {
  it('when the environment is valid, then the config is parsed with defaults and frozen', () => {
    const config = loadConfig({ ...valid, PORT: '8080', PUBLIC_URL: 'https://naevn.example.dk/' })
    expect(config.port).toBe(8080)
    expect(config.publicUrl).toBe('https://naevn.example.dk')
    expect(config.cookieSecure).toBe(true)
    expect(config.sessionIdleMinutes).toBe(30)
    expect(config.sessionAbsoluteHours).toBe(8)
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.authority)).toBe(true)
  })

  it('when several variables are invalid, then every one of them is listed at once', () => {
    let error: unknown
    try {
      loadConfig({
        PORT: 'otte',
        DATABASE_URL: 'mysql://localhost/x',
        REDIS_URL: 'ikke en url',
        SESSION_IDLE_MINUTES: '0',
        TRUST_PROXY: 'måske',
        LOG_LEVEL: 'snak',
        MAIL_SMTP_URL: 'http://mail',
        REFERENCE_DATA_DIR: '/findes/ikke',
      })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0])
    expect(problems.sort()).toEqual(
      ['CPR_ENCRYPTION_KEY', 'DATABASE_URL', 'LOG_LEVEL', 'MAIL_SMTP_URL', 'PORT', 'REDIS_URL', 'REFERENCE_DATA_DIR', 'SESSION_IDLE_MINUTES', 'SESSION_SECRET', 'TRUST_PROXY'].sort(),
    )
    expect((error as ConfigError).message).toContain('PORT')
  })

  it('when the session secret is too short, then it is refused', () => {
    expect(() => loadConfig({ ...valid, SESSION_SECRET: 'kort' })).toThrow(/SESSION_SECRET: must be at least 32/)
  })
})
