// The baseline the benchmarks compare against: a bare Fastify app with no plugins, hooks or sessions, run
// as its own process like our server. Each route answers a fixed response equivalent to ours: the same
// status, headers and body bytes, captured from our server by bench/run.ts and passed in a fixtures file
// (only X-CHALLENGER is echoed from the request, as ours does). POST /challenger inserts one row with
// better-sqlite3 (WAL, the same pragmas as db/connection.ts), the least any session store must do.
//
//   node --import tsx bench/baseline.ts --port=N --db-file=PATH --fixtures=PATH
import Database from 'better-sqlite3'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
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
  /** our response headers for each of them (without X-CHALLENGER, Date, Connection and lengths) */
  headers: Record<'challenger' | 'todos' | 'challenges' | 'createdTodo' | 'deleted', Record<string, string>>
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
const { headers } = fixtures

function echoSession(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const guid = request.headers['x-challenger']
  return reply.header('x-challenger', typeof guid === 'string' ? guid : 'UNKNOWN CHALLENGER - Challenger not found')
}

app.post('/challenger', async (_request, reply) => {
  const guid = randomUUID()
  const at = Date.now()
  insert.run(guid, randomUUID(), at, at)
  return reply.code(201).headers(headers.challenger).header('x-challenger', guid).header('location', `/gui/challenges/${guid}`).send()
})
app.get('/todos', async (request, reply) => echoSession(request, reply).headers(headers.todos).send(fixtures.todos))
app.get('/challenges', async (request, reply) => echoSession(request, reply).headers(headers.challenges).send(fixtures.challenges))
app.post('/todos', async (request, reply) => echoSession(request, reply).code(201).headers(headers.createdTodo).send(fixtures.createdTodo))
app.delete('/todos/:id', async (request, reply) => echoSession(request, reply).code(fixtures.deleteStatus).headers(headers.deleted).send())
// everything else the workshop walk sends: a small fixed JSON answer with the usual headers
app.all('/*', async (request, reply) => echoSession(request, reply).headers(headers.createdTodo).code(200).send('{"ok":true}'))

async function shutdown() {
  await app.close()
  db.close()
  process.exit(0)
}
process.once('SIGTERM', () => { void shutdown() })
process.once('SIGINT', () => { void shutdown() })

await app.listen({ host: '127.0.0.1', port })
