// The todo challenges of the current set (issue #3; sessions.md §6.2–§6.4, todos.md): a fresh
// multi-user session walks through every one of them over HTTP, each step is checked to credit what
// the trigger table says (and nothing else), and at the end GET /challenger/{guid} (sent without
// X-CHALLENGER, so it credits nothing) and GET /challenges both report all of them complete.
// Negative checks: near misses do not credit, and credit goes only to the session that asked.
import t from 'tap'
import { build, challengeStatus, newChallenger, type TestApp, type Headers, type Res, type Todo } from './helper.js'

/** the challenges of issue #3 and their names in the current set (sessions.md §6.3) */
const TODO_CHALLENGES: Record<string, string> = {
  GET_TODOS: 'GET /api/todos (200)',
  GET_TODOS_NOT_PLURAL_404: 'GET /api/todo (404) not plural',
  GET_TODO: 'GET /api/todos/{id} (200)',
  GET_TODO_404: 'GET /api/todos/{id} (404)',
  GET_TODOS_FILTERED: 'GET /api/todos (200) ?filter',
  GET_HEAD_TODOS: 'HEAD /api/todos (200)',
  POST_TODOS: 'POST /api/todos (201)',
  POST_TODOS_BAD_DONE_STATUS: 'POST /api/todos (422) doneStatus',
  POST_TODOS_TOO_LONG_TITLE_LENGTH: 'POST /api/todos (422) title too long',
  POST_TODOS_TOO_LONG_DESCRIPTION_LENGTH: 'POST /api/todos (422) description too long',
  POST_MAX_OUT_TITLE_DESCRIPTION_LENGTH: 'POST /api/todos (201) max out content',
  POST_TODOS_TOO_LONG_PAYLOAD_SIZE: 'POST /api/todos (413) content too long',
  POST_TODOS_INVALID_EXTRA_FIELD: 'POST /api/todos (422) extra',
  PUT_TODOS_422: 'PUT /api/todos/{id} (422)',
  POST_UPDATE_TODO: 'POST /api/todos/{id} (200)',
  POST_TODOS_404: 'POST /api/todos/{id} (404)',
  PUT_TODOS_FULL_200: 'PUT /api/todos/{id} full (200)',
  PUT_TODOS_PARTIAL_200: 'PUT /api/todos/{id} partial (200)',
  PUT_TODOS_BODY_ID_200: 'PUT /api/todos body id (200)',
  PUT_TODOS_ID_NO_BODY_ID_200: 'PUT /api/todos/{id} no body id (200)',
  PUT_TODOS_MISSING_TITLE_422: 'PUT /api/todos/{id} no title (422)',
  PUT_TODOS_NO_ID_422: 'PUT /api/todos no id (422)',
  PUT_TODOS_ID_NOT_FOUND_404: 'PUT /api/todos/{id} not found (404)',
  PUT_TODOS_422_NO_AMEND_ID: 'PUT /api/todos/{id} no amend id (422)',
  DELETE_A_TODO: 'DELETE /api/todos/{id} (204)',
  DELETE_ALL_TODOS: 'DELETE /api/todos/{id} (204) all',
  OPTIONS_TODOS: 'OPTIONS /api/todos (200)',
  GET_ACCEPT_XML: 'GET /api/todos (200) XML',
  GET_ACCEPT_JSON: 'GET /api/todos (200) JSON',
  GET_ACCEPT_ANY_DEFAULT_JSON: 'GET /api/todos (200) ANY',
  GET_ACCEPT_XML_PREFERRED: 'GET /api/todos (200) XML pref',
  GET_JSON_BY_DEFAULT_NO_ACCEPT: 'GET /api/todos (200) no accept',
  GET_UNSUPPORTED_ACCEPT_406: 'GET /api/todos (406)',
  POST_CREATE_XML: 'POST /api/todos XML',
  POST_CREATE_JSON: 'POST /api/todos JSON',
  POST_TODOS_415: 'POST /api/todos (415)',
  POST_CREATE_XML_ACCEPT_JSON: 'POST /api/todos XML to JSON',
  POST_CREATE_JSON_ACCEPT_XML: 'POST /api/todos JSON to XML',
  POST_ALL_TODOS: 'POST /api/todos (409) max todos',
}
const KEYS = Object.keys(TODO_CHALLENGES)

const JSON_TYPE = { 'content-type': 'application/json' }
const XML_TYPE = { 'content-type': 'application/xml' }

function send(app: TestApp, method: string, url: string, headers: Headers = {}, payload?: string): Promise<Res> {
  return app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) })
}

function doneKeys(status: Record<string, boolean>): string[] {
  return Object.keys(status).filter((key) => status[key]).sort()
}

interface Step {
  does: string
  method: string
  url: string
  headers?: Headers
  payload?: string
  status: number
  /** challenges this request completes that were not complete before */
  credits: string[]
}

/** ids of the session's todos, read without crediting anything challenge-worthy beyond GET_TODOS-like reads */
async function idsOf(app: TestApp, guid: string): Promise<number[]> {
  const res = await send(app, 'GET', '/todos?_limit=20', { 'x-challenger': guid })
  return (JSON.parse(res.body) as { todos: Todo[] }).todos.map((todo) => todo.id)
}

const WALK: Step[] = [
  { does: 'list todos, no Accept', method: 'GET', url: '/api/todos', status: 200, credits: ['GET_TODOS', 'GET_JSON_BY_DEFAULT_NO_ACCEPT'] },
  { does: 'singular /todo', method: 'GET', url: '/api/todo', status: 404, credits: ['GET_TODOS_NOT_PLURAL_404'] },
  { does: 'one todo', method: 'GET', url: '/api/todos/1', status: 200, credits: ['GET_TODO'] },
  { does: 'a missing todo (root mount)', method: 'GET', url: '/todos/999', status: 404, credits: ['GET_TODO_404'] },
  { does: 'HEAD the list', method: 'HEAD', url: '/api/todos', status: 200, credits: ['GET_HEAD_TODOS'] },
  { does: 'create a done todo, JSON in and out', method: 'POST', url: '/api/todos', headers: { ...JSON_TYPE, accept: 'application/json' },
    payload: '{"title":"a done todo","doneStatus":true}', status: 201, credits: ['POST_TODOS', 'POST_CREATE_JSON'] },
  { does: 'filter done todos (some done, some not)', method: 'GET', url: '/api/todos?doneStatus=true', status: 200, credits: ['GET_TODOS_FILTERED'] },
  { does: 'create with a string doneStatus', method: 'POST', url: '/api/todos', headers: JSON_TYPE,
    payload: '{"title":"bad status","doneStatus":"bob"}', status: 422, credits: ['POST_TODOS_BAD_DONE_STATUS'] },
  { does: 'create with a 51-character title', method: 'POST', url: '/api/todos', headers: JSON_TYPE,
    payload: JSON.stringify({ title: 't'.repeat(51) }), status: 422, credits: ['POST_TODOS_TOO_LONG_TITLE_LENGTH'] },
  { does: 'create with a 201-character description', method: 'POST', url: '/api/todos', headers: JSON_TYPE,
    payload: JSON.stringify({ title: 'ok', description: 'd'.repeat(201) }), status: 422, credits: ['POST_TODOS_TOO_LONG_DESCRIPTION_LENGTH'] },
  { does: 'create with title 50 and description 200', method: 'POST', url: '/api/todos', headers: JSON_TYPE,
    payload: JSON.stringify({ title: 't'.repeat(50), description: 'd'.repeat(200) }), status: 201, credits: ['POST_MAX_OUT_TITLE_DESCRIPTION_LENGTH'] },
  { does: 'create with a body over 5000 characters', method: 'POST', url: '/api/todos', headers: JSON_TYPE,
    payload: JSON.stringify({ title: 'big', description: 'd'.repeat(5000) }), status: 413, credits: ['POST_TODOS_TOO_LONG_PAYLOAD_SIZE'] },
  { does: 'create with an extra field', method: 'POST', url: '/api/todos', headers: JSON_TYPE,
    payload: '{"title":"extra","priority":"high"}', status: 422, credits: ['POST_TODOS_INVALID_EXTRA_FIELD'] },
  { does: 'PUT a missing todo with its id in the body', method: 'PUT', url: '/api/todos/9999', headers: JSON_TYPE,
    payload: '{"id":9999,"title":"cannot create"}', status: 422, credits: ['PUT_TODOS_422'] },
  { does: 'amend a todo', method: 'POST', url: '/api/todos/1', headers: JSON_TYPE, payload: '{"title":"amended"}', status: 200, credits: ['POST_UPDATE_TODO'] },
  { does: 'amend a missing todo', method: 'POST', url: '/api/todos/2004567', headers: JSON_TYPE,
    payload: '{"id":2004567,"title":"missing"}', status: 404, credits: ['POST_TODOS_404'] },
  { does: 'PUT every field, no body id', method: 'PUT', url: '/api/todos/2', headers: JSON_TYPE,
    payload: '{"title":"full","doneStatus":true,"description":"all fields"}', status: 200, credits: ['PUT_TODOS_FULL_200', 'PUT_TODOS_ID_NO_BODY_ID_200'] },
  { does: 'PUT only a title', method: 'PUT', url: '/api/todos/3', headers: JSON_TYPE, payload: '{"title":"partial"}', status: 200, credits: ['PUT_TODOS_PARTIAL_200'] },
  { does: 'PUT /todos with the id in the body', method: 'PUT', url: '/api/todos', headers: JSON_TYPE,
    payload: '{"id":4,"title":"by body id"}', status: 200, credits: ['PUT_TODOS_BODY_ID_200'] },
  { does: 'PUT without a title', method: 'PUT', url: '/api/todos/2', headers: JSON_TYPE, payload: '{"doneStatus":true}', status: 422, credits: ['PUT_TODOS_MISSING_TITLE_422'] },
  { does: 'PUT /todos without any id', method: 'PUT', url: '/api/todos', headers: JSON_TYPE, payload: '{"title":"no id"}', status: 422, credits: ['PUT_TODOS_NO_ID_422'] },
  { does: 'PUT a missing todo without a body id', method: 'PUT', url: '/api/todos/9998', headers: JSON_TYPE,
    payload: '{"title":"nowhere"}', status: 404, credits: ['PUT_TODOS_ID_NOT_FOUND_404'] },
  { does: 'PUT a different id in the body', method: 'PUT', url: '/api/todos/2', headers: JSON_TYPE,
    payload: '{"id":3,"title":"moved"}', status: 422, credits: ['PUT_TODOS_422_NO_AMEND_ID'] },
  { does: 'delete a todo', method: 'DELETE', url: '/api/todos/5', status: 204, credits: ['DELETE_A_TODO'] },
  { does: 'OPTIONS the list', method: 'OPTIONS', url: '/api/todos', status: 200, credits: ['OPTIONS_TODOS'] },
  { does: 'Accept XML', method: 'GET', url: '/api/todos', headers: { accept: 'application/xml' }, status: 200, credits: ['GET_ACCEPT_XML'] },
  { does: 'Accept JSON', method: 'GET', url: '/api/todos', headers: { accept: 'application/json' }, status: 200, credits: ['GET_ACCEPT_JSON'] },
  { does: 'Accept */*', method: 'GET', url: '/api/todos', headers: { accept: '*/*' }, status: 200, credits: ['GET_ACCEPT_ANY_DEFAULT_JSON'] },
  { does: 'Accept XML before JSON', method: 'GET', url: '/api/todos', headers: { accept: 'application/xml, application/json' }, status: 200, credits: ['GET_ACCEPT_XML_PREFERRED'] },
  { does: 'Accept gzip', method: 'GET', url: '/api/todos', headers: { accept: 'application/gzip' }, status: 406, credits: ['GET_UNSUPPORTED_ACCEPT_406'] },
  { does: 'create from XML, answered in XML', method: 'POST', url: '/api/todos', headers: { ...XML_TYPE, accept: 'application/xml' },
    payload: '<todo><title>xml todo</title></todo>', status: 201, credits: ['POST_CREATE_XML'] },
  { does: 'create with an unsupported type (root mount)', method: 'POST', url: '/todos', headers: { 'content-type': 'text/plain' },
    payload: '{"title":"plain"}', status: 415, credits: ['POST_TODOS_415'] },
  { does: 'create from XML, answered in JSON', method: 'POST', url: '/api/todos', headers: { ...XML_TYPE, accept: 'application/json' },
    payload: '<todo><title>xml to json</title></todo>', status: 201, credits: ['POST_CREATE_XML_ACCEPT_JSON'] },
  { does: 'create from JSON, answered in XML', method: 'POST', url: '/api/todos', headers: { ...JSON_TYPE, accept: 'application/xml' },
    payload: '{"title":"json to xml"}', status: 201, credits: ['POST_CREATE_JSON_ACCEPT_XML'] },
]

t.test('a fresh session walks through every todo challenge of the current set', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const guid = await newChallenger(app)
  const bystander = await newChallenger(app)
  const as = { 'x-challenger': guid }

  const initial = await challengeStatus(app, guid)
  for (const key of KEYS) t.equal(initial[key], false, `${key} listed and not yet complete`)
  t.same(doneKeys(initial), ['CREATE_NEW_CHALLENGER'], 'only the session creation is complete at the start')

  let before = initial
  for (const step of WALK) {
    const res = await send(app, step.method, step.url, { ...as, ...step.headers }, step.payload)
    t.equal(res.statusCode, step.status, `${step.does}: ${step.method} ${step.url} → ${step.status}`)
    const after = await challengeStatus(app, guid)
    const credited = doneKeys(after).filter((key) => !before[key])
    t.same(credited, [...step.credits].sort(), `${step.does}: credits ${step.credits.join(', ')}`)
    before = after
  }

  // fill the list to 20 (creates are not new challenges any more), then one more
  const count = (await idsOf(app, guid)).length
  for (let i = count; i < 20; i++) {
    t.equal((await send(app, 'POST', '/api/todos', { ...as, ...JSON_TYPE }, `{"title":"filler ${i}"}`)).statusCode, 201)
  }
  t.equal((await challengeStatus(app, guid)).POST_ALL_TODOS, false, 'not credited before the limit is hit')
  const full = await send(app, 'POST', '/api/todos', { ...as, ...JSON_TYPE }, '{"title":"one too many"}')
  t.equal(full.statusCode, 409)
  t.equal((await challengeStatus(app, guid)).POST_ALL_TODOS, true, 'the 409 credits POST_ALL_TODOS')

  // delete every todo; only the last delete completes DELETE_ALL_TODOS
  const ids = await idsOf(app, guid)
  t.equal(ids.length, 20)
  for (const [index, id] of ids.entries()) {
    t.equal((await send(app, 'DELETE', index % 2 ? `/todos/${id}` : `/api/todos/${id}`, as)).statusCode, 204, `delete ${id}`)
    if (index === ids.length - 2) t.equal((await challengeStatus(app, guid)).DELETE_ALL_TODOS, false, 'not while one todo is left')
  }
  t.same(await idsOf(app, guid), [], 'the list is empty')

  const final = await challengeStatus(app, guid)
  for (const key of KEYS) t.equal(final[key], true, `${key} complete in /challenger/{guid}`)

  const listed = await send(app, 'GET', '/api/challenges', as)
  t.equal(listed.statusCode, 200)
  const rows = (JSON.parse(listed.body) as { challenges: { name: string; status: boolean }[] }).challenges
  for (const [key, name] of Object.entries(TODO_CHALLENGES)) {
    const row = rows.find((candidate) => candidate.name === name)
    t.ok(row, `${key} listed as "${name}"`)
    t.equal(row?.status, true, `"${name}" complete in /challenges`)
  }

  const other = await challengeStatus(app, bystander)
  t.same(doneKeys(other), ['CREATE_NEW_CHALLENGER'], 'the other session was credited nothing')
  const otherRows = (JSON.parse((await send(app, 'GET', '/challenges', { 'x-challenger': bystander })).body) as { challenges: { name: string; status: boolean }[] }).challenges
  for (const name of Object.values(TODO_CHALLENGES)) {
    t.equal(otherRows.find((row) => row.name === name)?.status, false, `"${name}" not complete for the other session`)
  }
})

// ---------------------------------------------------------------------------------------------
// near misses
// ---------------------------------------------------------------------------------------------

interface Miss {
  does: string
  method: string
  url: string
  headers?: Headers
  payload?: string
  status: number
  /** challenges this request must not complete */
  notCredited: string[]
  /** challenges it does complete (so the request is known to have been tracked) */
  credits?: string[]
}

const MISSES: Miss[] = [
  { does: 'a valid create body sent to an unrouted path', method: 'POST', url: '/api/todo', headers: JSON_TYPE, payload: '{"title":"lost"}',
    status: 404, notCredited: ['POST_TODOS', 'POST_CREATE_JSON', 'POST_TODOS_404', 'GET_TODOS_NOT_PLURAL_404'] },
  { does: 'a valid create body sent to /todoz', method: 'POST', url: '/todoz', headers: JSON_TYPE, payload: '{"title":"lost"}', status: 404, notCredited: ['POST_TODOS'] },
  { does: 'an amend is not a create', method: 'POST', url: '/api/todos/1', headers: JSON_TYPE, payload: '{"title":"amended"}',
    status: 200, notCredited: ['POST_TODOS'], credits: ['POST_UPDATE_TODO'] },
  { does: 'a failed create', method: 'POST', url: '/api/todos', headers: JSON_TYPE, payload: '{"title":""}', status: 422, notCredited: ['POST_TODOS'] },
  { does: 'a list read with a query', method: 'GET', url: '/api/todos?_limit=5', status: 200, notCredited: ['GET_TODOS', 'GET_JSON_BY_DEFAULT_NO_ACCEPT'] },
  { does: 'HEAD with a query', method: 'HEAD', url: '/api/todos?_limit=5', status: 200, notCredited: ['GET_HEAD_TODOS'] },
  { does: 'a doneStatus filter while nothing is done', method: 'GET', url: '/api/todos?doneStatus=true', status: 200, notCredited: ['GET_TODOS_FILTERED'] },
  { does: 'XML Accept on one todo', method: 'GET', url: '/api/todos/1', headers: { accept: 'application/xml' }, status: 200,
    notCredited: ['GET_ACCEPT_XML'], credits: ['GET_TODO'] },
  { does: 'XML Accept on a queried list', method: 'GET', url: '/api/todos?_limit=2', headers: { accept: 'application/xml' }, status: 200, notCredited: ['GET_ACCEPT_XML'] },
  { does: 'an XML create answered in JSON by default', method: 'POST', url: '/api/todos', headers: XML_TYPE, payload: '<todo><title>x</title></todo>',
    status: 201, notCredited: ['POST_CREATE_XML', 'POST_CREATE_XML_ACCEPT_JSON', 'POST_CREATE_JSON'], credits: ['POST_TODOS'] },
  { does: 'a JSON create without asking for JSON', method: 'POST', url: '/api/todos', headers: JSON_TYPE, payload: '{"title":"x"}',
    status: 201, notCredited: ['POST_CREATE_JSON', 'POST_CREATE_JSON_ACCEPT_XML'], credits: ['POST_TODOS'] },
  { does: 'PUT a missing todo without a body id is a 404, not the 422', method: 'PUT', url: '/api/todos/77', headers: JSON_TYPE, payload: '{"title":"x"}',
    status: 404, notCredited: ['PUT_TODOS_422'], credits: ['PUT_TODOS_ID_NOT_FOUND_404'] },
  { does: 'a PUT that fails validation', method: 'PUT', url: '/api/todos/1', headers: JSON_TYPE, payload: '{"title":"x","doneStatus":"no"}',
    status: 422, notCredited: ['PUT_TODOS_FULL_200', 'PUT_TODOS_PARTIAL_200', 'PUT_TODOS_ID_NO_BODY_ID_200', 'PUT_TODOS_MISSING_TITLE_422', 'PUT_TODOS_422'] },
  { does: 'OPTIONS on one todo', method: 'OPTIONS', url: '/api/todos/1', status: 204, notCredited: ['OPTIONS_TODOS'] },
  { does: 'deleting a missing todo', method: 'DELETE', url: '/api/todos/99', status: 404, notCredited: ['DELETE_A_TODO', 'DELETE_ALL_TODOS'] },
  { does: 'deleting one todo of several', method: 'DELETE', url: '/api/todos/2', status: 204, notCredited: ['DELETE_ALL_TODOS'], credits: ['DELETE_A_TODO'] },
  { does: 'a 415 on an amend', method: 'POST', url: '/api/todos/3', headers: { 'content-type': 'text/plain' }, payload: 'x', status: 415, notCredited: ['POST_TODOS_415'] },
  { does: 'a 413 on an amend', method: 'POST', url: '/api/todos/3', headers: JSON_TYPE, payload: JSON.stringify({ description: 'd'.repeat(5000) }),
    status: 413, notCredited: ['POST_TODOS_TOO_LONG_PAYLOAD_SIZE'] },
]

t.test('near misses do not complete the challenges they resemble', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  for (const miss of MISSES) {
    const guid = await newChallenger(app)
    const before = await challengeStatus(app, guid)
    const res = await send(app, miss.method, miss.url, { 'x-challenger': guid, ...miss.headers }, miss.payload)
    t.equal(res.statusCode, miss.status, `${miss.does}: ${miss.method} ${miss.url} → ${miss.status}`)
    const after = await challengeStatus(app, guid)
    for (const key of miss.notCredited) {
      t.equal(before[key], false, `${miss.does}: ${key} listed and open`)
      t.equal(after[key], false, `${miss.does}: ${key} not credited`)
    }
    for (const key of miss.credits ?? []) t.equal(after[key], true, `${miss.does}: ${key} credited`)
  }
})

t.test('credit goes only to the session that made the request', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const a = await newChallenger(app)
  const b = await newChallenger(app)

  // anonymous requests and refused writes credit nobody
  t.equal((await send(app, 'GET', '/api/todos')).statusCode, 200)
  t.equal((await send(app, 'HEAD', '/api/todos')).statusCode, 200)
  t.equal((await send(app, 'GET', '/api/todo')).statusCode, 404)
  t.equal((await send(app, 'OPTIONS', '/api/todos')).statusCode, 204)
  t.equal((await send(app, 'POST', '/api/todos', JSON_TYPE, '{"title":"anonymous"}')).statusCode, 401)
  t.equal((await send(app, 'POST', '/api/todos', { ...JSON_TYPE, 'x-challenger': '6f1c1c2e-6b7e-4f4e-9d0a-3f6b2f0b9a11' }, '{"title":"unknown"}')).statusCode, 401)
  t.same(doneKeys(await challengeStatus(app, a)), ['CREATE_NEW_CHALLENGER'], 'A: nothing from anonymous requests')
  t.same(doneKeys(await challengeStatus(app, b)), ['CREATE_NEW_CHALLENGER'], 'B: nothing from anonymous requests')

  // A's requests credit A only
  t.equal((await send(app, 'GET', '/api/todos', { 'x-challenger': a })).statusCode, 200)
  t.equal((await send(app, 'POST', '/todos', { ...JSON_TYPE, 'x-challenger': a }, '{"title":"mine"}')).statusCode, 201)
  t.equal((await send(app, 'DELETE', '/api/todos/1', { 'x-challenger': a })).statusCode, 204)
  const statusA = await challengeStatus(app, a)
  for (const key of ['GET_TODOS', 'GET_JSON_BY_DEFAULT_NO_ACCEPT', 'POST_TODOS', 'DELETE_A_TODO']) t.equal(statusA[key], true, `A: ${key}`)
  t.same(doneKeys(await challengeStatus(app, b)), ['CREATE_NEW_CHALLENGER'], 'B: still nothing')

  // B's list still has todo 1, and B gets its own credit for the same request
  t.equal((await send(app, 'DELETE', '/api/todos/1', { 'x-challenger': b })).statusCode, 204)
  t.equal((await challengeStatus(app, b)).DELETE_A_TODO, true, 'B: DELETE_A_TODO for its own delete')
})

t.test('single-user: the built-in session is credited without any X-CHALLENGER', async (t) => {
  const app = await build(t, { mode: 'single', challengeSet: 'current' })
  const status = async () => (JSON.parse((await send(app, 'GET', '/challenger/status-probe')).body) as { challengeStatus: Record<string, boolean> }).challengeStatus
  const before = await status()
  for (const key of KEYS) t.equal(before[key], false, `${key} listed and open`)
  t.equal((await send(app, 'GET', '/todos')).statusCode, 200)
  t.equal((await send(app, 'POST', '/api/todos', JSON_TYPE, '{"title":"single"}')).statusCode, 201)
  t.equal((await send(app, 'OPTIONS', '/todos')).statusCode, 200)
  const after = await status()
  for (const key of ['GET_TODOS', 'GET_JSON_BY_DEFAULT_NO_ACCEPT', 'POST_TODOS', 'OPTIONS_TODOS']) t.equal(after[key], true, key)
})
