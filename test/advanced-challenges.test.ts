// Completing the advanced challenges of the current set over HTTP (sessions.md §6.3 names, §6.4 triggers;
// todos.md §5.1, §6.9, §6.11, §6.14, §7, §8). Each challenge gets a fresh multi-user session: the data it
// needs is arranged first, the challenge is checked still open, the triggering request is sent, and both
// GET /challenges (by name) and GET /challenger/{guid} (by key) must then report it done.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { build, challengeStatus, completedNames, newChallenger, type TestApp } from './helper.js'

interface Res { statusCode: number; headers: Record<string, string | string[] | number | undefined>; body: string }
interface Todo { id: number; title: string; doneStatus: boolean; description: string }

/** enum key → challenge name, from the catalogue table of sessions.md §6.3 */
function specNames(): Map<string, string> {
  const markdown = readFileSync(join(import.meta.dirname, '../../shared/spec/sessions.md'), 'utf8')
  const section = markdown.slice(markdown.indexOf('### 6.3'), markdown.indexOf('### 6.4'))
  const names = new Map<string, string>()
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) continue
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim())
    const key = cells[3]?.split(' ', 1)[0]
    if (key !== undefined && /^[A-Z0-9_]+$/.test(key) && cells[4]) names.set(key, cells[4])
  }
  return names
}
const NAMES = specNames()

const app: TestApp = await build(t, { mode: 'multi' })

class Session {
  constructor(readonly guid: string) {}

  request(method: string, url: string, headers: Record<string, string> = {}, payload?: string): Promise<Res> {
    return app.inject({ method: method as 'GET', url, headers: { 'x-challenger': this.guid, ...headers }, payload })
  }

  get(url: string, headers: Record<string, string> = {}): Promise<Res> {
    return this.request('GET', url, headers)
  }

  async amend(id: number, body: Record<string, unknown>): Promise<void> {
    const res = await this.request('POST', `/todos/${id}`, { 'content-type': 'application/json' }, JSON.stringify(body))
    if (res.statusCode !== 200) throw new Error(`amend ${id}: ${res.statusCode} ${res.body}`)
  }

  async create(body: Record<string, unknown>): Promise<void> {
    const res = await this.request('POST', '/todos', { 'content-type': 'application/json' }, JSON.stringify(body))
    if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`)
  }

  query(contentType: string, body: string): Promise<Res> {
    return this.request('QUERY', '/todos', { 'content-type': contentType }, body)
  }
}

const todosOf = (res: Res): Todo[] => (JSON.parse(res.body) as { todos: Todo[] }).todos

/** seed todo 2 done, so the session has done and not-done todos among its first 10 */
const oneDone = async (s: Session) => s.amend(2, { doneStatus: true })
/** descriptions on a few todos, for the description filters */
const withDescriptions = async (s: Session) => {
  await s.amend(3, { description: 'a test fixture' })
  await s.amend(6, { description: 'fixture data' })
  await s.amend(8, { description: 'other words' })
}

interface Case {
  key: string
  setup?: (s: Session) => Promise<void>
  trigger: (s: Session) => Promise<Res>
  status: number
  /** extra checks of the triggering response */
  check?: (t: Test, res: Res) => void
  contentType?: string
}

const FORM = 'application/x-www-form-urlencoded'
const CASES: Case[] = [
  { key: 'GET_TODOS_FILTERED_ID_GREATER_THAN', trigger: (s) => s.get('/todos?id>5'), status: 200,
    check: (t, res) => t.ok(todosOf(res).every((todo) => todo.id > 5)) },
  { key: 'GET_TODOS_FILTERED_ID_LESS_THAN', trigger: (s) => s.get('/todos?id<6'), status: 200,
    check: (t, res) => t.ok(todosOf(res).every((todo) => todo.id < 6)) },
  { key: 'GET_TODOS_FILTERED_ID_SINGLE_RESULT', trigger: (s) => s.get('/todos?id=3'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [3]) },
  { key: 'GET_TODOS_FILTERED_DESCRIPTION_REGEX', setup: withDescriptions, trigger: (s) => s.get('/todos?description~=.*fixture.*'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [3, 6]) },
  { key: 'GET_TODOS_FILTERED_DESCRIPTION_WILDCARD', setup: withDescriptions, trigger: (s) => s.get('/todos?description*=*fixture*'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [3, 6]) },
  { key: 'GET_TODOS_SORTED_ASCENDING', trigger: (s) => s.get('/todos?_sortBy=title'), status: 200 },
  { key: 'GET_TODOS_SORTED_DESCENDING', trigger: (s) => s.get('/todos?_sortBy=-id'), status: 200,
    check: (t, res) => t.equal(todosOf(res)[0]!.id, 10) },
  { key: 'GET_TODOS_SORTED_MULTIPLE_FIELDS', setup: oneDone, trigger: (s) => s.get('/todos?_sortBy=doneStatus,-id'), status: 200 },
  { key: 'GET_TODOS_FILTERED_AND_SORTED', setup: oneDone, trigger: (s) => s.get('/todos?doneStatus=false&_sortBy=-id'), status: 200 },
  { key: 'GET_TODOS_PAGINATED_LIMIT', trigger: (s) => s.get('/todos?_limit=8'), status: 200,
    check: (t, res) => t.equal(todosOf(res).length, 8) },
  { key: 'GET_TODOS_PAGINATED_LIMIT_OFFSET', trigger: (s) => s.get('/todos?_limit=5&_offset=5'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [6, 7, 8, 9, 10]) },
  { key: 'GET_TODOS_PAGINATED_LIMIT_TOO_HIGH', trigger: (s) => s.get('/todos?_limit=21'), status: 400,
    check: (t, res) => t.same(JSON.parse(res.body), { errorMessages: ['_limit must be no more than 20'] }) },
  { key: 'GET_TODOS_PAGINATED_SORTED', trigger: (s) => s.get('/todos?_sortBy=-id&_limit=5&_offset=5'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [5, 4, 3, 2, 1]) },
  { key: 'GET_TODOS_PAGINATED_FILTERED', setup: oneDone, trigger: (s) => s.get('/todos?doneStatus=false&_limit=2&_offset=1'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [3, 4]) },

  { key: 'QUERY_TODOS_FILTERED', setup: oneDone, trigger: (s) => s.query(FORM, 'doneStatus=true'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [2]) },
  { key: 'QUERY_TODOS_JSONPATH_FILTERED', setup: oneDone, trigger: (s) => s.query('application/jsonpath', '$.todos[?(@.doneStatus == true)]'),
    status: 200, check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [2]) },
  { key: 'QUERY_TODOS_STRUCTURED_JSON_FILTERED', setup: oneDone,
    trigger: (s) => s.query('application/vnd.thingifier.query+json', '{"filter":{"doneStatus":true}}'), status: 200,
    check: (t, res) => t.same(todosOf(res).map((todo) => todo.id), [2]) },

  { key: 'PATCH_TODOS_PARTIAL_200', trigger: (s) => s.request('PATCH', '/todos/4', { 'content-type': 'application/json' }, '{"doneStatus":true}'),
    status: 200, check: (t, res) => t.equal((JSON.parse(res.body) as Todo).doneStatus, true) },
  { key: 'PATCH_TODOS_MERGE_PATCH_200',
    trigger: (s) => s.request('PATCH', '/todos/4', { 'content-type': 'application/merge-patch+json' }, '{"description":"merged"}'),
    status: 200, check: (t, res) => t.equal((JSON.parse(res.body) as Todo).description, 'merged') },
  { key: 'PATCH_TODOS_JSON_PATCH_200',
    trigger: (s) => s.request('PATCH', '/todos/4', { 'content-type': 'application/json-patch+json' }, '[{"op":"replace","path":"/title","value":"patched"}]'),
    status: 200, check: (t, res) => t.equal((JSON.parse(res.body) as Todo).title, 'patched') },

  { key: 'GET_TODO_ACCEPT_TEXT_CALENDAR', trigger: (s) => s.get('/todos/1', { accept: 'text/calendar' }), status: 200, contentType: 'text/calendar',
    check: (t, res) => t.ok(res.body.includes('UID:todo-1@apichallenges')) },
  { key: 'GET_ACCEPT_XML_Q_PREFERRED', trigger: (s) => s.get('/todos', { accept: 'application/json;q=0.5, application/xml;q=1' }), status: 200,
    contentType: 'application/xml' },
  { key: 'GET_ACCEPT_JSON_Q_PREFERRED', trigger: (s) => s.get('/todos', { accept: 'application/xml;q=0.5, application/json;q=1' }), status: 200,
    contentType: 'application/json' },
  { key: 'GET_ACCEPT_Q_REJECTS_ALL_406', trigger: (s) => s.get('/todos', { accept: 'application/json;q=0, application/xml;q=0' }), status: 406 },
  { key: 'GET_UNSUPPORTED_STRUCTURED_JSON_ACCEPT_406', trigger: (s) => s.get('/todos', { accept: 'application/problem+json' }), status: 406 },
  { key: 'GET_UNSUPPORTED_STRUCTURED_JSON_ACCEPT_406', trigger: (s) => s.get('/todos', { accept: 'application/*+json' }), status: 406 },
  { key: 'GET_ACCEPT_TEXT_XML', trigger: (s) => s.get('/todos', { accept: 'text/xml' }), status: 200, contentType: 'text/xml' },
  { key: 'GET_ACCEPT_VENDOR_XML', trigger: (s) => s.get('/todos', { accept: 'application/vnd.apichallenges.todo+xml' }), status: 200,
    contentType: 'application/vnd.apichallenges.todo+xml' },
  { key: 'GET_ACCEPT_STRUCTURED_XML_WILDCARD', trigger: (s) => s.get('/todos', { accept: 'application/*+xml' }), status: 200,
    contentType: 'application/todo+xml' },
  { key: 'POST_CREATE_VENDOR_XML',
    trigger: (s) => s.request('POST', '/todos', { 'content-type': 'application/vnd.apichallenges.todo+xml' }, '<todo><title>vendor xml</title></todo>'),
    status: 201 },
  { key: 'GET_TODOS_EXPORT_CSV_CONTENT_DISPOSITION', trigger: (s) => s.get('/todos/export?format=csv'), status: 200, contentType: 'text/csv',
    check: (t, res) => t.equal(res.headers['content-disposition'], 'attachment; filename="todos.csv"') },
  { key: 'GET_TODOS_EXPORT_HTML_CONTENT_DISPOSITION', trigger: (s) => s.get('/todos/export?format=html'), status: 200, contentType: 'text/html',
    check: (t, res) => t.equal(res.headers['content-disposition'], 'attachment; filename="todos.html"') },
  { key: 'GET_TODOS_EXPORT_TSV_CONTENT_DISPOSITION', trigger: (s) => s.get('/todos/export?format=tab-delimited'), status: 200,
    contentType: 'text/tab-separated-values', check: (t, res) => t.equal(res.headers['content-disposition'], 'attachment; filename="todos.tsv"') },
]

t.test('every challenge named here is in the spec catalogue', async (t) => {
  for (const { key } of CASES) t.ok(NAMES.has(key), `${key} has a name in sessions.md §6.3`)
})

for (const c of CASES) {
  t.test(`${c.key} (${NAMES.get(c.key)})`, async (t) => {
    const session = new Session(await newChallenger(app))
    if (c.setup) await c.setup(session)
    t.equal((await challengeStatus(app, session.guid))[c.key], false, 'still open after the setup')
    const res = await c.trigger(session)
    t.equal(res.statusCode, c.status, `trigger answered ${c.status}`)
    if (c.contentType) t.equal(res.headers['content-type'], c.contentType, `Content-Type ${c.contentType}`)
    c.check?.(t, res)
    t.equal((await challengeStatus(app, session.guid))[c.key], true, 'challengeStatus: done')
    t.ok((await completedNames(app, session.guid)).includes(NAMES.get(c.key)!), 'GET /challenges: done')
  })
}

// -------------------------------------------------------------------------------------------------
// the data prerequisites the reference checks (sessions.md §6.4)

async function isDone(s: Session, key: string): Promise<boolean> {
  return (await challengeStatus(app, s.guid))[key] === true
}

t.test('QUERY filtered challenges need a done and a not-done todo', async (t) => {
  const s = new Session(await newChallenger(app))
  const res = await s.query(FORM, 'doneStatus=true')
  t.equal(res.statusCode, 200)
  t.same(todosOf(res), [], 'no done todo: empty result')
  t.notOk(await isDone(s, 'QUERY_TODOS_FILTERED'), 'form QUERY: not credited')
  await s.query('application/vnd.thingifier.query+json', '{"filter":{"doneStatus":true}}')
  t.notOk(await isDone(s, 'QUERY_TODOS_STRUCTURED_JSON_FILTERED'), 'structured QUERY: not credited')
  await s.query('application/jsonpath', '$.todos[?(@.doneStatus == true)]')
  t.notOk(await isDone(s, 'QUERY_TODOS_JSONPATH_FILTERED'), 'JSONPath QUERY: not credited')
})

t.test('JSONPath runs over the default first page: a done todo beyond it does not count', async (t) => {
  const s = new Session(await newChallenger(app))
  await s.create({ title: 'eleventh and done', doneStatus: true })
  const late = await s.query('application/jsonpath', '$.todos[?(@.doneStatus == true)]')
  t.equal(late.statusCode, 200)
  t.same(todosOf(late), [], 'todo 11 is outside the first 10, so nothing is selected')
  t.notOk(await isDone(s, 'QUERY_TODOS_JSONPATH_FILTERED'), 'not credited')
  const form = await s.query(FORM, 'doneStatus=true')
  t.same(todosOf(form).map((todo) => todo.id), [11], 'the form filter runs before paging and finds it')
  t.ok(await isDone(s, 'QUERY_TODOS_FILTERED'), 'so the form QUERY is credited')

  await s.amend(1, { doneStatus: true })
  const early = await s.query('application/jsonpath', '$.todos[?(@.doneStatus == true)]')
  t.same(todosOf(early).map((todo) => todo.id), [1])
  t.ok(await isDone(s, 'QUERY_TODOS_JSONPATH_FILTERED'), 'with a done todo in the first page: credited')
})

t.test('description filters need matching todos with a description', async (t) => {
  const s = new Session(await newChallenger(app))
  const none = await s.get('/todos?description~=.*fixture.*')
  t.same(todosOf(none), [], 'seed todos have no description')
  await s.get('/todos?description*=*fixture*')
  t.notOk(await isDone(s, 'GET_TODOS_FILTERED_DESCRIPTION_REGEX'), 'regex: not credited on an empty result')
  t.notOk(await isDone(s, 'GET_TODOS_FILTERED_DESCRIPTION_WILDCARD'), 'wildcard: not credited on an empty result')
})

t.test('id filters must keep some but not all todos', async (t) => {
  const s = new Session(await newChallenger(app))
  await s.get('/todos?id>0')
  t.notOk(await isDone(s, 'GET_TODOS_FILTERED_ID_GREATER_THAN'), 'id>0 returns everything: not credited')
  await s.get('/todos?id<1')
  t.notOk(await isDone(s, 'GET_TODOS_FILTERED_ID_LESS_THAN'), 'id<1 returns nothing: not credited')
  await s.get('/todos?id=99')
  t.notOk(await isDone(s, 'GET_TODOS_FILTERED_ID_SINGLE_RESULT'), 'id=99 returns nothing: not credited')
})
