// HTTP tests for QUERY /todos (todos.md §8, §6.12, §1, §11.1–2): the three body types, every content and
// semantic error, paging caps, Accept negotiation and headers. Driven both through inject and over a real
// socket, where the request line is literally `QUERY /todos HTTP/1.1`.
import { connect } from 'node:net'
import t, { type Test } from 'tap'
import { build, newChallenger } from './helper.js'

interface Todo { id: number; title: string; doneStatus: boolean; description: string }
interface Res { statusCode: number; headers: Record<string, string | string[] | number | undefined>; body: string }

const FORM = 'application/x-www-form-urlencoded'
const JSONPATH = 'application/jsonpath'
const STRUCTURED = 'application/vnd.thingifier.query+json'
const ACCEPT_QUERY = 'application/x-www-form-urlencoded, application/jsonpath, application/vnd.thingifier.query+json'
const NOT_WHOLE = 'JSONPath query must select complete resource objects from the collection'

const app = await build(t, { mode: 'multi' })
const guid = await newChallenger(app)
const session = { 'x-challenger': guid }

async function query(body: string | undefined, contentType: string | undefined, options: { url?: string; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...session, ...options.headers }
  if (contentType !== undefined) headers['content-type'] = contentType
  return app.inject({ method: 'QUERY', url: options.url ?? '/todos', headers, payload: body })
}

const todosOf = (res: { body: string }): Todo[] => (JSON.parse(res.body) as { todos: Todo[] }).todos
const errorsOf = (res: Res): string[] => (JSON.parse(res.body) as { errorMessages: string[] }).errorMessages
const ids = (todos: readonly Todo[]) => todos.map((todo) => todo.id)

// -------------------------------------------------------------------------------------------------
// data: 20 todos (the maximum), done ones both inside the first 10 and beyond them
for (const [id, body] of [[3, { doneStatus: true, description: 'urgent payment' }], [7, { doneStatus: true }], [8, { description: 'weekly' }]] as const) {
  const res = await app.inject({ method: 'POST', url: `/todos/${id}`, headers: { ...session, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
  if (res.statusCode !== 200) throw new Error(`amend ${id}: ${res.statusCode}`)
}
for (let i = 11; i <= 20; i++) {
  const body = { title: `later task ${i}`, doneStatus: i % 3 === 0, description: i % 2 === 0 ? 'urgent' : '' }
  const res = await app.inject({ method: 'POST', url: '/todos', headers: { ...session, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode}`)
}
const ALL = todosOf(await app.inject({ method: 'GET', url: '/todos?_limit=20', headers: session }))
const FIRST_PAGE = ALL.slice(0, 10)
const where = (keep: (todo: Todo) => boolean, from: readonly Todo[] = ALL) => ids(from.filter(keep))

t.test('the arranged data', async (t) => {
  t.equal(ALL.length, 20, '20 todos')
  t.ok(FIRST_PAGE.some((todo) => todo.doneStatus), 'a done todo in the first 10')
  t.ok(ALL.slice(10).some((todo) => todo.doneStatus), 'a done todo beyond the first 10')
})

// -------------------------------------------------------------------------------------------------
// over a real socket

interface RawResponse { statusLine: string; headers: Record<string, string>; body: string }

function rawRequest(port: number, text: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    socket.setEncoding('utf8')
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')))
    socket.on('data', (chunk: string) => { data += chunk })
    socket.on('error', reject)
    socket.on('close', () => {
      const split = data.indexOf('\r\n\r\n')
      const [statusLine = '', ...lines] = (split === -1 ? data : data.slice(0, split)).split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({ statusLine, headers, body: split === -1 ? '' : data.slice(split + 4) })
    })
    socket.write(text)
  })
}

function queryText(path: string, contentType: string | undefined, body: string): string {
  const lines = [`QUERY ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', `X-CHALLENGER: ${guid}`]
  if (contentType !== undefined) lines.push(`Content-Type: ${contentType}`)
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return `${lines.join('\r\n')}\r\n\r\n${body}`
}

t.test('QUERY /todos over a real socket', async (t) => {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port')
  const port = address.port

  const form = await rawRequest(port, queryText('/todos', FORM, 'doneStatus=true&_sortBy=-id&_limit=5'))
  t.equal(form.statusLine, 'HTTP/1.1 200 OK', 'form body: 200 status line')
  t.equal(form.headers['content-type'], 'application/json')
  t.equal(form.headers['accept-query'], ACCEPT_QUERY, 'Accept-Query header (§6)')
  t.same(ids(todosOf(form)), where((todo) => todo.doneStatus).reverse().slice(0, 5), 'done todos, id descending, 5 of them')

  const jsonPath = await rawRequest(port, queryText('/api/todos', JSONPATH, '$.todos[?(@.doneStatus == true)]'))
  t.equal(jsonPath.statusLine, 'HTTP/1.1 200 OK', 'JSONPath body on /api/todos: 200')
  t.same(ids(todosOf(jsonPath)), where((todo) => todo.doneStatus, FIRST_PAGE), 'done todos of the first page')

  const structured = await rawRequest(port, queryText('/todos', STRUCTURED, '{"filter":{"doneStatus":false},"limit":3}'))
  t.equal(structured.statusLine, 'HTTP/1.1 200 OK', 'structured JSON body: 200')
  t.same(ids(todosOf(structured)), where((todo) => !todo.doneStatus).slice(0, 3))

  const missing = await rawRequest(port, queryText('/todos', undefined, 'doneStatus=true'))
  t.equal(missing.statusLine, 'HTTP/1.1 400 Bad Request', 'no Content-Type: 400 status line')
  t.same(JSON.parse(missing.body), { errorMessages: ['Missing Content-Type for QUERY request'] })

  const unsupported = await rawRequest(port, queryText('/todos', 'text/plain', 'doneStatus=true'))
  t.equal(unsupported.statusLine, 'HTTP/1.1 415 Unsupported Media Type', 'other type: 415 status line')
  t.same(JSON.parse(unsupported.body), { errorMessages: ['Unsupported QUERY Content Type - text/plain'] })
  t.equal(unsupported.headers.accept, ACCEPT_QUERY, '415 lists the supported types in Accept')

  const semantic = await rawRequest(port, queryText('/todos', JSONPATH, '$.todos[*].title'))
  t.equal(semantic.statusLine, 'HTTP/1.1 422 Unprocessable Entity', 'non-resource JSONPath selection: 422 status line')
  t.same(JSON.parse(semantic.body), { errorMessages: [NOT_WHOLE] })

  const instance = await rawRequest(port, queryText('/todos/3', FORM, 'id=3'))
  t.equal(instance.statusLine, 'HTTP/1.1 405 Method Not Allowed', 'QUERY /todos/{id}: 405 (§1)')
  t.equal(instance.headers.allow, 'OPTIONS, GET, HEAD, POST, PUT, DELETE', 'stale Allow list without PATCH')
})

// -------------------------------------------------------------------------------------------------
// content checks (§8 table): every error carries Accept-Query

async function expectError(t: Test, res: Res, status: number, message: string | undefined, label: string): Promise<void> {
  t.equal(res.statusCode, status, `${label}: ${status}`)
  t.equal(res.headers['content-type'], 'application/json', `${label}: JSON error body`)
  t.equal(res.headers['accept-query'], ACCEPT_QUERY, `${label}: Accept-Query header`)
  const messages = errorsOf(res)
  if (message === undefined) t.ok(messages.length === 1 && messages[0]!.length > 0, `${label}: one message (${messages[0]})`)
  else t.same(messages, [message], `${label}: ${message}`)
}

t.test('content errors (§8)', async (t) => {
  await expectError(t, await query('doneStatus=true', undefined), 400, 'Missing Content-Type for QUERY request', 'no Content-Type')
  await expectError(t, await query('', undefined), 400, 'Missing Content-Type for QUERY request', 'no Content-Type, no body')

  for (const type of ['text/plain', 'application/json', 'application/xml']) {
    const res = await query('doneStatus=true', type)
    await expectError(t, res, 415, `Unsupported QUERY Content Type - ${type}`, `Content-Type ${type}`)
    t.equal(res.headers.accept, ACCEPT_QUERY, `${type}: Accept header lists the QUERY body types`)
  }

  await expectError(t, await query('=true', FORM), 400, 'Malformed query content: field name is missing', 'form =value with no name')
  await expectError(t, await query('doneStatus=true&=x', FORM), 400, 'Malformed query content: field name is missing', 'form part with no name')
  await expectError(t, await query('title=a%zz', FORM), 400, undefined, 'form body that cannot be URL-decoded')
  await expectError(t, await query('title=a%', FORM), 400, undefined, 'form body with a trailing %')

  await expectError(t, await query('', JSONPATH), 400, 'Missing JSONPath expression for QUERY request', 'empty JSONPath')
  await expectError(t, await query('$.todos[?(@.doneStatus ==]', JSONPATH), 400, undefined, 'JSONPath that does not compile')
  await expectError(t, await query('$.todos[?(@.doneStatus == true)', JSONPATH), 400, undefined, 'JSONPath with an unclosed bracket')

  await expectError(t, await query('{bad', STRUCTURED), 400, 'Malformed JSON query body', 'structured: not JSON')
  await expectError(t, await query("{'filter':{}}", STRUCTURED), 400, 'Malformed JSON query body', 'structured: single quotes are not strict JSON')
  await expectError(t, await query('', STRUCTURED), 400, 'Malformed JSON query body', 'structured: empty body')
})

t.test('order of checks: Accept, then body size, then QUERY content (§4 steps 3–5)', async (t) => {
  await expectError(t, await query('doneStatus=true', undefined, { headers: { accept: 'application/gzip' } }), 406, 'Unrecognised Accept Type',
    'unsupported Accept before the missing Content-Type')
  const big = `title=${'x'.repeat(5000)}`
  await expectError(t, await query(big, undefined), 413, 'Error: request body too large, max allowed is 5000 bytes', 'over 5000 characters, no Content-Type')
  await expectError(t, await query(big, 'text/plain'), 413, 'Error: request body too large, max allowed is 5000 bytes', 'over 5000 characters, other type')
  await expectError(t, await query(big, FORM), 413, 'Error: request body too large, max allowed is 5000 bytes', 'over 5000 characters, form')
})

t.test('filter and paging errors of form bodies are the GET ones (§7)', async (t) => {
  await expectError(t, await query('doneStatus=maybe', FORM), 400, 'maybe is not boolean', 'doneStatus=maybe')
  await expectError(t, await query('_limit=-2', FORM), 400, '_limit must be a non-negative integer', '_limit=-2')
  await expectError(t, await query('_offset=x', FORM), 400, '_offset must be a non-negative integer', '_offset=x')
  await expectError(t, await query('', FORM, { url: '/todos?doneStatus=maybe' }), 400, 'maybe is not boolean', 'bad URL filter')
})

t.test('structured JSON semantic errors are 422 (§8)', async (t) => {
  const cases: [string, string][] = [
    ['[]', 'Structured JSON query body must be an object'],
    ['"doneStatus"', 'Structured JSON query body must be an object'],
    ['{"where":{}}', 'Unknown structured query field where'],
    ['{"filter":[]}', 'filter must be an object'],
    ['{"filter":{"priority":1}}', 'Unknown query filter field priority'],
    ['{"filter":{"id":"3"}}', 'Invalid exact match value for field id'],
    ['{"filter":{"doneStatus":"true"}}', 'Invalid exact match value for field doneStatus'],
    ['{"filter":{"title":5}}', 'Invalid exact match value for field title'],
    ['{"filter":{"id":{}}}', 'Filter operators for field id are required'],
    ['{"filter":{"title":{"startsWith":"a"}}}', 'Unsupported query operator startsWith for field title'],
    ['{"filter":{"id":{"contains":"1"}}}', 'contains is only supported for text field id'],
    ['{"filter":{"title":{"greaterThan":1}}}', 'greaterThan is only supported for numeric field title'],
    ['{"filter":{"description":{"lessThan":1}}}', 'lessThan is only supported for numeric field description'],
    ['{"sort":{"field":"id"}}', 'sort must be an array'],
    ['{"sort":["id"]}', 'sort entries must be objects'],
    ['{"sort":[{"field":"id","order":"asc"}]}', 'Unknown sort field order'],
    ['{"sort":[{"field":1}]}', 'sort field must be a string'],
    ['{"sort":[{"field":"id","direction":"up"}]}', 'sort direction must be asc or desc'],
    ['{"sort":[{"field":"priority"}]}', 'Field priority can not be sorted'],
    ['{"limit":-1}', 'limit must be a non-negative integer'],
    ['{"limit":"5"}', 'limit must be a non-negative integer'],
    ['{"limit":2.5}', 'limit must be a non-negative integer'],
    ['{"offset":-3}', 'offset must be a non-negative integer'],
    ['{"offset":"1"}', 'offset must be a non-negative integer'],
  ]
  for (const [body, message] of cases) await expectError(t, await query(body, STRUCTURED), 422, message, body)
})

t.test('JSONPath selections that are not whole todos are 422 (§8)', async (t) => {
  for (const expression of ['$.todos[*].title', '$.todos[0].id', '$.todos[?(@.doneStatus == true)].title', '$.todos[50]', '$.missing', '$.todos.length']) {
    await expectError(t, await query(expression, JSONPATH), 422, NOT_WHOLE, expression)
  }
})

// -------------------------------------------------------------------------------------------------
// the three body types

async function expectIds(t: Test, res: Res, expected: number[], label: string): Promise<void> {
  t.equal(res.statusCode, 200, `${label}: 200`)
  t.equal(res.headers['content-type'], 'application/json', `${label}: JSON`)
  t.equal(res.headers['accept-query'], ACCEPT_QUERY, `${label}: Accept-Query`)
  t.same(ids(todosOf(res)), expected, `${label}: ids ${expected.join(',')}`)
}

t.test('form-encoded bodies are read like a query string (§8.1, §7)', async (t) => {
  await expectIds(t, await query('doneStatus=true', FORM), where((todo) => todo.doneStatus).slice(0, 10), 'doneStatus=true')
  await expectIds(t, await query('doneStatus=true&_sortBy=-id&_limit=5', FORM), where((todo) => todo.doneStatus).reverse().slice(0, 5),
    'filter, sort and limit')
  await expectIds(t, await query('id%3E15', FORM), where((todo) => todo.id > 15), 'encoded operator in the body')
  await expectIds(t, await query('description%25%3Durgent&_limit=20', FORM), where((todo) => todo.description.includes('urgent')), 'contains in the body')
  await expectIds(t, await query('title~=later.*&_sortBy=-id&_limit=3&_offset=1', FORM),
    where((todo) => todo.title.startsWith('later')).reverse().slice(1, 4), 'regex, sort and page window')
  await expectIds(t, await query('doneStatus=true', `${FORM}; charset=UTF-8`), where((todo) => todo.doneStatus).slice(0, 10),
    'Content-Type parameters are ignored')
  await expectIds(t, await query('', FORM), ids(FIRST_PAGE), 'empty form body: the default page')
  await expectIds(t, await query('doneStatus=true', FORM, { url: '/todos?id>5' }), where((todo) => todo.doneStatus && todo.id > 5).slice(0, 10),
    'URL conditions and body conditions are ANDed')
  await expectIds(t, await query('_limit=2', FORM, { url: '/todos?_sortBy=-id' }), ids([...ALL].reverse()).slice(0, 2), 'URL sort with body paging')
})

t.test('JSONPath bodies run over the URL-filtered, default-paged collection (§8.2, §11.1)', async (t) => {
  await expectIds(t, await query('$.todos[?(@.doneStatus == true)]', JSONPATH), where((todo) => todo.doneStatus, FIRST_PAGE),
    'done todos among the first 10 only')
  t.ok(where((todo) => todo.doneStatus).length > where((todo) => todo.doneStatus, FIRST_PAGE).length, 'later done todos are not selected')
  await expectIds(t, await query('$', JSONPATH), ids(FIRST_PAGE), '$ selects the whole (first page) collection')
  await expectIds(t, await query('$.todos', JSONPATH), ids(FIRST_PAGE), '$.todos selects the whole collection')
  await expectIds(t, await query('$.todos[*]', JSONPATH), ids(FIRST_PAGE), '$.todos[*] selects every todo')
  await expectIds(t, await query('$.todos[3,1]', JSONPATH), [FIRST_PAGE[3]!.id, FIRST_PAGE[1]!.id], 'selection order is kept')
  await expectIds(t, await query('$.todos[0:2]', JSONPATH), ids(FIRST_PAGE.slice(0, 2)), 'slices')
  await expectIds(t, await query('$.todos[?(@.id > 3 && @.id < 6)]', JSONPATH), where((todo) => todo.id > 3 && todo.id < 6, FIRST_PAGE), 'compound filter')
  await expectIds(t, await query('$.todos[?(@.title == "no such title")]', JSONPATH), [], 'a filter matching nothing is 200 with no todos')
  await expectIds(t, await query('$.todos[?(@.doneStatus == true)]', JSONPATH, { url: '/todos?id>10' }),
    where((todo) => todo.doneStatus && todo.id > 10), 'URL filters apply before the expression')
  await expectIds(t, await query('$.todos[*]', JSONPATH, { url: '/todos?_sortBy=-id&_limit=3' }), ids([...ALL].reverse()).slice(0, 3),
    'URL sort and paging apply before the expression')
})

t.test('structured JSON bodies (§8.3)', async (t) => {
  await expectIds(t, await query('{"filter":{"doneStatus":true}}', STRUCTURED), where((todo) => todo.doneStatus).slice(0, 10), 'doneStatus true')
  await expectIds(t, await query('{"filter":{"id":4}}', STRUCTURED), [4], 'exact id')
  await expectIds(t, await query(`{"filter":{"title":${JSON.stringify(ALL[5]!.title)}}}`, STRUCTURED), [ALL[5]!.id], 'exact title')
  await expectIds(t, await query('{"filter":{"description":{"contains":"urgent"}},"limit":20}', STRUCTURED),
    where((todo) => todo.description.includes('urgent')), 'contains on a text field')
  await expectIds(t, await query('{"filter":{"id":{"greaterThan":12,"lessThan":16}}}', STRUCTURED), where((todo) => todo.id > 12 && todo.id < 16),
    'greaterThan and lessThan together')
  await expectIds(t, await query('{"filter":{"doneStatus":false,"id":{"lessThan":5}}}', STRUCTURED), where((todo) => !todo.doneStatus && todo.id < 5),
    'several fields ANDed')
  await expectIds(t, await query('{"sort":[{"field":"doneStatus","direction":"desc"},{"field":"id","direction":"asc"}],"limit":20}', STRUCTURED),
    ids([...ALL].sort((a, b) => Number(b.doneStatus) - Number(a.doneStatus) || a.id - b.id)), 'sort on two fields')
  await expectIds(t, await query('{"sort":[{"field":"id"}],"limit":3}', STRUCTURED), ids(ALL).slice(0, 3), 'direction defaults to ascending')
  await expectIds(t, await query('{"limit":4,"offset":6}', STRUCTURED), ids(ALL).slice(6, 10), 'limit and offset')
  await expectIds(t, await query('{"limit":0}', STRUCTURED), [], 'limit 0')
  await expectIds(t, await query('{}', STRUCTURED), ids(FIRST_PAGE), 'empty query: default page of 10')
  await expectIds(t, await query('{"filter":{"doneStatus":true}}', STRUCTURED, { url: '/todos?id>10' }),
    where((todo) => todo.doneStatus && todo.id > 10), 'URL filters are honoured too')
})

t.test('_limit above 20 is capped on QUERY, not rejected (§8, §11.2)', async (t) => {
  await expectIds(t, await query('', FORM, { url: '/todos?_limit=21' }), ids(ALL), 'URL _limit=21')
  await expectIds(t, await query('_limit=50', FORM), ids(ALL), 'body _limit=50')
  await expectIds(t, await query('{"limit":21}', STRUCTURED), ids(ALL), 'structured limit 21')
  await expectIds(t, await query('$.todos', JSONPATH, { url: '/todos?_limit=100' }), ids(ALL), 'JSONPath over a capped page')
})

t.test('Accept negotiation works as on GET (§8, §5.1)', async (t) => {
  const xml = await query('id=3', FORM, { headers: { accept: 'application/xml' } })
  t.equal(xml.statusCode, 200)
  t.equal(xml.headers['content-type'], 'application/xml')
  const todo = ALL.find((candidate) => candidate.id === 3)!
  t.equal(xml.body, `<todos><todo><doneStatus>${todo.doneStatus}</doneStatus><description>${todo.description}</description><id>3</id>` +
    `<title>${todo.title}</title></todo></todos>`, 'XML collection of the matching todo')

  const csv = await query('{"filter":{"id":3}}', STRUCTURED, { headers: { accept: 'text/csv' } })
  t.equal(csv.headers['content-type'], 'text/csv')
  t.same(csv.body.split('\n'), ['id,title,doneStatus,description', `3,${todo.title},${todo.doneStatus},${todo.description}`])

  const refused = await query('id=3', FORM, { headers: { accept: 'application/gzip' } })
  await expectError(t, refused, 406, 'Unrecognised Accept Type', 'Accept application/gzip')
})

t.test('QUERY is read-only and also served on /api/todos', async (t) => {
  const api = await query('doneStatus=true&_limit=20', FORM, { url: '/api/todos' })
  await expectIds(t, api, where((todo) => todo.doneStatus), '/api/todos')
  const after = todosOf(await app.inject({ method: 'GET', url: '/todos?_limit=20', headers: session }))
  t.same(after, ALL, 'the todos are unchanged after all the queries')
  const other = await app.inject({ method: 'QUERY', url: '/todos/3', headers: { ...session, 'content-type': FORM }, payload: 'id=3' })
  t.equal(other.statusCode, 405, 'QUERY /todos/{id}: 405')
  t.equal(other.headers.allow, 'OPTIONS, GET, HEAD, POST, PUT, DELETE')
})
