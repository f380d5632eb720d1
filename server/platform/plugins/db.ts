import fp from 'fastify-plugin'
import { createDatabase, type Database } from '../db/database.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
  }
}

export default fp(
  async (app) => {
    const db = createDatabase(app.config.databaseUrl, app.config.databasePoolSize)
    app.decorate('db', db)
    app.addHook('onClose', async () => {
      await db.destroy()
    })
  },
  { name: 'db', dependencies: ['config'] },
)
