import fp from 'fastify-plugin'
import { openDatabase, type SqliteDatabase } from '../db/connection.js'
import { createChallengersRepository, type ChallengersRepository } from '../db/challengers-repository.js'
import { createTodosRepository, type TodosRepository } from '../db/todos-repository.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: SqliteDatabase
    repositories: { challengers: ChallengersRepository; todos: TodosRepository }
  }
}

export interface DatabasePluginOptions {
  file: string
}

export default fp<DatabasePluginOptions>(async (app, options) => {
  const db = openDatabase(options.file)
  app.decorate('db', db)
  app.decorate('repositories', {
    challengers: createChallengersRepository(db),
    todos: createTodosRepository(db),
  })
  // closing checkpoints the WAL into the main file
  app.addHook('onClose', async () => {
    db.close()
  })
}, { name: 'database' })
