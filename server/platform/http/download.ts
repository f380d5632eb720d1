// A stored file sent as a download: never shown inline, never cached by a shared cache
// (case files hold personal data). nosniff and the strict CSP come from the security plugin.
import type { FastifyReply } from 'fastify'

export function sendDownload(reply: FastifyReply, fil: { mime: string; filnavn: string; indhold: Buffer | Uint8Array }) {
  return reply
    .type(fil.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fil.filnavn)}`)
    .header('cache-control', 'private, no-store')
    .send(fil.indhold)
}
