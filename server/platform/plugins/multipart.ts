// File uploads. Fields and files are parsed before the CSRF check (so a multipart form
// carries its token like any other), files are held in memory up to the configured
// limits, and an oversized file is marked rather than thrown, so the page can name it.
import fp from 'fastify-plugin'
import fastifyMultipart from '@fastify/multipart'
import { UnauthenticatedError } from '../errors.js'

export default fp(
  async (app) => {
    const { upload } = app.config
    // Every upload route needs a logged-in user: refuse an anonymous upload before its
    // body is read, so nobody can make the server hold files for requests it will refuse.
    // (Registered before the parser, so this preValidation hook runs first.)
    app.addHook('preValidation', async (req) => {
      if (!req.principal && req.isMultipart()) throw new UnauthenticatedError('IkkeLoggetInd', 'Du skal logge ind for at sende filer.')
    })
    await app.register(fastifyMultipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: {
        fileSize: upload.maxFileBytes,
        files: upload.maxFilesPerRequest,
        fields: 50,
        fieldSize: 100_000,
        parts: upload.maxFilesPerRequest + 50,
      },
    })
  },
  { name: 'multipart', dependencies: ['config', 'auth'] },
)
