// A fresh session walks through every classic challenge the way a typical public client suite does: one
// request per challenge, root paths only, JSON bodies (XML only where the challenge is about XML), Basic
// auth admin/password for /secret/token. What completes each one is classic.md §4. At the end GET
// /challenges lists 59 challenges (multi-user) or 58 (single-user), all done.
import t, { type Test } from 'tap'
import { build, type TestApp } from '../helper.js'
import { CLASSIC, classicKeys } from './catalogue.js'

type Mode = 'multi' | 'single'

interface Client {
  app: TestApp
  /** X-CHALLENGER sent on every request (multi-user); none in single-user mode */
  guid?: string
  authToken?: string
}

interface Call {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'TRACE'
  url: string
  headers?: Record<string, string>
  json?: unknown
  xml?: string
}

async function call(client: Client, request: Call) {
  const headers: Record<string, string> = { ...(client.guid ? { 'x-challenger': client.guid } : {}), ...request.headers }
  let payload: string | undefined
  if (request.json !== undefined) {
    payload = JSON.stringify(request.json)
    headers['content-type'] ??= 'application/json'
  } else if (request.xml !== undefined) {
    payload = request.xml
    headers['content-type'] ??= 'application/xml'
  }
  return client.app.inject({ method: request.method, url: request.url, headers, ...(payload === undefined ? {} : { payload }) })
}

/** one request of the suite, checked for the status the challenge asks for */
async function expect(t: Test, client: Client, challenge: string, request: Call, status: number) {
  const response = await call(client, request)
  t.equal(response.statusCode, status, `${challenge}: ${request.method} ${request.url} → ${status}`)
  return response
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const todoIds = async (client: Client) =>
  (JSON.parse((await call(client, { method: 'GET', url: '/todos', headers: { accept: 'application/json' } })).body) as { todos: { id: number }[] })
    .todos.map((todo) => todo.id)

async function walk(t: Test, mode: Mode): Promise<Client> {
  const app = await build(t, { challengeSet: 'classic', mode })
  const client: Client = { app }

  // Getting started
  const created = await expect(t, client, 'POST /challenger (201)', { method: 'POST', url: '/challenger' }, 201)
  if (mode === 'multi') client.guid = created.headers['x-challenger'] as string
  const self = mode === 'multi' ? client.guid as string : created.headers['x-challenger'] as string
  await expect(t, client, 'GET /challenges (200)', { method: 'GET', url: '/challenges' }, 200)

  // GET
  await expect(t, client, 'GET /todos (200)', { method: 'GET', url: '/todos' }, 200)
  await expect(t, client, 'GET /todo (404) not plural', { method: 'GET', url: '/todo' }, 404)
  await expect(t, client, 'GET /todos/{id} (200)', { method: 'GET', url: '/todos/1' }, 200)
  await expect(t, client, 'GET /todos/{id} (404)', { method: 'GET', url: '/todos/999' }, 404)
  // the filter challenge needs a done and a not-done todo in the database
  await expect(t, client, 'setup: a done todo', { method: 'POST', url: '/todos', json: { title: 'done already', doneStatus: true } }, 201)
  const filtered = await expect(t, client, 'GET /todos (200) ?filter', { method: 'GET', url: '/todos?doneStatus=true' }, 200)
  t.same((JSON.parse(filtered.body) as { todos: { title: string }[] }).todos.map((todo) => todo.title), ['done already'], 'only the done todo')

  // HEAD
  await expect(t, client, 'HEAD /todos (200)', { method: 'HEAD', url: '/todos' }, 200)

  // Creation with POST
  const createdTodo = await expect(t, client, 'POST /todos (201)', { method: 'POST', url: '/todos', json: { title: 'new todo', doneStatus: false, description: 'from the suite' } }, 201)
  const id = (JSON.parse(createdTodo.body) as { id: number }).id
  await expect(t, client, 'POST /todos (400) doneStatus', { method: 'POST', url: '/todos', json: { title: 'bad status', doneStatus: 'bob' } }, 400)
  await expect(t, client, 'POST /todos (400) title too long', { method: 'POST', url: '/todos', json: { title: 't'.repeat(51) } }, 400)
  await expect(t, client, 'POST /todos (400) description too long', { method: 'POST', url: '/todos', json: { title: 'long description', description: 'd'.repeat(201) } }, 400)
  await expect(t, client, 'POST /todos (201) max out content', { method: 'POST', url: '/todos', json: { title: 't'.repeat(50), description: 'd'.repeat(200) } }, 201)
  await expect(t, client, 'POST /todos (413) content too long', { method: 'POST', url: '/todos', json: { title: 'too long', description: 'd'.repeat(5000) } }, 413)
  await expect(t, client, 'POST /todos (400) extra', { method: 'POST', url: '/todos', json: { title: 'extra', priority: 'high' } }, 400)

  // Creation with PUT
  await expect(t, client, 'PUT /todos/{id} (400)', { method: 'PUT', url: '/todos/999', json: { title: 'create with put' } }, 400)

  // Update with POST
  await expect(t, client, 'POST /todos/{id} (200)', { method: 'POST', url: `/todos/${id}`, json: { title: 'amended title' } }, 200)
  await expect(t, client, 'POST /todos/{id} (404)', { method: 'POST', url: '/todos/999', json: { title: 'nobody' } }, 404)

  // Update with PUT
  await expect(t, client, 'PUT /todos/{id} full (200)', { method: 'PUT', url: `/todos/${id}`, json: { title: 'replaced', doneStatus: true, description: 'all fields' } }, 200)
  await expect(t, client, 'PUT /todos/{id} partial (200)', { method: 'PUT', url: `/todos/${id}`, json: { title: 'title only' } }, 200)
  await expect(t, client, 'PUT /todos/{id} no title (400)', { method: 'PUT', url: `/todos/${id}`, json: { description: 'no title' } }, 400)
  await expect(t, client, 'PUT /todos/{id} no amend id (400)', { method: 'PUT', url: `/todos/${id}`, json: { id: id + 100, title: 'other id' } }, 400)

  // DELETE, OPTIONS
  await expect(t, client, 'DELETE /todos/{id} (200)', { method: 'DELETE', url: `/todos/${id}` }, 200)
  await expect(t, client, 'OPTIONS /todos (200)', { method: 'OPTIONS', url: '/todos' }, 200)

  // Accept
  await expect(t, client, 'GET /todos (200) XML', { method: 'GET', url: '/todos', headers: { accept: 'application/xml' } }, 200)
  await expect(t, client, 'GET /todos (200) JSON', { method: 'GET', url: '/todos', headers: { accept: 'application/json' } }, 200)
  await expect(t, client, 'GET /todos (200) ANY', { method: 'GET', url: '/todos', headers: { accept: '*/*' } }, 200)
  await expect(t, client, 'GET /todos (200) XML pref', { method: 'GET', url: '/todos', headers: { accept: 'application/xml, application/json' } }, 200)
  await expect(t, client, 'GET /todos (200) no accept', { method: 'GET', url: '/todos' }, 200)
  await expect(t, client, 'GET /todos (406)', { method: 'GET', url: '/todos', headers: { accept: 'application/gzip' } }, 406)

  // Content-Type
  await expect(t, client, 'POST /todos XML', { method: 'POST', url: '/todos', headers: { accept: 'application/xml' }, xml: '<todo><title>xml todo</title></todo>' }, 201)
  await expect(t, client, 'POST /todos JSON', { method: 'POST', url: '/todos', headers: { accept: 'application/json' }, json: { title: 'json todo' } }, 201)
  await expect(t, client, 'POST /todos (415)', { method: 'POST', url: '/todos', headers: { 'content-type': 'bob' }, json: { title: 'bob type' } }, 415)

  // Fancy a break? Restore your session
  const progress = await expect(t, client, 'GET /challenger/guid (existing X-CHALLENGER)',
    { method: 'GET', url: `/challenger/${self}`, headers: { 'x-challenger': self } }, 200)
  await expect(t, client, 'PUT /challenger/guid RESTORE', { method: 'PUT', url: `/challenger/${self}`, json: JSON.parse(progress.body) }, 200)
  const database = await expect(t, client, 'GET /challenger/database/guid (200)', { method: 'GET', url: `/challenger/database/${self}` }, 200)
  await expect(t, client, 'PUT /challenger/database/guid (Update)', { method: 'PUT', url: `/challenger/database/${self}`, json: JSON.parse(database.body) }, 204)

  // Mix Accept and Content-Type
  await expect(t, client, 'POST /todos XML to JSON', { method: 'POST', url: '/todos', headers: { accept: 'application/json' }, xml: '<todo><title>xml in, json out</title></todo>' }, 201)
  await expect(t, client, 'POST /todos JSON to XML', { method: 'POST', url: '/todos', headers: { accept: 'application/xml' }, json: { title: 'json in, xml out' } }, 201)

  // Status codes
  await expect(t, client, 'DELETE /heartbeat (405)', { method: 'DELETE', url: '/heartbeat' }, 405)
  await expect(t, client, 'PATCH /heartbeat (500)', { method: 'PATCH', url: '/heartbeat' }, 500)
  await expect(t, client, 'TRACE /heartbeat (501)', { method: 'TRACE', url: '/heartbeat' }, 501)
  await expect(t, client, 'GET /heartbeat (204)', { method: 'GET', url: '/heartbeat' }, 204)

  // HTTP method override
  await expect(t, client, 'POST /heartbeat as DELETE (405)', { method: 'POST', url: '/heartbeat', headers: { 'x-http-method-override': 'DELETE' } }, 405)
  await expect(t, client, 'POST /heartbeat as PATCH (500)', { method: 'POST', url: '/heartbeat', headers: { 'x-http-method-override': 'PATCH' } }, 500)
  await expect(t, client, 'POST /heartbeat as Trace (501)', { method: 'POST', url: '/heartbeat', headers: { 'x-http-method-override': 'TRACE' } }, 501)

  // Authentication
  await expect(t, client, 'POST /secret/token (401)', { method: 'POST', url: '/secret/token', headers: { authorization: basic('admin', 'wrong') } }, 401)
  const token = await expect(t, client, 'POST /secret/token (201)', { method: 'POST', url: '/secret/token', headers: { authorization: basic('admin', 'password') } }, 201)
  client.authToken = token.headers['x-auth-token'] as string
  t.ok(client.authToken, 'x-auth-token')

  // Authorization
  await expect(t, client, 'GET /secret/note (403)', { method: 'GET', url: '/secret/note', headers: { 'x-auth-token': 'bob' } }, 403)
  await expect(t, client, 'GET /secret/note (401)', { method: 'GET', url: '/secret/note' }, 401)
  await expect(t, client, 'GET /secret/note (200)', { method: 'GET', url: '/secret/note', headers: { 'x-auth-token': client.authToken } }, 200)
  await expect(t, client, 'POST /secret/note (200)', { method: 'POST', url: '/secret/note', headers: { 'x-auth-token': client.authToken }, json: { note: 'my note' } }, 200)
  await expect(t, client, 'POST /secret/note (401)', { method: 'POST', url: '/secret/note', json: { note: 'no token' } }, 401)
  await expect(t, client, 'POST /secret/note (403)', { method: 'POST', url: '/secret/note', headers: { 'x-auth-token': 'bob' }, json: { note: 'wrong token' } }, 403)
  const bearer = await expect(t, client, 'GET /secret/note (Bearer)', { method: 'GET', url: '/secret/note', headers: { authorization: `Bearer ${client.authToken}` } }, 200)
  t.same(JSON.parse(bearer.body), { note: 'my note' })
  await expect(t, client, 'POST /secret/note (Bearer)', { method: 'POST', url: '/secret/note', headers: { authorization: `Bearer ${client.authToken}` }, json: { note: 'bearer note' } }, 200)

  // Miscellaneous
  const ids = await todoIds(client)
  for (const [i, todo] of ids.entries()) {
    await expect(t, client, i === ids.length - 1 ? 'DELETE /todos/{id} (200) all' : 'delete every todo', { method: 'DELETE', url: `/todos/${todo}` }, 200)
  }
  t.same(await todoIds(client), [], 'no todos left')
  for (let i = 1; i <= 20; i++) await expect(t, client, `fill: todo ${i} of 20`, { method: 'POST', url: '/todos', json: { title: `todo ${i}` } }, 201)
  const full = await expect(t, client, 'POST /todos (201) all', { method: 'POST', url: '/todos', json: { title: 'one too many' } }, 400)
  t.same(JSON.parse(full.body), { errorMessages: ['ERROR: Cannot add instance, maximum limit of 20 reached'] })
  return client
}

/** GET /challenges: every entry, by name, with its status */
async function listed(client: Client) {
  const response = await call(client, { method: 'GET', url: '/challenges' })
  return (JSON.parse(response.body) as { challenges: { id: number; name: string; status: boolean }[] }).challenges
}

t.test('multi-user: a fresh session completes all 59 classic challenges', async (t) => {
  const client = await walk(t, 'multi')

  // PUT /challenger/{guid} CREATE passes for the session it creates: a suite restores its progress under a
  // GUID of its own and carries on with that one (the statuses in the payload come along, classic.md S10)
  const progress = JSON.parse((await call(client, { method: 'GET', url: `/challenger/${client.guid}` })).body) as { xChallenger: string }
  const restored = 'c1a551c0-0000-4000-8000-000000000059'
  await expect(t, client, 'PUT /challenger/guid CREATE', { method: 'PUT', url: `/challenger/${restored}`, json: { ...progress, xChallenger: restored } }, 201)
  const before = await listed(client)
  t.same(before.filter((c) => !c.status).map((c) => c.name), ['PUT /challenger/guid CREATE'], 'the first session has everything else')
  client.guid = restored

  const list = await listed(client)
  t.equal(list.length, 59, '59 challenges')
  t.same(list.filter((c) => !c.status).map((c) => c.name), [], 'none left to do')
  t.same(list.map((c) => c.name), CLASSIC.map((c) => c.name), 'in the classic order')
  const status = (JSON.parse((await call(client, { method: 'GET', url: `/challenger/${restored}` })).body) as { challengeStatus: Record<string, boolean> }).challengeStatus
  t.same(Object.keys(status).sort(), classicKeys('multi').sort(), 'challengeStatus has the 59 classic keys')
  t.ok(Object.values(status).every(Boolean), 'all true')
})

t.test('single-user: the built-in session completes all 58 classic challenges', async (t) => {
  const client = await walk(t, 'single')
  const list = await listed(client)
  t.equal(list.length, 58, '58 challenges')
  t.same(list.filter((c) => !c.status).map((c) => c.name), [], 'none left to do')
  t.same(list.map((c) => c.name), CLASSIC.filter((c) => c.single !== null).map((c) => c.name), 'in the classic order')
})
