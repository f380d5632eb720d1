// Entry point of the local development and test identity provider (npm start runs it
// when no OIDC_ISSUER is configured). It refuses to run beside a real issuer.
import pino from 'pino'
import { startLokalIdp } from './kerne/auth/oidc/lokal-idp.js'
import { closeOnSignal, loadConfigOrExit } from './platform/lifecycle.js'
import { loggerOptions } from './platform/logger.js'

const config = loadConfigOrExit()
const log = pino(loggerOptions(config.logLevel))
if (!config.oidc.lokal) {
  log.error('OIDC_ISSUER er sat: den lokale identitetsudbyder starter ikke')
  process.exit(1)
}
const idp = await startLokalIdp(config)
closeOnSignal(log, 'lokal identitetsudbyder lukker ned', () => idp.close(), 5_000)
log.info({ issuer: idp.issuer }, 'lokal identitetsudbyder (MitID-demo) kører')
