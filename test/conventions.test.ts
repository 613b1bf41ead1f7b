// Global HTTP behaviour on the challenger and challenges paths (sessions.md §2.1–§2.6; classic.md §2.1,
// S3, S4, S7, T17, T18; README decision 3): root and /api mounts, X-CHALLENGER on every API response,
// CORS per set, the unrouted-path 404 rules, trailing slashes, Content-Type without charset, isolation.
import { randomUUID } from 'node:crypto'
import t, { type Test } from 'tap'
import { build, type TestApp } from './helper.js'

const SETS = ['current', 'classic'] as const
const MODES = ['single', 'multi'] as const
type Mode = (typeof MODES)[number]

const UNKNOWN = 'UNKNOWN CHALLENGER - Challenger not found'
const SINGLE = 'rest-api-challenges-single-player'
const JSON_404 = '{"errorMessages":["404 resource Unknown"]}'
const XML_404 = '<errorMessages><message>404 resource Unknown</message></errorMessages>'

interface Res {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

async function req(app: TestApp, method: string, url: string,
  options: { headers?: Record<string, string>; payload?: string } = {}): Promise<Res> {
  return app.inject({ method: method as 'GET', url, headers: options.headers, payload: options.payload })
}

async function newSession(app: TestApp, mode: Mode): Promise<string> {
  const res = await req(app, 'POST', '/challenger')
  if (res.statusCode !== 201) throw new Error(`POST /challenger answered ${res.statusCode}`)
  return mode === 'single' ? SINGLE : res.headers['x-challenger'] as string
}

/** requests on the paths this suite owns, replayable on either mount; `g` is a known session */
function requestsFor(g: string): { method: string; path: string; headers?: Record<string, string>; payload?: string }[] {
  return [
    { method: 'GET', path: '/challenges', headers: { 'x-challenger': g } },
    { method: 'GET', path: '/challenges', headers: { 'x-challenger': g, accept: 'application/xml' } },
    { method: 'GET', path: '/challenges?status=true', headers: { 'x-challenger': g } },
    { method: 'GET', path: '/challenges', headers: { accept: 'application/gzip' } },
    { method: 'HEAD', path: '/challenges' },
    { method: 'OPTIONS', path: '/challenges' },
    { method: 'DELETE', path: '/challenges', headers: { 'x-challenger': g } },
    { method: 'GET', path: `/challenger/${g}`, headers: { 'x-challenger': g } },
    { method: 'HEAD', path: `/challenger/${g}` },
    { method: 'GET', path: '/challenger/11111111-2222-4333-8444-555555555555', headers: { accept: 'application/json' } },
    { method: 'GET', path: `/challenger/database/${g}` },
    { method: 'GET', path: '/challenger/database/bob' },
    { method: 'PUT', path: `/challenger/${g}`, payload: '' },
    { method: 'PUT', path: '/challenger/database/11111111-2222-4333-8444-555555555555', payload: '{}' },
    { method: 'OPTIONS', path: '/challenger' },
    { method: 'OPTIONS', path: `/challenger/${g}` },
    { method: 'PATCH', path: `/challenger/database/${g}` },
    { method: 'GET', path: '/challenger' },
    { method: 'POST', path: '/challenger', headers: { 'x-challenger': g } },
    { method: 'POST', path: '/challenger', headers: { 'x-challenger': 'bob', accept: 'application/xml' } },
    { method: 'GET', path: '/todo', headers: { accept: 'application/json' } },
    { method: 'GET', path: '/todo', headers: { accept: 'text/html' } },
    { method: 'GET', path: '/challenges/', headers: { accept: 'application/json' } },
  ]
}

const COMPARED_HEADERS = [
  'content-type', 'allow', 'location', 'x-challenger', 'x-robots-tag',
  'access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-methods',
  'access-control-expose-headers', 'access-control-allow-credentials',
]

function pick(res: Res) {
  return {
    status: res.statusCode,
    headers: Object.fromEntries(COMPARED_HEADERS.map((name) => [name, res.headers[name]])),
    body: res.body,
  }
}

function assertNoCharset(t: Test, res: Res, label: string) {
  const type = res.headers['content-type']
  // the one exception is the classic server's own default, text/html;charset=utf-8 (classic.md S1, S9), which it is allowed to copy
  if (type !== undefined && type !== 'text/html;charset=utf-8') t.notMatch(String(type), /;\s*charset=/i, `${label}: no charset in Content-Type`)
}

// ---------------------------------------------------------------------------
// root and /api answer identically (§2.1, decision 3)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  for (const mode of MODES) {
    t.test(`${set} ${mode}: root and /api answer identically`, async (t) => {
      const app = await build(t, { mode, challengeSet: set })
      const guid = await newSession(app, mode)
      await req(app, 'GET', '/challenges', { headers: { 'x-challenger': guid } })
      await req(app, 'GET', `/challenger/${guid}`, { headers: { 'x-challenger': guid } })
      await req(app, 'GET', `/challenger/database/${guid}`)
      for (const request of requestsFor(guid)) {
        const root = await req(app, request.method, request.path, request)
        const api = await req(app, request.method, `/api${request.path}`, request)
        t.same(pick(api), pick(root), `${request.method} /api${request.path} ≡ ${request.path} ${JSON.stringify(request.headers ?? {})}`)
        assertNoCharset(t, root, `${request.method} ${request.path}`)
      }

      const created = await req(app, 'POST', '/api/challenger')
      t.equal(created.statusCode, 201, 'POST /api/challenger creates')
      const createdGuid = created.headers['x-challenger'] as string
      t.equal(created.headers.location, mode === 'multi' ? `/gui/challenges/${createdGuid}` : '/gui/challenges')
      t.equal((await req(app, 'GET', `/challenger/${createdGuid}`)).statusCode, 200, 'a session created under /api is the same at the root')
      t.equal((await req(app, 'GET', `/api/challenger/${guid}`)).statusCode, 200, 'and the other way round')
    })
  }
}

// ---------------------------------------------------------------------------
// X-CHALLENGER on every API response (§2.2, classic.md §2.1)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: X-CHALLENGER on every API response`, async (t) => {
    const multi = await build(t, { mode: 'multi', challengeSet: set })
    const single = await build(t, { mode: 'single', challengeSet: set })
    const guid = await newSession(multi, 'multi')
    const everyPath = (g: string) => [
      ['GET', '/challenges'], ['HEAD', '/challenges'], ['OPTIONS', '/challenges'], ['PUT', '/challenges'],
      ['GET', '/api/challenges'], ['GET', `/challenger/${g}`], ['OPTIONS', `/challenger/${g}`], ['DELETE', `/challenger/${g}`],
      ['GET', `/challenger/database/${g}`], ['TRACE', `/challenger/database/${g}`],
      ['GET', '/todo'], ['GET', '/api/todo'], ['GET', '/challenges/'], ['GET', '/secret/nothing-here'], ['GET', '/heartbeat/'],
    ] as const

    for (const [method, path] of everyPath(guid)) {
      const known = await req(multi, method, path, { headers: { 'x-challenger': guid } })
      t.equal(known.headers['x-challenger'], guid, `multi ${method} ${path} with a known session: its GUID`)
      // GET/HEAD of /challenger/{guid} and /challenger/database/{guid} name the path's session (§3.2, §3.3)
      const namedByPath = method === 'GET' && path.startsWith('/challenger/')
      const none = await req(multi, method, path)
      t.equal(none.headers['x-challenger'], namedByPath ? guid : UNKNOWN, `multi ${method} ${path} without the header`)
      const unknown = await req(multi, method, path, { headers: { 'x-challenger': randomUUID() } })
      t.equal(unknown.headers['x-challenger'], namedByPath ? guid : UNKNOWN, `multi ${method} ${path} with an unknown session`)
    }
    for (const path of [`/challenger/${randomUUID()}`, `/challenger/database/${randomUUID()}`, '/challenger/database/bob']) {
      const res = await req(multi, 'GET', path, { headers: { 'x-challenger': guid } })
      t.equal(res.headers['x-challenger'], UNKNOWN, `multi GET ${path} naming nobody: UNKNOWN literal, whatever the request header`)
    }
    for (const [method, path] of [...everyPath('bob'), ['POST', '/challenger'], ['GET', '/challenger'], ['OPTIONS', '/challenger']] as const) {
      for (const headers of [{}, { 'x-challenger': 'bob' }, { 'x-challenger': randomUUID() }] as Record<string, string>[]) {
        const res = await req(single, method, path, { headers })
        t.equal(res.headers['x-challenger'], SINGLE, `single ${method} ${path} ${JSON.stringify(headers)}: always the built-in session`)
      }
    }
    for (const path of ['/docs/json', '/nonexistent', '/gui/nothing']) {
      const res = await req(multi, 'GET', path, { headers: { 'x-challenger': guid } })
      t.equal(res.headers['x-challenger'], undefined, `${path} is not an API path: no X-CHALLENGER`)
    }
  })
}

// ---------------------------------------------------------------------------
// CORS (§2.2, classic.md §2.1 and S7)
// ---------------------------------------------------------------------------

t.test('current: CORS headers on API paths only', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const guid = await newSession(app, 'multi')
  for (const [method, path] of [['GET', '/challenges'], ['POST', '/challenger'], ['GET', `/challenger/${guid}`], ['GET', '/todo'], ['DELETE', '/challenges'], ['HEAD', `/api/challenger/database/${guid}`]]) {
    const res = await req(app, method!, path!)
    t.equal(res.headers['access-control-allow-origin'], '*', `${method} ${path}: Allow-Origin`)
    t.equal(res.headers['access-control-allow-headers'], '*', `${method} ${path}: Allow-Headers`)
    t.equal(res.headers['access-control-allow-methods'], '*', `${method} ${path}: Allow-Methods`)
    t.equal(res.headers['access-control-expose-headers'], '*', `${method} ${path}: Expose-Headers`)
    t.equal(res.headers['access-control-allow-credentials'], undefined, `${method} ${path}: no Allow-Credentials in the current set`)
  }
  const preflight = await req(app, 'OPTIONS', '/challenger', { headers: {
    origin: 'http://example.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-challenger, content-type',
  } })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-methods'], 'PUT', 'OPTIONS echoes Access-Control-Request-Method')
  t.equal(preflight.headers['access-control-allow-headers'], 'x-challenger, content-type', 'OPTIONS echoes Access-Control-Request-Headers')
  const challengesPreflight = await req(app, 'OPTIONS', '/api/challenges', { headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-challenger' } })
  t.equal(challengesPreflight.headers['access-control-allow-methods'], 'GET')
  t.equal(challengesPreflight.headers['access-control-allow-headers'], 'x-challenger')
  const blank = await req(app, 'OPTIONS', `/challenger/${guid}`, { headers: { 'access-control-request-method': '  ', 'access-control-request-headers': '' } })
  t.equal(blank.headers['access-control-allow-methods'], '*', 'blank request values: *')
  t.equal(blank.headers['access-control-allow-headers'], '*')
  const notOptions = await req(app, 'GET', '/challenges', { headers: { 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-a' } })
  t.equal(notOptions.headers['access-control-allow-methods'], '*', 'only OPTIONS echoes')
  t.equal(notOptions.headers['access-control-allow-headers'], '*')
  for (const path of ['/nonexistent', '/docs/json', '/gui/challenges']) {
    const res = await req(app, 'GET', path)
    t.equal(res.headers['access-control-allow-origin'], undefined, `${path}: not an API path, no CORS headers`)
  }
})

t.test('classic: CORS headers on every path, with credentials', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'classic' })
  const guid = await newSession(app, 'multi')
  for (const [method, path] of [['GET', '/challenges'], ['POST', '/challenger'], ['GET', `/challenger/${guid}`], ['GET', '/todo'],
    ['DELETE', '/challenges'], ['OPTIONS', '/challenger'], ['GET', '/nonexistent'], ['GET', '/docs/json']]) {
    const res = await req(app, method!, path!)
    t.equal(res.headers['access-control-allow-origin'], '*', `${method} ${path}: Allow-Origin`)
    t.equal(res.headers['access-control-allow-credentials'], 'true', `${method} ${path}: Allow-Credentials`)
    t.equal(res.headers['access-control-allow-headers'], '*', `${method} ${path}: Allow-Headers`)
    t.equal(res.headers['access-control-allow-methods'], '*', `${method} ${path}: Allow-Methods`)
    t.equal(res.headers['access-control-expose-headers'], '*', `${method} ${path}: Expose-Headers`)
  }
  const preflight = await req(app, 'OPTIONS', '/challenger', { headers: {
    'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-challenger',
  } })
  t.equal(preflight.headers['access-control-allow-methods'], '*', 'Access-Control-Request-Method is ignored (S7)')
  t.equal(preflight.headers['access-control-allow-headers'], '*', 'Access-Control-Request-Headers is ignored (S7)')
  const quirk = await req(app, 'OPTIONS', '/challenges', { headers: { 'access-control-allow-methods': 'GET' } })
  t.equal(quirk.headers['access-control-allow-methods'], 'get', 'a request header named Access-Control-Allow-Methods is echoed lower-cased on OPTIONS (S7)')
  const quirkGet = await req(app, 'GET', '/challenges', { headers: { 'access-control-allow-methods': 'GET' } })
  t.equal(quirkGet.headers['access-control-allow-methods'], '*', '…only on OPTIONS')
})

// ---------------------------------------------------------------------------
// unrouted API paths: the 404 rewrite (§2.5, classic.md S3, T17, T18)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  for (const mode of MODES) {
    t.test(`${set} ${mode}: 404 on unrouted API paths`, async (t) => {
      const app = await build(t, { mode, challengeSet: set })
      const guid = await newSession(app, mode)
      const unrouted: [string, string, string][] = [
        ['GET', '/todo', 'todo'],
        ['GET', '/api/todo', 'todo'],
        ['GET', '/challenges/', 'challenges/'],
        ['GET', '/challenges/1', 'challenges/1'],
        ['POST', '/challenger/', 'challenger/'],
        ['PUT', '/challenger/', 'challenger/'],
        ['GET', `/challenger/${guid}/`, `challenger/${guid}/`],
        ['GET', `/challenger/database/${guid}/`, `challenger/database/${guid}/`],
        ['PUT', `/api/challenger/${guid}/`, `challenger/${guid}/`],
        ['GET', '/heartbeat/', 'heartbeat/'],
        ['GET', '/secret/nothing/here', 'secret/nothing/here'],
      ]
      for (const [method, url, normalised] of unrouted) {
        const label = `${method} ${url}`
        const json = await req(app, method, url, { headers: { accept: 'application/json', 'x-challenger': guid } })
        t.equal(json.statusCode, 404, `${label}: 404 (trailing slashes are not ignored)`)
        if (json.statusCode !== 404) continue // reported once above; the Accept variants would only repeat it
        t.equal(json.headers['content-type'], 'application/json', `${label}: JSON type`)
        t.equal(json.body, JSON_404, `${label}: JSON body`)

        const vendorJson = await req(app, method, url, { headers: { accept: 'application/vnd.api+json' } })
        t.equal(vendorJson.statusCode, 404, `${label} Accept application/vnd.api+json: 404`)
        t.equal(vendorJson.body, JSON_404, `${label}: any application/…json Accept gets the JSON body`)

        const xml = await req(app, method, url, { headers: { accept: 'application/xml' } })
        t.equal(xml.statusCode, 404, `${label} Accept application/xml: 404`)
        t.equal(xml.headers['content-type'], 'application/xml', `${label}: XML type`)
        t.equal(xml.body, XML_404, `${label}: XML body uses <message>`)

        for (const accept of ['text/html', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8']) {
          const html = await req(app, method, url, { headers: { accept } })
          if (set === 'current') {
            t.equal(html.statusCode, 307, `${label} Accept ${accept}: 307 (§2.5)`)
            t.equal(html.headers.location, `/gui/404/${normalised}`, `${label}: Location /gui/404/<normalised path>`)
            t.equal(html.body, '', `${label}: the redirect has no body`)
          } else {
            t.equal(html.statusCode, 404, `${label} Accept ${accept}: classic answers 404 with an HTML page (S3)`)
            t.equal(html.headers['content-type'], 'text/html', `${label}: text/html`)
            t.match(html.body, /<html/i, `${label}: an HTML document`)
            t.match(html.body, /404 Not Found/, `${label}: saying 404 Not Found`)
            t.equal(html.headers.location, undefined, 'no redirect in classic')
          }
        }

        for (const accept of ['*/*', undefined, 'application/json, text/plain, */*', 'text/plain']) {
          const res = await req(app, method, url, { headers: accept === undefined ? {} : { accept } })
          t.equal(res.statusCode, 404, `${label} Accept ${accept ?? '(none)'}: 404`)
          t.equal(res.body, '', `${label} Accept ${accept ?? '(none)'}: empty body (the raw Accept decides, T17)`)
          if (set === 'current') t.equal(res.headers['content-type'], undefined, `${label}: an empty 404 has no Content-Type (§2.3)`)
          else if (accept === '*/*' || accept === undefined) t.equal(res.headers['content-type'], 'application/json', `${label}: classic empty 404 is typed application/json (S3)`)
        }
      }

      const outside = await req(app, 'GET', '/nothing/here', { headers: { accept: 'application/json' } })
      t.equal(outside.statusCode, 404, 'a non-API path is a plain 404')
      t.not(outside.body, JSON_404, 'the API rewrite applies to API paths only')
    })
  }
}

// ---------------------------------------------------------------------------
// Content-Type never carries a charset (§2.3)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: Content-Type without charset on API responses`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await newSession(app, 'multi')
    const requests: [string, string, Record<string, string>, string?][] = [
      ['GET', '/challenges', { 'x-challenger': guid }],
      ['GET', '/challenges', { accept: 'application/xml' }],
      ['GET', '/challenges', { accept: 'application/gzip' }],
      ['HEAD', '/challenges', {}],
      ['OPTIONS', '/challenges', {}],
      ['POST', '/challenger', {}],
      ['POST', '/challenger', { 'x-challenger': guid }],
      ['OPTIONS', '/challenger', {}],
      ['GET', '/challenger', {}],
      ['GET', `/challenger/${guid}`, {}],
      ['PUT', `/challenger/${guid}`, {}, '{"xChallenger":'],
      ['PUT', `/challenger/${guid}`, {}, ''],
      ['PUT', '/challenger/00000000-0000-4000-8000-000000000001', {}, JSON.stringify({ xAuthToken: '', xChallenger: '00000000-0000-4000-8000-000000000001', secretNote: '', challengeStatus: {} })],
      ['GET', `/challenger/database/${guid}`, {}],
      ['GET', '/challenger/database/bob', {}],
      ['PUT', `/challenger/database/${guid}`, {}, '{"todos":{}}'],
      ['PUT', `/challenger/database/${guid}`, {}, '{}'],
      ['GET', '/todo', { accept: 'application/json' }],
      ['GET', '/todo', { accept: 'application/xml' }],
      ['GET', '/todo', { accept: 'text/html' }],
    ]
    for (const [method, url, headers, payload] of requests) {
      const res = await req(app, method, url, { headers, payload })
      assertNoCharset(t, res, `${method} ${url} ${JSON.stringify(headers)}`)
    }
  })
}

// ---------------------------------------------------------------------------
// X-CHALLENGER longer than 100 characters (§2.6, classic.md S4)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: an over-long X-CHALLENGER`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await newSession(app, 'multi')
    const long = guid + 'x'.repeat(70)
    for (const path of ['/challenges', '/api/challenger/' + guid]) {
      const res = await req(app, 'GET', path, { headers: { 'x-challenger': long } })
      if (set === 'current') {
        t.equal(res.statusCode, 431, `${path}: 431 before routing`)
        t.same(JSON.parse(res.body), { errorMessages: ['X-CHALLENGER header is too large, maximum allowed is 100 characters'] })
        t.equal(res.headers['content-type'], 'application/json')
        t.equal(res.headers['x-challenger'], guid, 'attributed through its first 36 characters')
        t.equal(res.headers['access-control-allow-origin'], '*', 'CORS headers kept')
      } else {
        t.equal(res.statusCode, 200, `${path}: classic has no 431, just an unknown challenger (S4)`)
        t.equal(res.headers['x-challenger'], path === '/challenges' ? UNKNOWN : guid)
      }
    }
    if (set === 'current') {
      const xml = await req(app, 'GET', '/challenges', { headers: { 'x-challenger': long, accept: 'application/xml' } })
      t.equal(xml.statusCode, 431)
      t.equal(xml.headers['content-type'], 'application/xml')
      const exactly100 = await req(app, 'GET', '/challenges', { headers: { 'x-challenger': guid + 'x'.repeat(64) } })
      t.equal(exactly100.statusCode, 200, '100 characters are allowed')
    }
  })
}

// ---------------------------------------------------------------------------
// session isolation (decision 2)
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set}: sessions are isolated`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const a = await newSession(app, 'multi')
    const b = await newSession(app, 'multi')
    const tokenB = (JSON.parse((await req(app, 'GET', `/challenger/${b}`)).body) as { xAuthToken: string }).xAuthToken

    await req(app, 'GET', '/challenges', { headers: { 'x-challenger': a } })
    await req(app, 'GET', `/challenger/${a}`, { headers: { 'x-challenger': a } })
    await req(app, 'GET', `/challenger/database/${a}`, { headers: { 'x-challenger': a } })
    await req(app, 'PUT', `/challenger/database/${a}`, { headers: { 'x-challenger': a }, payload: '{"todos":[{"id":9,"title":"only A"}]}' })
    const progressA = JSON.parse((await req(app, 'GET', `/challenger/${a}`)).body) as { xAuthToken: string; challengeStatus: Record<string, boolean> }
    await req(app, 'PUT', `/challenger/${a}`, { payload: JSON.stringify({ ...progressA, secretNote: 'A private note' }) })

    const progressB = JSON.parse((await req(app, 'GET', `/challenger/${b}`)).body) as { xAuthToken: string; secretNote: string; challengeStatus: Record<string, boolean> }
    t.same(Object.entries(progressB.challengeStatus).filter(([, done]) => done).map(([key]) => key), ['CREATE_NEW_CHALLENGER'],
      'B shows none of A\'s progress')
    t.equal(progressB.secretNote, '', 'B\'s note untouched')
    t.equal(progressB.xAuthToken, tokenB, 'B\'s token untouched')
    t.not(progressA.xAuthToken, tokenB, 'every session has its own token')
    const listB = (JSON.parse((await req(app, 'GET', '/challenges', { headers: { 'x-challenger': b } })).body) as { challenges: { id: number; status: boolean }[] }).challenges
    t.same(listB.filter((c) => c.status).map((c) => c.id), [1, 2], 'B\'s list: only its own two')
    const todosB = (JSON.parse((await req(app, 'GET', `/challenger/database/${b}`)).body) as { todos: { title: string }[] }).todos
    t.equal(todosB.length, 10, 'B keeps its own seeded list')
    t.notOk(todosB.some((todo) => todo.title === 'only A'), 'A\'s restored todo is not in B\'s list')
    const listA = (JSON.parse((await req(app, 'GET', '/challenges', { headers: { 'x-challenger': a } })).body) as { challenges: { status: boolean }[] }).challenges
    t.ok(listA.filter((c) => c.status).length > 2, 'A\'s list shows A\'s progress')
  })
}
