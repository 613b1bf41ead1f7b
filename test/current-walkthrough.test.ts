import t from 'tap'
import { build, challengeStatus, newChallenger, tempDir, type TestApp } from './helper.js'
import { join } from 'node:path'
import { buildApp } from '../app.js'
import { defaultConfig, type AppConfig } from '../config.js'
import type { InjectOptions } from 'fastify'

/**
 * A learner's whole journey through the current set: one request (or a few) per challenge, the way
 * the challenges describe them, then GET /challenges must report every listed challenge complete.
 */

const BASIC_ADMIN = `Basic ${Buffer.from('admin:password').toString('base64')}`

async function walkTodoAndAuthChallenges(app: TestApp, guid: string): Promise<void> {
  const h = (extra: Record<string, string> = {}) => ({ 'x-challenger': guid, ...extra })
  const json = h({ 'content-type': 'application/json' })
  const send = async (options: InjectOptions, expected: number) => {
    const response = await app.inject(options)
    if (response.statusCode !== expected) {
      throw new Error(`${options.method ?? 'GET'} ${String(options.url)} answered ${response.statusCode}, expected ${expected}: ${response.body}`)
    }
    return response
  }

  await send({ url: '/api/challenges', headers: h() }, 200)
  await send({ url: '/api/todos', headers: h() }, 200)
  await send({ url: '/api/todo', headers: h() }, 404)
  await send({ url: '/api/todos/1', headers: h() }, 200)
  await send({ url: '/api/todos/9999', headers: h() }, 404)
  await send({ method: 'POST', url: '/api/todos/2', headers: json, payload: { doneStatus: true, description: 'file the fixture paperwork' } }, 200)
  await send({ method: 'POST', url: '/api/todos/3', headers: json, payload: { description: 'pay the fixture invoice' } }, 200)
  await send({ url: '/api/todos?doneStatus=true', headers: h() }, 200)
  await send({ url: '/api/todos?id>5', headers: h() }, 200)
  await send({ url: '/api/todos?id<6', headers: h() }, 200)
  await send({ url: '/api/todos?id=3', headers: h() }, 200)
  await send({ url: '/api/todos?description~=.*fixture.*', headers: h() }, 200)
  await send({ url: '/api/todos?description*=*fixture*', headers: h() }, 200)
  await send({ url: '/api/todos?_sortBy=title', headers: h() }, 200)
  await send({ url: '/api/todos?_sortBy=-id', headers: h() }, 200)
  await send({ url: '/api/todos?_sortBy=doneStatus,-id', headers: h() }, 200)
  await send({ url: '/api/todos?doneStatus=false&_sortBy=-id', headers: h() }, 200)
  await send({ url: '/api/todos?_limit=8', headers: h() }, 200)
  await send({ url: '/api/todos?_limit=5&_offset=5', headers: h() }, 200)
  await send({ url: '/api/todos?_limit=21', headers: h() }, 400)
  await send({ url: '/api/todos?_sortBy=-id&_limit=5&_offset=5', headers: h() }, 200)
  await send({ url: '/api/todos?doneStatus=false&_limit=2&_offset=1', headers: h() }, 200)
  await send({ method: 'HEAD', url: '/api/todos', headers: h() }, 200)

  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'learn HTTP', doneStatus: false } }, 201)
  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'x', doneStatus: 'bob' } }, 422)
  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'x'.repeat(51) } }, 422)
  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'x', description: 'd'.repeat(201) } }, 422)
  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 't'.repeat(50), description: 'd'.repeat(200) } }, 201)
  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'x', description: 'd'.repeat(5001) } }, 413)
  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'x', priority: 'high' } }, 422)

  await send({ method: 'PUT', url: '/api/todos/9998', headers: json, payload: { id: 9998, title: 'x' } }, 422)
  await send({ method: 'POST', url: '/api/todos/9998', headers: json, payload: { title: 'x' } }, 404)
  await send({ method: 'PUT', url: '/api/todos/4', headers: json, payload: { title: 'full', doneStatus: false, description: 'all fields' } }, 200)
  await send({ method: 'PUT', url: '/api/todos/4', headers: json, payload: { title: 'title only' } }, 200)
  await send({ method: 'PUT', url: '/api/todos', headers: json, payload: { id: 4, title: 'id in the body' } }, 200)
  await send({ method: 'PUT', url: '/api/todos/4', headers: json, payload: { doneStatus: true } }, 422)
  await send({ method: 'PUT', url: '/api/todos', headers: json, payload: { title: 'no id' } }, 422)
  await send({ method: 'PUT', url: '/api/todos/9997', headers: json, payload: { title: 'nowhere' } }, 404)
  await send({ method: 'PUT', url: '/api/todos/4', headers: json, payload: { id: 5, title: 'moved' } }, 422)
  await send({ method: 'DELETE', url: '/api/todos/5', headers: h() }, 204)

  await send({ method: 'QUERY', url: '/api/todos', headers: h({ 'content-type': 'application/x-www-form-urlencoded' }), payload: 'doneStatus=true' }, 200)
  await send({ method: 'QUERY', url: '/api/todos', headers: h({ 'content-type': 'application/jsonpath' }), payload: '$.todos[?(@.doneStatus == true)]' }, 200)
  await send({ method: 'QUERY', url: '/api/todos', headers: h({ 'content-type': 'application/vnd.thingifier.query+json' }), payload: '{"filter":{"doneStatus":true}}' }, 200)

  await send({ method: 'PATCH', url: '/api/todos/6', headers: json, payload: { doneStatus: true } }, 200)
  await send({ method: 'PATCH', url: '/api/todos/6', headers: h({ 'content-type': 'application/merge-patch+json' }), payload: '{"description":"merged"}' }, 200)
  await send({ method: 'PATCH', url: '/api/todos/6', headers: h({ 'content-type': 'application/json-patch+json' }), payload: '[{"op":"replace","path":"/title","value":"patched"}]' }, 200)

  await send({ method: 'OPTIONS', url: '/api/todos', headers: h() }, 200)
  for (const accept of ['application/xml', 'application/json', '*/*', 'application/xml, application/json', 'application/json;q=0.5, application/xml;q=1',
    'application/xml;q=0.5, application/json;q=1', 'text/xml', 'application/vnd.apichallenges.todo+xml', 'application/*+xml']) {
    await send({ url: '/api/todos', headers: h({ accept }) }, 200)
  }
  await send({ url: '/api/todos', headers: h() }, 200)
  for (const accept of ['application/gzip', 'application/json;q=0, application/xml;q=0', 'application/problem+json']) {
    await send({ url: '/api/todos', headers: h({ accept }) }, 406)
  }
  await send({ url: '/api/todos/1', headers: h({ accept: 'text/calendar' }) }, 200)

  await send({ method: 'POST', url: '/api/todos', headers: h({ 'content-type': 'application/xml', accept: 'application/xml' }), payload: '<todo><title>xml</title></todo>' }, 201)
  await send({ method: 'POST', url: '/api/todos', headers: h({ 'content-type': 'application/json', accept: 'application/json' }), payload: '{"title":"json"}' }, 201)
  await send({ method: 'POST', url: '/api/todos', headers: h({ 'content-type': 'application/vnd.apichallenges.todo+xml' }), payload: '<todo><title>vendor</title></todo>' }, 201)
  await send({ method: 'POST', url: '/api/todos', headers: h({ 'content-type': 'bob' }), payload: 'x' }, 415)
  await send({ method: 'POST', url: '/api/todos', headers: h({ 'content-type': 'application/xml', accept: 'application/json' }), payload: '<todo><title>x2j</title></todo>' }, 201)
  await send({ method: 'POST', url: '/api/todos', headers: h({ 'content-type': 'application/json', accept: 'application/xml' }), payload: '{"title":"j2x"}' }, 201)

  for (const format of ['csv', 'html', 'tsv']) await send({ url: `/api/todos/export?format=${format}`, headers: h() }, 200)

  await send({ method: 'DELETE', url: '/api/heartbeat', headers: h() }, 405)
  await send({ method: 'PATCH', url: '/api/heartbeat', headers: h() }, 500)
  await send({ method: 'TRACE', url: '/api/heartbeat', headers: h() }, 501)
  await send({ url: '/api/heartbeat', headers: h() }, 204)
  await send({ url: '/api/heartbeat', headers: { 'x-challenger': `${guid}${'x'.repeat(80)}` } }, 431)
  await send({ method: 'POST', url: '/api/heartbeat', headers: h({ 'x-http-method-override': 'DELETE' }) }, 405)
  await send({ method: 'POST', url: '/api/heartbeat', headers: h({ 'x-http-method-override': 'PATCH' }) }, 500)
  await send({ method: 'POST', url: '/api/heartbeat', headers: h({ 'x-http-method-override': 'TRACE' }) }, 501)

  await send({ method: 'POST', url: '/api/secret/token', headers: h({ authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}` }) }, 401)
  const token = (await send({ method: 'POST', url: '/api/secret/token', headers: h({ authorization: BASIC_ADMIN }) }, 201)).headers['x-auth-token'] as string
  await send({ url: '/api/secret/note', headers: h({ 'x-auth-token': 'wrong-token' }) }, 403)
  await send({ url: '/api/secret/note', headers: h() }, 401)
  await send({ url: '/api/secret/note', headers: h({ 'x-auth-token': token }) }, 200)
  await send({ method: 'POST', url: '/api/secret/note', headers: h({ 'x-auth-token': token, 'content-type': 'application/json' }), payload: '{"note":"my note"}' }, 200)
  await send({ method: 'POST', url: '/api/secret/note', headers: h({ 'content-type': 'application/json' }), payload: '{"note":"my note"}' }, 401)
  await send({ method: 'POST', url: '/api/secret/note', headers: h({ 'x-auth-token': 'wrong-token', 'content-type': 'application/json' }), payload: '{"note":"my note"}' }, 403)
  await send({ url: '/api/secret/note', headers: h({ authorization: `Bearer ${token}` }) }, 200)
  await send({ method: 'POST', url: '/api/secret/note', headers: h({ authorization: `Bearer ${token}`, 'content-type': 'application/json' }), payload: '{"note":"bearer note"}' }, 200)

  // fill the list to the limit, then empty it
  const listed = async () => (JSON.parse((await send({ url: '/api/todos?_limit=20', headers: h() }, 200)).body) as { todos: { id: number }[] }).todos
  while ((await listed()).length < 20) await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'filler' } }, 201)
  await send({ method: 'POST', url: '/api/todos', headers: json, payload: { title: 'one too many' } }, 409)
  for (const todo of await listed()) await send({ method: 'DELETE', url: `/api/todos/${todo.id}`, headers: h() }, 204)
}

async function walkChallengerChallenges(app: TestApp, guid: string, multi: boolean): Promise<void> {
  const h = { 'x-challenger': guid }
  const progress = JSON.parse((await app.inject({ url: `/api/challenger/${guid}`, headers: h })).body) as Record<string, unknown>
  t.equal((await app.inject({ method: 'PUT', url: `/api/challenger/${guid}`, headers: h, payload: progress })).statusCode, 200)
  const database = (await app.inject({ url: `/api/challenger/database/${guid}`, headers: h })).body
  t.equal((await app.inject({ method: 'PUT', url: `/api/challenger/database/${guid}`, headers: h, payload: database })).statusCode, 204)
  // a payload naming our session PUT to another GUID: the mismatch is credited to the payload's session
  const other = multi ? '11111111-2222-4333-8444-555555555555' : 'someone-else'
  t.equal((await app.inject({ method: 'PUT', url: `/api/challenger/${other}`, headers: h, payload: progress })).statusCode, 409)
}

function config(mode: AppConfig['mode'], dbFile: string): AppConfig {
  return { ...defaultConfig, mode, dbFile, logLevel: 'silent' }
}

t.test('a multi-user session completes all 99 current challenges', async (t) => {
  const dbFile = join(tempDir(t), 'walk.db')
  let app = await buildApp(config('multi', dbFile))
  t.teardown(() => app.close())
  const guid = await newChallenger(app)
  await walkTodoAndAuthChallenges(app, guid)
  await walkChallengerChallenges(app, guid, true)
  await app.close()

  // restart: the session is read back from disk, which the two restore-existing challenges test
  app = await buildApp(config('multi', dbFile))
  t.equal((await app.inject({ url: `/api/challenger/${guid}`, headers: { 'x-challenger': guid } })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/api/challenger', headers: { 'x-challenger': guid } })).statusCode, 200)
  const saved = (await app.inject({ url: `/api/challenger/${guid}` })).body
  await app.close()

  // after another restart the session is only on disk: PUT of the saved progress re-creates it (201)
  app = await buildApp(config('multi', dbFile))
  t.equal((await app.inject({ method: 'PUT', url: `/api/challenger/${guid}`, payload: saved })).statusCode, 201)
  const status = await challengeStatus(app, guid)
  t.equal(Object.keys(status).length, 99)
  t.same(Object.entries(status).filter(([, done]) => !done).map(([key]) => key), [], 'every challenge is complete')
  const listed = JSON.parse((await app.inject({ url: '/api/challenges', headers: { 'x-challenger': guid } })).body) as { challenges: { status: boolean }[] }
  t.equal(listed.challenges.filter((c) => c.status).length, 99, 'GET /challenges shows 99 of 99')
})

t.test('a single-user session completes all 96 current challenges', async (t) => {
  const app = await build(t, { mode: 'single' })
  const guid = (await app.inject({ method: 'POST', url: '/api/challenger' })).headers['x-challenger'] as string
  t.equal(guid, 'rest-api-challenges-single-player')
  await walkTodoAndAuthChallenges(app, guid)
  await walkChallengerChallenges(app, guid, false)
  const listed = JSON.parse((await app.inject({ url: '/api/challenges' })).body) as { challenges: { name: string; status: boolean }[] }
  t.equal(listed.challenges.length, 96)
  t.same(listed.challenges.filter((c) => !c.status).map((c) => c.name), [], 'every challenge is complete')
})
