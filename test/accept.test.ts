// HTTP-level Accept negotiation for GET /todos (todos.md §5.1 test vectors, §3.1–3.3 representations,
// §11.13–14): one request per vector, asserting status and Content-Type, and parsing the body back in
// the negotiated format. Todos 1 and 2 hold characters every format has to escape.
import t, { type Test } from 'tap'
import { build, newChallenger } from './helper.js'
import { parseCsv } from './parsers.js'

interface Todo { id: number; title: string; doneStatus: boolean; description: string }
interface Res { statusCode: number; headers: Record<string, string | string[] | number | undefined>; body: string }

const app = await build(t, { mode: 'multi' })
const guid = await newChallenger(app)
const session = { 'x-challenger': guid }

const SPECIAL_TITLE = `Say "hi", then; <b>&'go'`
const SPECIAL_DESCRIPTION = 'a\\b\tc\nd\r\ne,f "q" <x> & \'y\''
for (const [id, body] of [[1, { title: SPECIAL_TITLE, description: SPECIAL_DESCRIPTION }], [2, { doneStatus: true, description: 'tab\there' }]] as const) {
  const res = await app.inject({ method: 'POST', url: `/todos/${id}`, headers: { ...session, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
  if (res.statusCode !== 200) throw new Error(`amend ${id}: ${res.statusCode} ${res.body}`)
}

async function get(accept: string | undefined, url = '/todos'): Promise<Res> {
  const headers: Record<string, string> = { ...session }
  if (accept !== undefined) headers.accept = accept
  return app.inject({ method: 'GET', url, headers })
}

const EXPECTED = (JSON.parse((await get(undefined)).body) as { todos: Todo[] }).todos

// -------------------------------------------------------------------------------------------------
// parsers: each turns a body back into todos (or error messages)

const COLUMNS = ['id', 'title', 'doneStatus', 'description']

function typed(row: readonly string[]): Todo {
  return { id: Number(row[0]), title: row[1]!, doneStatus: row[2] === 'true', description: row[3]! }
}


const unescapeBackslashes = (value: string) => value.replace(/\\([\\tnr])/g, (_m, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!)

function parseTsv(text: string): string[][] {
  return text.split('\n').map((line) => line.split('\t').map(unescapeBackslashes))
}

function parsePlainText(text: string): Todo[] {
  if (text === '') return []
  return text.split('\n').map((line) => {
    const match = /^id=(\d+), title=(.*), doneStatus=(true|false), description=(.*)$/.exec(line)
    if (!match) throw new Error(`not a text/plain todo line: ${line}`)
    return typed([match[1]!, unescapeBackslashes(match[2]!), match[3]!, unescapeBackslashes(match[4]!)])
  })
}

const unescapeMarkup = (value: string) =>
  value.replace(/&(lt|gt|quot|#39|apos|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", amp: '&' })[name]!)

function parseHtmlTable(text: string): { header: string[]; rows: string[][] } {
  const match = /^<table><thead><tr>(.*)<\/tr><\/thead><tbody>(.*)<\/tbody><\/table>$/s.exec(text)
  if (!match) throw new Error(`not an HTML table: ${text}`)
  const cells = (row: string, tag: string) => [...row.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'gs'))].map((m) => unescapeMarkup(m[1]!))
  const rows = [...match[2]!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => cells(m[1]!, 'td'))
  return { header: cells(match[1]!, 'th'), rows }
}

function parseJsonLines(text: string): unknown[] {
  if (text === '') return []
  if (!text.endsWith('\n')) throw new Error('every JSON line ends with LF')
  return text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown)
}

function parseJsonSeq(text: string): unknown[] {
  if (text === '') return []
  if (!text.startsWith('\u001E')) throw new Error('a JSON text sequence starts with RS')
  return text.slice(1).split('\u001E').map((record) => {
    if (!record.endsWith('\n')) throw new Error('every record ends with LF')
    return JSON.parse(record) as unknown
  })
}

/** `<todos><todo><doneStatus>…</doneStatus><description/>…</todo>…</todos>`; child order is checked too */
function parseXmlTodos(text: string): Todo[] {
  const match = /^<todos>(.*)<\/todos>$/s.exec(text)
  if (!match) throw new Error(`not a <todos> document: ${text}`)
  return [...match[1]!.matchAll(/<todo>(.*?)<\/todo>/gs)].map((m) => {
    const children = [...m[1]!.matchAll(/<(\w+)\/>|<(\w+)>(.*?)<\/\2>/gs)].map((c) => [c[1] ?? c[2]!, c[1] ? '' : unescapeMarkup(c[3]!)] as const)
    const names = children.map(([name]) => name)
    if (names.join() !== 'doneStatus,description,id,title') throw new Error(`child order ${names.join()}`)
    const value = Object.fromEntries(children)
    return typed([value.id!, value.title!, value.doneStatus!, value.description!])
  })
}

function parseXmlErrors(text: string): string[] {
  const match = /^<errorMessages>(.*)<\/errorMessages>$/s.exec(text)
  if (!match) throw new Error(`not an <errorMessages> document: ${text}`)
  return [...match[1]!.matchAll(/<errorMessage>(.*?)<\/errorMessage>/gs)].map((m) => unescapeMarkup(m[1]!))
}

type Kind = 'json' | 'xml' | 'csv' | 'tsv' | 'text' | 'html' | 'ndjson' | 'json-seq'

function parseTodos(kind: Kind, body: string): Todo[] {
  switch (kind) {
    case 'json': {
      const parsed = JSON.parse(body) as { todos: Todo[] }
      return parsed.todos
    }
    case 'xml':
      return parseXmlTodos(body)
    case 'csv': {
      const [header, ...rows] = parseCsv(body)
      if (header!.join() !== COLUMNS.join()) throw new Error(`CSV header ${header!.join()}`)
      return rows.map(typed)
    }
    case 'tsv': {
      const [header, ...rows] = parseTsv(body)
      if (header!.join() !== COLUMNS.join()) throw new Error(`TSV header ${header!.join()}`)
      return rows.map(typed)
    }
    case 'text':
      return parsePlainText(body)
    case 'html': {
      const table = parseHtmlTable(body)
      if (table.header.join() !== COLUMNS.join()) throw new Error(`HTML header ${table.header.join()}`)
      return table.rows.map(typed)
    }
    case 'ndjson':
      return parseJsonLines(body) as Todo[]
    case 'json-seq':
      return parseJsonSeq(body) as Todo[]
  }
}

const KIND_OF: Record<string, Kind> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/todo+xml': 'xml',
  'application/todos+xml': 'xml',
  'application/x-todo+xml': 'xml',
  'application/vnd.apichallenges.todo+xml': 'xml',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'text/plain': 'text',
  'text/html': 'html',
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/json-seq': 'json-seq',
}

async function expectListing(t: Test, accept: string | undefined, mediaType: string): Promise<void> {
  const label = `Accept ${JSON.stringify(accept)}`
  const res = await get(accept)
  t.equal(res.statusCode, 200, `${label}: 200`)
  t.equal(res.headers['content-type'], mediaType, `${label}: Content-Type ${mediaType}, no charset`)
  t.same(parseTodos(KIND_OF[mediaType]!, res.body), EXPECTED, `${label}: the body parses back to the listing`)
}

async function expect406(t: Test, accept: string, message: string): Promise<void> {
  const label = `Accept ${JSON.stringify(accept)}`
  const res = await get(accept)
  t.equal(res.statusCode, 406, `${label}: 406`)
  t.equal(res.headers['content-type'], 'application/json', `${label}: JSON error body (§11.14)`)
  t.same(JSON.parse(res.body), { errorMessages: [message] }, `${label}: ${message}`)
}

t.test('the listing every vector is compared with', async (t) => {
  t.equal(EXPECTED.length, 10)
  t.equal(EXPECTED[0]!.title, SPECIAL_TITLE)
  t.equal(EXPECTED[0]!.description, SPECIAL_DESCRIPTION)
})

// -------------------------------------------------------------------------------------------------
// §5.1 test vectors, one request each

const TABLE: readonly [string | undefined, string][] = [
  [undefined, 'application/json'],
  ['', 'application/json'],
  ['*/*', 'application/json'],
  ['application/*', 'application/json'],
  ['application/xml', 'application/xml'],
  ['text/xml', 'text/xml'],
  ['application/xml, application/json', 'application/xml'],
  ['application/json;q=0.5, application/xml;q=1', 'application/xml'],
  ['application/xml;q=0.5, application/json;q=1', 'application/json'],
  ['application/xml, application/json;q=0.5', 'application/xml'],
  ['application/json;q=0, application/xml;q=1', 'application/xml'],
  ['*/*;q=0.8, application/xml;q=0.9', 'application/xml'],
  ['application/gzip;q=1, application/json;q=0.5', 'application/json'],
  ['application/json, application/problem+json', 'application/json'],
  ['application/problem+json, application/json;q=0.5', 'application/json'],
  ['application/vnd.apichallenges.todo+xml', 'application/vnd.apichallenges.todo+xml'],
  ['application/*+xml', 'application/todo+xml'],
  ['application/problem+xml;q=1, text/xml;q=0.4', 'text/xml'],
  ['text/*', 'text/csv'],
  ['text/xml;q=0, text/*;q=0.8', 'text/csv'],
  ['application/xml;q=0, application/*;q=0.8', 'application/json'],
  ['application/*;q=0.8, application/xml;q=0.8', 'application/xml'],
  ['text/xml;q=0.8, application/xml;q=0.8', 'text/xml'],
  ['text/html', 'text/html'],
  ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', 'text/html'],
]

t.test('§5.1 vectors answered 200', async (t) => {
  for (const [accept, mediaType] of TABLE) await expectListing(t, accept, mediaType)
})

t.test('§5.1 vectors answered 406', async (t) => {
  await expect406(t, 'application/json;q=0, application/xml;q=0', 'No acceptable response type supported')
  await expect406(t, 'application/gzip', 'Unrecognised Accept Type')
  await expect406(t, 'application/problem+json', 'Unrecognised Accept Type')
  await expect406(t, 'application/*+json', 'Unrecognised Accept Type')
  await expect406(t, 'application/problem+xml', 'Unrecognised Accept Type')
  await expect406(t, 'text/calendar', 'Unrecognised Accept Type')
  const excluded = await get('application/todo+xml;q=0, application/*+xml;q=0.8')
  t.equal(excluded.statusCode, 406, 'application/todo+xml;q=0, application/*+xml;q=0.8: 406')
  t.equal(excluded.headers['content-type'], 'application/json', 'JSON error body')
  t.equal((JSON.parse(excluded.body) as { errorMessages: string[] }).errorMessages.length, 1, 'one message')
})

t.test('every supported type by its exact name (§5.1, §3.3)', async (t) => {
  for (const mediaType of ['application/json', 'application/xml', 'text/csv', 'text/plain', 'text/html', 'application/x-ndjson',
    'application/jsonl', 'application/json-seq', 'text/tab-separated-values', 'text/xml', 'application/todo+xml', 'application/todos+xml',
    'application/x-todo+xml']) {
    await expectListing(t, mediaType, mediaType)
  }
  await expectListing(t, 'APPLICATION/XML', 'application/xml')
  await expectListing(t, 'Text/CSV;q=0.9, application/json;q=0.1', 'text/csv')
})

t.test('escaping in the text formats (§3.3)', async (t) => {
  const csv = await get('text/csv')
  t.ok(csv.body.includes(`\n1,"Say ""hi"", then; <b>&'go'",false,"a\\b\tc\nd\r\ne,f ""q"" <x> & 'y'"\n`),
    'CSV quotes values holding quotes, commas, CR or LF, doubling inner quotes; a tab alone needs no quotes')
  t.ok(csv.body.split('\n')[0] === 'id,title,doneStatus,description', 'CSV header line')
  t.notOk(csv.body.endsWith('\n'), 'CSV: no trailing newline')

  const tsv = await get('text/tab-separated-values')
  const line = tsv.body.split('\n')[1]!
  t.equal(line.split('\t').length, 4, 'TSV: tabs inside values are escaped, so four columns')
  t.ok(line.includes('a\\\\b\\tc\\nd\\r\\ne,f'), 'TSV: \\ → \\\\, TAB → \\t, LF → \\n, CR → \\r')

  const text = await get('text/plain')
  t.equal(text.body.split('\n').length, 10, 'text/plain: one line per todo (line breaks escaped)')
  t.ok(text.body.startsWith(`id=1, title=${SPECIAL_TITLE}, doneStatus=false, description=a\\\\b\tc\\nd\\r\\ne,f`), 'text/plain escapes \\, CR and LF')

  const html = await get('text/html')
  t.ok(html.body.includes('<td>Say &quot;hi&quot;, then; &lt;b&gt;&amp;&#39;go&#39;</td>'), 'HTML escapes & < > " and \' (as &#39;)')

  const xml = await get('application/xml')
  t.ok(xml.body.includes('<title>Say &quot;hi&quot;, then; &lt;b&gt;&amp;&apos;go&apos;</title>'), 'XML escapes & < > " \'')
  t.ok(xml.body.includes('<description/>'), 'XML: an empty string is a self-closing element')

  const seq = await get('application/json-seq')
  t.equal(seq.body.split('\u001E').length, 11, 'json-seq: one RS per record')
  const ndjson = await get('application/x-ndjson')
  t.ok(ndjson.body.endsWith('}\n'), 'NDJSON: every record followed by LF')
})

t.test('empty collections in each format (§3.1–3.3)', async (t) => {
  const cases: [string, string][] = [
    ['application/json', '{"todos":[]}'],
    ['application/xml', '<todos></todos>'],
    ['text/csv', 'id,title,doneStatus,description'],
    ['text/tab-separated-values', 'id\ttitle\tdoneStatus\tdescription'],
    ['text/plain', ''],
    ['text/html', '<table><thead><tr><th>id</th><th>title</th><th>doneStatus</th><th>description</th></tr></thead><tbody></tbody></table>'],
    ['application/x-ndjson', ''],
    ['application/jsonl', ''],
    ['application/json-seq', ''],
  ]
  for (const [accept, body] of cases) {
    const res = await get(accept, '/todos?id=999')
    t.equal(res.statusCode, 200, `${accept}: 200`)
    t.equal(res.body, body, `${accept}: empty collection ${JSON.stringify(body)}`)
    t.same(parseTodos(KIND_OF[accept]!, res.body), [], `${accept}: parses to no todos`)
  }
})

t.test('a single todo in each format (§3.3: one row)', async (t) => {
  for (const mediaType of Object.keys(KIND_OF)) {
    const res = await get(mediaType, '/todos/1')
    t.equal(res.statusCode, 200, `${mediaType}: 200`)
    t.equal(res.headers['content-type'], mediaType, `${mediaType}: Content-Type`)
    t.same(parseTodos(KIND_OF[mediaType]!, res.body), [EXPECTED[0]], `${mediaType}: one todo`)
  }
})

t.test('error bodies in the negotiated format (§3.3, §5.1)', async (t) => {
  const message = 'maybe is not boolean'
  const url = '/todos?doneStatus=maybe'
  const parsers: Record<string, (body: string) => string[]> = {
    'application/json': (body) => (JSON.parse(body) as { errorMessages: string[] }).errorMessages,
    'application/xml': parseXmlErrors,
    'text/xml': parseXmlErrors,
    'application/vnd.apichallenges.todo+xml': parseXmlErrors,
    'text/csv': (body) => {
      const [header, ...rows] = parseCsv(body)
      if (header!.join() !== 'errorMessage') throw new Error('CSV error header')
      return rows.map((row) => row[0]!)
    },
    'text/tab-separated-values': (body) => {
      const [header, ...rows] = parseTsv(body)
      if (header!.join() !== 'errorMessage') throw new Error('TSV error header')
      return rows.map((row) => row[0]!)
    },
    'text/plain': (body) => body.split('\n'),
    'text/html': (body) => {
      const match = /^<ul>(.*)<\/ul>$/s.exec(body)
      if (!match) throw new Error('not a <ul>')
      return [...match[1]!.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => unescapeMarkup(m[1]!))
    },
    'application/x-ndjson': (body) => (parseJsonLines(body) as { errorMessage: string }[]).map((record) => record.errorMessage),
    'application/jsonl': (body) => (parseJsonLines(body) as { errorMessage: string }[]).map((record) => record.errorMessage),
    'application/json-seq': (body) => (parseJsonSeq(body) as { errorMessage: string }[]).map((record) => record.errorMessage),
  }
  for (const [accept, parse] of Object.entries(parsers)) {
    const res = await get(accept, url)
    t.equal(res.statusCode, 400, `${accept}: 400`)
    t.equal(res.headers['content-type'], accept, `${accept}: error in the negotiated type`)
    t.same(parse(res.body), [message], `${accept}: the message parses back`)
  }
  const notFound = await get('text/csv', '/todos/99')
  t.equal(notFound.statusCode, 404, 'GET /todos/99 as CSV: 404')
  t.same(parseCsv(notFound.body), [['errorMessage'], ['Could not find an instance with todos/99']], '404 message as CSV')
})

t.test('HEAD negotiates like GET (§6.2)', async (t) => {
  for (const accept of ['application/xml', 'text/csv', 'application/*+xml']) {
    const got = await get(accept)
    const head = await app.inject({ method: 'HEAD', url: '/todos', headers: { ...session, accept } })
    t.equal(head.statusCode, 200, `HEAD ${accept}: 200`)
    t.equal(head.headers['content-type'], got.headers['content-type'], `HEAD ${accept}: same Content-Type as GET`)
    t.equal(Number(head.headers['content-length']), Buffer.byteLength(got.body), `HEAD ${accept}: Content-Length of the GET body`)
  }
  const refused = await app.inject({ method: 'HEAD', url: '/todos', headers: { ...session, accept: 'application/gzip' } })
  t.equal(refused.statusCode, 406, 'HEAD with an unsupported Accept: 406')
})
