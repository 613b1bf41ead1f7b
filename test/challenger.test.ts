// HTTP tests for the challenger session endpoints (sessions.md §3.1–§3.5, §7.3; classic.md §1 S8–S13,
// §2.2–§2.4, §2.13, §4): POST /challenger, GET/HEAD/PUT /challenger/{guid},
// GET/HEAD/PUT /challenger/database/{guid}, their OPTIONS/405 answers and the challenges they complete.
// Everything goes through app.inject against the real app on SQLite.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { build, type TestApp, type Progress, type ExportedTodo } from './helper.js'
import { tableCells } from './parsers.js'

const SETS = ['current', 'classic'] as const
const MODES = ['single', 'multi'] as const
type SetName = (typeof SETS)[number]
type Mode = (typeof MODES)[number]

const UNKNOWN = 'UNKNOWN CHALLENGER - Challenger not found'
const SINGLE = 'rest-api-challenges-single-player'
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SEEDED_TITLES = [
  'scan paperwork', 'file paperwork', 'process payments', 'escalate late payments', 'pay invoices',
  'process payroll', 'train staff', 'schedule meeting', 'tidy meeting room', 'install webcam',
]
const MINUTE = 60_000
const JSON_404 = '{"errorMessages":["404 resource Unknown"]}'
const XML_404 = '<errorMessages><message>404 resource Unknown</message></errorMessages>'
const MISMATCH = 'URL GUID does not match payload X-CHALLENGER'

// ---------------------------------------------------------------------------
// expected challengeStatus keys, read from the spec tables (sessions.md §6.3, classic.md §3)
// ---------------------------------------------------------------------------

const SPEC_DIR = join(import.meta.dirname, '../../shared/spec')


function unquote(cell: string): string {
  return cell.replace(/^`|`$/g, '')
}

function expectedKeys(set: SetName, mode: Mode): string[] {
  if (set === 'current') {
    const rows = tableCells(readFileSync(join(SPEC_DIR, 'sessions.md'), 'utf8'), '### 6.3 Full catalogue')
    const column = mode === 'multi' ? 1 : 2
    return rows.filter((cells) => /^\d+$/.test(cells[column]!)).map((cells) => cells[3]!.split(' ')[0]!)
  }
  const rows = tableCells(readFileSync(join(SPEC_DIR, 'classic.md'), 'utf8'), '## 3. The challenge list as served')
  const column = mode === 'multi' ? 0 : 1
  return rows.filter((cells) => /^\d+$/.test(cells[column]!)).map((cells) => unquote(cells[3]!))
}

const EXPECTED_COUNTS: Record<SetName, Record<Mode, number>> = {
  current: { multi: 99, single: 96 },
  classic: { multi: 59, single: 58 },
}

t.test('the spec tables parse to the documented counts', async (t) => {
  for (const set of SETS) {
    for (const mode of MODES) t.equal(expectedKeys(set, mode).length, EXPECTED_COUNTS[set][mode], `${set} ${mode}`)
  }
})

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

interface Res {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

async function req(app: TestApp, method: string, url: string,
  options: { headers?: Record<string, string>; payload?: string } = {}): Promise<Res> {
  return app.inject({ method: method as 'GET', url, headers: options.headers, payload: options.payload })
}

function errorsOf(res: Res): string[] {
  return (JSON.parse(res.body) as { errorMessages: string[] }).errorMessages
}

/** the session's progress, read without crediting anything (single-user: a path that is not the built-in GUID) */
async function progressOf(app: TestApp, mode: Mode, guid: string): Promise<Progress> {
  const res = await req(app, 'GET', mode === 'single' ? '/challenger/status-probe' : `/challenger/${guid}`)
  if (res.statusCode !== 200) throw new Error(`GET /challenger/${guid} answered ${res.statusCode}`)
  return JSON.parse(res.body) as Progress
}

async function todosOf(app: TestApp, guid: string): Promise<ExportedTodo[]> {
  const res = await req(app, 'GET', `/challenger/database/${guid}`)
  if (res.statusCode !== 200) throw new Error(`GET /challenger/database/${guid} answered ${res.statusCode}`)
  return (JSON.parse(res.body) as { todos: ExportedTodo[] }).todos
}

async function createChallenger(app: TestApp, mode: Mode): Promise<string> {
  const res = await req(app, 'POST', '/challenger')
  if (res.statusCode !== 201) throw new Error(`POST /challenger answered ${res.statusCode}`)
  return mode === 'single' ? SINGLE : res.headers['x-challenger'] as string
}

function payload(guid: string, challengeStatus: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ xAuthToken: randomUUID(), xChallenger: guid, secretNote: '', challengeStatus, ...extra })
}

function byId(todos: readonly ExportedTodo[]): ExportedTodo[] {
  return [...todos].sort((a, b) => a.id - b.id)
}

function assertNoCharset(t: Test, res: Res, label: string) {
  const type = res.headers['content-type']
  // the one exception is the classic server's own default, text/html;charset=utf-8 (classic.md S1, S9), which it is allowed to copy
  if (type !== undefined && type !== 'text/html;charset=utf-8') t.notMatch(String(type), /charset/i, `${label}: Content-Type without charset`)
}

const RESTORE_KEY_409 = 'PUT_CHALLENGER_GUID_MISMATCH_409'

// ---------------------------------------------------------------------------
// §3.1 POST /challenger
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: POST /challenger, multi-user`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })

    const created = await req(app, 'POST', '/challenger')
    t.equal(created.statusCode, 201)
    const guid = created.headers['x-challenger'] as string
    t.match(guid, UUID_V4, 'X-CHALLENGER is a new v4 UUID')
    t.equal(created.headers.location, `/gui/challenges/${guid}`)
    t.equal(created.body, '', 'empty body')
    assertNoCharset(t, created, 'POST 201')

    const fresh = await progressOf(app, 'multi', guid)
    t.equal(fresh.xChallenger, guid)
    t.equal(fresh.secretNote, '', 'new challenger has an empty note')
    t.match(fresh.xAuthToken, UUID, 'new challenger has a token')
    t.equal(fresh.challengeStatus.CREATE_NEW_CHALLENGER, true, 'CREATE_NEW_CHALLENGER passed on the new challenger')
    const othersDone = Object.entries(fresh.challengeStatus).filter(([key, done]) => done && key !== 'CREATE_NEW_CHALLENGER')
    t.same(othersDone, [], 'nothing else is complete')
    const todos = await todosOf(app, guid)
    t.same(byId(todos).map((todo) => todo.title), SEEDED_TITLES, 'own todo list seeded with the 10 default todos')
    t.same(byId(todos).map((todo) => todo.id), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])

    const withBody = await req(app, 'POST', '/challenger', { headers: { 'content-type': 'application/json' }, payload: '{"a":1}' })
    t.equal(withBody.statusCode, 201, 'request body is ignored')
    t.match(withBody.headers['x-challenger'], UUID_V4)
    t.not(withBody.headers['x-challenger'], guid, 'every POST without X-CHALLENGER creates a new session')

    for (const blank of ['', '   ']) {
      const res = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': blank } })
      t.equal(res.statusCode, 201, `blank X-CHALLENGER ${JSON.stringify(blank)} creates`)
      t.match(res.headers['x-challenger'], UUID_V4)
    }

    const known = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': guid } })
    t.equal(known.statusCode, 200, 'known X-CHALLENGER: 200')
    t.equal(known.headers['x-challenger'], guid)
    t.equal(known.headers.location, `/gui/challenges/${guid}`)
    t.equal(known.body, '')

    const shouted = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': `  ${guid.toUpperCase()} ` } })
    t.equal(shouted.statusCode, 200, 'X-CHALLENGER matched case-insensitively, spaces ignored (classic.md §2.1)')
    t.equal(shouted.headers['x-challenger'], guid, 'echoed in lower case')

    const inMemoryAgain = await progressOf(app, 'multi', guid)
    t.equal(inMemoryAgain.challengeStatus.POST_RESTORE_EXISTING_CHALLENGER ?? false, false,
      'a 200 for a session that never left memory does not credit POST_RESTORE_EXISTING_CHALLENGER')

    const unknownUuid = randomUUID()
    const unknown = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': unknownUuid, accept: '*/*' } })
    t.equal(unknown.statusCode, 404, 'unknown X-CHALLENGER: 404, not a new session')
    t.equal(unknown.headers['x-challenger'], UNKNOWN)
    t.equal(unknown.headers.location, undefined)
    t.equal(unknown.body, '', 'Accept */*: empty body')
    t.equal((await req(app, 'GET', `/challenger/${unknownUuid}`)).statusCode, 404, 'the unknown GUID was not created')

    const noAccept = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': 'bob' } })
    t.equal(noAccept.statusCode, 404)
    t.equal(noAccept.body, '', 'no Accept: empty body')

    const json = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': 'bob', accept: 'application/json' } })
    t.equal(json.statusCode, 404)
    t.equal(json.headers['content-type'], 'application/json')
    t.equal(json.body, JSON_404)

    const xml = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': 'bob', accept: 'application/xml' } })
    t.equal(xml.statusCode, 404)
    t.equal(xml.headers['content-type'], 'application/xml')
    t.equal(xml.body, XML_404)

    const html = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': 'bob', accept: 'text/html' } })
    t.equal(html.headers['x-challenger'], UNKNOWN)
    if (set === 'current') {
      t.equal(html.statusCode, 307, 'current: HTML Accept is redirected (§2.5)')
      t.equal(html.headers.location, '/gui/404/challenger')
    } else {
      t.equal(html.statusCode, 404, 'classic: an HTML 404 page (S3)')
      t.match(String(html.headers['content-type']), /^text\/html/)
      t.match(html.body, /404/)
    }
  })

  t.test(`${set}: POST /challenger, single-user`, async (t) => {
    const app = await build(t, { mode: 'single', challengeSet: set })
    const before = await progressOf(app, 'single', SINGLE)
    t.equal(before.challengeStatus.CREATE_NEW_CHALLENGER, false, 'nothing is complete at startup (classic.md §2.13)')

    for (const headers of [{}, { 'x-challenger': 'bob' }, { 'x-challenger': randomUUID() }] as Record<string, string>[]) {
      const res = await req(app, 'POST', '/challenger', { headers })
      t.equal(res.statusCode, 201, `always 201 (${JSON.stringify(headers)})`)
      t.equal(res.headers['x-challenger'], SINGLE)
      t.equal(res.headers.location, '/gui/challenges')
      t.equal(res.body, '')
    }
    const after = await progressOf(app, 'single', SINGLE)
    t.equal(after.challengeStatus.CREATE_NEW_CHALLENGER, true, 'CREATE_NEW_CHALLENGER passed')
    t.equal(after.xChallenger, SINGLE)
  })
}

// ---------------------------------------------------------------------------
// §7.3 OPTIONS and 405 on the three challenger paths
// ---------------------------------------------------------------------------

const STUB_PATHS = [
  { label: '/challenger', path: () => '/challenger', allow: 'POST, OPTIONS', notAllowed: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'TRACE'] },
  { label: '/challenger/{guid}', path: (g: string) => `/challenger/${g}`, allow: 'GET, PUT, HEAD, OPTIONS', notAllowed: ['POST', 'PATCH', 'DELETE', 'TRACE'] },
  { label: '/challenger/database/{guid}', path: (g: string) => `/challenger/database/${g}`, allow: 'GET, PUT, HEAD, OPTIONS', notAllowed: ['POST', 'PATCH', 'DELETE', 'TRACE'] },
]

for (const set of SETS) {
  for (const mode of MODES) {
    t.test(`${set} ${mode}: OPTIONS and 405 on the challenger paths`, async (t) => {
      const app = await build(t, { mode, challengeSet: set })
      const guid = await createChallenger(app, mode)
      for (const stub of STUB_PATHS) {
        const url = stub.path(guid)
        const options = await req(app, 'OPTIONS', url, { headers: { 'x-challenger': guid } })
        t.equal(options.statusCode, 204, `OPTIONS ${stub.label}: 204`)
        t.equal(options.headers.allow, stub.allow, `OPTIONS ${stub.label}: Allow`)
        t.equal(options.body, '')
        t.equal(options.headers['x-challenger'], guid, `OPTIONS ${stub.label} with a known X-CHALLENGER names it`)
        assertNoCharset(t, options, `OPTIONS ${stub.label}`)

        for (const method of stub.notAllowed) {
          const res = await req(app, method, url, { headers: { 'x-challenger': guid } })
          t.equal(res.statusCode, 405, `${method} ${stub.label}: 405`)
          t.equal(res.body, '', `${method} ${stub.label}: empty body`)
          t.equal(res.headers['content-type'], 'application/json', `${method} ${stub.label}: stub type defaults to JSON`)
          if (set === 'classic') t.equal(res.headers.allow, undefined, `${method} ${stub.label}: a classic 405 carries no Allow (T9)`)
          t.equal(res.headers['x-challenger'], guid, `${method} ${stub.label}: X-CHALLENGER`)
        }
        const xml = await req(app, 'DELETE', url, { headers: { accept: 'application/xml' } })
        t.equal(xml.statusCode, 405)
        t.equal(xml.headers['content-type'], 'application/xml', `DELETE ${stub.label}: stub type follows an XML Accept`)

        // QUERY as a plain client sends it (no body, no Content-Type) and with a body
        for (const headers of [{}, { 'content-type': 'application/json' }] as Record<string, string>[]) {
          const query = await req(app, 'QUERY', url, { headers, payload: 'content-type' in headers ? '{}' : undefined })
          if (set === 'current') {
            t.equal(query.statusCode, 405, `QUERY ${stub.label} ${JSON.stringify(headers)}: 405 (§7.3)`)
          } else {
            t.ok([400, 405].includes(query.statusCode), `classic QUERY ${stub.label}: 405 or 400 (classic.md §0), got ${query.statusCode}`)
            if (query.statusCode === 400) t.notMatch(query.body, /java|enum constant/i, 'no Java text')
          }
          t.equal(query.headers['access-control-allow-origin'], '*', `QUERY ${stub.label}: CORS headers kept`)
        }
      }

      // x-challenger on the bare /challenger path: only a recognised session is echoed (§2.2, classic.md §2.1)
      const anonymous = await req(app, 'GET', '/challenger')
      t.equal(anonymous.statusCode, 405)
      const anonymousOptions = await req(app, 'OPTIONS', '/challenger')
      if (mode === 'multi') {
        t.equal(anonymous.headers['x-challenger'], undefined, 'GET /challenger without a session: no X-CHALLENGER')
        t.equal(anonymousOptions.headers['x-challenger'], undefined, 'OPTIONS /challenger without a session: no X-CHALLENGER')
        const otherPath = await req(app, 'POST', `/challenger/${guid}`)
        t.equal(otherPath.headers['x-challenger'], UNKNOWN, 'POST /challenger/{guid} without a session: UNKNOWN literal')
      } else {
        t.equal(anonymous.headers['x-challenger'], SINGLE, 'single-user: always the built-in session')
        t.equal(anonymousOptions.headers['x-challenger'], SINGLE)
      }
    })
  }
}

t.test('classic: a 405 stub echoes the first Accept element (classic.md S2)', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'classic' })
  const cases: [string, string][] = [
    ['bob', 'bob'],
    ['application/json;q=0.5, application/xml', 'application/json;q=0.5'],
    ['*/*, application/xml', 'application/json'],
    ['application/*', 'application/json'],
  ]
  for (const [accept, expected] of cases) {
    const res = await req(app, 'PATCH', '/challenger', { headers: { accept } })
    t.equal(res.statusCode, 405)
    t.equal(res.headers['content-type'], expected, `Accept ${accept}`)
  }
})

// ---------------------------------------------------------------------------
// §3.2 GET / HEAD /challenger/{guid}
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: GET /challenger/{guid}, multi-user`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await createChallenger(app, 'multi')
    const other = await createChallenger(app, 'multi')

    const head = await req(app, 'HEAD', `/challenger/${guid}`, { headers: { 'x-challenger': guid } })
    t.equal(head.statusCode, 200, 'HEAD: 200')
    t.equal(head.headers['content-type'], 'application/json')
    t.equal(head.headers['x-challenger'], guid)
    t.equal(head.body, '', 'HEAD: no body')
    t.equal((await progressOf(app, 'multi', guid)).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false,
      'HEAD does not credit GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS (classic.md S8)')

    const noHeader = await req(app, 'GET', `/challenger/${guid}`)
    t.equal(noHeader.statusCode, 200, 'X-CHALLENGER is optional')
    t.equal(noHeader.headers['x-challenger'], guid)
    t.equal((JSON.parse(noHeader.body) as Progress).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false,
      'without X-CHALLENGER the progress challenge is not credited')

    const crossed = await req(app, 'GET', `/challenger/${guid}`, { headers: { 'x-challenger': other } })
    t.equal(crossed.statusCode, 200)
    t.equal((JSON.parse(crossed.body) as Progress).xChallenger, guid, 'the path names whose progress is returned')
    t.equal((await progressOf(app, 'multi', guid)).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false, 'A→B credits B nothing')
    t.equal((await progressOf(app, 'multi', other)).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false, 'A→B credits A nothing')

    const slash = await req(app, 'GET', `/challenger/${guid}/`, { headers: { 'x-challenger': guid, accept: 'application/json' } })
    t.equal(slash.statusCode, 404, 'trailing slash: 404')
    t.equal(slash.body, JSON_404)
    t.equal((await progressOf(app, 'multi', guid)).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false, 'trailing slash credits nothing')

    const res = await req(app, 'GET', `/challenger/${guid}`, { headers: { 'x-challenger': guid } })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/json')
    t.equal(res.headers['x-challenger'], guid)
    t.notMatch(res.body, /\n/, 'compact JSON')
    const body = JSON.parse(res.body) as Progress
    t.same(Object.keys(body), ['xAuthToken', 'xChallenger', 'secretNote', 'challengeStatus'], 'exactly four keys, in order')
    t.equal(body.xChallenger, guid)
    t.equal(body.secretNote, '')
    t.match(body.xAuthToken, UUID)
    t.same(Object.keys(body.challengeStatus).sort(), expectedKeys(set, 'multi').sort(), 'challengeStatus keys = the challenges of this set and mode')
    t.ok(Object.values(body.challengeStatus).every((value) => typeof value === 'boolean'), 'values are booleans')
    t.equal(body.challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, true, 'credited before the body is rendered: true in this very response')
    t.equal(body.challengeStatus.CREATE_NEW_CHALLENGER, true)
    if (set === 'current') {
      for (const deprecated of ['PUT_TODOS_400', 'PUT_TODOS_MISSING_TITLE_400', 'PUT_TODOS_400_NO_AMEND_ID']) {
        t.notOk(deprecated in body.challengeStatus, `current never lists the deprecated key ${deprecated}`)
      }
    } else {
      t.ok('PUT_TODOS_400' in body.challengeStatus, 'classic keys use the classic enum names')
      t.notOk('PUT_TODOS_422' in body.challengeStatus)
      t.notOk(RESTORE_KEY_409 in body.challengeStatus, 'classic has no mismatch challenge')
    }
    for (const hidden of ['state', 'lastAccessed', 'expiresin', 'extratime']) t.notOk(hidden in body, `${hidden} is never returned`)

    const again = JSON.parse((await req(app, 'GET', `/challenger/${guid}`)).body) as Progress
    t.equal(again.xAuthToken, body.xAuthToken, 'the token is fixed per challenger')

    const xml = await req(app, 'GET', `/challenger/${guid}`, { headers: { 'x-challenger': guid, accept: 'application/xml' } })
    t.equal(xml.statusCode, 200)
    t.equal(xml.headers['content-type'], 'application/json', 'Accept is ignored: always JSON')
    t.equal((JSON.parse(xml.body) as Progress).xChallenger, guid)

    for (const missing of [randomUUID(), 'bob']) {
      const star = await req(app, 'GET', `/challenger/${missing}`, { headers: { accept: '*/*' } })
      t.equal(star.statusCode, 404, `unknown ${missing}: 404 (a non-UUID is not a 400 here)`)
      t.equal(star.headers['x-challenger'], UNKNOWN)
      t.equal(star.body, '')
      const json = await req(app, 'GET', `/challenger/${missing}`, { headers: { accept: 'application/json' } })
      t.equal(json.statusCode, 404)
      t.equal(json.body, JSON_404, 'the empty 404 is rewritten for a JSON Accept')
      const headMissing = await req(app, 'HEAD', `/challenger/${missing}`)
      t.equal(headMissing.statusCode, 404, 'HEAD of an unknown challenger: 404')
    }
  })

  t.test(`${set}: GET /challenger/{guid}, single-user`, async (t) => {
    const app = await build(t, { mode: 'single', challengeSet: set })
    for (const path of ['bob', randomUUID()]) {
      const res = await req(app, 'GET', `/challenger/${path}`, { headers: { 'x-challenger': 'garbage' } })
      t.equal(res.statusCode, 200, `any guid resolves (${path})`)
      t.equal(res.headers['x-challenger'], SINGLE)
      const body = JSON.parse(res.body) as Progress
      t.equal(body.xChallenger, SINGLE, 'the single player\'s progress')
      t.same(Object.keys(body.challengeStatus).sort(), expectedKeys(set, 'single').sort(), 'challengeStatus keys = the single-user list')
    }
    t.equal((await progressOf(app, 'single', SINGLE)).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false,
      'a path other than the built-in GUID does not credit the progress challenge')
    const own = await req(app, 'GET', `/challenger/${SINGLE}`, { headers: { 'x-challenger': SINGLE } })
    t.equal(own.statusCode, 200)
    t.equal(own.headers['x-challenger'], SINGLE)
    t.equal((JSON.parse(own.body) as Progress).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, true,
      'GET of the built-in GUID with its X-CHALLENGER shows the challenge true in that very response')
    const head = await req(app, 'HEAD', `/challenger/${SINGLE}`)
    t.equal(head.statusCode, 200)
    t.equal(head.body, '')
  })
}

// ---------------------------------------------------------------------------
// §3.3 GET / HEAD /challenger/database/{guid}
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: GET /challenger/database/{guid}, multi-user`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await createChallenger(app, 'multi')

    const head = await req(app, 'HEAD', `/challenger/database/${guid}`)
    t.equal(head.statusCode, 200, 'HEAD: 200')
    t.equal(head.headers['content-type'], 'application/json')
    t.equal(head.body, '')
    t.equal((await progressOf(app, 'multi', guid)).challengeStatus.GET_RESTORABLE_TODOS, false, 'HEAD does not credit GET_RESTORABLE_TODOS')

    const res = await req(app, 'GET', `/challenger/database/${guid}`, { headers: { accept: 'application/xml' } })
    t.equal(res.statusCode, 200, 'no X-CHALLENGER needed')
    t.equal(res.headers['content-type'], 'application/json', 'always JSON, whatever the Accept')
    t.equal(res.headers['x-challenger'], guid)
    const body = JSON.parse(res.body) as Record<string, ExportedTodo[]>
    t.same(Object.keys(body), ['todos'], 'one key per entity plural')
    t.same(byId(body.todos!).map((todo) => todo.title), SEEDED_TITLES)
    for (const todo of body.todos!) {
      t.equal(typeof todo.id, 'number', 'id is a number')
      // classic.md S13 (the classic export left out fields never assigned) is deliberately not reproduced:
      // both sets export every field, which round-trips through PUT the same way
      t.same(Object.keys(todo), ['id', 'title', 'doneStatus', 'description'], `todo ${todo.id}: field order id, title, doneStatus, description`)
      t.equal(todo.doneStatus, false)
    }
    t.equal((await progressOf(app, 'multi', guid)).challengeStatus.GET_RESTORABLE_TODOS, true,
      'GET_RESTORABLE_TODOS credited to the challenger in X-CHALLENGER, even without the request header')

    const unknownUuid = randomUUID()
    for (const accept of ['*/*', 'application/json']) {
      const unknown = await req(app, 'GET', `/challenger/database/${unknownUuid}`, { headers: { accept } })
      t.equal(unknown.statusCode, 404)
      t.equal(unknown.headers['x-challenger'], UNKNOWN)
      t.same(errorsOf(unknown), [`Challenger not found ${unknownUuid}`], `unknown challenger message (Accept ${accept}, not rewritten)`)
      assertNoCharset(t, unknown, 'database 404')
    }

    const invalid = await req(app, 'GET', '/challenger/database/bob')
    t.equal(invalid.statusCode, 400)
    t.equal(invalid.headers['x-challenger'], UNKNOWN)
    t.same(errorsOf(invalid), ['Invalid Challenger GUID Invalid UUID string: bob'])

    const noGuid = await req(app, 'GET', '/challenger/database', { headers: { accept: 'application/json' } })
    t.equal(noGuid.statusCode, 404, 'GET /challenger/database is /challenger/{guid} with guid "database": 404')
    t.equal(noGuid.body, JSON_404)
  })

  t.test(`${set}: GET /challenger/database/{guid}, single-user`, async (t) => {
    const app = await build(t, { mode: 'single', challengeSet: set })
    const own = await req(app, 'GET', `/challenger/database/${SINGLE}`)
    t.equal(own.statusCode, 200, 'the built-in GUID has a database')
    t.same(byId((JSON.parse(own.body) as { todos: ExportedTodo[] }).todos).map((todo) => todo.title), SEEDED_TITLES)
    for (const other of ['bob', '11111111-2222-4333-8444-555555555555']) {
      const res = await req(app, 'GET', `/challenger/database/${other}`)
      t.equal(res.statusCode, 404, `only the built-in GUID names a database (${other}) (§3.3, classic.md §2.13)`)
      t.equal(res.headers['x-challenger'], SINGLE)
      if (res.statusCode === 404) t.same(errorsOf(res), [`Challenger database not instantiated ${other}`])
    }
  })
}

// ---------------------------------------------------------------------------
// §3.5 PUT /challenger/database/{guid}
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: PUT /challenger/database/{guid}, multi-user`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await createChallenger(app, 'multi')
    const bystander = await createChallenger(app, 'multi')

    const restore = JSON.stringify({ todos: [
      { id: 100, title: 'restored one', doneStatus: true, description: 'd1' },
      { id: 7, title: 'restored two' },
    ] })
    const res = await req(app, 'PUT', `/challenger/database/${guid}`, { payload: restore })
    t.equal(res.statusCode, 204, 'restore: 204 (no X-CHALLENGER header needed)')
    t.equal(res.body, '')
    t.equal(res.headers['x-challenger'], guid)
    if (set === 'current') t.equal(res.headers['content-type'], undefined, 'current: an empty 204 has no Content-Type (§2.3)')
    else t.equal(res.headers['content-type'], 'application/json', 'classic: the 204 keeps application/json (S12)')

    const restored = byId(await todosOf(app, guid))
    t.same(restored.map((todo) => todo.id), [7, 100], 'the store was cleared and the ids kept verbatim')
    t.match(restored[1], { id: 100, title: 'restored one', doneStatus: true, description: 'd1' })
    t.match(restored[0], { id: 7, title: 'restored two' })
    if (set === 'current') t.equal(restored[0]!.doneStatus ?? false, false)
    t.equal((await progressOf(app, 'multi', guid)).challengeStatus.PUT_RESTORABLE_TODOS, true, 'PUT_RESTORABLE_TODOS credited to the URL\'s challenger')
    t.same(byId(await todosOf(app, bystander)).map((todo) => todo.title), SEEDED_TITLES, 'another session\'s todos are untouched')
    t.equal((await progressOf(app, 'multi', bystander)).challengeStatus.PUT_RESTORABLE_TODOS, false)

    const minimal = await req(app, 'PUT', `/challenger/database/${guid}`, { headers: { 'x-challenger': guid }, payload: '{"todos":[{"id":100,"title":"x"}]}' })
    t.equal(minimal.statusCode, 204, 'a minimal document is valid')
    t.same((await todosOf(app, guid)).map((todo) => [todo.id, todo.title]), [[100, 'x']])

    const emptied = await req(app, 'PUT', `/challenger/database/${guid}`, { payload: '{}' })
    t.equal(emptied.statusCode, 204, '{} is accepted')
    t.same(await todosOf(app, guid), [], '{} empties the list')

    const fresh = await createChallenger(app, 'multi')
    const errorCases: [string, string, string][] = [
      ['unknown entity', '{"todo":[{"id":1,"title":"a"}]}', 'ERROR: Unknown entity found: todo'],
      ['unknown property', '{"todos":[{"id":1,"title":"a","priority":"high"}]}', 'ERROR: Unknown property priority for todo'],
      ['todos not an array', '{"todos":{"id":1,"title":"a"}}', 'ERROR: Expected array of instances as todos value'],
      ['array of non-objects', '{"todos":[1,2]}', 'ERROR: Expected array of todos to contain objects'],
      ['root is an array', '[]', 'ERROR: Data is not an object of instantiated entities'],
      ['root is a string', '"todos"', 'ERROR: Data is not an object of instantiated entities'],
      ['empty body', '', 'ERROR: Data is not an object of instantiated entities'],
      ['title too long', JSON.stringify({ todos: [{ id: 1, title: 'x'.repeat(150) }] }),
        'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50'],
      ['21 todos', JSON.stringify({ todos: Array.from({ length: 21 }, (_, i) => ({ id: i + 1, title: `todo ${i + 1}` })) }),
        'ERROR: Cannot add instance, maximum limit of 20 reached'],
    ]
    for (const [label, body, message] of errorCases) {
      const error = await req(app, 'PUT', `/challenger/database/${fresh}`, { payload: body })
      t.equal(error.statusCode, 400, `${label}: 400`)
      t.equal(error.headers['x-challenger'], fresh, `${label}: X-CHALLENGER`)
      t.same(errorsOf(error), [message], `${label}: message`)
      assertNoCharset(t, error, label)
    }
    const truncated = await req(app, 'PUT', `/challenger/database/${fresh}`, { payload: '{"todos":[' })
    t.equal(truncated.statusCode, 400, 'truncated JSON: 400')
    const truncatedErrors = errorsOf(truncated)
    t.equal(truncatedErrors.length, 1)
    t.notMatch(truncatedErrors[0], /java\.|Exception/, 'our own message, no Java text (classic.md §0)')
    const twenty = JSON.stringify({ todos: Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: `todo ${i + 1}` })) })
    t.equal((await req(app, 'PUT', `/challenger/database/${fresh}`, { payload: twenty })).statusCode, 204, '20 todos is the limit, accepted')
    t.equal((await todosOf(app, fresh)).length, 20)

    const failedOnly = await createChallenger(app, 'multi')
    await req(app, 'PUT', `/challenger/database/${failedOnly}`, { payload: '[]' })
    t.equal((await progressOf(app, 'multi', failedOnly)).challengeStatus.PUT_RESTORABLE_TODOS, false, 'a 400 does not credit PUT_RESTORABLE_TODOS')

    const unknownUuid = randomUUID()
    const unknown = await req(app, 'PUT', `/challenger/database/${unknownUuid}`, { payload: '{}' })
    t.equal(unknown.statusCode, 404)
    t.equal(unknown.headers['x-challenger'], UNKNOWN)
    t.same(errorsOf(unknown), ['Unknown Challenger GUID - have you created or loaded the challenger state'])

    const invalid = await req(app, 'PUT', '/challenger/database/bob', { payload: '{}' })
    t.equal(invalid.statusCode, 400)
    t.equal(invalid.headers['x-challenger'], UNKNOWN)
    t.same(errorsOf(invalid), ['Invalid Challenger GUID Invalid UUID string: bob'])
    const invalidAndBadBody = await req(app, 'PUT', '/challenger/database/bob', { payload: '{"todos":[' })
    t.same(errorsOf(invalidAndBadBody), ['Invalid Challenger GUID Invalid UUID string: bob'], 'the GUID is checked before the body')
  })

  t.test(`${set}: PUT /challenger/database/{guid}, single-user`, async (t) => {
    const app = await build(t, { mode: 'single', challengeSet: set })
    const res = await req(app, 'PUT', `/challenger/database/${SINGLE}`, { payload: '{"todos":[{"id":42,"title":"single restored"}]}' })
    t.equal(res.statusCode, 204)
    t.equal(res.headers['x-challenger'], SINGLE)
    t.same((await todosOf(app, SINGLE)).map((todo) => [todo.id, todo.title]), [[42, 'single restored']])
    t.equal((await progressOf(app, 'single', SINGLE)).challengeStatus.PUT_RESTORABLE_TODOS, true)

    const other = await req(app, 'PUT', '/challenger/database/bob', { payload: '{"todos":[{"id":1,"title":"bob"}]}' })
    t.equal(other.statusCode, 204, 'single-user: every GUID is "in memory" (§3.5 row 2)')
    // sessions.md §2.2: single-user responses always name the built-in session (classic.md S12's echo is not copied)
    t.equal(other.headers['x-challenger'], SINGLE)
    t.same((await todosOf(app, SINGLE)).map((todo) => [todo.id, todo.title]), [[42, 'single restored']], 'the built-in list is untouched')
  })
}

// ---------------------------------------------------------------------------
// §3.4 PUT /challenger/{guid}
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: PUT /challenger/{guid} evaluation order, multi-user`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await createChallenger(app, 'multi')
    const other = await createChallenger(app, 'multi')
    const mismatchStatus = set === 'current' ? 409 : 400

    const invalid = await req(app, 'PUT', '/challenger/bob', { payload: payload('bob', {}) })
    t.equal(invalid.statusCode, 400, 'row 1: a non-UUID guid is 400')
    t.equal(invalid.headers['x-challenger'], UNKNOWN)
    t.same(errorsOf(invalid), ['Invalid Challenger GUID Invalid UUID string: bob'])
    const invalidBadJson = await req(app, 'PUT', '/challenger/bob', { payload: '{"xChallenger": "bob",' })
    t.same(errorsOf(invalidBadJson), ['Invalid Challenger GUID Invalid UUID string: bob'], 'row 1 comes before row 2')

    for (const [label, body] of [['truncated JSON', '{"xChallenger": "bob",'], ['JSON array', '[]'], ['JSON string', '"x"']] as const) {
      const res = await req(app, 'PUT', `/challenger/${guid}`, { payload: body })
      t.equal(res.statusCode, 400, `row 2: ${label} is 400`)
      const messages = errorsOf(res)
      t.equal(messages.length, 1, `${label}: one message`)
      t.ok(messages[0]!.length > 0, `${label}: a message`)
      t.notMatch(messages[0], /java\.|Exception|Cannot invoke/, `${label}: no Java text (classic.md §0)`)
      assertNoCharset(t, res, label)
    }

    const empty = await req(app, 'PUT', `/challenger/${guid}`, { payload: '' })
    t.equal(empty.statusCode, 400, 'row 3: empty body')
    t.same(errorsOf(empty), ['Invalid Payload'])
    t.equal(empty.headers['x-challenger'], UNKNOWN, 'empty payload: UNKNOWN literal')

    const emptyObject = await req(app, 'PUT', `/challenger/${guid}`, { payload: '{}' })
    t.equal(emptyObject.statusCode, 400, '{} is 400, not a mismatch')
    t.notMatch(errorsOf(emptyObject)[0], /java\.|Cannot invoke/, '{}: our own message')

    const onlyGuid = await req(app, 'PUT', `/challenger/${guid}`, { payload: JSON.stringify({ xChallenger: guid }) })
    t.equal(onlyGuid.statusCode, 400, 'payload without secretNote: 400')
    t.same(errorsOf(onlyGuid), ['No Note Provided'])
    t.equal(onlyGuid.headers['x-challenger'], guid, 'from row 3 on, X-CHALLENGER is the payload\'s guid')

    const noStatus = await req(app, 'PUT', `/challenger/${guid}`, { payload: JSON.stringify({ xChallenger: guid, secretNote: '' }) })
    t.equal(noStatus.statusCode, 400, 'payload without challengeStatus: 400')
    t.notMatch(errorsOf(noStatus)[0], /java\.|Cannot invoke/)
    t.equal(noStatus.headers['x-challenger'], guid)

    const mismatch = await req(app, 'PUT', `/challenger/${guid}`, { payload: payload(other, {}) })
    t.equal(mismatch.statusCode, mismatchStatus, `row 4: mismatch is ${mismatchStatus}`)
    t.same(errorsOf(mismatch), [MISMATCH])
    t.equal(mismatch.headers['x-challenger'], other, 'X-CHALLENGER = the payload\'s guid')
    const unknownPayload = randomUUID()
    const mismatchUnknown = await req(app, 'PUT', `/challenger/${guid}`, { payload: payload(unknownPayload, {}) })
    t.equal(mismatchUnknown.statusCode, mismatchStatus, 'mismatch with a payload guid nobody has')
    t.equal(mismatchUnknown.headers['x-challenger'], unknownPayload, 'X-CHALLENGER = the payload\'s guid, even an unknown one')
    t.equal((await req(app, 'GET', `/challenger/${unknownPayload}`)).statusCode, 404, 'a mismatch creates nothing')

    const otherProgress = await progressOf(app, 'multi', other)
    const ownProgress = await progressOf(app, 'multi', guid)
    if (set === 'current') {
      t.equal(otherProgress.challengeStatus[RESTORE_KEY_409], true, '409 credited to the payload\'s challenger')
      t.equal(ownProgress.challengeStatus[RESTORE_KEY_409], false, 'not to the URL\'s challenger')
    } else {
      t.notOk(RESTORE_KEY_409 in otherProgress.challengeStatus, 'classic has no mismatch challenge')
    }
    t.equal(ownProgress.challengeStatus.PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false, 'no error credits the restore challenge')
    t.equal(ownProgress.secretNote, '', 'no error changed the challenger')
    t.equal(ownProgress.challengeStatus.CREATE_NEW_CHALLENGER, true)
  })

  t.test(`${set}: PUT /challenger/{guid} restore (200) merge rules, multi-user`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await createChallenger(app, 'multi')
    const before = await progressOf(app, 'multi', guid)
    await req(app, 'PUT', `/challenger/database/${guid}`, { payload: '{"todos":[{"id":5,"title":"kept by restore"}]}' })

    const newToken = randomUUID()
    const res = await req(app, 'PUT', `/challenger/${guid}`, { payload: JSON.stringify({
      xAuthToken: newToken,
      xChallenger: guid,
      secretNote: 'my note',
      challengeStatus: { GET_TODOS: true, POST_TODOS: 'true', GET_HEAD_TODOS: false, NOT_A_CHALLENGE: true },
      unknownTopLevel: 42,
    }) })
    t.equal(res.statusCode, 200, 'row 5: in memory → 200 (no X-CHALLENGER, no Content-Type needed)')
    t.equal(res.headers['content-type'], 'application/json')
    t.equal(res.headers['x-challenger'], guid)
    const body = JSON.parse(res.body) as Progress
    t.same(Object.keys(body), ['xAuthToken', 'xChallenger', 'secretNote', 'challengeStatus'])
    t.equal(body.xChallenger, guid)
    t.equal(body.secretNote, 'my note')
    t.equal(body.xAuthToken, newToken, 'a UUID token replaces the old one')
    t.equal(body.challengeStatus.GET_TODOS, true)
    t.equal(body.challengeStatus.POST_TODOS, true, 'a string "true" counts as true (classic.md S10)')
    t.equal(body.challengeStatus.GET_HEAD_TODOS, false)
    t.equal(body.challengeStatus.CREATE_NEW_CHALLENGER, false, 'a status missing from the payload becomes false')
    t.notOk('NOT_A_CHALLENGE' in body.challengeStatus, 'unknown challenge names are ignored')
    t.notOk('unknownTopLevel' in body, 'unknown keys are ignored')
    t.same(Object.keys(body.challengeStatus).sort(), expectedKeys(set, 'multi').sort())
    t.equal(body.challengeStatus.PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false, 'the 200 body does not yet show the restore challenge')

    const after = await progressOf(app, 'multi', guid)
    t.equal(after.challengeStatus.PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, true, 'PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS credited')
    t.equal(after.secretNote, 'my note', 'restored note stored')
    t.equal(after.xAuthToken, newToken)
    t.same((await todosOf(app, guid)).map((todo) => [todo.id, todo.title]), [[5, 'kept by restore']], 'the todo database is untouched')

    const long = await req(app, 'PUT', `/challenger/${guid}`, { payload: JSON.stringify({
      xAuthToken: 'not-a-uuid', xChallenger: guid, secretNote: 'n'.repeat(150), challengeStatus: {},
    }) })
    t.equal(long.statusCode, 200)
    const longBody = JSON.parse(long.body) as Progress
    t.equal(longBody.secretNote, 'n'.repeat(100), 'note silently truncated to 100 characters')
    t.equal(longBody.xAuthToken, newToken, 'a token that is not a UUID keeps the old one')
    t.equal(before.xAuthToken === newToken, false)

    const shouting = await req(app, 'PUT', `/challenger/${guid}`, { headers: { 'x-challenger': guid }, payload: JSON.stringify({
      xAuthToken: before.xAuthToken, xChallenger: guid, secretNote: '', challengeStatus: { CREATE_NEW_CHALLENGER: true },
    }) })
    t.equal(shouting.statusCode, 200)
    t.equal((JSON.parse(shouting.body) as Progress).xAuthToken, before.xAuthToken, 'the original token can be put back')

    if (set === 'current') {
      const legacy = await req(app, 'PUT', `/challenger/${guid}`, { payload: payload(guid, {
        PUT_TODOS_400: true, PUT_TODOS_MISSING_TITLE_400: true, PUT_TODOS_400_NO_AMEND_ID: true,
      }) })
      t.equal(legacy.statusCode, 200)
      const legacyBody = JSON.parse(legacy.body) as Progress
      t.equal(legacyBody.challengeStatus.PUT_TODOS_422, true, 'legacy PUT_TODOS_400 feeds PUT_TODOS_422')
      t.equal(legacyBody.challengeStatus.PUT_TODOS_MISSING_TITLE_422, true, 'legacy PUT_TODOS_MISSING_TITLE_400 feeds PUT_TODOS_MISSING_TITLE_422')
      t.equal(legacyBody.challengeStatus.PUT_TODOS_422_NO_AMEND_ID, true, 'legacy PUT_TODOS_400_NO_AMEND_ID feeds PUT_TODOS_422_NO_AMEND_ID')
      t.notOk('PUT_TODOS_400' in legacyBody.challengeStatus, 'the deprecated keys are never listed')
      const both = await req(app, 'PUT', `/challenger/${guid}`, { payload: payload(guid, { PUT_TODOS_422: false, PUT_TODOS_400: true }) })
      t.equal((JSON.parse(both.body) as Progress).challengeStatus.PUT_TODOS_422, false, 'the current key wins over the deprecated one')
    } else {
      const classicKeys = await req(app, 'PUT', `/challenger/${guid}`, { payload: payload(guid, { PUT_TODOS_400: true, PUT_TODOS_MISSING_TITLE_422: true }) })
      const classicBody = JSON.parse(classicKeys.body) as Progress
      t.equal(classicBody.challengeStatus.PUT_TODOS_400, true, 'classic restores its own key names')
      t.equal(classicBody.challengeStatus.PUT_TODOS_MISSING_TITLE_400, false, 'a current-set name is unknown to classic')
      t.notOk('PUT_TODOS_MISSING_TITLE_422' in classicBody.challengeStatus)
    }
  })

  t.test(`${set}: PUT /challenger/{guid} create (201), multi-user`, async (t) => {
    let clock = Date.UTC(2026, 0, 1)
    const app = await build(t, { mode: 'multi', challengeSet: set }, { now: () => clock })
    const guid = randomUUID()
    const token = randomUUID()
    const res = await req(app, 'PUT', `/challenger/${guid}`, { payload: JSON.stringify({
      xAuthToken: token, xChallenger: guid, secretNote: 'from a saved file',
      challengeStatus: { CREATE_NEW_CHALLENGER: true, GET_CHALLENGES: true, GET_TODOS: false },
    }) })
    t.equal(res.statusCode, 201, 'row 6: unknown guid → created')
    t.equal(res.body, '', '201 has an empty body')
    t.equal(res.headers['content-type'], 'application/json')
    t.equal(res.headers['x-challenger'], guid)

    const created = await progressOf(app, 'multi', guid)
    t.equal(created.xChallenger, guid)
    t.equal(created.secretNote, 'from a saved file')
    t.equal(created.xAuthToken, token)
    t.equal(created.challengeStatus.CREATE_NEW_CHALLENGER, true, 'payload statuses copied, CREATE_NEW_CHALLENGER included')
    t.equal(created.challengeStatus.GET_CHALLENGES, true)
    t.equal(created.challengeStatus.GET_TODOS, false)
    t.equal(created.challengeStatus.PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS, true, 'PUT_NEW_RESTORED… credited to the new challenger')
    t.equal(created.challengeStatus.PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false, 'a create is not a restore')
    t.same(byId(await todosOf(app, guid)).map((todo) => todo.title), SEEDED_TITLES, 'todo database created and seeded')
    t.equal((await req(app, 'POST', '/challenger', { headers: { 'x-challenger': guid } })).statusCode, 200, 'the new session is live')

    const again = await req(app, 'PUT', `/challenger/${guid}`, { payload: payload(guid, {}) })
    t.equal(again.statusCode, 200, 'once in memory the same PUT restores (200)')

    // "in memory" ignores persistence: a session that left the working set is created afresh
    const stored = await createChallenger(app, 'multi')
    await req(app, 'PUT', `/challenger/database/${stored}`, { payload: '{"todos":[{"id":3,"title":"old list"}]}' })
    clock += 11 * MINUTE
    app.sessions.evictIdle()
    t.equal(app.sessions.isInMemory(stored), false, 'setup: the session left memory')
    const recreated = await req(app, 'PUT', `/challenger/${stored}`, { payload: payload(stored, { GET_TODOS: true }) })
    t.equal(recreated.statusCode, 201, 'a session only on disk gets 201 (§3.4 notes, classic.md §2.15)')
    const recreatedProgress = await progressOf(app, 'multi', stored)
    t.equal(recreatedProgress.challengeStatus.GET_TODOS, true)
    t.equal(recreatedProgress.challengeStatus.PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS, true)
    t.equal(recreatedProgress.challengeStatus.CREATE_NEW_CHALLENGER, false, 'the payload replaced the stored progress')

    // PUT /challenger/database needs the session in memory (§3.5 row 2)
    const idle = await createChallenger(app, 'multi')
    clock += 11 * MINUTE
    app.sessions.evictIdle()
    t.equal(app.sessions.isInMemory(idle), false, 'setup: the session left memory')
    const notLoaded = await req(app, 'PUT', `/challenger/database/${idle}`, { payload: '{}' })
    t.equal(notLoaded.statusCode, 404, 'PUT database of a session not loaded: 404')
    t.same(errorsOf(notLoaded), ['Unknown Challenger GUID - have you created or loaded the challenger state'])
    t.equal((await req(app, 'GET', `/challenger/${idle}`)).statusCode, 200, 'loading it…')
    t.equal((await req(app, 'PUT', `/challenger/database/${idle}`, { payload: '{}' })).statusCode, 204, '…makes the restore work')
  })

  t.test(`${set}: PUT /challenger/{guid}, single-user`, async (t) => {
    const app = await build(t, { mode: 'single', challengeSet: set })
    await req(app, 'POST', '/challenger')
    const restore = await req(app, 'PUT', `/challenger/${SINGLE}`, { payload: JSON.stringify({
      xAuthToken: 'keep', xChallenger: SINGLE, secretNote: 'single note', challengeStatus: { GET_TODOS: true },
    }) })
    t.equal(restore.statusCode, 200, 'single-user: restore → 200')
    t.equal(restore.headers['x-challenger'], SINGLE)
    const body = JSON.parse(restore.body) as Progress
    t.equal(body.xChallenger, SINGLE)
    t.equal(body.secretNote, 'single note')
    t.equal(body.challengeStatus.GET_TODOS, true)
    t.equal(body.challengeStatus.CREATE_NEW_CHALLENGER, false)
    t.notOk('PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS' in body.challengeStatus, 'the create challenge is not listed in single-user mode')
    t.equal((await progressOf(app, 'single', SINGLE)).challengeStatus.PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, true)

    const uuid = '11111111-2222-4333-8444-555555555555'
    const never201 = await req(app, 'PUT', `/challenger/${uuid}`, { payload: payload(uuid, { GET_CHALLENGES: true }) })
    t.equal(never201.statusCode, 200, 'single-user never answers 201 (classic.md S11)')
    t.equal((JSON.parse(never201.body) as Progress).xChallenger, SINGLE, 'the body is the single player\'s')
    // sessions.md §2.2: always the built-in GUID in single-user mode (classic.md S11's echo is not copied)
    t.equal(never201.headers['x-challenger'], SINGLE)

    const notUuid = await req(app, 'PUT', '/challenger/bob', { payload: payload('bob', {}) })
    t.equal(notUuid.statusCode, 200, 'single-user: the path GUID is not UUID-validated')

    const mismatch = await req(app, 'PUT', '/challenger/bob', { payload: payload(SINGLE, {}) })
    t.equal(mismatch.statusCode, set === 'current' ? 409 : 400, 'URL bob with the single-player payload is a mismatch (§3.4 row 4, S11)')
    if (mismatch.statusCode !== 200) t.same(errorsOf(mismatch), [MISMATCH])
  })
}

// ---------------------------------------------------------------------------
// restore-existing challenges: a session read back from disk (README decision 4)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: sessions that left memory are loaded back, multi-user`, async (t) => {
    let clock = Date.UTC(2026, 0, 1)
    const app = await build(t, { mode: 'multi', challengeSet: set }, { now: () => clock })
    const viaGet = await createChallenger(app, 'multi')
    const viaPost = await createChallenger(app, 'multi')
    const stays = await createChallenger(app, 'multi')
    await req(app, 'GET', '/challenges', { headers: { 'x-challenger': viaGet } })

    clock += 9 * MINUTE
    await req(app, 'GET', `/challenger/${stays}`, { headers: { 'x-challenger': stays } })
    clock += 2 * MINUTE
    app.sessions.evictIdle()
    t.equal(app.sessions.isInMemory(viaGet), false, 'setup: idle 11 minutes → left memory')
    t.equal(app.sessions.isInMemory(viaPost), false)
    t.equal(app.sessions.isInMemory(stays), true, 'setup: idle 2 minutes → still in memory')

    const get = await req(app, 'GET', `/challenger/${viaGet}`)
    t.equal(get.statusCode, 200, 'GET of a stored session: 200, no header needed')
    const loaded = JSON.parse(get.body) as Progress
    t.equal(loaded.challengeStatus.GET_CHALLENGES, true, 'its progress came back from disk')
    t.equal(loaded.challengeStatus.CREATE_NEW_CHALLENGER, true)

    const post = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': viaPost } })
    t.equal(post.statusCode, 200, 'POST /challenger with a stored session: 200')
    t.equal(post.headers['x-challenger'], viaPost)
    t.equal(post.headers.location, `/gui/challenges/${viaPost}`)

    await req(app, 'GET', `/challenger/${stays}`)
    await req(app, 'POST', '/challenger', { headers: { 'x-challenger': stays } })

    const getProgress = await progressOf(app, 'multi', viaGet)
    const postProgress = await progressOf(app, 'multi', viaPost)
    const staysProgress = await progressOf(app, 'multi', stays)
    if (set === 'current') {
      t.equal(getProgress.challengeStatus.GET_RESTORE_EXISTING_CHALLENGER, true, 'GET_RESTORE_EXISTING_CHALLENGER credited')
      t.equal(postProgress.challengeStatus.POST_RESTORE_EXISTING_CHALLENGER, true, 'POST_RESTORE_EXISTING_CHALLENGER credited')
      t.equal(getProgress.challengeStatus.POST_RESTORE_EXISTING_CHALLENGER, false, 'a GET does not credit the POST challenge')
      t.equal(staysProgress.challengeStatus.GET_RESTORE_EXISTING_CHALLENGER, false, 'never left memory: no GET restore credit')
      t.equal(staysProgress.challengeStatus.POST_RESTORE_EXISTING_CHALLENGER, false, 'never left memory: no POST restore credit')
    } else {
      for (const progress of [getProgress, postProgress, staysProgress]) {
        t.notOk('GET_RESTORE_EXISTING_CHALLENGER' in progress.challengeStatus, 'classic 59-set does not list the restore-existing challenges')
        t.notOk('POST_RESTORE_EXISTING_CHALLENGER' in progress.challengeStatus)
        t.equal(Object.keys(progress.challengeStatus).length, 59)
      }
    }

    const unknown = await req(app, 'POST', '/challenger', { headers: { 'x-challenger': randomUUID() } })
    t.equal(unknown.statusCode, 404, 'a GUID neither in memory nor on disk is still 404')
  })
}

t.test('current single: the restore-existing challenges are not listed', async (t) => {
  const app = await build(t, { mode: 'single', challengeSet: 'current' })
  const progress = await progressOf(app, 'single', SINGLE)
  for (const key of ['GET_RESTORE_EXISTING_CHALLENGER', 'POST_RESTORE_EXISTING_CHALLENGER', 'PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS']) {
    t.notOk(key in progress.challengeStatus, `${key} absent in single-user mode`)
  }
})

// ---------------------------------------------------------------------------
// every challenger-endpoint challenge, completed end to end (§6.4)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  for (const mode of MODES) {
    t.test(`${set} ${mode}: the challenger-endpoint challenges complete`, async (t) => {
      const app = await build(t, { mode, challengeSet: set })
      const guid = await createChallenger(app, mode)
      const header = { 'x-challenger': guid }
      const done = async () => (await progressOf(app, mode, guid)).challengeStatus

      t.equal((await done()).CREATE_NEW_CHALLENGER, true, 'POST /challenger (201)')

      const list = await req(app, 'GET', '/api/challenges', { headers: header })
      const gets = (JSON.parse(list.body) as { challenges: { id: number; status: boolean }[] }).challenges
      t.equal(gets.find((c) => c.id === 2)?.status, true, 'GET /challenges (200): id 2 shown true in the very response')

      const own = await req(app, 'GET', `/api/challenger/${guid}`, { headers: header })
      t.equal((JSON.parse(own.body) as Progress).challengeStatus.GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS, true,
        'GET /challenger/guid (existing X-CHALLENGER) true in the very response')

      const current = JSON.parse(own.body) as Progress
      const put = await req(app, 'PUT', `/api/challenger/${guid}`, { headers: header, payload: JSON.stringify(current) })
      t.equal(put.statusCode, 200)
      t.equal((JSON.parse(put.body) as Progress).challengeStatus.PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, false, 'not in the PUT\'s own body')
      t.equal((await done()).PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, true, 'PUT /challenger/guid RESTORE')

      t.equal((await req(app, 'GET', `/api/challenger/database/${guid}`, { headers: header })).statusCode, 200)
      t.equal((await done()).GET_RESTORABLE_TODOS, true, 'GET /challenger/database/guid (200)')

      t.equal((await req(app, 'PUT', `/api/challenger/database/${guid}`, { headers: header, payload: '{"todos":[{"id":1,"title":"a"}]}' })).statusCode, 204)
      t.equal((await done()).PUT_RESTORABLE_TODOS, true, 'PUT /challenger/database/guid (Update)')

      if (mode === 'multi') {
        const other = await createChallenger(app, mode)
        const mismatch = await req(app, 'PUT', `/api/challenger/${other}`, { payload: payload(guid, {}) })
        t.equal(mismatch.statusCode, set === 'current' ? 409 : 400)
        if (set === 'current') t.equal((await done())[RESTORE_KEY_409], true, 'PUT /challenger/guid (409) mismatch, credited to the payload\'s challenger')

        const newGuid = randomUUID()
        t.equal((await req(app, 'PUT', `/api/challenger/${newGuid}`, { payload: payload(newGuid, {}) })).statusCode, 201)
        t.equal((await progressOf(app, mode, newGuid)).challengeStatus.PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS, true, 'PUT /challenger/guid CREATE')
      }
    })
  }
}
