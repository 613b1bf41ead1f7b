// HTTP tests for filtering, sorting and paging of GET /todos (todos.md §6.1, §6.2, §7, §9, §11.1–2, §11.18),
// against the real app and SQLite, on one multi-user session whose todos the test arranges itself.
import t, { type Test } from 'tap'
import { build, newChallenger } from './helper.js'

interface Todo { id: number; title: string; doneStatus: boolean; description: string }
interface Res { statusCode: number; headers: Record<string, string | string[] | number | undefined>; body: string }

const app = await build(t, { mode: 'multi' })
const guid = await newChallenger(app)
const session = { 'x-challenger': guid }

async function get(query: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET'): Promise<Res> {
  return app.inject({ method, url: `/todos${query === '' ? '' : `?${query}`}`, headers: { ...session, ...headers } })
}

function todosOf(res: Res): Todo[] {
  return (JSON.parse(res.body) as { todos: Todo[] }).todos
}

function errorsOf(res: Res): string[] {
  return (JSON.parse(res.body) as { errorMessages: string[] }).errorMessages
}

async function write(method: 'POST', url: string, body: Record<string, unknown>): Promise<Res> {
  return app.inject({ method, url, headers: { ...session, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
}

// -------------------------------------------------------------------------------------------------
// the data: the ten seed todos, some amended, plus six created ones (16 in all, so the default page of
// 10 is visible); descriptions and done flags chosen so each operator keeps some rows and drops others
const amendments: [number, Record<string, unknown>][] = [
  [2, { description: 'a fixture item', doneStatus: true }],
  [4, { description: 'fixture' }],
  [6, { description: 'Fixture in capitals', doneStatus: true }],
  [9, { description: 'contains fixtures, plural' }],
]
for (const [id, body] of amendments) {
  const res = await write('POST', `/todos/${id}`, body)
  if (res.statusCode !== 200) throw new Error(`amend ${id}: ${res.statusCode} ${res.body}`)
}
const created = [
  { title: 'alpha', description: 'fixture', doneStatus: true },
  { title: 'Beta', description: '', doneStatus: false },
  { title: 'gamma ray', description: 'not a fixture match?', doneStatus: true },
  { title: 'delta', description: 'fix', doneStatus: false },
  { title: 'a.b', description: 'dot', doneStatus: true },
  { title: 'axb', description: 'no dot', doneStatus: false },
]
for (const body of created) {
  const res = await write('POST', '/todos', body)
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`)
}

const everything = await get('_limit=20')
const ALL = todosOf(everything)

t.test('the arranged data', async (t) => {
  t.equal(everything.statusCode, 200)
  t.equal(ALL.length, 16, '16 todos, all visible with _limit=20 (§7.4)')
  t.same(ALL.map((todo) => todo.id), [...Array(16).keys()].map((i) => i + 1), 'ids 1..16 in ascending id order (§2.5 recommendation)')
  t.ok(ALL.some((todo) => todo.doneStatus) && ALL.some((todo) => !todo.doneStatus), 'done and not-done todos')
})

const ids = (todos: readonly Todo[]) => todos.map((todo) => todo.id)
const where = (keep: (todo: Todo) => boolean) => ids(ALL.filter(keep))

/** a filter read with _limit=20 (so paging does not hide matches) and its expected ids */
async function expectIds(t: Test, query: string, expected: number[], label: string): Promise<void> {
  const res = await get(`${query}&_limit=20`)
  t.equal(res.statusCode, 200, `${label}: 200`)
  t.equal(res.headers['content-type'], 'application/json', `${label}: JSON`)
  t.same(ids(todosOf(res)), expected, `${label}: ids ${expected.join(',')}`)
}

t.test('equality and inequality (§7.1 =, ==, !=, !)', async (t) => {
  const title = ALL[4]!.title
  await expectIds(t, `title=${encodeURIComponent(title)}`, where((todo) => todo.title === title), 'title=<value>')
  await expectIds(t, `title==${encodeURIComponent(title)}`, where((todo) => todo.title === title), 'title==<value>')
  await expectIds(t, 'id=3', [3], 'id=3')
  await expectIds(t, 'id!=3', where((todo) => todo.id !== 3), 'id!=3')
  await expectIds(t, 'id!3', where((todo) => todo.id !== 3), 'id!3 (the single ! token)')
  await expectIds(t, 'doneStatus=true', where((todo) => todo.doneStatus), 'doneStatus=true')
  await expectIds(t, 'doneStatus=FALSE', where((todo) => !todo.doneStatus), 'doneStatus=FALSE (boolean values are case-insensitive, §7.2)')
  await expectIds(t, 'doneStatus!=true', where((todo) => !todo.doneStatus), 'doneStatus!=true')
  await expectIds(t, 'description=fixture', where((todo) => todo.description === 'fixture'), 'description=fixture is an exact match')
  await expectIds(t, 'description', where((todo) => todo.description === ''), 'a part with no operator means field = "" (§7.1)')
})

t.test('comparisons are typed by field (§7.1 <, >, <=, >=; §7.2)', async (t) => {
  // numeric: as strings "10" < "9", so these only hold when id is compared as a number
  await expectIds(t, 'id>9', where((todo) => todo.id > 9), 'id>9 (numeric)')
  t.ok(where((todo) => todo.id > 9).includes(10), 'the numeric comparison keeps 10..16')
  await expectIds(t, 'id<10', where((todo) => todo.id < 10), 'id<10 (numeric)')
  await expectIds(t, 'id<=2', where((todo) => todo.id <= 2), 'id<=2')
  await expectIds(t, 'id>=15', where((todo) => todo.id >= 15), 'id>=15')
  await expectIds(t, 'id%3E12', where((todo) => todo.id > 12), 'URL-encoded > (the query is decoded before splitting)')
  await expectIds(t, 'id=>12', where((todo) => todo.id > 12), 'id=>12 ≡ id>12 (operator after =)')
  await expectIds(t, 'title=!=alpha', where((todo) => todo.title !== 'alpha'), 'title=!=alpha ≡ title!=alpha')
  // strings: UTF-16 code-unit order, so upper case sorts before lower case
  await expectIds(t, 'title<b', where((todo) => todo.title < 'b'), 'title<b (code-unit order)')
  t.ok(where((todo) => todo.title < 'b').includes(12), '"Beta" < "b" because upper case comes first')
  await expectIds(t, 'title>=t', where((todo) => todo.title >= 't'), 'title>=t')
  await expectIds(t, 'title<=alpha', where((todo) => todo.title <= 'alpha'), 'title<=alpha includes the equal value')
  // booleans: false < true
  await expectIds(t, 'doneStatus>false', where((todo) => todo.doneStatus), 'doneStatus>false')
  await expectIds(t, 'doneStatus<true', where((todo) => !todo.doneStatus), 'doneStatus<true')
})

t.test('regex ~= matches the whole value, case-sensitively (§7.1)', async (t) => {
  await expectIds(t, 'description~=.*fixture.*', where((todo) => /^.*fixture.*$/.test(todo.description)), 'description~=.*fixture.*')
  await expectIds(t, 'description~=fixture', where((todo) => todo.description === 'fixture'), 'no implicit .* around the pattern')
  await expectIds(t, 'description~=.*Fixture.*', where((todo) => todo.description.includes('Fixture')), 'case-sensitive')
  await expectIds(t, `description~=${encodeURIComponent('fix(ture)?')}`, where((todo) => /^fix(ture)?$/.test(todo.description)), 'groups and ?')
  await expectIds(t, `title~=${encodeURIComponent('[a-z]+ [a-z]+')}`, where((todo) => /^[a-z]+ [a-z]+$/.test(todo.title)), 'character classes')
})

t.test('wildcard *= uses * and ?, whole value, metacharacters not escaped (§7.1, §11.18)', async (t) => {
  await expectIds(t, 'description*=*fixture*', where((todo) => todo.description.includes('fixture')), 'description*=*fixture*')
  await expectIds(t, 'description*=fixture', where((todo) => todo.description === 'fixture'), 'no implicit * around the value')
  await expectIds(t, 'description*=fix????', where((todo) => /^fix....$/.test(todo.description)), '? is exactly one character')
  await expectIds(t, 'title*=a?b', where((todo) => /^a.b$/.test(todo.title)), 'title*=a?b')
  await expectIds(t, 'title*=a.b', where((todo) => /^a.b$/.test(todo.title)), '. stays a regex "any character": matches a.b and axb')
  t.same(where((todo) => /^a.b$/.test(todo.title)), [15, 16], 'both a.b and axb')
})

t.test('contains %= is a literal, case-sensitive substring match (sent as %25%3D)', async (t) => {
  await expectIds(t, 'description%25%3Dfixture', where((todo) => todo.description.includes('fixture')), 'description%=fixture')
  await expectIds(t, 'description%25%3DFixture', where((todo) => todo.description.includes('Fixture')), 'case-sensitive')
  await expectIds(t, 'description%25%3Dfixture%3F', where((todo) => todo.description.includes('fixture?')), '? is literal for %=')
  await expectIds(t, 'title%25%3Da.b', where((todo) => todo.title.includes('a.b')), '. is literal for %=')
  t.same(where((todo) => todo.title.includes('a.b')), [15], 'only a.b')
})

t.test('conditions combine (§7.1, §7.2)', async (t) => {
  await expectIds(t, 'doneStatus=true&id>5', where((todo) => todo.doneStatus && todo.id > 5), 'ANDed')
  await expectIds(t, 'id>2&id<8&id!=5', where((todo) => todo.id > 2 && todo.id < 8 && todo.id !== 5), 'repeated field, ANDed in order')
  await expectIds(t, 'bob=1&id=3', [3], 'unknown fields are ignored')
  await expectIds(t, 'bob=1', ids(ALL), 'only unknown fields: no filtering')
  // a regex or wildcard condition decides the row on its own: later conditions are skipped, earlier ones apply
  await expectIds(t, 'title~=.*a.*&id=1', where((todo) => /a/.test(todo.title)), 'a condition after a regex is not applied')
  await expectIds(t, 'id=1&title~=.*a.*', [1], 'a condition before a regex is applied')
  await expectIds(t, 'title*=*a*&doneStatus=true', where((todo) => todo.title.includes('a')), 'a condition after a wildcard is not applied')
})

t.test('filter errors are 400 (§4, §6.1, §7.2)', async (t) => {
  const maybe = await get('doneStatus=maybe')
  t.equal(maybe.statusCode, 400, 'doneStatus=maybe: 400')
  t.equal(maybe.headers['content-type'], 'application/json')
  t.same(errorsOf(maybe), ['maybe is not boolean'])

  const xml = await get('doneStatus=maybe', { accept: 'application/xml' })
  t.equal(xml.statusCode, 400, 'rendered per Accept')
  t.equal(xml.headers['content-type'], 'application/xml')
  t.equal(xml.body, '<errorMessages><errorMessage>maybe is not boolean</errorMessage></errorMessages>')

  for (const query of ['id=abc', 'id>abc']) {
    const res = await get(query)
    t.equal(res.statusCode, 400, `${query}: 400 (non-numeric value for the numeric field)`)
    t.equal(errorsOf(res).length, 1, `${query}: one message`)
  }
  for (const query of ['title~=(', 'title~=[', 'description*=(*']) {
    const res = await get(query)
    t.equal(res.statusCode, 400, `${query}: invalid regex is 400`)
    t.equal(errorsOf(res).length, 1, `${query}: one message`)
  }
})

t.test('sorting (§7.3)', async (t) => {
  const sorted = (compare: (a: Todo, b: Todo) => number) => ids([...ALL].sort(compare))
  const byTitle = (a: Todo, b: Todo) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)
  await expectIds(t, '_sortBy=title', sorted(byTitle), '_sortBy=title ascending by code unit')
  await expectIds(t, '_sortBy=+title', sorted(byTitle), '_sortBy=+title (raw + decodes to a trimmed space)')
  await expectIds(t, '_sortBy=%2Btitle', sorted(byTitle), '_sortBy=%2Btitle')
  await expectIds(t, '_sortBy=-title', sorted((a, b) => byTitle(b, a)), '_sortBy=-title descending')
  await expectIds(t, '_sortBy=-id', sorted((a, b) => b.id - a.id), '_sortBy=-id')
  await expectIds(t, '_sortBy=doneStatus,-id', sorted((a, b) => Number(a.doneStatus) - Number(b.doneStatus) || b.id - a.id),
    'multiple fields: doneStatus (false first) then id descending')
  await expectIds(t, '_sortBy=-doneStatus,title', sorted((a, b) => Number(b.doneStatus) - Number(a.doneStatus) || byTitle(a, b)),
    'multiple fields: done first, then title')
  await expectIds(t, '_sortBy=doneStatus', sorted((a, b) => Number(a.doneStatus) - Number(b.doneStatus)),
    'stable: ties keep ascending id order')
  await expectIds(t, '_sortBy=bob', ids(ALL), 'unknown sort field ignored')
  await expectIds(t, '_sortBy=bob,-id', sorted((a, b) => b.id - a.id), 'unknown field dropped, known one kept')
})

t.test('paging (§6.1, §7.4, §11.1)', async (t) => {
  const first = await get('')
  t.equal(first.statusCode, 200)
  t.same(ids(todosOf(first)), ids(ALL).slice(0, 10), 'no _limit: at most 10 todos')

  for (const [query, from, to] of [
    ['_limit=5', 0, 5], ['_limit=5&_offset=5', 5, 10], ['_offset=12', 12, 22], ['_limit=3&_offset=14', 14, 17],
    ['_limit=20', 0, 20], ['_limit=0', 0, 0], ['_offset=16', 16, 16], ['_offset=40&_limit=4', 40, 44],
  ] as const) {
    const res = await get(query)
    t.equal(res.statusCode, 200, `${query}: 200`)
    t.same(ids(todosOf(res)), ids(ALL).slice(from, to), `${query}: rows ${from}..${to}`)
  }

  const tooHigh = await get('_limit=21')
  t.equal(tooHigh.statusCode, 400, 'GET _limit=21: 400')
  t.equal(tooHigh.headers['content-type'], 'application/json')
  t.same(JSON.parse(tooHigh.body), { errorMessages: ['_limit must be no more than 20'] })
  const beforeAccept = await get('_limit=100', { accept: 'application/gzip' })
  t.equal(beforeAccept.statusCode, 400, 'the _limit check runs before Accept validation (§4 step 1)')
  t.same(errorsOf(beforeAccept), ['_limit must be no more than 20'])
  const anonymous = await app.inject({ method: 'GET', url: '/todos?_limit=21' })
  t.equal(anonymous.statusCode, 400, 'with or without a challenger')
  t.same(errorsOf(anonymous), ['_limit must be no more than 20'])
  const api = await app.inject({ method: 'GET', url: '/api/todos?_limit=21', headers: session })
  t.equal(api.statusCode, 400, 'same on the /api mount')

  for (const [query, message] of [
    ['_limit=-1', '_limit must be a non-negative integer'],
    ['_limit=abc', '_limit must be a non-negative integer'],
    ['_limit=1.5', '_limit must be a non-negative integer'],
    ['_limit>3', '_limit must be a non-negative integer'],
    ['_offset=-1', '_offset must be a non-negative integer'],
    ['_offset=x', '_offset must be a non-negative integer'],
    ['_offset<2', '_offset must be a non-negative integer'],
  ] as const) {
    const res = await get(query)
    t.equal(res.statusCode, 400, `${query}: 400`)
    t.same(errorsOf(res), [message], `${query}: ${message}`)
  }
})

t.test('HEAD caps _limit instead of rejecting it (§6.2, §11.2)', async (t) => {
  const full = await get('_limit=20')
  const head = await get('_limit=21', {}, 'HEAD')
  t.equal(head.statusCode, 200, 'HEAD _limit=21: 200')
  t.equal(head.body, '', 'empty body')
  t.equal(head.headers['content-type'], 'application/json')
  t.equal(Number(head.headers['content-length']), Buffer.byteLength(full.body), 'Content-Length of the 20-row GET')
  const headDefault = await get('', {}, 'HEAD')
  const getDefault = await get('')
  t.equal(Number(headDefault.headers['content-length']), Buffer.byteLength(getDefault.body), 'default HEAD sized like the default page')
})

t.test('order of operations: filter → sort → page (§7.4)', async (t) => {
  const expected = ids(ALL.filter((todo) => !todo.doneStatus).sort((a, b) => b.id - a.id)).slice(1, 4)
  const res = await get('doneStatus=false&_sortBy=-id&_limit=3&_offset=1')
  t.equal(res.statusCode, 200)
  t.same(ids(todosOf(res)), expected, 'not-done todos, id descending, rows 1..3')

  const shuffled = await get('_offset=1&_limit=3&_sortBy=-id&doneStatus=false')
  t.same(ids(todosOf(shuffled)), expected, 'parameter order does not change the pipeline')

  const titles = ALL.filter((todo) => todo.description.includes('fixture')).sort((a, b) => (a.title < b.title ? 1 : -1))
  const combined = await get('description%25%3Dfixture&_sortBy=-title&_limit=2')
  t.same(ids(todosOf(combined)), ids(titles).slice(0, 2), 'contains filter, descending title, first two')

  const pageAfterFilter = await get('id>3')
  t.same(ids(todosOf(pageAfterFilter)), where((todo) => todo.id > 3).slice(0, 10), 'the default page of 10 is taken after filtering')
})

t.test('filters work the same on the /api mount', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/api/todos?doneStatus=true&_sortBy=-id&_limit=20', headers: session })
  t.equal(res.statusCode, 200)
  t.same(ids(todosOf(res)), where((todo) => todo.doneStatus).reverse())
})
