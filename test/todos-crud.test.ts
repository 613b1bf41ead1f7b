// HTTP tests for the todo API of the current challenge set (issue #3): the entity, its seed data and
// limits, ids, and every route on both mounts with their statuses, headers and body shapes.
// Spec: todos.md §1 (routes), §2 (entity, limits, seed, ids), §3 (JSON/XML shapes), §6 (endpoints).
import t, { type Test } from 'tap'
import { build, newChallenger, type Headers, type Res, type Todo } from './helper.js'

const SEED_TITLES = [
  'scan paperwork', 'file paperwork', 'process payments', 'escalate late payments', 'pay invoices',
  'process payroll', 'train staff', 'schedule meeting', 'tidy meeting room', 'install webcam',
]
const SEED: Todo[] = SEED_TITLES.map((title, index) => ({ id: index + 1, title, doneStatus: false, description: '' }))
const JSON_TYPE = { 'content-type': 'application/json' }
const ALLOW_COLLECTION = 'OPTIONS, GET, HEAD, POST, QUERY, PUT'
const ALLOW_INSTANCE = 'OPTIONS, GET, HEAD, POST, PUT, PATCH, DELETE'
const ACCEPT_PATCH = 'application/json, application/merge-patch+json, application/json-patch+json'
const ACCEPT_QUERY = 'application/x-www-form-urlencoded, application/jsonpath, application/vnd.thingifier.query+json'

/** one multi-user app with a fresh session; `call` sends that session's X-CHALLENGER */
async function session(t: Test) {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const guid = await newChallenger(app)
  const call = (method: string, url: string, headers: Headers = {}, payload?: string): Promise<Res> =>
    app.inject({ method: method as 'GET', url, headers: { 'x-challenger': guid, ...headers }, ...(payload === undefined ? {} : { payload }) })
  return { app, guid, call }
}

function todosOf(res: Res): Todo[] {
  return (JSON.parse(res.body) as { todos: Todo[] }).todos
}

function jsonOf<T>(res: Res): T {
  return JSON.parse(res.body) as T
}

function xmlTodo(todo: Todo): string {
  const description = todo.description === '' ? '<description/>' : `<description>${todo.description}</description>`
  return `<todo><doneStatus>${todo.doneStatus}</doneStatus>${description}<id>${todo.id}</id><title>${todo.title}</title></todo>`
}

/** the exact compact JSON of a todo, fields in the spec's order */
function jsonTodo(todo: Todo): string {
  return `{"id":${todo.id},"title":${JSON.stringify(todo.title)},"doneStatus":${todo.doneStatus},"description":${JSON.stringify(todo.description)}}`
}

async function create(call: (m: string, u: string, h?: Headers, p?: string) => Promise<Res>, fields: Record<string, unknown>, url = '/todos'): Promise<Res> {
  return call('POST', url, JSON_TYPE, JSON.stringify(fields))
}

// ---------------------------------------------------------------------------------------------
// §2.3 seed data, §3.1 JSON shape
// ---------------------------------------------------------------------------------------------

t.test('a new session starts with the ten seed todos, ids 1-10, exact compact JSON', async (t) => {
  const { call } = await session(t)
  const res = await call('GET', '/todos')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/json', 'no charset parameter')
  t.equal(res.headers['x-robots-tag'], 'noindex')
  t.equal(res.headers['accept-query'], ACCEPT_QUERY)
  t.same(todosOf(res), SEED)
  t.equal(res.body, `{"todos":[${SEED.map(jsonTodo).join(',')}]}`, 'field order id, title, doneStatus, description; no whitespace')
  const api = await call('GET', '/api/todos')
  t.equal(api.statusCode, 200)
  t.equal(api.body, res.body, '/api/todos answers the same list')
})

t.test('the seed also renders as XML: element order doneStatus, description, id, title; <description/> for ""', async (t) => {
  const { call } = await session(t)
  const res = await call('GET', '/todos', { accept: 'application/xml' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/xml')
  t.equal(res.body, `<todos>${SEED.map(xmlTodo).join('')}</todos>`)
  t.notOk(res.body.startsWith('<?xml'), 'no XML declaration')
})

t.test('GET /todos pages to 10 by default; ?_limit=20 shows up to 20 (todos.md §2.2, §11.1)', async (t) => {
  const { call } = await session(t)
  for (let i = 0; i < 5; i++) t.equal((await create(call, { title: `extra ${i}` })).statusCode, 201)
  t.equal(todosOf(await call('GET', '/todos')).length, 10)
  const all = todosOf(await call('GET', '/todos?_limit=20'))
  t.same(all.map((todo) => todo.id), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
})

// ---------------------------------------------------------------------------------------------
// §6.4 POST /todos
// ---------------------------------------------------------------------------------------------

t.test('POST /todos creates with defaults: 201, bare object, Location on the mount used', async (t) => {
  const { call } = await session(t)
  const root = await create(call, { title: 'root mount' })
  t.equal(root.statusCode, 201)
  t.equal(root.headers.location, '/todos/11')
  t.equal(root.headers['content-type'], 'application/json')
  t.equal(root.headers['x-robots-tag'], 'noindex')
  t.equal(root.body, '{"id":11,"title":"root mount","doneStatus":false,"description":""}', 'bare object, defaults false and ""')

  const api = await create(call, { description: 'all three', doneStatus: true, title: 'api mount' }, '/api/todos')
  t.equal(api.statusCode, 201)
  t.equal(api.headers.location, '/api/todos/12')
  t.equal(api.body, '{"id":12,"title":"api mount","doneStatus":true,"description":"all three"}', 'field order does not follow the request')

  const read = await call('GET', '/api/todos/12')
  t.same(todosOf(read), [{ id: 12, title: 'api mount', doneStatus: true, description: 'all three' }], 'stored as returned')
  t.same(todosOf(await call('GET', '/todos/11')), [{ id: 11, title: 'root mount', doneStatus: false, description: '' }], 'one store for both mounts')
})

t.test('POST /todos with Accept XML answers a bare <todo>', async (t) => {
  const { call } = await session(t)
  const res = await call('POST', '/api/todos', { ...JSON_TYPE, accept: 'application/xml' }, '{"title":"in xml","description":"d"}')
  t.equal(res.statusCode, 201)
  t.equal(res.headers['content-type'], 'application/xml')
  t.equal(res.headers.location, '/api/todos/11')
  t.equal(res.body, '<todo><doneStatus>false</doneStatus><description>d</description><id>11</id><title>in xml</title></todo>')
})

t.test('XML text is escaped (&, <, >, ", \')', async (t) => {
  const { call } = await session(t)
  const title = `a&b<c>"d'e`
  const res = await call('POST', '/todos', { ...JSON_TYPE, accept: 'application/xml' }, JSON.stringify({ title }))
  t.equal(res.statusCode, 201)
  t.equal(res.body, '<todo><doneStatus>false</doneStatus><description/><id>11</id><title>a&amp;b&lt;c&gt;&quot;d&apos;e</title></todo>')
  t.equal(todosOf(await call('GET', '/todos/11')).at(0)?.title, title, 'JSON keeps the raw text')
})

t.test('title ≤ 50 and description ≤ 200, counted in UTF-16 code units (todos.md §2.1)', async (t) => {
  const { call } = await session(t)
  const max = await create(call, { title: 't'.repeat(50), description: 'd'.repeat(200) })
  t.equal(max.statusCode, 201, 'exactly at both limits is fine')
  t.same(jsonOf<Todo>(max), { id: 11, title: 't'.repeat(50), doneStatus: false, description: 'd'.repeat(200) })

  const accented = await create(call, { title: 'é'.repeat(50), description: 'ü'.repeat(200) })
  t.equal(accented.statusCode, 201, 'non-ASCII characters count once each')

  t.equal((await create(call, { title: '😀'.repeat(25) })).statusCode, 201, '25 emoji = 50 code units')
  const over = await create(call, { title: '😀'.repeat(26) })
  t.equal(over.statusCode, 422, '26 emoji = 52 code units')
  t.same(jsonOf(over), { errorMessages: ['Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50'] })

  const title51 = await create(call, { title: 't'.repeat(51) })
  t.equal(title51.statusCode, 422)
  const description201 = await create(call, { title: 'ok', description: 'd'.repeat(201) })
  t.equal(description201.statusCode, 422)
  t.same(jsonOf(description201), { errorMessages: ['Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200'] })
})

t.test('the request body may hold 5000 characters, not 5001 (todos.md §2.2)', async (t) => {
  const { call } = await session(t)
  const json = '{"title":"padded"}'
  const exact = json + ' '.repeat(5000 - json.length)
  t.equal(exact.length, 5000)
  const ok = await call('POST', '/todos', JSON_TYPE, exact)
  t.equal(ok.statusCode, 201, '5000 characters pass the size check')
  const tooBig = await call('POST', '/todos', JSON_TYPE, `${exact} `)
  t.equal(tooBig.statusCode, 413)
  t.same(jsonOf(tooBig), { errorMessages: ['Error: request body too large, max allowed is 5000 bytes'] })

  const multiByte = JSON.stringify({ title: 'é'.repeat(50), description: 'ü'.repeat(4900) })
  t.ok(multiByte.length <= 5000 && Buffer.byteLength(multiByte) > 5000, 'fewer than 5000 characters, more than 5000 bytes')
  const counted = await call('POST', '/todos', JSON_TYPE, multiByte)
  t.equal(counted.statusCode, 422, 'characters are counted, not bytes: the size check passes and validation answers')
  t.same(jsonOf(counted), { errorMessages: ['Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200'] })
})

// ---------------------------------------------------------------------------------------------
// §2.2 max todos, §2.4 ids
// ---------------------------------------------------------------------------------------------

t.test('at most 20 todos per session: the 21st create is 409, and deleting one makes room', async (t) => {
  const { call } = await session(t)
  for (let i = 11; i <= 20; i++) {
    const res = await create(call, { title: `todo ${i}` })
    t.equal(res.statusCode, 201, `create ${i}`)
    t.equal(res.headers.location, `/todos/${i}`)
  }
  const full = await create(call, { title: 'one too many' })
  t.equal(full.statusCode, 409)
  t.same(jsonOf(full), { errorMessages: ['ERROR: Cannot add instance, maximum limit of 20 reached'] })
  t.equal(todosOf(await call('GET', '/todos?_limit=20')).length, 20, 'nothing was added')

  t.equal((await call('DELETE', '/todos/5')).statusCode, 204)
  const again = await create(call, { title: 'room again' })
  t.equal(again.statusCode, 201)
  t.equal(jsonOf<Todo>(again).id, 21, 'the 409 did not consume an id and 5 is not reused')
  t.equal((await create(call, { title: 'full again' })).statusCode, 409)
})

t.test('ids are never reused and failed creates do not consume ids (todos.md §2.4)', async (t) => {
  const { call } = await session(t)
  t.equal(jsonOf<Todo>(await create(call, { title: 'first' })).id, 11)
  t.equal((await call('DELETE', '/todos/11')).statusCode, 204)
  t.equal((await call('DELETE', '/todos/10')).statusCode, 204)

  const failures: [string, Headers, string, number][] = [
    ['too long', JSON_TYPE, JSON.stringify({ title: 'x'.repeat(51) }), 422],
    ['bad type', JSON_TYPE, '{"title":"x","doneStatus":"yes"}', 422],
    ['extra field', JSON_TYPE, '{"title":"x","priority":1}', 422],
    ['no title', JSON_TYPE, '{}', 422],
    ['with id', JSON_TYPE, '{"id":50,"title":"x"}', 422],
    ['bad json', JSON_TYPE, '{"title":', 400],
    ['no content type', {}, '{"title":"x"}', 400],
    ['unsupported type', { 'content-type': 'text/plain' }, '{"title":"x"}', 415],
    ['too large', JSON_TYPE, JSON.stringify({ title: 'x', description: 'y'.repeat(5000) }), 413],
    ['bad accept', { ...JSON_TYPE, accept: 'application/gzip' }, '{"title":"x"}', 406],
  ]
  for (const [label, headers, payload, status] of failures) {
    t.equal((await call('POST', '/todos', headers, payload)).statusCode, status, label)
  }
  const next = await create(call, { title: 'second' })
  t.equal(next.statusCode, 201)
  t.equal(jsonOf<Todo>(next).id, 12, 'deleted 10 and 11 are not reused, failures took no id')
  t.equal(next.headers.location, '/todos/12')
  t.same(todosOf(await call('GET', '/todos?_limit=20')).map((todo) => todo.id), [1, 2, 3, 4, 5, 6, 7, 8, 9, 12])
})

// ---------------------------------------------------------------------------------------------
// §6.11 GET /todos/{id}, §6.2 HEAD
// ---------------------------------------------------------------------------------------------

t.test('GET /todos/{id} is a collection of one, JSON and XML, on both mounts', async (t) => {
  const { call } = await session(t)
  for (const url of ['/todos/6', '/api/todos/6']) {
    const res = await call('GET', url)
    t.equal(res.statusCode, 200, url)
    t.equal(res.headers['content-type'], 'application/json')
    t.equal(res.headers['x-robots-tag'], 'noindex')
    t.equal(res.body, '{"todos":[{"id":6,"title":"process payroll","doneStatus":false,"description":""}]}')
    const xml = await call('GET', url, { accept: 'application/xml' })
    t.equal(xml.statusCode, 200)
    t.equal(xml.body, '<todos><todo><doneStatus>false</doneStatus><description/><id>6</id><title>process payroll</title></todo></todos>')
  }
  const filtered = await call('GET', '/todos/9?title=nothing&_limit=0')
  t.equal(filtered.statusCode, 200, 'query parameters are ignored for instance reads')
  t.same(todosOf(filtered), [{ id: 9, title: 'tidy meeting room', doneStatus: false, description: '' }])
})

t.test('GET /todos/{id} matches the id as an exact string; unknown ids are 404', async (t) => {
  const { call } = await session(t)
  for (const id of ['99', '01', '1.0', 'abc', '0', '-1']) {
    const res = await call('GET', `/todos/${id}`)
    t.equal(res.statusCode, 404, id)
    t.equal(res.headers['content-type'], 'application/json')
    t.same(jsonOf(res), { errorMessages: [`Could not find an instance with todos/${id}`] }, id)
  }
  const api = await call('GET', '/api/todos/42')
  t.same(jsonOf(api), { errorMessages: ['Could not find an instance with todos/42'] }, 'the message names todos/<id> on the /api mount too')
})

function withoutVolatile(headers: Res['headers']): Res['headers'] {
  const { date: _date, 'content-length': _length, connection: _connection, ...rest } = headers
  return rest
}

t.test('HEAD answers with the GET status and headers and no body', async (t) => {
  const { call } = await session(t)
  const cases: [string, Headers][] = [
    ['/todos', {}],
    ['/api/todos', { accept: 'application/xml' }],
    ['/todos/3', {}],
    ['/api/todos/3', { accept: 'application/xml' }],
    ['/todos/99', {}],
    ['/todos', { accept: 'application/gzip' }],
  ]
  for (const [url, headers] of cases) {
    const get = await call('GET', url, headers)
    const head = await call('HEAD', url, headers)
    t.equal(head.statusCode, get.statusCode, `${url} ${JSON.stringify(headers)} status`)
    t.equal(head.body, '', 'empty body')
    t.same(withoutVolatile(head.headers), withoutVolatile(get.headers), 'same headers as GET')
    if (get.statusCode === 200) t.equal(Number(head.headers['content-length']), Buffer.byteLength(get.body), 'Content-Length of the GET body')
  }
})

// ---------------------------------------------------------------------------------------------
// §6.7 POST /todos/{id}, §6.8 PUT /todos/{id}, §6.5 PUT /todos
// ---------------------------------------------------------------------------------------------

t.test('POST /todos/{id} amends only the supplied fields and answers the bare todo', async (t) => {
  const { call } = await session(t)
  const amended = await call('POST', '/todos/3', JSON_TYPE, '{"doneStatus":true}')
  t.equal(amended.statusCode, 200)
  t.equal(amended.headers['content-type'], 'application/json')
  t.equal(amended.headers['x-robots-tag'], 'noindex')
  t.equal(amended.body, '{"id":3,"title":"process payments","doneStatus":true,"description":""}')

  const described = await call('POST', '/api/todos/3', JSON_TYPE, '{"description":"monthly"}')
  t.same(jsonOf(described), { id: 3, title: 'process payments', doneStatus: true, description: 'monthly' }, 'earlier amendment kept')

  const sameId = await call('POST', '/todos/3', JSON_TYPE, '{"id":3,"title":"renamed"}')
  t.equal(sameId.statusCode, 200, 'a body id equal to the URL id is accepted')
  t.same(jsonOf(sameId), { id: 3, title: 'renamed', doneStatus: true, description: 'monthly' })

  const nothing = await call('POST', '/todos/3', JSON_TYPE, '{}')
  t.equal(nothing.statusCode, 200, '{} changes nothing')
  t.same(jsonOf(nothing), { id: 3, title: 'renamed', doneStatus: true, description: 'monthly' })

  const xml = await call('POST', '/todos/3', { ...JSON_TYPE, accept: 'application/xml' }, '{"doneStatus":false}')
  t.equal(xml.body, '<todo><doneStatus>false</doneStatus><description>monthly</description><id>3</id><title>renamed</title></todo>')
  t.same(todosOf(await call('GET', '/todos/3')), [{ id: 3, title: 'renamed', doneStatus: false, description: 'monthly' }], 'stored')
})

t.test('PUT /todos/{id} replaces the whole todo: omitted fields return to their defaults', async (t) => {
  const { call } = await session(t)
  const full = await call('PUT', '/todos/4', JSON_TYPE, '{"title":"full","doneStatus":true,"description":"every field"}')
  t.equal(full.statusCode, 200)
  t.equal(full.headers['content-type'], 'application/json')
  t.equal(full.body, '{"id":4,"title":"full","doneStatus":true,"description":"every field"}')

  const partial = await call('PUT', '/api/todos/4', JSON_TYPE, '{"title":"only title"}')
  t.equal(partial.statusCode, 200)
  t.equal(partial.body, '{"id":4,"title":"only title","doneStatus":false,"description":""}', 'doneStatus → false, description → ""')
  t.same(todosOf(await call('GET', '/todos/4')), [{ id: 4, title: 'only title', doneStatus: false, description: '' }])

  const withId = await call('PUT', '/todos/4', { ...JSON_TYPE, accept: 'application/xml' }, '{"id":4,"title":"same id"}')
  t.equal(withId.statusCode, 200, 'a body id equal to the URL id is fine')
  t.equal(withId.body, '<todo><doneStatus>false</doneStatus><description/><id>4</id><title>same id</title></todo>')
})

t.test('PUT /todos replaces the todo named by the body id', async (t) => {
  const { call } = await session(t)
  for (const url of ['/todos', '/api/todos']) {
    const res = await call('PUT', url, JSON_TYPE, '{"id":7,"title":"trained","doneStatus":true}')
    t.equal(res.statusCode, 200, url)
    t.equal(res.body, '{"id":7,"title":"trained","doneStatus":true,"description":""}')
    t.notOk(res.headers.location, 'no Location: nothing was created')
  }
  t.same(todosOf(await call('GET', '/todos/7')), [{ id: 7, title: 'trained', doneStatus: true, description: '' }])
  t.equal(todosOf(await call('GET', '/todos?_limit=20')).length, 10, 'replace, not create')
})

// ---------------------------------------------------------------------------------------------
// §6.10 DELETE, empty collections
// ---------------------------------------------------------------------------------------------

t.test('DELETE /todos/{id} is 204 without body or Content-Type; the todo is gone', async (t) => {
  const { call } = await session(t)
  const res = await call('DELETE', '/todos/2')
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.notOk(res.headers['content-type'], 'no Content-Type on 204')
  t.equal((await call('GET', '/todos/2')).statusCode, 404)
  const again = await call('DELETE', '/api/todos/2')
  t.equal(again.statusCode, 404)
  t.same(jsonOf(again), { errorMessages: ['Could not find any instances with todos/2'] }, 'no /api and no leading slash in the message')
  t.same(todosOf(await call('GET', '/todos')).map((todo) => todo.id), [1, 3, 4, 5, 6, 7, 8, 9, 10])
})

t.test('an emptied list renders as {"todos":[]} and <todos></todos>', async (t) => {
  const { call } = await session(t)
  for (let id = 1; id <= 10; id++) t.equal((await call('DELETE', id % 2 ? `/todos/${id}` : `/api/todos/${id}`)).statusCode, 204)
  const json = await call('GET', '/todos')
  t.equal(json.statusCode, 200)
  t.equal(json.body, '{"todos":[]}')
  const xml = await call('GET', '/api/todos', { accept: 'application/xml' })
  t.equal(xml.statusCode, 200)
  t.equal(xml.body, '<todos></todos>', 'not self-closing')
  const created = await create(call, { title: 'after emptying' })
  t.equal(jsonOf<Todo>(created).id, 11, 'the counter carries on')
})

// ---------------------------------------------------------------------------------------------
// §6.3 OPTIONS, §1/§6.6 405s
// ---------------------------------------------------------------------------------------------

t.test('OPTIONS /todos is 200 for a session with the Allow list; OPTIONS /todos/{id} is 204 with Accept-Patch', async (t) => {
  const { call } = await session(t)
  for (const prefix of ['', '/api']) {
    const collection = await call('OPTIONS', `${prefix}/todos`)
    t.equal(collection.statusCode, 200, `${prefix}/todos: the reference's 204→200 rewrite for a known session`)
    t.equal(collection.headers.allow, ALLOW_COLLECTION)
    t.equal(collection.headers['accept-query'], ACCEPT_QUERY)
    t.equal(collection.body, '')

    const instance = await call('OPTIONS', `${prefix}/todos/1`)
    t.equal(instance.statusCode, 204, `${prefix}/todos/1`)
    t.equal(instance.headers.allow, ALLOW_INSTANCE)
    t.equal(instance.headers['accept-patch'], ACCEPT_PATCH)
    t.equal(instance.body, '')
  }
  const missing = await call('OPTIONS', '/todos/999')
  t.equal(missing.statusCode, 204, 'static: the id need not exist')
  t.equal(missing.headers.allow, ALLOW_INSTANCE)
})

t.test('DELETE, PATCH and TRACE on /todos are 405 with an empty body and no Allow', async (t) => {
  const { call } = await session(t)
  for (const prefix of ['', '/api']) {
    for (const method of ['DELETE', 'PATCH', 'TRACE']) {
      const res = await call(method, `${prefix}/todos`)
      t.equal(res.statusCode, 405, `${method} ${prefix}/todos`)
      t.equal(res.body, '')
      t.notOk(res.headers.allow, 'no Allow header')
    }
  }
  t.equal(todosOf(await call('GET', '/todos')).length, 10, 'nothing deleted')
})

t.test('QUERY and TRACE on /todos/{id} are 405; QUERY carries the stale Allow list', async (t) => {
  const { call } = await session(t)
  for (const prefix of ['', '/api']) {
    const query = await call('QUERY', `${prefix}/todos/1`)
    t.equal(query.statusCode, 405, `QUERY ${prefix}/todos/1`)
    t.equal(query.headers.allow, 'OPTIONS, GET, HEAD, POST, PUT, DELETE', 'no PATCH in it')
    t.equal(query.body, '')
    const trace = await call('TRACE', `${prefix}/todos/1`)
    t.equal(trace.statusCode, 405, `TRACE ${prefix}/todos/1`)
    t.notOk(trace.headers.allow)
    t.equal(trace.body, '')
  }
})

// ---------------------------------------------------------------------------------------------
// §6.13 GET /todo
// ---------------------------------------------------------------------------------------------

t.test('GET /todo (singular) is a 404 whose body depends on the raw Accept', async (t) => {
  const { call } = await session(t)
  for (const url of ['/todo', '/api/todo']) {
    const bare = await call('GET', url)
    t.equal(bare.statusCode, 404, `${url} without Accept`)
    t.equal(bare.body, '')
    t.notOk(bare.headers['content-type'], 'empty 404: no Content-Type')

    const any = await call('GET', url, { accept: '*/*' })
    t.equal(any.statusCode, 404)
    t.equal(any.body, '')

    const json = await call('GET', url, { accept: 'application/json' })
    t.equal(json.statusCode, 404)
    t.equal(json.headers['content-type'], 'application/json')
    t.equal(json.body, '{"errorMessages":["404 resource Unknown"]}')

    const xml = await call('GET', url, { accept: 'application/xml' })
    t.equal(xml.statusCode, 404)
    t.equal(xml.headers['content-type'], 'application/xml')
    t.equal(xml.body, '<errorMessages><message>404 resource Unknown</message></errorMessages>')

    const html = await call('GET', url, { accept: 'text/html,application/xhtml+xml' })
    t.equal(html.statusCode, 307)
    t.equal(html.headers.location, '/gui/404/todo')
  }
})
