// The baseline the benchmarks compare against: a bare Fastify app with no plugins, hooks or sessions, run
// as its own process like our server. Each route answers a fixed response equivalent to ours (the bodies are
// captured from our server by bench/run.ts and passed in a fixtures file); POST /challenger inserts one row
// with better-sqlite3 (WAL, the same pragmas as db/connection.ts), the least any session store must do.
//
//   node --import tsx bench/baseline.ts --port=N --db-file=PATH --fixtures=PATH
import Database from 'better-sqlite3'
import Fastify from 'fastify'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'

export interface BaselineFixtures {
  /** GET /todos body (the ten seed todos) */
  todos: string
  /** GET /challenges body */
  challenges: string
  /** POST /todos 201 body */
  createdTodo: string
  /** DELETE /todos/{id} status */
  deleteStatus: number
}

function flag(name: string): string {
  const prefix = `--${name}=`
  const arg = process.argv.find((a) => a.startsWith(prefix))
  if (!arg) throw new Error(`missing ${prefix}…`)
  return arg.slice(prefix.length)
}

const port = Number(flag('port'))
const fixtures = JSON.parse(readFileSync(flag('fixtures'), 'utf8')) as BaselineFixtures

const db = new Database(flag('db-file'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.pragma('foreign_keys = ON')
db.pragma('busy_timeout = 5000')
db.exec(`CREATE TABLE IF NOT EXISTS challengers (
  guid TEXT PRIMARY KEY, auth_token TEXT NOT NULL, secret_note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL, last_accessed INTEGER NOT NULL)`)
const insert = db.prepare<[string, string, number, number]>(
  'INSERT INTO challengers (guid, auth_token, created_at, last_accessed) VALUES (?, ?, ?, ?)')

const app = Fastify({ logger: false })
// like ours, any body type is read as text (the workshop walk sends XML too)
app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
const JSON_TYPE = 'application/json'

app.post('/challenger', async (_request, reply) => {
  const guid = randomUUID()
  const at = Date.now()
  insert.run(guid, randomUUID(), at, at)
  return reply.code(201).header('x-challenger', guid).header('location', `/gui/challenges/${guid}`).send()
})
app.get('/todos', async (_request, reply) => reply.header('content-type', JSON_TYPE).send(fixtures.todos))
app.get('/challenges', async (_request, reply) => reply.header('content-type', JSON_TYPE).send(fixtures.challenges))
app.post('/todos', async (_request, reply) =>
  reply.code(201).header('location', '/todos/11').header('content-type', JSON_TYPE).send(fixtures.createdTodo))
app.delete('/todos/:id', async (_request, reply) => reply.code(fixtures.deleteStatus).send())
// everything else the workshop walk sends: a small fixed JSON answer
app.all('/*', async (_request, reply) => reply.header('content-type', JSON_TYPE).send('{"ok":true}'))

async function shutdown() {
  await app.close()
  db.close()
  process.exit(0)
}
process.once('SIGTERM', () => { void shutdown() })
process.once('SIGINT', () => { void shutdown() })

await app.listen({ host: '127.0.0.1', port })
