// HTTP tests for PATCH /todos/{id} (todos.md §6.9, with the §6.7 amend errors it shares, §5.2, §6.3, §9):
// partial JSON, JSON Merge Patch (RFC 7396) and JSON Patch (RFC 6902), every error row, and that each
// success really changed the stored todo (read back with GET) while each failure left it alone.
import t, { type Test } from 'tap'
import { build, newChallenger } from './helper.js'

interface Todo { id: number; title: string; doneStatus: boolean; description: string }
interface Res { statusCode: number; headers: Record<string, string | string[] | number | undefined>; body: string }

const JSON_TYPE = 'application/json'
const MERGE = 'application/merge-patch+json'
const JSON_PATCH = 'application/json-patch+json'
const ACCEPT_PATCH = 'application/json, application/merge-patch+json, application/json-patch+json'

const app = await build(t, { mode: 'multi' })

/** a fresh session whose todo 1 has a description and todo 2 is done, so resets are visible */
async function freshSession(): Promise<Record<string, string>> {
  const session = { 'x-challenger': await newChallenger(app) }
  for (const [id, body] of [[1, { description: 'first description' }], [2, { doneStatus: true, description: 'second' }]] as const) {
    const res = await app.inject({ method: 'POST', url: `/todos/${id}`, headers: { ...session, 'content-type': JSON_TYPE }, payload: JSON.stringify(body) })
    if (res.statusCode !== 200) throw new Error(`amend ${id}: ${res.statusCode}`)
  }
  return session
}

async function patch(session: Record<string, string>, id: number | string, contentType: string | undefined, body: string | undefined,
  headers: Record<string, string> = {}): Promise<Res> {
  const all: Record<string, string> = { ...session, ...headers }
  if (contentType !== undefined) all['content-type'] = contentType
  return app.inject({ method: 'PATCH', url: `/todos/${id}`, headers: all, payload: body })
}

async function stored(session: Record<string, string>, id: number): Promise<Todo> {
  const res = await app.inject({ method: 'GET', url: `/todos/${id}`, headers: session })
  return (JSON.parse(res.body) as { todos: Todo[] }).todos[0]!
}

function bare(res: Res): Todo {
  return JSON.parse(res.body) as Todo
}

async function expectSuccess(t: Test, session: Record<string, string>, res: Res, expected: Todo, label: string): Promise<void> {
  t.equal(res.statusCode, 200, `${label}: 200`)
  t.equal(res.headers['content-type'], 'application/json', `${label}: JSON`)
  t.same(Object.keys(bare(res)), ['id', 'title', 'doneStatus', 'description'], `${label}: bare todo, fields in order (§3.1)`)
  t.same(bare(res), expected, `${label}: response body`)
  t.same(await stored(session, expected.id), expected, `${label}: stored`)
}

async function expectError(t: Test, session: Record<string, string>, res: Res, status: number, message: string, label: string,
  unchanged?: Todo): Promise<void> {
  t.equal(res.statusCode, status, `${label}: ${status}`)
  t.equal(res.headers['content-type'], 'application/json', `${label}: JSON error`)
  t.same(JSON.parse(res.body), { errorMessages: [message] }, `${label}: ${message}`)
  if (unchanged) t.same(await stored(session, unchanged.id), unchanged, `${label}: todo unchanged`)
}

t.test('partial JSON (application/json) works like POST amend (§6.9, §6.7)', async (t) => {
  const session = await freshSession()
  const before = await stored(session, 1)
  await expectSuccess(t, session, await patch(session, 1, JSON_TYPE, '{"doneStatus":true}'), { ...before, doneStatus: true },
    'one field, the others kept')
  await expectSuccess(t, session, await patch(session, 1, JSON_TYPE, '{"title":"renamed","description":""}'),
    { ...before, doneStatus: true, title: 'renamed', description: '' }, 'two fields')
  const now = await stored(session, 1)
  await expectSuccess(t, session, await patch(session, 1, JSON_TYPE, ''), now, 'empty body: no change')
  await expectSuccess(t, session, await patch(session, 1, JSON_TYPE, '{}'), now, '{}: no change')
  await expectSuccess(t, session, await patch(session, 1, JSON_TYPE, '{"id":1,"title":"same id"}'), { ...now, title: 'same id' },
    'a body id equal to the URL id is accepted')
  await expectSuccess(t, session, await patch(session, 1, `${JSON_TYPE}; charset=utf-8`, '{"title":"with charset"}'),
    { ...now, title: 'with charset' }, 'Content-Type parameters are ignored (§5.2)')

  const xml = await patch(session, 1, JSON_TYPE, '{"doneStatus":false}', { accept: 'application/xml' })
  t.equal(xml.statusCode, 200, 'XML response')
  t.equal(xml.headers['content-type'], 'application/xml')
  t.equal(xml.body, '<todo><doneStatus>false</doneStatus><description/><id>1</id><title>with charset</title></todo>', 'bare <todo> (§3.2)')
})

t.test('partial JSON errors (§6.9, §6.7)', async (t) => {
  const session = await freshSession()
  const todo = await stored(session, 1)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '{"title":'), 400, 'Malformed JSON document', 'not JSON', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '[{"title":"x"}]'), 400, 'PATCH partial JSON update document must be an object',
    'an array', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '"title"'), 400, 'PATCH partial JSON update document must be an object',
    'a string', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '{"doneStatus":"true"}'), 422, 'doneStatus should be BOOLEAN but was STRING',
    'type error (no prefix, like amend)', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '{"title":null}'), 422, 'title should be STRING but was NULL', 'null is a type error', todo)
  await expectError(t, session, await patch(session, 99, JSON_TYPE, '{"title":"x"}'), 404, 'No such todo entity instance with id == 99 found', 'missing todo')
  await expectError(t, session, await patch(session, 'abc', JSON_TYPE, '{"title":"x"}'), 404, 'No such todo entity instance with id == abc found',
    'non-numeric id')
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '{"id":5}'), 422, 'Can not amend id from 1 to 5', 'changing the id', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '{"priority":"high"}'), 422, 'Failed Validation: Could not find field: priority',
    'unknown field', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, '{"title":"   "}'), 422, 'Failed Validation: title : can not be empty', 'blank title', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, JSON.stringify({ title: 'x'.repeat(51) })), 422,
    'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50', 'title too long', todo)
  await expectError(t, session, await patch(session, 1, JSON_TYPE, JSON.stringify({ description: 'd'.repeat(201) })), 422,
    'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200', 'description too long', todo)
  await expectSuccess(t, session, await patch(session, 1, JSON_TYPE, JSON.stringify({ title: 't'.repeat(50), description: 'd'.repeat(200) })),
    { ...todo, title: 't'.repeat(50), description: 'd'.repeat(200) }, 'the maximum lengths are allowed')
})

t.test('JSON Merge Patch (application/merge-patch+json) (§6.9)', async (t) => {
  const session = await freshSession()
  const two = await stored(session, 2)
  t.equal(two.doneStatus, true, 'todo 2 starts done')
  await expectSuccess(t, session, await patch(session, 2, MERGE, '{"title":"merged"}'), { ...two, title: 'merged' }, 'members merged in')
  await expectSuccess(t, session, await patch(session, 2, MERGE, '{"description":null}'), { ...two, title: 'merged', description: '' },
    'null removes a member: description back to ""')
  await expectSuccess(t, session, await patch(session, 2, MERGE, '{"doneStatus":null,"description":"again"}'),
    { ...two, title: 'merged', doneStatus: false, description: 'again' }, 'removed doneStatus resets to false')
  await expectSuccess(t, session, await patch(session, 2, MERGE, '{}'), { ...two, title: 'merged', doneStatus: false, description: 'again' },
    'empty object: no change')
  await expectSuccess(t, session, await patch(session, 2, MERGE, '{"id":2,"doneStatus":true}'),
    { ...two, title: 'merged', doneStatus: true, description: 'again' }, 'the same id is fine')
})

t.test('JSON Merge Patch errors (§6.9)', async (t) => {
  const session = await freshSession()
  const todo = await stored(session, 1)
  await expectError(t, session, await patch(session, 99, MERGE, '{"title":"x"}'), 404, 'No such todo entity instance with id == 99 found', 'missing todo')
  await expectError(t, session, await patch(session, 99, MERGE, '{not json'), 404, 'No such todo entity instance with id == 99 found',
    'existence is checked before the body')
  await expectError(t, session, await patch(session, 1, MERGE, '{not json'), 400, 'Malformed JSON Merge Patch document', 'not JSON', todo)
  await expectError(t, session, await patch(session, 1, MERGE, '["title"]'), 422, 'JSON Merge Patch for entity resources must be an object', 'an array', todo)
  await expectError(t, session, await patch(session, 1, MERGE, '"x"'), 422, 'JSON Merge Patch for entity resources must be an object', 'a string', todo)
  await expectError(t, session, await patch(session, 1, MERGE, '{"title":null}'), 422, 'Failed Validation: title : field is mandatory',
    'removing the title fails the replace', todo)
  await expectError(t, session, await patch(session, 1, MERGE, '{"id":5}'), 422, 'Can not amend id from 1 to 5', 'changing the id', todo)
  await expectError(t, session, await patch(session, 1, MERGE, '{"priority":"high"}'), 422, 'Failed Validation: Could not find field: priority',
    'unknown field', todo)
  await expectError(t, session, await patch(session, 1, MERGE, '{"doneStatus":"yes"}'), 422, 'doneStatus should be BOOLEAN but was STRING',
    'type error', todo)
  await expectError(t, session, await patch(session, 1, MERGE, JSON.stringify({ title: 'x'.repeat(51) })), 422,
    'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50', 'title too long', todo)
})

t.test('JSON Patch (application/json-patch+json) (§6.9)', async (t) => {
  const session = await freshSession()
  const one = await stored(session, 1)
  await expectSuccess(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"replace","path":"/title","value":"patched"}]'),
    { ...one, title: 'patched' }, 'replace')
  await expectSuccess(t, session, await patch(session, 1, JSON_PATCH,
    '[{"op":"test","path":"/title","value":"patched"},{"op":"replace","path":"/doneStatus","value":true},{"op":"add","path":"/description","value":"added"}]'),
  { ...one, title: 'patched', doneStatus: true, description: 'added' }, 'test, replace and add in sequence')
  await expectSuccess(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"remove","path":"/description"},{"op":"remove","path":"/doneStatus"}]'),
    { ...one, title: 'patched', doneStatus: false, description: '' }, 'remove resets to the defaults (result replaces the todo)')
  await expectSuccess(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"copy","from":"/title","path":"/description"}]'),
    { ...one, title: 'patched', doneStatus: false, description: 'patched' }, 'copy')
  await expectSuccess(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"move","from":"/description","path":"/title"}]'),
    { ...one, title: 'patched', doneStatus: false, description: '' }, 'move')
  await expectSuccess(t, session, await patch(session, 1, JSON_PATCH, '[]'), { ...one, title: 'patched', doneStatus: false, description: '' },
    'no operations: no change')
})

t.test('JSON Patch errors (§6.9)', async (t) => {
  const session = await freshSession()
  const todo = await stored(session, 1)
  await expectError(t, session, await patch(session, 99, JSON_PATCH, '[]'), 404, 'No such todo entity instance with id == 99 found', 'missing todo')
  await expectError(t, session, await patch(session, 99, JSON_PATCH, '[oops'), 404, 'No such todo entity instance with id == 99 found',
    'existence is checked before the body')
  await expectError(t, session, await patch(session, 1, JSON_PATCH, '[oops'), 400, 'Malformed JSON Patch document', 'not JSON', todo)
  await expectError(t, session, await patch(session, 1, JSON_PATCH, '{"op":"replace","path":"/title","value":"x"}'), 400,
    'JSON Patch document must be an array of operations', 'an object instead of an array', todo)
  for (const [body, label] of [
    ['[{"op":"replace","path":"/nothing/here","value":1}]', 'a path that does not exist'],
    ['[{"op":"test","path":"/title","value":"not the title"}]', 'a failing test'],
    ['[{"op":"frobnicate","path":"/title","value":"x"}]', 'an unknown op'],
    ['[{"op":"replace","path":"/title","value":"first"},{"op":"remove","path":"/missing"}]', 'a later op failing (nothing applied)'],
    ['[{"op":"move","from":"/missing","path":"/title"}]', 'move from a missing member'],
  ] as const) {
    await expectError(t, session, await patch(session, 1, JSON_PATCH, body), 409, 'JSON Patch could not be applied', label, todo)
  }
  await expectError(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"replace","path":"","value":["not","an","object"]}]'), 422,
    'PATCH result for entity resources must be an object', 'result not an object', todo)
  await expectError(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"remove","path":"/title"}]'), 422,
    'Failed Validation: title : field is mandatory', 'removing the title', todo)
  await expectError(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"replace","path":"/id","value":7}]'), 422,
    'Can not amend id from 1 to 7', 'changing the id', todo)
  await expectError(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"add","path":"/priority","value":"high"}]'), 422,
    'Failed Validation: Could not find field: priority', 'adding an unknown field', todo)
  await expectError(t, session, await patch(session, 1, JSON_PATCH, '[{"op":"replace","path":"/doneStatus","value":"yes"}]'), 422,
    'doneStatus should be BOOLEAN but was STRING', 'type error', todo)
})

t.test('unsupported PATCH Content-Types are 415 (§6.9, §5.2)', async (t) => {
  const session = await freshSession()
  const todo = await stored(session, 1)
  for (const [type, body] of [
    ['application/xml', '<todo><title>x</title></todo>'],
    ['text/xml', '<todo><title>x</title></todo>'],
    ['application/vnd.apichallenges.todo+xml', '<todo><title>x</title></todo>'],
    [undefined, '{"title":"x"}'],
  ] as const) {
    const res = await patch(session, 1, type, body)
    const label = type ?? 'no Content-Type'
    await expectError(t, session, res, 415, 'Unsupported PATCH Content Type', label, todo)
    t.equal(res.headers['accept-patch'], ACCEPT_PATCH, `${label}: Accept-Patch header`)
  }
  for (const type of ['text/plain', 'bob', 'application/octet-stream']) {
    await expectError(t, session, await patch(session, 1, type, '{"title":"x"}'), 415, `Unsupported Content Type - ${type}`, type, todo)
  }
  await expectError(t, session, await patch(session, 1, 'TEXT/Plain', '{"title":"x"}'), 415, 'Unsupported Content Type - text/plain',
    'the echoed value is lower-cased (§4, §11.22)', todo)
})

t.test('order of checks: Accept, then body size, then Content-Type (§4 steps 3–6)', async (t) => {
  const session = await freshSession()
  const todo = await stored(session, 1)
  const refused = await patch(session, 1, 'text/plain', '{"title":"x"}', { accept: 'application/gzip' })
  await expectError(t, session, refused, 406, 'Unrecognised Accept Type', '406 before 415', todo)
  const big = JSON.stringify({ title: 'x'.repeat(5000) })
  await expectError(t, session, await patch(session, 1, JSON_TYPE, big), 413, 'Error: request body too large, max allowed is 5000 bytes',
    'partial JSON over 5000 characters', todo)
  await expectError(t, session, await patch(session, 1, 'application/xml', big), 413, 'Error: request body too large, max allowed is 5000 bytes',
    '413 before the PATCH Content-Type check', todo)
})

t.test('OPTIONS /todos/{id} advertises the patch formats (§6.3)', async (t) => {
  const session = await freshSession()
  const res = await app.inject({ method: 'OPTIONS', url: '/todos/1', headers: session })
  t.equal(res.statusCode, 204)
  t.equal(res.headers.allow, 'OPTIONS, GET, HEAD, POST, PUT, PATCH, DELETE')
  t.equal(res.headers['accept-patch'], ACCEPT_PATCH)
})

t.test('PATCH needs a session in multi-user mode and is served on /api too (§4)', async (t) => {
  const anonymous = await app.inject({ method: 'PATCH', url: '/todos/1', headers: { 'content-type': JSON_TYPE }, payload: '{"title":"x"}' })
  t.equal(anonymous.statusCode, 401, 'no X-CHALLENGER: 401')
  t.same(JSON.parse(anonymous.body), { errorMessages: ['Cannot amend details. Missing a valid X-CHALLENGER header.'] })

  const session = await freshSession()
  const todo = await stored(session, 3)
  const api = await app.inject({ method: 'PATCH', url: '/api/todos/3', headers: { ...session, 'content-type': MERGE }, payload: '{"doneStatus":true}' })
  await expectSuccess(t, session, api, { ...todo, doneStatus: true }, '/api/todos/3 merge patch')

  const refused = await patch(session, 3, JSON_TYPE, '{"title":"x"}', { accept: 'application/gzip' })
  t.equal(refused.statusCode, 406, 'Accept is validated before the patch (§4 step 3)')
  t.same(await stored(session, 3), { ...todo, doneStatus: true }, 'nothing changed')
})
