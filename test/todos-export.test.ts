// HTTP tests for GET /todos/export (todos.md §6.14, §3.3, §11.19) and the text/calendar VTODO of
// GET /todos/{id} (§6.11). Exports are read from the caller's own session (the spec's recommendation),
// so the session's todos are changed first and every body is parsed back and compared with them.
import t, { type Test } from 'tap'
import { build, newChallenger } from './helper.js'
import { parseCsv } from './parsers.js'

interface Todo { id: number; title: string; doneStatus: boolean; description: string }
interface Res { statusCode: number; headers: Record<string, string | string[] | number | undefined>; body: string }

const UNSUPPORTED = 'Unsupported export format. Use one of: json, xml, text-xml, csv, text, html, ndjson, jsonl, json-seq, tsv'

const app = await build(t, { mode: 'multi' })
const guid = await newChallenger(app)
const session = { 'x-challenger': guid }

async function amend(headers: Record<string, string>, id: number, body: Record<string, unknown>): Promise<void> {
  const res = await app.inject({ method: 'POST', url: `/todos/${id}`, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
  if (res.statusCode !== 200) throw new Error(`amend ${id}: ${res.statusCode} ${res.body}`)
}

const SPECIAL_TITLE = 'Export "this", please; <now> & \'then\''
const SPECIAL_DESCRIPTION = 'back\\slash\ttab\nnew line\r\ncrlf, comma'
await amend(session, 1, { title: SPECIAL_TITLE, description: SPECIAL_DESCRIPTION, doneStatus: true })
await amend(session, 5, { description: 'fifth' })
// two more todos, so the session holds 12 and the export's page of 10 is visible
for (const title of ['eleventh', 'twelfth']) {
  const res = await app.inject({ method: 'POST', url: '/todos', headers: { ...session, 'content-type': 'application/json' }, payload: JSON.stringify({ title }) })
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode}`)
}

async function listing(headers: Record<string, string>, query = '_limit=20'): Promise<Todo[]> {
  const res = await app.inject({ method: 'GET', url: `/todos?${query}`, headers })
  return (JSON.parse(res.body) as { todos: Todo[] }).todos
}

const MINE = await listing(session)
const EXPECTED = MINE.slice(0, 10)

async function exportAs(format: string | undefined, headers: Record<string, string> = session, extra = ''): Promise<Res> {
  const query = format === undefined ? extra : `format=${format}${extra}`
  return app.inject({ method: 'GET', url: `/todos/export${query === '' ? '' : `?${query}`}`, headers })
}

// -------------------------------------------------------------------------------------------------
// parsers (each body back to todos)

const typed = (row: readonly string[]): Todo => ({ id: Number(row[0]), title: row[1]!, doneStatus: row[2] === 'true', description: row[3]! })
const unescapeBackslashes = (value: string) => value.replace(/\\([\\tnr])/g, (_m, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!)
const unescapeMarkup = (value: string) =>
  value.replace(/&(lt|gt|quot|#39|apos|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", amp: '&' })[name]!)


function withHeader(rows: string[][]): Todo[] {
  const [header, ...data] = rows
  if (header!.join() !== 'id,title,doneStatus,description') throw new Error(`header ${header!.join()}`)
  return data.map(typed)
}

const PARSE: Record<string, (body: string) => Todo[]> = {
  json: (body) => (JSON.parse(body) as { todos: Todo[] }).todos,
  xml: (body) => {
    const match = /^<todos>(.*)<\/todos>$/s.exec(body)
    if (!match) throw new Error('not <todos>')
    return [...match[1]!.matchAll(/<todo>(.*?)<\/todo>/gs)].map((m) => {
      const value = Object.fromEntries([...m[1]!.matchAll(/<(\w+)\/>|<(\w+)>(.*?)<\/\2>/gs)]
        .map((c) => [c[1] ?? c[2]!, c[1] ? '' : unescapeMarkup(c[3]!)]))
      return typed([value.id!, value.title!, value.doneStatus!, value.description!])
    })
  },
  csv: (body) => withHeader(parseCsv(body)),
  tsv: (body) => withHeader(body.split('\n').map((line) => line.split('\t').map(unescapeBackslashes))),
  text: (body) => body.split('\n').map((line) => {
    const match = /^id=(\d+), title=(.*), doneStatus=(true|false), description=(.*)$/.exec(line)
    if (!match) throw new Error(`text line ${line}`)
    return typed([match[1]!, unescapeBackslashes(match[2]!), match[3]!, unescapeBackslashes(match[4]!)])
  }),
  html: (body) => {
    const match = /^<table><thead><tr>(.*)<\/tr><\/thead><tbody>(.*)<\/tbody><\/table>$/s.exec(body)
    if (!match) throw new Error('not a table')
    const cells = (row: string, tag: string) => [...row.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'gs'))].map((m) => unescapeMarkup(m[1]!))
    return withHeader([cells(match[1]!, 'th'), ...[...match[2]!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => cells(m[1]!, 'td'))])
  },
  lines: (body) => {
    if (!body.endsWith('\n')) throw new Error('each line ends with LF')
    return body.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Todo)
  },
  seq: (body) => {
    if (!body.startsWith('\u001E')) throw new Error('starts with RS')
    return body.slice(1).split('\u001E').map((record) => {
      if (!record.endsWith('\n')) throw new Error('each record ends with LF')
      return JSON.parse(record) as Todo
    })
  },
}

/** §6.14 table: format values → Content-Type, filename extension and the parser for the body */
const FORMATS: readonly [string[], string, string, keyof typeof PARSE][] = [
  [['json'], 'application/json', 'json', 'json'],
  [['xml'], 'application/xml', 'xml', 'xml'],
  [['text-xml', 'txml'], 'text/xml', 'xml', 'xml'],
  [['csv'], 'text/csv', 'csv', 'csv'],
  [['text', 'txt', 'plain'], 'text/plain', 'txt', 'text'],
  [['html'], 'text/html', 'html', 'html'],
  [['ndjson'], 'application/x-ndjson', 'ndjson', 'lines'],
  [['jsonl'], 'application/jsonl', 'jsonl', 'lines'],
  [['json-seq', 'jsonseq'], 'application/json-seq', 'json-seq', 'seq'],
  [['tsv', 'tab', 'tabs', 'tab-delimited', 'tab-separated'], 'text/tab-separated-values', 'tsv', 'tsv'],
]

async function expectExport(t: Test, res: Res, mediaType: string, extension: string, parser: keyof typeof PARSE, expected: Todo[], label: string) {
  t.equal(res.statusCode, 200, `${label}: 200`)
  t.equal(res.headers['content-type'], mediaType, `${label}: ${mediaType}`)
  t.equal(res.headers['content-disposition'], `attachment; filename="todos.${extension}"`, `${label}: attachment todos.${extension}`)
  t.same(PARSE[parser]!(res.body), expected, `${label}: body parses back to the session's first 10 todos`)
}

t.test('the arranged session', async (t) => {
  t.equal(MINE.length, 12, '12 todos')
  t.equal(MINE[0]!.title, SPECIAL_TITLE)
  t.equal(MINE[0]!.description, SPECIAL_DESCRIPTION)
})

t.test('every export format and alias (§6.14)', async (t) => {
  for (const [names, mediaType, extension, parser] of FORMATS) {
    for (const name of names) await expectExport(t, await exportAs(name), mediaType, extension, parser, EXPECTED, `format=${name}`)
  }
})

t.test('export reads the caller\'s own session (§6.14 recommendation)', async (t) => {
  const csv = await exportAs('csv')
  t.ok(csv.body.includes('Export ""this"", please'), 'the amended title is exported')

  const anonymous = await exportAs('csv', {})
  const defaultList = await listing({})
  t.equal(anonymous.statusCode, 200, 'without a session: 200')
  t.same(PARSE.csv!(anonymous.body), defaultList.slice(0, 10), 'without a session: the shared default list')
  t.notOk(anonymous.body.includes('Export'), 'the default list does not hold this session\'s change')

  const otherGuid = await newChallenger(app)
  await amend({ 'x-challenger': otherGuid }, 2, { title: 'another session' })
  const other = await exportAs('json', { 'x-challenger': otherGuid })
  const otherTodos = PARSE.json!(other.body)
  t.same(otherTodos, (await listing({ 'x-challenger': otherGuid })).slice(0, 10), 'a second session exports its own todos')
  t.equal(otherTodos[1]!.title, 'another session')
  t.notOk(other.body.includes('Export'), 'and not the first session\'s')

  const api = await app.inject({ method: 'GET', url: '/api/todos/export?format=tsv', headers: session })
  await expectExport(t, api, 'text/tab-separated-values', 'tsv', 'tsv', EXPECTED, '/api/todos/export')
})

t.test('format is trimmed and case-insensitive; Accept, filters and sorting are ignored (§6.14, §11.19)', async (t) => {
  await expectExport(t, await exportAs('%20CSV%20'), 'text/csv', 'csv', 'csv', EXPECTED, 'format=" CSV "')
  await expectExport(t, await exportAs('Html'), 'text/html', 'html', 'html', EXPECTED, 'format=Html')
  await expectExport(t, await exportAs('csv', { ...session, accept: 'application/gzip' }), 'text/csv', 'csv', 'csv', EXPECTED,
    'Accept application/gzip is ignored')
  await expectExport(t, await exportAs('json', { ...session, accept: 'application/xml' }), 'application/json', 'json', 'json', EXPECTED,
    'Accept application/xml is overridden by format=json')
  await expectExport(t, await exportAs('csv', session, '&id=3&_sortBy=-id&_limit=2&doneStatus=true'), 'text/csv', 'csv', 'csv', EXPECTED,
    'filters, sort and _limit are not applied')
  t.equal(EXPECTED.length, 10, 'default paging still applies: 10 of the 12 todos')
})

t.test('unknown or missing format is 400 (§6.14)', async (t) => {
  for (const format of ['bob', 'pdf', '', 'csv2'] as const) {
    const res = await exportAs(format)
    t.equal(res.statusCode, 400, `format=${format}: 400`)
    t.equal(res.headers['content-type'], 'application/json', `format=${format}: JSON`)
    t.same(JSON.parse(res.body), { errorMessages: [UNSUPPORTED] }, `format=${format}: message`)
    t.notOk(res.headers['content-disposition'], `format=${format}: no attachment`)
  }
  const missing = await exportAs(undefined)
  t.equal(missing.statusCode, 400, 'no format parameter: 400')
  t.same(JSON.parse(missing.body), { errorMessages: [UNSUPPORTED] })

  const xml = await exportAs('bob', { ...session, accept: 'application/xml' })
  t.equal(xml.statusCode, 400, 'rendered per Accept')
  t.equal(xml.headers['content-type'], 'application/xml')
  t.equal(xml.body, `<errorMessages><errorMessage>${UNSUPPORTED}</errorMessage></errorMessages>`)

  const fallback = await exportAs('bob', { ...session, accept: 'application/gzip' })
  t.equal(fallback.statusCode, 400, 'unsupported Accept: still the 400')
  t.equal(fallback.headers['content-type'], 'application/json', 'JSON fallback')
  t.same(JSON.parse(fallback.body), { errorMessages: [UNSUPPORTED] })
})

t.test('other methods on /todos/export (§1, §6.3)', async (t) => {
  const options = await app.inject({ method: 'OPTIONS', url: '/todos/export', headers: session })
  t.equal(options.statusCode, 204, 'OPTIONS: 204')
  t.equal(options.headers.allow, 'GET, OPTIONS')
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    const res = await app.inject({ method, url: '/todos/export?format=csv', headers: session })
    t.equal(res.statusCode, 405, `${method}: 405`)
  }
})

// -------------------------------------------------------------------------------------------------
// text/calendar (§6.11)

/** the VTODO lines as name → value, checking the fixed frame around them */
function parseCalendar(t: Test, body: string): Record<string, string> {
  t.notOk(body.endsWith('\r\n'), 'no trailing CRLF')
  const lines = body.split('\r\n')
  t.same(lines.slice(0, 4), ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//EvilTester//API Challenges//EN', 'BEGIN:VTODO'], 'calendar header lines')
  t.same(lines.slice(-2), ['END:VTODO', 'END:VCALENDAR'], 'calendar closing lines')
  t.ok(lines.every((line) => !line.includes('\n') && !line.includes('\r')), 'no bare CR or LF inside a line')
  const fields = lines.slice(4, -2).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)] as const)
  t.same(fields.map(([name]) => name), ['UID', 'SUMMARY', 'DESCRIPTION', 'STATUS'], 'VTODO properties in order')
  return Object.fromEntries(fields)
}

/** RFC 5545 TEXT unescaping: \\ \, \; \n */
const unescapeText = (value: string) => value.replace(/\\([\\,;nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c))

async function calendar(id: number | string, accept = 'text/calendar', headers: Record<string, string> = session): Promise<Res> {
  return app.inject({ method: 'GET', url: `/todos/${id}`, headers: { ...headers, accept } })
}

t.test('text/calendar VTODO for one todo (§6.11)', async (t) => {
  const res = await calendar(1)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/calendar')
  const fields = parseCalendar(t, res.body)
  t.equal(fields.UID, 'todo-1@apichallenges')
  t.equal(unescapeText(fields.SUMMARY!), SPECIAL_TITLE, 'SUMMARY unescapes to the title')
  t.equal(unescapeText(fields.DESCRIPTION!), SPECIAL_DESCRIPTION.replace(/\r\n?/g, '\n'), 'DESCRIPTION unescapes to the description (CRLF → LF)')
  t.equal(fields.STATUS, 'COMPLETED', 'done → COMPLETED')
  t.equal(fields.SUMMARY, 'Export "this"\\, please\\; <now> & \'then\'', 'commas and semicolons escaped')
  t.equal(fields.DESCRIPTION, 'back\\\\slash\ttab\\nnew line\\ncrlf\\, comma', '\\ → \\\\, LF and CRLF → \\n, , → \\,')

  const open = parseCalendar(t, (await calendar(5)).body)
  t.equal(open.UID, 'todo-5@apichallenges')
  t.equal(open.SUMMARY, MINE[4]!.title)
  t.equal(open.DESCRIPTION, 'fifth')
  t.equal(open.STATUS, 'NEEDS-ACTION', 'not done → NEEDS-ACTION')

  const empty = parseCalendar(t, (await calendar(11)).body)
  t.equal(empty.DESCRIPTION, '', 'empty description → "DESCRIPTION:"')
})

t.test('calendar escaping of lone CR and every special character (§6.11)', async (t) => {
  await amend(session, 12, { title: 'a\\b,c;d', description: 'one\rtwo\r\nthree\nfour;five,six\\seven' })
  const fields = parseCalendar(t, (await calendar(12)).body)
  t.equal(fields.SUMMARY, 'a\\\\b\\,c\\;d')
  t.equal(fields.DESCRIPTION, 'one\\ntwo\\nthree\\nfour\\;five\\,six\\\\seven', 'CR, CRLF and LF all become \\n')
  t.equal(unescapeText(fields.DESCRIPTION!), 'one\ntwo\nthree\nfour;five,six\\seven')
})

t.test('calendar is chosen by the highest q (§6.11)', async (t) => {
  const preferred = await calendar(5, 'application/json;q=0.1, text/calendar;q=0.9')
  t.equal(preferred.headers['content-type'], 'text/calendar', 'text/calendar;q=0.9 beats JSON;q=0.1')
  t.equal(parseCalendar(t, preferred.body).UID, 'todo-5@apichallenges')

  const refused = await calendar(5, 'text/calendar;q=0, application/json')
  t.equal(refused.statusCode, 200)
  t.equal(refused.headers['content-type'], 'application/json', 'text/calendar;q=0: JSON')
  t.same(JSON.parse(refused.body), { todos: [MINE[4]] })

  const api = await app.inject({ method: 'GET', url: '/api/todos/5', headers: { ...session, accept: 'text/calendar' } })
  t.equal(api.headers['content-type'], 'text/calendar', 'also on /api/todos/{id}')
})

t.test('calendar for a missing todo is a JSON 404 (§6.11, §11.7)', async (t) => {
  for (const id of ['99', 'abc', '01']) {
    const res = await calendar(id)
    t.equal(res.statusCode, 404, `${id}: 404`)
    t.equal(res.headers['content-type'], 'application/json', `${id}: JSON`)
    t.same(JSON.parse(res.body), { errorMessages: [`No such todo entity instance with id == ${id}`] }, `${id}: message without "found"`)
  }
})

t.test('the collection never answers text/calendar (§5.1, §6.11)', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/todos', headers: { ...session, accept: 'text/calendar' } })
  t.equal(res.statusCode, 406)
  t.same(JSON.parse(res.body), { errorMessages: ['Unrecognised Accept Type'] })
})
