import { Writable } from 'node:stream'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { loggerOptions, maskCpr } from '../../server/platform/logger.js'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const options = loggerOptions('info')
  delete options.transport
  return { log: pino(options, stream), lines }
}

describe('logging', () => {
  it('when objects with passwords, CPR numbers, tokens or cookies are logged, then the values are hidden', () => {
    const { log, lines } = capture()
    log.info({ body: { adgangskode: 'hemmelig-kode', cpr: '0101901234', token: 'abc.def' }, req: { headers: { cookie: 'naevn_session=xyz' } } }, 'test')
    const out = lines.join('')
    expect(out).not.toContain('hemmelig-kode')
    expect(out).not.toContain('0101901234')
    expect(out).not.toContain('abc.def')
    expect(out).not.toContain('naevn_session=xyz')
    expect(out).toContain('[skjult]')
  })

  it('when a message mentions a CPR number, then the serial part is masked', () => {
    const { log, lines } = capture()
    log.info('borger 010190-1234 ringede om 2301851234')
    const out = lines.join('')
    expect(out).not.toContain('1234 ringede')
    expect(out).toContain('010190-xxxx')
    expect(out).toContain('230185-xxxx')
  })

  it('when text has other numbers, then only CPR-shaped ones are masked', () => {
    expect(maskCpr('sag 101-10005, beløb 12345678 kr.')).toBe('sag 101-10005, beløb 12345678 kr.')
  })

  it('when a form, an API body, an object message or an error carries a CPR number, then it is hidden or masked', () => {
    const { log, lines } = capture()
    log.info({ body: { mig_cprcvr: '0101901234', klient_cprcvr: '0202854321' } }, 'form')
    log.info({ body: { parter: { modpart: { cprEllerCvr: '0303803333' } } } }, 'api')
    log.info({ msg: 'borger 040470 4444 ringede' })
    log.error({ err: new Error('ukendt cpr 0505505555') }, 'fejl')
    const out = lines.join('')
    for (const serial of ['1234', '4321', '3333', '4444', '5555']) expect(out).not.toMatch(new RegExp(`\\d{6}[- ]?${serial}`))
    expect(out).toContain('040470-xxxx')
    expect(out).toContain('050550-xxxx')
  })
})
