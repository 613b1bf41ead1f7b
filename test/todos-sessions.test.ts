// HTTP tests for the todo API across sessions and run modes (issue #3; sessions.md §1.1, §3.3, §3.5, §4;
// todos.md §2.3–2.4, README decisions 2–4): the multi-user write guard, the shared anonymous list,
// the single-user built-in session, isolation between sessions, and todos surviving a restart.
import { join } from 'node:path'
import t from 'tap'
import { build, newChallenger, tempDir, type TestApp, type Headers, type Res, type Todo } from './helper.js'

const JSON_TYPE = { 'content-type': 'application/json' }
const NO_SESSION = { errorMessages: ['Cannot amend details. Missing a valid X-CHALLENGER header.'] }
const UNKNOWN = 'UNKNOWN CHALLENGER - Challenger not found'
const SINGLE = 'rest-api-challenges-single-player'
const SEED_TITLES = [
  'scan paperwork', 'file paperwork', 'process payments', 'escalate late payments', 'pay invoices',
  'process payroll', 'train staff', 'schedule meeting', 'tidy meeting room', 'install webcam',
]
const SEED: Todo[] = SEED_TITLES.map((title, index) => ({ id: index + 1, title, doneStatus: false, description: '' }))

function send(app: TestApp, method: string, url: string, headers: Headers = {}, payload?: string): Promise<Res> {
  return app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) })
}

function as(guid: string, headers: Headers = {}): Headers {
  return { 'x-challenger': guid, ...headers }
}

async function listOf(app: TestApp, headers: Headers = {}): Promise<Todo[]> {
  const res = await send(app, 'GET', '/todos?_limit=20', headers)
  if (res.statusCode !== 200) throw new Error(`GET /todos answered ${res.statusCode}`)
  return (JSON.parse(res.body) as { todos: Todo[] }).todos
}

function jsonOf<T>(res: Res): T {
  return JSON.parse(res.body) as T
}

// ---------------------------------------------------------------------------------------------
// multi-user: the write guard and the anonymous list
// ---------------------------------------------------------------------------------------------

const WRITES: [string, string, Headers, string | undefined][] = [
  ['POST', '/todos', JSON_TYPE, '{"title":"anonymous"}'],
  ['POST', '/api/todos', JSON_TYPE, '{"title":"anonymous"}'],
  ['POST', '/todos/1', JSON_TYPE, '{"doneStatus":true}'],
  ['PUT', '/todos/1', JSON_TYPE, '{"title":"anonymous"}'],
  ['PUT', '/api/todos', JSON_TYPE, '{"id":1,"title":"anonymous"}'],
  ['PATCH', '/todos/1', JSON_TYPE, '{"title":"anonymous"}'],
  ['DELETE', '/todos/1', {}, undefined],
  ['DELETE', '/api/todos/2', {}, undefined],
  ['POST', '/todos/3', { 'x-http-method-override': 'DELETE' }, undefined],
]

t.test('multi-user: writes without a valid X-CHALLENGER are 401 and change nothing', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const guid = await newChallenger(app)
  const missing: Headers = {}
  const unknown = { 'x-challenger': '6f1c1c2e-6b7e-4f4e-9d0a-3f6b2f0b9a11' }
  const blank = { 'x-challenger': '   ' }
  for (const who of [missing, unknown, blank]) {
    for (const [method, url, headers, payload] of WRITES) {
      const res = await send(app, method, url, { ...headers, ...who }, payload)
      const label = `${method} ${url} ${JSON.stringify(who)}`
      t.equal(res.statusCode, 401, label)
      t.equal(res.headers['content-type'], 'application/json')
      t.same(jsonOf(res), NO_SESSION, label)
      t.equal(res.headers['x-challenger'], UNKNOWN, `${label}: X-CHALLENGER names no one`)
    }
  }
  t.same(await listOf(app), SEED, 'the shared anonymous list is untouched')
  t.same(await listOf(app, as(guid)), SEED, 'and so is the session list')
})

t.test('multi-user: anonymous reads use one shared default list', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const list = await send(app, 'GET', '/todos')
  t.equal(list.statusCode, 200)
  t.equal(list.headers['x-challenger'], UNKNOWN)
  t.same(jsonOf(list), { todos: SEED })
  t.same(jsonOf(await send(app, 'GET', '/api/todos/4')), { todos: [SEED[3]] })
  const head = await send(app, 'HEAD', '/todos')
  t.equal(head.statusCode, 200)
  t.equal(head.body, '')
  const options = await send(app, 'OPTIONS', '/todos')
  t.equal(options.statusCode, 204, 'no session: the OPTIONS 204 is not rewritten')
  t.equal(options.headers.allow, 'OPTIONS, GET, HEAD, POST, QUERY, PUT')
  const query = await send(app, 'QUERY', '/todos', { 'content-type': 'application/x-www-form-urlencoded' }, 'id<3')
  t.equal(query.statusCode, 200, 'QUERY is a read')
  t.same(jsonOf(query), { todos: SEED.slice(0, 2) })

  const guid = await newChallenger(app)
  t.equal((await send(app, 'DELETE', '/todos/1', as(guid))).statusCode, 204)
  t.equal((await send(app, 'POST', '/todos', as(guid, JSON_TYPE), '{"title":"mine"}')).statusCode, 201)
  t.same(await listOf(app), SEED, 'a session\'s writes never reach the anonymous list')
})

// ---------------------------------------------------------------------------------------------
// multi-user: isolation
// ---------------------------------------------------------------------------------------------

t.test('multi-user: each session has its own todos and its own id counter', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const a = await newChallenger(app)
  const b = await newChallenger(app)
  t.not(a, b)

  const createdA = await send(app, 'POST', '/todos', as(a, JSON_TYPE), '{"title":"only in A"}')
  t.equal(jsonOf<Todo>(createdA).id, 11)
  t.equal((await send(app, 'POST', '/api/todos/2', as(a, JSON_TYPE), '{"doneStatus":true,"description":"A did it"}')).statusCode, 200)
  t.equal((await send(app, 'PUT', '/todos/3', as(a, JSON_TYPE), '{"title":"A replaced"}')).statusCode, 200)
  t.equal((await send(app, 'DELETE', '/todos/4', as(a))).statusCode, 204)
  t.equal((await send(app, 'PATCH', '/todos/5', as(a, JSON_TYPE), '{"title":"A patched"}')).statusCode, 200)

  t.same(await listOf(app, as(b)), SEED, 'B still has the untouched seed')
  t.equal((await send(app, 'GET', '/todos/11', as(b))).statusCode, 404, 'B cannot read A\'s todo')
  t.equal((await send(app, 'GET', '/todos/4', as(b))).statusCode, 200, 'B still has todo 4')
  t.equal((await send(app, 'POST', '/todos/11', as(b, JSON_TYPE), '{"title":"hijack"}')).statusCode, 404, 'B cannot amend A\'s todo')
  t.equal((await send(app, 'DELETE', '/todos/11', as(b))).statusCode, 404, 'B cannot delete A\'s todo')

  const createdB = await send(app, 'POST', '/todos', as(b, JSON_TYPE), '{"title":"only in B"}')
  t.equal(jsonOf<Todo>(createdB).id, 11, 'B\'s counter is its own')

  const listA = await listOf(app, as(a))
  t.same(listA, [
    SEED[0],
    { id: 2, title: 'file paperwork', doneStatus: true, description: 'A did it' },
    { id: 3, title: 'A replaced', doneStatus: false, description: '' },
    { id: 5, title: 'A patched', doneStatus: false, description: '' },
    ...SEED.slice(5),
    { id: 11, title: 'only in A', doneStatus: false, description: '' },
  ])
  t.same(await listOf(app, as(b)), [...SEED, { id: 11, title: 'only in B', doneStatus: false, description: '' }])
  t.same(await listOf(app), SEED, 'anonymous list untouched by both')
})

t.test('multi-user: the 20-todo limit is per session', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const a = await newChallenger(app)
  const b = await newChallenger(app)
  for (let i = 11; i <= 20; i++) t.equal((await send(app, 'POST', '/todos', as(a, JSON_TYPE), `{"title":"a${i}"}`)).statusCode, 201)
  t.equal((await send(app, 'POST', '/todos', as(a, JSON_TYPE), '{"title":"a21"}')).statusCode, 409, 'A is full')
  t.equal((await send(app, 'POST', '/todos', as(b, JSON_TYPE), '{"title":"b11"}')).statusCode, 201, 'B is not')
})

t.test('multi-user: PUT /challenger/database/{guid} restores todos and the counter continues above them', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const guid = await newChallenger(app)
  const restore = await send(app, 'PUT', `/challenger/database/${guid}`, as(guid, JSON_TYPE),
    '{"todos":[{"id":30,"title":"restored","doneStatus":true,"description":"d"},{"id":4,"title":"low"}]}')
  t.equal(restore.statusCode, 204)
  t.same(await listOf(app, as(guid)), [
    { id: 4, title: 'low', doneStatus: false, description: '' },
    { id: 30, title: 'restored', doneStatus: true, description: 'd' },
  ], 'the store was cleared first, ids kept verbatim')
  const created = await send(app, 'POST', '/todos', as(guid, JSON_TYPE), '{"title":"after restore"}')
  t.equal(created.statusCode, 201)
  t.equal(jsonOf<Todo>(created).id, 31, 'above the highest restored id')
  const exported = await send(app, 'GET', `/challenger/database/${guid}`, as(guid))
  t.equal(exported.statusCode, 200)
  t.same(jsonOf<{ todos: Todo[] }>(exported).todos.map((todo) => todo.id).sort((x, y) => x - y), [4, 30, 31])
})

// ---------------------------------------------------------------------------------------------
// single-user
// ---------------------------------------------------------------------------------------------

t.test('single-user: every request uses the built-in session, with or without X-CHALLENGER', async (t) => {
  const app = await build(t, { mode: 'single', challengeSet: 'current' })
  t.same(await listOf(app), SEED, 'seeded')
  const created = await send(app, 'POST', '/todos', JSON_TYPE, '{"title":"no header needed"}')
  t.equal(created.statusCode, 201)
  t.equal(created.headers['x-challenger'], SINGLE)
  t.equal(created.headers.location, '/todos/11')
  const withGarbage = await send(app, 'POST', '/api/todos', { ...JSON_TYPE, 'x-challenger': 'garbage' }, '{"title":"garbage header"}')
  t.equal(withGarbage.statusCode, 201)
  t.equal(withGarbage.headers['x-challenger'], SINGLE)
  t.equal(withGarbage.headers.location, '/api/todos/12')
  t.equal((await send(app, 'DELETE', '/todos/1')).statusCode, 204)
  t.equal((await send(app, 'PUT', '/todos/2', JSON_TYPE, '{"title":"replaced"}')).statusCode, 200)
  const options = await send(app, 'OPTIONS', '/todos')
  t.equal(options.statusCode, 200, 'a session is always known: OPTIONS /todos is 200')

  const expected = [
    { id: 2, title: 'replaced', doneStatus: false, description: '' },
    ...SEED.slice(2),
    { id: 11, title: 'no header needed', doneStatus: false, description: '' },
    { id: 12, title: 'garbage header', doneStatus: false, description: '' },
  ]
  t.same(await listOf(app), expected)
  t.same(await listOf(app, { 'x-challenger': 'someone-else' }), expected, 'any header names the same session')
  t.same(await listOf(app, { 'x-challenger': SINGLE }), expected)
})

// ---------------------------------------------------------------------------------------------
// persistence (README decision 4): todos survive a restart
// ---------------------------------------------------------------------------------------------

t.test('multi-user: todos survive closing and rebuilding the app on the same file', async (t) => {
  const dbFile = join(tempDir(t), 'todos.sqlite')
  const config = { mode: 'multi' as const, challengeSet: 'current' as const, dbFile }

  const first = await build(t, config)
  const a = await newChallenger(first)
  const b = await newChallenger(first)
  t.equal((await send(first, 'POST', '/todos', as(a, JSON_TYPE), '{"title":"kept","doneStatus":true,"description":"across restarts"}')).statusCode, 201)
  t.equal((await send(first, 'POST', '/todos', as(a, JSON_TYPE), '{"title":"deleted later"}')).statusCode, 201)
  t.equal((await send(first, 'DELETE', '/todos/12', as(a))).statusCode, 204)
  t.equal((await send(first, 'POST', '/todos/1', as(a, JSON_TYPE), '{"description":"amended"}')).statusCode, 200)
  t.equal((await send(first, 'PUT', '/todos/2', as(a, JSON_TYPE), '{"title":"replaced"}')).statusCode, 200)
  t.equal((await send(first, 'DELETE', '/todos/3', as(a))).statusCode, 204)
  t.equal((await send(first, 'DELETE', '/todos/10', as(b))).statusCode, 204)
  const beforeA = await listOf(first, as(a))
  const beforeB = await listOf(first, as(b))
  await first.close()

  const second = await build(t, config)
  t.same(await listOf(second, as(a)), beforeA, 'A\'s todos as they were')
  t.same(beforeA.map((todo) => todo.id), [1, 2, 4, 5, 6, 7, 8, 9, 10, 11])
  t.same(beforeA[0], { id: 1, title: 'scan paperwork', doneStatus: false, description: 'amended' })
  t.same(await listOf(second, as(b)), beforeB, 'B\'s todos as they were')
  t.same(await listOf(second), SEED, 'the anonymous list is still the seed')

  const next = await send(second, 'POST', '/todos', as(a, JSON_TYPE), '{"title":"after restart"}')
  t.equal(next.statusCode, 201)
  t.equal(jsonOf<Todo>(next).id, 13, 'the counter survived: deleted id 12 is not reused')
  const nextB = await send(second, 'POST', '/todos', as(b, JSON_TYPE), '{"title":"b after restart"}')
  t.equal(jsonOf<Todo>(nextB).id, 11)
})

t.test('single-user: the built-in session\'s todos survive a restart', async (t) => {
  const dbFile = join(tempDir(t), 'single.sqlite')
  const config = { mode: 'single' as const, challengeSet: 'current' as const, dbFile }
  const first = await build(t, config)
  t.equal((await send(first, 'POST', '/todos', JSON_TYPE, '{"title":"single kept"}')).statusCode, 201)
  t.equal((await send(first, 'DELETE', '/todos/11')).statusCode, 204)
  t.equal((await send(first, 'POST', '/todos', JSON_TYPE, '{"title":"single kept 2"}')).statusCode, 201)
  const before = await listOf(first)
  await first.close()

  const second = await build(t, config)
  t.same(await listOf(second), before)
  t.equal(before.at(-1)?.id, 12)
  const next = await send(second, 'POST', '/todos', JSON_TYPE, '{"title":"next"}')
  t.equal(jsonOf<Todo>(next).id, 13)
})
