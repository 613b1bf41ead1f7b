// HTTP tests for /heartbeat (sessions.md §7.0, §7.3; classic.md §2.6), X-HTTP-Method-Override on it
// (sessions.md §2.7; classic.md S5), the X-CHALLENGER length limit (sessions.md §2.6; classic.md S4)
// and the challenges they complete (sessions.md §6.4; classic.md §4), for both challenge sets and
// both run modes. Everything goes through app.inject; status lines over a socket are in
// status-lines.test.ts.
import t, { type Test } from 'tap'
import { build, challengeStatus, completedNames, newChallenger, type TestApp } from './helper.js'
import { CHALLENGES } from '../challenges/catalogue.js'

const SETS = ['current', 'classic'] as const
const MODES = ['single', 'multi'] as const
type SetName = (typeof SETS)[number]
type Mode = (typeof MODES)[number]

const UNKNOWN = 'UNKNOWN CHALLENGER - Challenger not found'
const SINGLE = 'rest-api-challenges-single-player'
const TOO_LONG_JSON = '{"errorMessages":["X-CHALLENGER header is too large, maximum allowed is 100 characters"]}'
const TOO_LONG_XML = '<errorMessages><errorMessage>X-CHALLENGER header is too large, maximum allowed is 100 characters</errorMessage></errorMessages>'

const HEARTBEAT_KEYS = [
  'DELETE_HEARTBEAT_405', 'PATCH_HEARTBEAT_500', 'TRACE_HEARTBEAT_501', 'GET_HEARTBEAT_204', 'X_CHALLENGER_TOO_LONG_431',
  'OVERRIDE_DELETE_HEARTBEAT_405', 'OVERRIDE_PATCH_HEARTBEAT_500', 'OVERRIDE_TRACE_HEARTBEAT_501',
] as const

function nameOf(set: SetName, key: string): string {
  const challenge = CHALLENGES.find((c) => c.key === key)!
  return set === 'current' ? challenge.name : challenge.classicName!
}

/** a fresh app and the GUID to send (the built-in one in single-user mode) */
async function setup(t: Test, set: SetName, mode: Mode = 'multi'): Promise<{ app: TestApp; guid: string }> {
  const app = await build(t, { challengeSet: set, mode })
  const guid = mode === 'multi' ? await newChallenger(app) : SINGLE
  return { app, guid }
}

async function passedKeys(app: TestApp, guid: string): Promise<string[]> {
  const status = await challengeStatus(app, guid)
  return HEARTBEAT_KEYS.filter((key) => status[key] === true)
}

const CORS_CURRENT = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': '*',
  'access-control-expose-headers': '*',
}
const CORS_CLASSIC = { ...CORS_CURRENT, 'access-control-allow-credentials': 'true' }

// ---------------------------------------------------------------------------
// the method table (sessions.md §7.0; classic.md §2.6)
// ---------------------------------------------------------------------------

interface MethodRow {
  method: string
  status: number
  allow?: string
}

const METHOD_ROWS: readonly MethodRow[] = [
  { method: 'GET', status: 204 },
  { method: 'HEAD', status: 204 },
  { method: 'OPTIONS', status: 204, allow: 'GET, HEAD, OPTIONS' },
  { method: 'POST', status: 405 },
  { method: 'PUT', status: 405 },
  { method: 'DELETE', status: 405 },
  { method: 'PATCH', status: 500 },
  { method: 'TRACE', status: 501 },
]

/** Content-Type each set sends for a bodiless heartbeat reply with the default Accept (curl's) */
function expectedContentType(set: SetName, row: MethodRow): string | undefined {
  if (set === 'current') return row.status === 204 ? undefined : 'application/json'
  return row.method === 'OPTIONS' ? 'text/html;charset=utf-8' : 'application/json'
}

for (const set of SETS) {
  t.test(`${set}: every method on /heartbeat and /api/heartbeat`, async (t) => {
    const { app, guid } = await setup(t, set)
    for (const prefix of ['', '/api']) {
      for (const row of METHOD_ROWS) {
        const response = await app.inject({ method: row.method as 'GET', url: `${prefix}/heartbeat`, headers: { 'x-challenger': guid, accept: '*/*' } })
        const label = `${row.method} ${prefix}/heartbeat`
        t.equal(response.statusCode, row.status, `${label} status`)
        t.equal(response.body, '', `${label} has no body`)
        t.equal(response.headers['content-type'], expectedContentType(set, row), `${label} Content-Type`)
        t.equal(response.headers.allow, row.allow, `${label} Allow`)
        t.equal(response.headers['x-challenger'], guid, `${label} X-CHALLENGER`)
        t.match(response.headers, set === 'current' ? CORS_CURRENT : CORS_CLASSIC, `${label} CORS`)
        if (set === 'current') t.notOk(response.headers['access-control-allow-credentials'], `${label} no credentials header`)
        t.notOk(response.headers['x-robots-tag'], `${label} no x-robots-tag`)
      }
    }
  })

  t.test(`${set}: stub Content-Type follows Accept`, async (t) => {
    const { app } = await setup(t, set)
    const cases: ReadonlyArray<[string, string, string | undefined, string | undefined]> = set === 'current'
      // [method, accept, Content-Type current]
      ? [
        ['PATCH', 'application/xml', 'application/xml', undefined],
        ['DELETE', 'application/xml', 'application/xml', undefined],
        ['TRACE', 'application/json', 'application/json', undefined],
        ['POST', 'application/xml;q=0.5, application/json', 'application/json', undefined],
        ['PUT', 'application/json;q=0.5, application/xml', 'application/xml', undefined],
        ['GET', 'application/xml', undefined, undefined],
      ]
      // classic.md S2 and §2.6: the first Accept element verbatim, JSON for */*, application/* or none
      : [
        ['PATCH', 'application/xml', 'application/xml', undefined],
        ['DELETE', 'application/xml', 'application/xml', undefined],
        ['GET', 'application/xml', 'application/xml', undefined],
        ['GET', 'text/html', 'text/html', undefined],
        ['GET', 'application/gzip', 'application/gzip', undefined],
        ['GET', 'bob', 'bob', undefined],
        ['GET', '*/*, application/xml', 'application/json', undefined],
        ['GET', 'application/*', 'application/json', undefined],
        ['TRACE', 'application/json;q=0.5, application/xml', 'application/json;q=0.5', undefined],
      ]
    for (const [method, accept, contentType] of cases) {
      const response = await app.inject({ method: method as 'GET', url: '/heartbeat', headers: { accept } })
      t.equal(response.headers['content-type'], contentType, `${method} with Accept ${accept}`)
      t.equal(response.body, '')
      t.equal(response.headers['x-challenger'], UNKNOWN, 'anonymous request names no session')
    }
    const noAccept = await app.inject({ method: 'PATCH', url: '/heartbeat' })
    t.equal(noAccept.headers['content-type'], 'application/json', 'no Accept gives JSON')
    const getNoAccept = await app.inject({ method: 'GET', url: '/heartbeat' })
    t.equal(getNoAccept.headers['content-type'], set === 'current' ? undefined : 'application/json', 'GET without Accept')
  })

  t.test(`${set}: paths and methods that are not the heartbeat`, async (t) => {
    const { app } = await setup(t, set)
    const slash = await app.inject({ method: 'GET', url: '/heartbeat/', headers: { accept: 'application/json' } })
    t.equal(slash.statusCode, 404, 'a trailing slash is another path')
    t.equal(slash.body, '{"errorMessages":["404 resource Unknown"]}')
    const query = await app.inject({ method: 'GET', url: '/heartbeat?x=1' })
    t.equal(query.statusCode, 204, 'a query string is ignored')
    const sub = await app.inject({ method: 'GET', url: '/api/heartbeat/1', headers: { accept: 'application/json' } })
    t.equal(sub.statusCode, 404)
    // QUERY: not routed in the current set (sessions.md §7.0); classic answered a Java error,
    // which classic.md §0 replaces with a 405 carrying Allow
    const queryMethod = await app.inject({ method: 'QUERY', url: '/heartbeat', headers: { 'content-type': 'application/json', accept: 'application/json' } })
    const queryNoType = await app.inject({ method: 'QUERY', url: '/heartbeat', headers: { accept: 'application/json' } })
    t.equal(queryNoType.statusCode, queryMethod.statusCode, 'QUERY without a Content-Type answers the same')
    if (set === 'current') {
      t.equal(queryMethod.statusCode, 404, 'QUERY is not routed')
    } else {
      t.equal(queryMethod.statusCode, 405, 'QUERY is not allowed')
      t.equal(queryMethod.headers.allow, 'GET, HEAD, OPTIONS')
      t.equal(queryMethod.body, '')
    }
  })

  // -------------------------------------------------------------------------
  // X-HTTP-Method-Override (sessions.md §2.7; classic.md §2.6)
  // -------------------------------------------------------------------------

  t.test(`${set}: a POST with X-HTTP-Method-Override is routed as the named method`, async (t) => {
    const { app, guid } = await setup(t, set)
    const cases: ReadonlyArray<[string, number, string | undefined]> = [
      ['DELETE', 405, undefined],
      ['PATCH', 500, undefined],
      ['TRACE', 501, undefined],
      ['delete', 405, undefined],
      ['patch', 500, undefined],
      ['Trace', 501, undefined],
      ['GET', 204, undefined],
      // no override to HEAD: the answer to a POST must carry the body its length announces, so it stays a POST (405)
      ['HEAD', 405, undefined],
      ['PUT', 405, undefined],
      ['OPTIONS', 204, 'GET, HEAD, OPTIONS'],
      ['FOO', 405, undefined],
    ]
    for (const prefix of ['', '/api']) {
      for (const [override, status, allow] of cases) {
        const response = await app.inject({
          method: 'POST', url: `${prefix}/heartbeat`, headers: { 'x-challenger': guid, 'x-http-method-override': override },
        })
        t.equal(response.statusCode, status, `POST ${prefix}/heartbeat as ${override}`)
        t.equal(response.headers.allow, allow)
        t.equal(response.body, '')
        t.equal(response.headers['x-challenger'], guid)
      }
    }
    // the stubs still take their type from Accept when routed by an override
    const xml = await app.inject({ method: 'POST', url: '/heartbeat', headers: { 'x-http-method-override': 'PATCH', accept: 'application/xml' } })
    t.equal(xml.statusCode, 500)
    t.equal(xml.headers['content-type'], 'application/xml')
  })

  t.test(`${set}: the override is honoured on POST only`, async (t) => {
    // classic.md §0: the reference routed overrides on every method; we keep them to POST so a
    // GET can never act as another method. GET/PUT/DELETE answer as themselves.
    const { app } = await setup(t, set)
    const cases: ReadonlyArray<[string, string, number]> = [
      ['GET', 'PATCH', 204],
      ['PUT', 'TRACE', 405],
      ['DELETE', 'GET', 405],
      ['PATCH', 'GET', 500],
    ]
    for (const [method, override, status] of cases) {
      const response = await app.inject({ method: method as 'GET', url: '/heartbeat', headers: { 'x-http-method-override': override } })
      t.equal(response.statusCode, status, `${method} + override ${override}`)
    }
  })

  // -------------------------------------------------------------------------
  // X-CHALLENGER longer than 100 characters (sessions.md §2.6; classic.md S4)
  // -------------------------------------------------------------------------

  if (set === 'current') {
    t.test('current: X-CHALLENGER over 100 characters is a 431 on every API path, before routing', async (t) => {
      const { app, guid } = await setup(t, set)
      const long = guid + 'x'.repeat(101 - guid.length)
      t.equal(long.length, 101)
      const targets: ReadonlyArray<[string, string]> = [
        ['GET', '/heartbeat'], ['GET', '/api/heartbeat'], ['HEAD', '/heartbeat'], ['POST', '/heartbeat'],
        ['PATCH', '/heartbeat'], ['TRACE', '/heartbeat'], ['OPTIONS', '/heartbeat'], ['GET', '/heartbeat/'],
        ['GET', '/todos'], ['POST', '/todos'], ['GET', '/todo'], ['GET', '/challenges'], ['POST', '/challenger'],
        ['GET', `/challenger/${guid}`], ['POST', '/secret/token'], ['GET', '/secret/note'], ['POST', '/secret/note'],
        ['DELETE', '/api/secret/note'], ['QUERY', '/heartbeat'],
      ]
      for (const [method, url] of targets) {
        const headers: Record<string, string> = { 'x-challenger': long }
        if (method === 'QUERY') headers['content-type'] = 'application/json'
        const response = await app.inject({ method: method as 'GET', url, headers })
        t.equal(response.statusCode, 431, `${method} ${url}`)
        t.equal(response.headers['content-type'], 'application/json', `${method} ${url} Content-Type`)
        if (method !== 'HEAD') t.equal(response.body, TOO_LONG_JSON, `${method} ${url} body`)
        t.equal(response.headers['x-challenger'], guid, `${method} ${url} is attributed to the GUID the header starts with`)
        t.match(response.headers, CORS_CURRENT, `${method} ${url} CORS`)
      }
      const xml = await app.inject({ method: 'GET', url: '/heartbeat', headers: { 'x-challenger': long, accept: 'application/xml' } })
      t.equal(xml.statusCode, 431)
      t.equal(xml.headers['content-type'], 'application/xml')
      t.equal(xml.body, TOO_LONG_XML)
      // not an API path: no check
      const docs = await app.inject({ method: 'GET', url: '/nothing-here', headers: { 'x-challenger': long } })
      t.not(docs.statusCode, 431, 'non-API paths do not check X-CHALLENGER')
    })

    t.test('current: exactly 100 characters is allowed (and names no session)', async (t) => {
      const { app, guid } = await setup(t, set)
      const hundred = guid + 'x'.repeat(100 - guid.length)
      const response = await app.inject({ method: 'GET', url: '/heartbeat', headers: { 'x-challenger': hundred } })
      t.equal(response.statusCode, 204)
      t.equal(response.headers['x-challenger'], UNKNOWN)
      t.same(await passedKeys(app, guid), [], 'nothing credited to anyone')
    })

    t.test('current: a long header naming no known session', async (t) => {
      const { app, guid } = await setup(t, set)
      const response = await app.inject({ method: 'GET', url: '/heartbeat', headers: { 'x-challenger': 'y'.repeat(500) } })
      t.equal(response.statusCode, 431)
      t.equal(response.headers['x-challenger'], UNKNOWN)
      const otherUuid = await app.inject({
        method: 'GET', url: '/heartbeat', headers: { 'x-challenger': '11111111-2222-4333-8444-555555555555' + 'z'.repeat(80) },
      })
      t.equal(otherUuid.statusCode, 431)
      t.equal(otherUuid.headers['x-challenger'], UNKNOWN)
      t.same(await passedKeys(app, guid), [])
    })

    t.test('current: the 431 challenge needs GET /heartbeat and a header starting with your GUID', async (t) => {
      const { app, guid } = await setup(t, set)
      const long = guid + '-'.repeat(70)
      await app.inject({ method: 'POST', url: '/heartbeat', headers: { 'x-challenger': long } })
      await app.inject({ method: 'HEAD', url: '/heartbeat', headers: { 'x-challenger': long } })
      await app.inject({ method: 'GET', url: '/todos', headers: { 'x-challenger': long } })
      await app.inject({ method: 'GET', url: '/challenges', headers: { 'x-challenger': long } })
      t.same(await passedKeys(app, guid), [], 'other methods and paths credit nothing, not even GET_HEARTBEAT_204')
      const status = await challengeStatus(app, guid)
      t.equal(status.GET_CHALLENGES, false, 'the 431 stops the request before its own challenges')
      const response = await app.inject({ method: 'GET', url: '/api/heartbeat', headers: { 'x-challenger': long.toUpperCase() } })
      t.equal(response.statusCode, 431)
      t.same(await passedKeys(app, guid), ['X_CHALLENGER_TOO_LONG_431'], 'case does not matter; only the 431 is credited')
    })
  } else {
    t.test('classic: no 431, a long X-CHALLENGER is just an unknown session', async (t) => {
      const { app, guid } = await setup(t, set)
      for (const length of [101, 500]) {
        const long = guid + 'x'.repeat(length - guid.length)
        const heartbeat = await app.inject({ method: 'GET', url: '/heartbeat', headers: { 'x-challenger': long } })
        t.equal(heartbeat.statusCode, 204, `${length} characters`)
        t.equal(heartbeat.headers['x-challenger'], UNKNOWN)
        const todos = await app.inject({ method: 'GET', url: '/todos', headers: { 'x-challenger': long } })
        t.equal(todos.statusCode, 200)
        t.equal(todos.headers['x-challenger'], UNKNOWN)
      }
      t.same(await passedKeys(app, guid), [], 'nothing is credited')
    })
  }

  // -------------------------------------------------------------------------
  // single-user mode (classic.md §2.6 "single-player heartbeat")
  // -------------------------------------------------------------------------

  t.test(`${set}: single-user mode answers for the built-in session whatever X-CHALLENGER says`, async (t) => {
    const { app } = await setup(t, set, 'single')
    for (const headers of [{}, { 'x-challenger': 'bob' }]) {
      const response = await app.inject({ method: 'GET', url: '/heartbeat', headers })
      t.equal(response.statusCode, 204)
      t.equal(response.headers['x-challenger'], SINGLE)
    }
    const long = await app.inject({ method: 'GET', url: '/heartbeat', headers: { 'x-challenger': 'q'.repeat(150) } })
    if (set === 'current') {
      t.equal(long.statusCode, 431, 'a long header is still refused')
      t.equal(long.headers['x-challenger'], SINGLE, 'and attributed to the built-in session')
      t.same(await passedKeys(app, SINGLE), ['GET_HEARTBEAT_204', 'X_CHALLENGER_TOO_LONG_431'])
    } else {
      t.equal(long.statusCode, 204)
      t.same(await passedKeys(app, SINGLE), ['GET_HEARTBEAT_204'])
    }
  })

  // -------------------------------------------------------------------------
  // completion triggers (sessions.md §6.4; classic.md §4, S5)
  // -------------------------------------------------------------------------

  t.test(`${set}: each plain heartbeat challenge is credited by the method on the wire`, async (t) => {
    const cases: ReadonlyArray<[string, string]> = [
      ['GET', 'GET_HEARTBEAT_204'], ['DELETE', 'DELETE_HEARTBEAT_405'], ['PATCH', 'PATCH_HEARTBEAT_500'], ['TRACE', 'TRACE_HEARTBEAT_501'],
    ]
    for (const [method, key] of cases) {
      const { app, guid } = await setup(t, set)
      await app.inject({ method: method as 'GET', url: '/api/heartbeat', headers: { 'x-challenger': guid } })
      t.same(await passedKeys(app, guid), [key], `${method} credits only ${key}`)
    }
    const { app, guid } = await setup(t, set)
    for (const method of ['HEAD', 'POST', 'PUT', 'OPTIONS']) {
      await app.inject({ method: method as 'GET', url: '/heartbeat', headers: { 'x-challenger': guid } })
    }
    await app.inject({ method: 'GET', url: '/heartbeat/', headers: { 'x-challenger': guid } })
    t.same(await passedKeys(app, guid), [], 'HEAD, POST, PUT, OPTIONS and /heartbeat/ credit nothing')
  })

  t.test(`${set}: POST + override credits the override challenge, not the plain one`, async (t) => {
    const cases: ReadonlyArray<[string, string]> = [
      ['DELETE', 'OVERRIDE_DELETE_HEARTBEAT_405'], ['patch', 'OVERRIDE_PATCH_HEARTBEAT_500'], ['trace', 'OVERRIDE_TRACE_HEARTBEAT_501'],
    ]
    for (const [override, key] of cases) {
      const { app, guid } = await setup(t, set)
      await app.inject({ method: 'POST', url: '/heartbeat', headers: { 'x-challenger': guid, 'x-http-method-override': override } })
      t.same(await passedKeys(app, guid), [key], `POST as ${override}`)
    }
    const { app, guid } = await setup(t, set)
    for (const override of ['GET', 'PUT', 'HEAD', 'OPTIONS']) {
      await app.inject({ method: 'POST', url: '/heartbeat', headers: { 'x-challenger': guid, 'x-http-method-override': override } })
    }
    t.same(await passedKeys(app, guid), [], 'POST as GET/PUT/HEAD/OPTIONS credits nothing (not even GET_HEARTBEAT_204)')
    // the override on another path is no heartbeat challenge
    await app.inject({ method: 'POST', url: '/todos', headers: { 'x-challenger': guid, 'x-http-method-override': 'PATCH' } })
    t.same(await passedKeys(app, guid), [])
  })

  t.test(`${set}: an override header on another method`, async (t) => {
    // current (sessions.md §2.7): the header alone counts; classic (S5): only a real POST does
    const { app, guid } = await setup(t, set)
    await app.inject({ method: 'GET', url: '/heartbeat', headers: { 'x-challenger': guid, 'x-http-method-override': 'PATCH' } })
    await app.inject({ method: 'PUT', url: '/heartbeat', headers: { 'x-challenger': guid, 'x-http-method-override': 'DELETE' } })
    const expected = set === 'current'
      ? ['GET_HEARTBEAT_204', 'OVERRIDE_DELETE_HEARTBEAT_405', 'OVERRIDE_PATCH_HEARTBEAT_500']
      : ['GET_HEARTBEAT_204']
    t.same(await passedKeys(app, guid), expected)
  })

  t.test(`${set}: heartbeat challenges need a known session`, async (t) => {
    const { app, guid } = await setup(t, set)
    await app.inject({ method: 'GET', url: '/heartbeat' })
    await app.inject({ method: 'PATCH', url: '/heartbeat', headers: { 'x-challenger': '11111111-2222-4333-8444-555555555555' } })
    await app.inject({ method: 'POST', url: '/heartbeat', headers: { 'x-http-method-override': 'TRACE' } })
    t.same(await passedKeys(app, guid), [])
  })

  for (const mode of MODES) {
    t.test(`${set}/${mode}: a fresh session completes every heartbeat challenge and GET /challenges shows them`, async (t) => {
      const { app, guid } = await setup(t, set, mode)
      const listed = new Set((await app.inject({ method: 'GET', url: '/challenges' })).json<{ challenges: { name: string }[] }>()
        .challenges.map((c) => c.name))
      const keys = HEARTBEAT_KEYS.filter((key) => set === 'current' || key !== 'X_CHALLENGER_TOO_LONG_431')
      const names = keys.map((key) => nameOf(set, key))
      for (const name of names) t.ok(listed.has(name), `${name} is listed`)
      t.same((await completedNames(app, guid)).filter((name) => names.includes(name)), [], 'none done on a fresh session')

      const headers = { 'x-challenger': guid }
      const prefix = set === 'current' ? '/api' : ''
      t.equal((await app.inject({ method: 'GET', url: `${prefix}/heartbeat`, headers })).statusCode, 204)
      t.equal((await app.inject({ method: 'DELETE', url: `${prefix}/heartbeat`, headers })).statusCode, 405)
      t.equal((await app.inject({ method: 'PATCH', url: `${prefix}/heartbeat`, headers })).statusCode, 500)
      t.equal((await app.inject({ method: 'TRACE', url: `${prefix}/heartbeat`, headers })).statusCode, 501)
      for (const [override, status] of [['DELETE', 405], ['PATCH', 500], ['TRACE', 501]] as const) {
        const response = await app.inject({ method: 'POST', url: `${prefix}/heartbeat`, headers: { ...headers, 'x-http-method-override': override } })
        t.equal(response.statusCode, status)
      }
      if (set === 'current') {
        const long = await app.inject({ method: 'GET', url: `${prefix}/heartbeat`, headers: { 'x-challenger': guid + '#'.repeat(80) } })
        t.equal(long.statusCode, 431)
      }
      const done = await completedNames(app, guid)
      for (const name of names) t.ok(done.includes(name), `${name} is done`)
      t.same(await passedKeys(app, guid), keys)
    })
  }
}

t.test('current: the OpenAPI document lists the heartbeat methods', async (t) => {
  const app = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>()
  const heartbeat = doc.paths['/api/heartbeat']
  t.ok(heartbeat, '/api/heartbeat is documented')
  t.ok(heartbeat?.get && heartbeat.patch && heartbeat.trace, 'GET, PATCH and TRACE are described')
  t.notOk(doc.paths['/heartbeat'], 'the root copy is hidden')
})
