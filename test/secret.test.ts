// HTTP tests for /secret/token and /secret/note (sessions.md §7.1–§7.3, §9.12–§9.14; classic.md
// S15–S18, §2.7, §2.8) and the authentication/authorization challenges they complete (sessions.md
// §6.4; classic.md §4), for both challenge sets and both run modes. Everything goes through
// app.inject; status lines over a socket are in status-lines.test.ts.
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { build, challengeStatus, completedNames, newChallenger, tempDir, type TestApp } from './helper.js'
import { CHALLENGES } from '../challenges/catalogue.js'
import { javaDoubleText, parseNoteBody } from '../routes/secret.js'
import { basicCredentialsOf, bearerTokenOf } from '../schemas/secret.js'

const SETS = ['current', 'classic'] as const
const MODES = ['single', 'multi'] as const
type SetName = (typeof SETS)[number]
type Mode = (typeof MODES)[number]

const UNKNOWN = 'UNKNOWN CHALLENGER - Challenger not found'
const SINGLE = 'rest-api-challenges-single-player'
const UNKNOWN_GUID = '11111111-2222-4333-8444-555555555555'
const READ_ONLY_TOKEN = '00000000-0000-4000-8000-000000000000'
const ADMIN = 'Basic YWRtaW46cGFzc3dvcmQ=' // admin:password
const WRONG = 'Basic YWRtaW46d3Jvbmc=' // admin:wrong
const BASIC_CHALLENGE = 'Basic realm="User Visible Realm"'
const HTML_TYPE = 'text/html;charset=utf-8'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const TOO_LONG = 'Failed Validation: Maximum allowable length exceeded for note - maximum allowed is 100'

const SECRET_KEYS = [
  'CREATE_SECRET_TOKEN_401', 'CREATE_SECRET_TOKEN_201', 'GET_SECRET_NOTE_403', 'GET_SECRET_NOTE_401', 'GET_SECRET_NOTE_200',
  'POST_SECRET_NOTE_200', 'POST_SECRET_NOTE_401', 'POST_SECRET_NOTE_403', 'GET_SECRET_NOTE_BEARER_200', 'POST_SECRET_NOTE_BEARER_200',
] as const

const validationStatus = (set: SetName) => (set === 'current' ? 422 : 400)
/** the type the classic reference's framework gave bodiless replies it did not type (classic.md S1, S16) */
const untyped = (set: SetName) => (set === 'current' ? undefined : HTML_TYPE)
/** WWW-Authenticate on /secret/note 401s: current only (sessions.md §7.2, classic.md S16) */
const bearerChallenge = (set: SetName) => (set === 'current' ? 'Bearer' : undefined)

function nameOf(set: SetName, key: string): string {
  const challenge = CHALLENGES.find((c) => c.key === key)!
  return set === 'current' ? challenge.name : challenge.classicName!
}

interface Session {
  app: TestApp
  guid: string
  token: string
}

/** a fresh app, its session GUID (the built-in one in single mode) and that session's auth token */
async function setup(t: Test, set: SetName, mode: Mode = 'multi'): Promise<Session> {
  const app = await build(t, { challengeSet: set, mode })
  const guid = mode === 'multi' ? await newChallenger(app) : SINGLE
  const progress = await app.inject({ method: 'GET', url: `/challenger/${guid}` })
  return { app, guid, token: progress.json<{ xAuthToken: string }>().xAuthToken }
}

async function passedKeys(app: TestApp, guid: string): Promise<string[]> {
  const status = await challengeStatus(app, guid)
  return SECRET_KEYS.filter((key) => status[key] === true)
}

type Headers = Record<string, string>

const postNote = (s: Session, headers: Headers, payload: string, url = '/secret/note') =>
  s.app.inject({ method: 'POST', url, headers, payload })

// ---------------------------------------------------------------------------
// header syntax (sessions.md §7.1, §7.2; classic.md S18)
// ---------------------------------------------------------------------------

t.test('Basic and Bearer header syntax', async (t) => {
  t.same(basicCredentialsOf(ADMIN), { user: 'admin', password: 'password' })
  t.same(basicCredentialsOf('basic YWRtaW46cGFzc3dvcmQ='), { user: 'admin', password: 'password' }, 'scheme in any case')
  t.same(basicCredentialsOf('BASIC   YWRtaW46cGFzc3dvcmQ='), { user: 'admin', password: 'password' }, 'runs of spaces')
  t.same(basicCredentialsOf(`Basic ${Buffer.from('a:b:c').toString('base64')}`), { user: 'a', password: 'b:c' }, 'split at the first colon')
  t.equal(basicCredentialsOf(undefined), undefined)
  t.equal(basicCredentialsOf('Basic'), undefined)
  t.equal(basicCredentialsOf('Basic x'), undefined)
  t.equal(basicCredentialsOf('Bearer YWRtaW46cGFzc3dvcmQ='), undefined)
  t.equal(basicCredentialsOf(`${ADMIN} extra`), undefined, 'exactly two words')
  t.equal(basicCredentialsOf(`Basic ${Buffer.from(':password').toString('base64')}`), undefined, 'empty user')
  t.equal(basicCredentialsOf(`Basic ${Buffer.from('admin:').toString('base64')}`), undefined, 'empty password')
  t.equal(basicCredentialsOf(`Basic ${Buffer.from('adminpassword').toString('base64')}`), undefined, 'no colon')
  t.equal(basicCredentialsOf('Basic !!!!'), undefined, 'not base64')

  t.equal(bearerTokenOf('Bearer abc'), 'abc')
  t.equal(bearerTokenOf('bearer abc'), 'abc')
  t.equal(bearerTokenOf('BEARER  abc'), 'abc')
  t.equal(bearerTokenOf('Bearer'), undefined)
  t.equal(bearerTokenOf('Bearer '), undefined)
  t.equal(bearerTokenOf('Basic abc'), undefined)
  t.equal(bearerTokenOf(undefined), undefined)
})

t.test('note bodies', async (t) => {
  t.same(parseNoteBody('{"note":"hi"}', 'json', 422), { ok: true, note: 'hi' })
  t.same(parseNoteBody('{"note":""}', 'json', 422), { ok: true, note: '' }, 'an empty note is a note')
  t.same(parseNoteBody('{"note":123}', 'json', 400), { ok: true, note: '123.0' }, 'classic.md S17: a JSON number reads as a Java double')
  t.same(parseNoteBody('{"note":true}', 'json', 400), { ok: true, note: 'true' })
  t.same(parseNoteBody('<secretnote><note>x y</note></secretnote>', 'xml', 400), { ok: true, note: 'x y' })
  t.same(parseNoteBody('<note>bare</note>', 'xml', 400), { ok: true, note: 'bare' }, 'classic.md S17: no secretnote wrapper needed')
  t.same(parseNoteBody('<secretnote><note>123</note></secretnote>', 'xml', 400), { ok: true, note: '123' })
  t.same(parseNoteBody('<secretnote><note></note></secretnote>', 'xml', 400), { ok: true, note: '' })
  t.same(parseNoteBody('', 'json', 422), { ok: false, status: 422, message: 'note : field is mandatory' })
  t.same(parseNoteBody('  ', 'xml', 400), { ok: false, status: 400, message: 'note : field is mandatory' })
  t.same(parseNoteBody('{}', 'json', 400), { ok: false, status: 400, message: 'note : field is mandatory' })
  t.same(parseNoteBody('{"note":null}', 'json', 400), { ok: false, status: 400, message: 'note : field is mandatory' })
  t.same(parseNoteBody('<secretnote></secretnote>', 'xml', 422), { ok: false, status: 422, message: 'note : field is mandatory' })
  t.same(parseNoteBody('{"name":"bob"}', 'json', 400), { ok: false, status: 400, message: 'Could not find field: name' })
  t.same(parseNoteBody('{"note":"x","name":"bob"}', 'json', 422), { ok: false, status: 422, message: 'Could not find field: name' })
  t.same(parseNoteBody('<secretnote><bob>x</bob></secretnote>', 'xml', 400), { ok: false, status: 400, message: 'Could not find field: bob' })
  t.same(parseNoteBody('{"note":{"a":1}}', 'json', 422), { ok: false, status: 422, message: 'Failed Validation: note must be a string' })
  t.same(parseNoteBody('{"note":["a"]}', 'json', 422), { ok: false, status: 422, message: 'Failed Validation: note must be a string' })
  t.same(parseNoteBody(`{"note":"${'n'.repeat(101)}"}`, 'json', 422), { ok: false, status: 422, message: TOO_LONG })
  t.same(parseNoteBody(`{"note":"${'n'.repeat(100)}"}`, 'json', 422), { ok: true, note: 'n'.repeat(100) })
  t.same(parseNoteBody('{"note":', 'json', 422), {
    ok: false, status: 400, message: 'Invalid Json Payload: please check the syntax of the request body',
  }, 'syntax errors are always 400')
  t.same(parseNoteBody('["note"]', 'json', 422), {
    ok: false, status: 400, message: 'Invalid Json Payload: please check the syntax of the request body',
  }, 'a JSON document that is not an object')
  const badXml = parseNoteBody('<secretnote><note>x</secretnote>', 'xml', 422)
  t.equal(badXml.ok, false)
  t.match(badXml, { status: 400, message: /^Invalid XML Payload/ })
  t.match(parseNoteBody('<!DOCTYPE x [<!ENTITY e "e">]><note>&e;</note>', 'xml', 400), { ok: false, status: 400 })

  t.equal(javaDoubleText(123), '123.0')
  t.equal(javaDoubleText(-4), '-4.0')
  t.equal(javaDoubleText(0), '0.0')
  t.equal(javaDoubleText(1.5), '1.5')
  t.equal(javaDoubleText(12345678), '1.2345678E7')
  t.equal(javaDoubleText(1e21), '1.0E21')
  t.equal(javaDoubleText(0.0001), '1.0E-4')
})

for (const set of SETS) {
  // -------------------------------------------------------------------------
  // POST /secret/token (sessions.md §7.1; classic.md S15, §2.7)
  // -------------------------------------------------------------------------

  t.test(`${set}: POST /secret/token`, async (t) => {
    const s = await setup(t, set)
    const { app, guid, token } = s
    t.match(token, UUID, 'every session has an unguessable UUID token')

    for (const [label, authorization] of [['no Authorization', undefined], ['wrong password', WRONG], ['Basic x', 'Basic x'], ['Bearer', `Bearer ${token}`]] as const) {
      const headers: Headers = { 'x-challenger': guid }
      if (authorization) headers.authorization = authorization
      const response = await app.inject({ method: 'POST', url: '/secret/token', headers })
      t.equal(response.statusCode, 401, label)
      t.equal(response.headers['www-authenticate'], BASIC_CHALLENGE, `${label}: Basic challenge`)
      t.equal(response.headers['x-challenger'], guid, `${label}: X-CHALLENGER`)
      t.notOk(response.headers['x-auth-token'])
      t.equal(response.body, '')
      t.equal(response.headers['content-type'], untyped(set))
    }

    for (const [label, headers] of [['no X-CHALLENGER', {}], ['unknown X-CHALLENGER', { 'x-challenger': UNKNOWN_GUID }]] as const) {
      const response = await app.inject({ method: 'POST', url: '/secret/token', headers: { ...headers, authorization: ADMIN } })
      t.equal(response.statusCode, 401, `right credentials, ${label}`)
      t.notOk(response.headers['www-authenticate'], `${label}: no challenge`)
      t.equal(response.headers['x-challenger'], UNKNOWN)
      t.notOk(response.headers['x-auth-token'])
    }

    for (const url of ['/secret/token', '/api/secret/token']) {
      for (const authorization of [ADMIN, 'basic YWRtaW46cGFzc3dvcmQ=']) {
        const response = await app.inject({ method: 'POST', url, headers: { 'x-challenger': guid, authorization } })
        t.equal(response.statusCode, 201, `${url} with ${authorization}`)
        t.equal(response.headers['x-auth-token'], token, 'the session\'s own token, the same every time')
        t.equal(response.headers['x-challenger'], guid)
        t.equal(response.body, '')
        t.equal(response.headers['content-type'], untyped(set))
        t.notOk(response.headers['www-authenticate'])
      }
    }

    // the site's live widget asks for no Basic challenge (current only, classic.md S15)
    const widget = await app.inject({
      method: 'POST', url: '/secret/token', headers: { 'x-challenger': guid, authorization: WRONG, 'x-api-challenges-live-widget': 'true' },
    })
    t.equal(widget.statusCode, 401)
    t.equal(widget.headers['www-authenticate'], set === 'current' ? undefined : BASIC_CHALLENGE, 'live widget')
    const xmlAccept = await app.inject({ method: 'POST', url: '/secret/token', headers: { 'x-challenger': guid, authorization: WRONG, accept: 'application/xml' } })
    t.equal(xmlAccept.statusCode, 401)
    t.equal(xmlAccept.body, '', 'Accept changes nothing')
  })

  t.test(`${set}: single-user POST /secret/token needs no X-CHALLENGER`, async (t) => {
    const { app, token } = await setup(t, set, 'single')
    const response = await app.inject({ method: 'POST', url: '/secret/token', headers: { authorization: ADMIN } })
    t.equal(response.statusCode, 201)
    t.equal(response.headers['x-auth-token'], token)
    t.equal(response.headers['x-challenger'], SINGLE)
    const garbage = await app.inject({ method: 'POST', url: '/secret/token', headers: { authorization: ADMIN, 'x-challenger': 'bob' } })
    t.equal(garbage.headers['x-auth-token'], token)
  })

  // -------------------------------------------------------------------------
  // GET /secret/token (sessions.md §7.1: current only)
  // -------------------------------------------------------------------------

  if (set === 'current') {
    t.test('current: GET /secret/token', async (t) => {
      const { app, guid, token } = await setup(t, set)
      const noAuth = await app.inject({ method: 'GET', url: '/secret/token', headers: { 'x-challenger': guid } })
      t.equal(noAuth.statusCode, 401)
      t.equal(noAuth.headers['www-authenticate'], BASIC_CHALLENGE)
      const widget = await app.inject({ method: 'GET', url: '/secret/token', headers: { 'x-challenger': guid, 'x-api-challenges-live-widget': 'true' } })
      t.equal(widget.statusCode, 401)
      t.notOk(widget.headers['www-authenticate'])

      const own = await app.inject({ method: 'GET', url: '/api/secret/token', headers: { 'x-challenger': guid, authorization: ADMIN } })
      t.equal(own.statusCode, 200)
      t.equal(own.headers['content-type'], 'application/json')
      t.equal(own.headers['x-auth-token'], token)
      t.equal(own.headers['x-challenger'], guid)
      t.same(own.json(), { token })

      const unknown = await app.inject({ method: 'GET', url: '/secret/token', headers: { 'x-challenger': UNKNOWN_GUID, authorization: ADMIN } })
      t.equal(unknown.statusCode, 401)
      t.equal(unknown.headers['x-challenger'], UNKNOWN)
      t.notOk(unknown.headers['www-authenticate'])
      t.notOk(unknown.headers['x-auth-token'])

      const demo = await app.inject({ method: 'GET', url: '/secret/token', headers: { authorization: ADMIN } })
      t.equal(demo.statusCode, 200, 'no X-CHALLENGER: the read-only demo token')
      t.equal(demo.headers['x-auth-token'], READ_ONLY_TOKEN)
      t.same(demo.json(), { token: READ_ONLY_TOKEN })
      t.equal(demo.headers['x-challenger'], UNKNOWN)

      t.same(await passedKeys(app, guid), [], 'GET /secret/token completes none of the POST challenges')

      const single = await setup(t, set, 'single')
      const singleToken = await single.app.inject({ method: 'GET', url: '/secret/token', headers: { authorization: ADMIN } })
      t.equal(singleToken.statusCode, 200)
      t.same(singleToken.json(), { token: single.token }, 'single-user: the real token, never the demo one')
    })
  }

  t.test(`${set}: OPTIONS and the 405s of /secret/token`, async (t) => {
    const { app, guid } = await setup(t, set)
    const options = await app.inject({ method: 'OPTIONS', url: '/secret/token', headers: { 'x-challenger': guid } })
    t.equal(options.statusCode, 204)
    t.equal(options.headers.allow, set === 'current' ? 'GET, POST, OPTIONS' : 'POST, OPTIONS')
    t.equal(options.headers['content-type'], untyped(set))
    t.equal(options.headers['x-challenger'], guid)
    const notAllowed = set === 'current' ? ['HEAD', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY'] : ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY']
    for (const method of notAllowed) {
      const response = await app.inject({
        method: method as 'GET', url: '/api/secret/token', headers: { 'x-challenger': guid, authorization: ADMIN, 'content-type': 'application/json' },
      })
      t.equal(response.statusCode, 405, method)
      t.equal(response.body, '')
      t.equal(response.headers['content-type'], 'application/json', `${method}: stub type`)
      t.equal(response.headers.allow, set === 'classic' && method === 'QUERY' ? 'POST, OPTIONS' : undefined, `${method} Allow`)
      t.notOk(response.headers['x-auth-token'])
    }
  })

  // -------------------------------------------------------------------------
  // GET /secret/note (sessions.md §7.2; classic.md S16, S18, §2.8)
  // -------------------------------------------------------------------------

  t.test(`${set}: GET /secret/note`, async (t) => {
    const s = await setup(t, set)
    const { app, guid, token } = s
    const get = (headers: Headers, url = '/secret/note') => app.inject({ method: 'GET', url, headers: { 'x-challenger': guid, ...headers } })

    // [label, headers, status, WWW-Authenticate]
    const rows: ReadonlyArray<[string, Headers, number, string | undefined]> = [
      ['no token', {}, 401, bearerChallenge(set)],
      ['empty X-AUTH-TOKEN', { 'x-auth-token': '' }, 401, bearerChallenge(set)],
      ['Authorization: Bearer without a token', { authorization: 'Bearer' }, 401, bearerChallenge(set)],
      ['Basic credentials are no token', { authorization: ADMIN }, 401, bearerChallenge(set)],
      ['wrong X-AUTH-TOKEN', { 'x-auth-token': 'bob' }, 403, undefined],
      ['wrong Bearer', { authorization: 'Bearer bob' }, 403, undefined],
      ['wrong Bearer beats the right X-AUTH-TOKEN', { authorization: 'Bearer bob', 'x-auth-token': token }, 403, undefined],
      ['right token, unsupported Accept', { 'x-auth-token': token, accept: 'application/gzip' }, 406, undefined],
      ['wrong token and unsupported Accept: 403 first', { 'x-auth-token': 'bob', accept: 'bob' }, 403, undefined],
    ]
    for (const [label, headers, status, challenge] of rows) {
      const response = await get(headers)
      t.equal(response.statusCode, status, label)
      t.equal(response.body, '', `${label}: no body`)
      t.equal(response.headers['content-type'], 'application/json', `${label}: typed JSON up front`)
      t.equal(response.headers['www-authenticate'], challenge, `${label}: WWW-Authenticate`)
      t.equal(response.headers['x-challenger'], guid)
    }

    const ok: ReadonlyArray<[string, Headers, string, string]> = [
      ['X-AUTH-TOKEN', { 'x-auth-token': token }, 'application/json', '{"note":""}'],
      ['X-AUTH-TOKEN, no Accept', { 'x-auth-token': token, accept: '' }, 'application/json', '{"note":""}'],
      ['Bearer', { authorization: `Bearer ${token}` }, 'application/json', '{"note":""}'],
      ['lower-case bearer', { authorization: `bearer ${token}` }, 'application/json', '{"note":""}'],
      ['right Bearer beats a wrong X-AUTH-TOKEN', { authorization: `Bearer ${token}`, 'x-auth-token': 'bob' }, 'application/json', '{"note":""}'],
      ['Accept XML', { 'x-auth-token': token, accept: 'application/xml' }, 'application/xml', '<secretnote><note/></secretnote>'],
      ['Accept JSON', { 'x-auth-token': token, accept: 'application/json' }, 'application/json', '{"note":""}'],
    ]
    for (const [label, headers, contentType, body] of ok) {
      for (const url of ['/secret/note', '/api/secret/note']) {
        const response = await get(headers, url)
        t.equal(response.statusCode, 200, `${label} ${url}`)
        t.equal(response.headers['content-type'], contentType, `${label}: Content-Type`)
        t.equal(response.body, body, `${label}: body`)
        t.equal(response.headers['x-challenger'], guid)
        t.notOk(response.headers['x-robots-tag'])
      }
    }

    const head = await app.inject({ method: 'HEAD', url: '/secret/note', headers: { 'x-challenger': guid, 'x-auth-token': token } })
    t.equal(head.statusCode, 200, 'HEAD answers as GET')
    t.equal(head.headers['content-type'], 'application/json')
    t.equal(head.body, '')
    const headNoToken = await app.inject({ method: 'HEAD', url: '/secret/note', headers: { 'x-challenger': guid } })
    t.equal(headNoToken.statusCode, 401)

    // another session's token is a wrong token
    const other = await newChallenger(app)
    const crossed = await get({ 'x-challenger': other, 'x-auth-token': token })
    t.equal(crossed.statusCode, 403, 'tokens are per session')
  })

  t.test(`${set}: GET /secret/note without a session (multi-user)`, async (t) => {
    const { app, token } = await setup(t, set)
    const unknown = await app.inject({ method: 'GET', url: '/secret/note', headers: { 'x-challenger': UNKNOWN_GUID, 'x-auth-token': token } })
    t.equal(unknown.statusCode, 401, 'unknown X-CHALLENGER')
    t.equal(unknown.headers['x-challenger'], UNKNOWN)
    t.equal(unknown.headers['www-authenticate'], bearerChallenge(set))
    t.equal(unknown.headers['content-type'], 'application/json')

    if (set === 'current') {
      // the read-only demo note (sessions.md §7.2 row 2)
      const rows: ReadonlyArray<[string, Headers, number, string]> = [
        ['no token', {}, 401, ''],
        ['a session\'s real token', { 'x-auth-token': token }, 403, ''],
        ['demo token, unsupported Accept', { 'x-auth-token': READ_ONLY_TOKEN, accept: 'bob' }, 406, ''],
        ['demo token', { 'x-auth-token': READ_ONLY_TOKEN }, 200, '{"note":"This is the read-only secret note."}'],
        ['demo token as Bearer, XML', { authorization: `Bearer ${READ_ONLY_TOKEN}`, accept: 'application/xml' }, 200,
          '<secretnote><note>This is the read-only secret note.</note></secretnote>'],
      ]
      for (const [label, headers, status, body] of rows) {
        const response = await app.inject({ method: 'GET', url: '/secret/note', headers })
        t.equal(response.statusCode, status, `demo: ${label}`)
        t.equal(response.body, body, `demo: ${label} body`)
        t.equal(response.headers['x-challenger'], UNKNOWN)
        t.equal(response.headers['www-authenticate'], status === 401 ? 'Bearer' : undefined)
      }
      const post = await app.inject({
        method: 'POST', url: '/secret/note', headers: { 'x-auth-token': READ_ONLY_TOKEN, 'content-type': 'application/json' }, payload: '{"note":"x"}',
      })
      t.equal(post.statusCode, 401, 'the demo note is read-only')
    } else {
      const noChallenger = await app.inject({ method: 'GET', url: '/secret/note', headers: { 'x-auth-token': token } })
      t.equal(noChallenger.statusCode, 401, 'classic: no read-only mode')
      t.notOk(noChallenger.headers['www-authenticate'])
      const demo = await app.inject({ method: 'GET', url: '/secret/note', headers: { 'x-auth-token': READ_ONLY_TOKEN } })
      t.equal(demo.statusCode, 401)
    }
  })

  // -------------------------------------------------------------------------
  // POST /secret/note (sessions.md §7.2, §9.12; classic.md S16, S17, §2.8)
  // -------------------------------------------------------------------------

  t.test(`${set}: POST /secret/note is checked in the reference's order`, async (t) => {
    const s = await setup(t, set)
    const { guid, token } = s
    const json = { 'content-type': 'application/json' }
    const note = '{"note":"x"}'
    // [label, headers, status, Content-Type, WWW-Authenticate, X-CHALLENGER]
    const rows: ReadonlyArray<[string, Headers, number, string | undefined, string | undefined, string]> = [
      ['406 before everything', { accept: 'application/gzip', 'content-type': 'bob' }, 406, untyped(set), undefined, UNKNOWN],
      ['406 with a session and token', { 'x-challenger': guid, 'x-auth-token': token, accept: 'bob', ...json }, 406, untyped(set), undefined, guid],
      ['415 without Content-Type, before auth', {}, 415, untyped(set), undefined, UNKNOWN],
      ['415 without Content-Type', { 'x-challenger': guid, 'x-auth-token': token }, 415, untyped(set), undefined, guid],
      ['415 form type', { 'x-challenger': guid, 'x-auth-token': token, 'content-type': 'application/x-www-form-urlencoded' }, 415, untyped(set), undefined, guid],
      ['415 text/plain', { 'x-challenger': guid, 'x-auth-token': token, 'content-type': 'text/plain' }, 415, untyped(set), undefined, guid],
      ['415 malformed type', { 'x-challenger': guid, 'x-auth-token': token, 'content-type': 'bob' }, 415, untyped(set), undefined, guid],
      ['401 no session', { 'x-auth-token': token, ...json }, 401, untyped(set), bearerChallenge(set), UNKNOWN],
      ['401 unknown session', { 'x-challenger': UNKNOWN_GUID, 'x-auth-token': token, ...json }, 401, untyped(set), bearerChallenge(set), UNKNOWN],
      ['401 no token', { 'x-challenger': guid, ...json }, 401, 'application/json', bearerChallenge(set), guid],
      ['401 empty token', { 'x-challenger': guid, 'x-auth-token': '', ...json }, 401, 'application/json', bearerChallenge(set), guid],
      ['401 no token, XML Accept', { 'x-challenger': guid, accept: 'application/xml', ...json }, 401, 'application/xml', bearerChallenge(set), guid],
      ['403 wrong token', { 'x-challenger': guid, 'x-auth-token': 'bob', ...json }, 403, 'application/json', undefined, guid],
      ['403 wrong Bearer beats the right token', { 'x-challenger': guid, 'x-auth-token': token, authorization: 'Bearer bob', ...json }, 403, 'application/json', undefined, guid],
    ]
    for (const [label, headers, status, contentType, challenge, xChallenger] of rows) {
      const response = await postNote(s, headers, note)
      t.equal(response.statusCode, status, label)
      t.equal(response.body, '', `${label}: no body`)
      t.equal(response.headers['content-type'], contentType, `${label}: Content-Type`)
      t.equal(response.headers['www-authenticate'], challenge, `${label}: WWW-Authenticate`)
      t.equal(response.headers['x-challenger'], xChallenger, `${label}: X-CHALLENGER`)
    }
    const read = await s.app.inject({ method: 'GET', url: '/secret/note', headers: { 'x-challenger': guid, 'x-auth-token': token } })
    t.equal(read.body, '{"note":""}', 'no refused POST changed the note')
  })

  t.test(`${set}: POST /secret/note bodies`, async (t) => {
    const s = await setup(t, set)
    const { app, guid, token } = s
    const auth = { 'x-challenger': guid, 'x-auth-token': token }
    const jsonType = { ...auth, 'content-type': 'application/json' }
    const xmlType = { ...auth, 'content-type': 'application/xml' }
    const invalid = validationStatus(set)
    // [label, headers, body, status, Content-Type, response body, note stored afterwards]
    const rows: ReadonlyArray<[string, Headers, string, number, string, string, string]> = [
      ['JSON', jsonType, '{"note":"my note"}', 200, 'application/json', '{"note":"my note"}', 'my note'],
      ['JSON with a charset', { ...auth, 'content-type': 'Application/JSON; charset=utf-8' }, '{"note":"charset"}', 200, 'application/json', '{"note":"charset"}', 'charset'],
      ['XML', xmlType, '<secretnote><note>xml note</note></secretnote>', 200, 'application/json', '{"note":"xml note"}', 'xml note'],
      ['text/xml', { ...auth, 'content-type': 'text/xml' }, '<secretnote><note>text xml</note></secretnote>', 200, 'application/json', '{"note":"text xml"}', 'text xml'],
      ['bare <note> root, Accept XML', { ...xmlType, accept: 'application/xml' }, '<note>xml note2</note>', 200, 'application/xml',
        '<secretnote><note>xml note2</note></secretnote>', 'xml note2'],
      ['JSON to XML', { ...jsonType, accept: 'application/xml' }, '{"note":"json to xml"}', 200, 'application/xml',
        '<secretnote><note>json to xml</note></secretnote>', 'json to xml'],
      ['escaped XML', { ...jsonType, accept: 'application/xml' }, '{"note":"a<b & \\"c\\""}', 200, 'application/xml',
        '<secretnote><note>a&lt;b &amp; &quot;c&quot;</note></secretnote>', 'a<b & "c"'],
      ['Bearer', { 'x-challenger': guid, authorization: `Bearer ${token}`, 'content-type': 'application/json' }, '{"note":"bearer note"}', 200, 'application/json',
        '{"note":"bearer note"}', 'bearer note'],
      ['number', jsonType, '{"note":123}', 200, 'application/json', '{"note":"123.0"}', '123.0'],
      ['exactly 100 characters', jsonType, `{"note":"${'n'.repeat(100)}"}`, 200, 'application/json', `{"note":"${'n'.repeat(100)}"}`, 'n'.repeat(100)],
      ['bad JSON', jsonType, '{"note":', 400, 'application/json', '{"errorMessages":["Invalid Json Payload: please check the syntax of the request body"]}', 'n'.repeat(100)],
      ['{}', jsonType, '{}', invalid, 'application/json', '{"errorMessages":["note : field is mandatory"]}', 'n'.repeat(100)],
      ['empty body', jsonType, '', invalid, 'application/json', '{"errorMessages":["note : field is mandatory"]}', 'n'.repeat(100)],
      ['unknown field', jsonType, '{"name":"bob"}', invalid, 'application/json', '{"errorMessages":["Could not find field: name"]}', 'n'.repeat(100)],
      ['150 characters', jsonType, `{"note":"${'n'.repeat(150)}"}`, invalid, 'application/json', `{"errorMessages":["${TOO_LONG}"]}`, 'n'.repeat(100)],
      ['101 characters, XML errors', { ...jsonType, accept: 'application/xml' }, `{"note":"${'n'.repeat(101)}"}`, invalid, 'application/xml',
        `<errorMessages><errorMessage>${TOO_LONG}</errorMessage></errorMessages>`, 'n'.repeat(100)],
      ['empty note', jsonType, '{"note":""}', 200, 'application/json', '{"note":""}', ''],
    ]
    for (const [label, headers, payload, status, contentType, body, stored] of rows) {
      const response = await postNote(s, headers, payload)
      t.equal(response.statusCode, status, label)
      t.equal(response.headers['content-type'], contentType, `${label}: Content-Type`)
      t.equal(response.body, body, `${label}: body`)
      t.equal(response.headers['x-challenger'], guid)
      const read = await app.inject({ method: 'GET', url: '/secret/note', headers: auth })
      t.equal(read.json<{ note: string }>().note, stored, `${label}: the stored note afterwards`)
    }

    const badXml = await postNote(s, xmlType, '<secretnote><note>x</secretnote>')
    t.equal(badXml.statusCode, 400, 'bad XML')
    t.match(badXml.json<{ errorMessages: string[] }>().errorMessages[0], /^Invalid XML Payload/)

    await postNote(s, jsonType, '{"note":"in progress"}')
    const progress = await app.inject({ method: 'GET', url: `/challenger/${guid}` })
    t.equal(progress.json<{ secretNote: string }>().secretNote, 'in progress', 'the note is part of the session\'s progress')
  })

  t.test(`${set}: the note and token are kept with the session across a restart`, async (t) => {
    const dbFile = join(tempDir(t), 'secret.db')
    const first = await build(t, { challengeSet: set, mode: 'multi', dbFile })
    const guid = await newChallenger(first)
    const token = (await first.inject({ method: 'POST', url: '/secret/token', headers: { 'x-challenger': guid, authorization: ADMIN } })).headers['x-auth-token'] as string
    const saved = await first.inject({
      method: 'POST', url: '/secret/note', headers: { 'x-challenger': guid, 'x-auth-token': token, 'content-type': 'application/json' }, payload: '{"note":"survives"}',
    })
    t.equal(saved.statusCode, 200)
    await first.close()

    const second = await build(t, { challengeSet: set, mode: 'multi', dbFile })
    const again = await second.inject({ method: 'POST', url: '/secret/token', headers: { 'x-challenger': guid, authorization: ADMIN } })
    t.equal(again.headers['x-auth-token'], token, 'the same token')
    const read = await second.inject({ method: 'GET', url: '/secret/note', headers: { 'x-challenger': guid, 'x-auth-token': token } })
    t.equal(read.statusCode, 200)
    t.same(read.json(), { note: 'survives' })
    t.same(await passedKeys(second, guid), ['CREATE_SECRET_TOKEN_201', 'GET_SECRET_NOTE_200', 'POST_SECRET_NOTE_200'], 'passes survive too')
  })

  t.test(`${set}: sessions keep their own notes`, async (t) => {
    const s = await setup(t, set)
    const other = await newChallenger(s.app)
    const otherToken = (await s.app.inject({ method: 'POST', url: '/secret/token', headers: { 'x-challenger': other, authorization: ADMIN } })).headers['x-auth-token'] as string
    t.not(otherToken, s.token, 'every session has its own token')
    await postNote(s, { 'x-challenger': s.guid, 'x-auth-token': s.token, 'content-type': 'application/json' }, '{"note":"mine"}')
    const theirs = await s.app.inject({ method: 'GET', url: '/secret/note', headers: { 'x-challenger': other, 'x-auth-token': otherToken } })
    t.same(theirs.json(), { note: '' })
  })

  t.test(`${set}: OPTIONS and the 405s of /secret/note`, async (t) => {
    const { app, guid } = await setup(t, set)
    const options = await app.inject({ method: 'OPTIONS', url: '/api/secret/note', headers: { 'x-challenger': guid } })
    t.equal(options.statusCode, 204)
    t.equal(options.headers.allow, 'GET, HEAD, POST, OPTIONS')
    t.equal(options.headers['content-type'], untyped(set))
    for (const method of ['PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY']) {
      const response = await app.inject({ method: method as 'GET', url: '/secret/note', headers: { 'x-challenger': guid, accept: 'application/xml', 'content-type': 'application/json' } })
      t.equal(response.statusCode, 405, method)
      t.equal(response.body, '')
      t.equal(response.headers['content-type'], 'application/xml', `${method}: stub type from Accept`)
      t.equal(response.headers.allow, set === 'classic' && method === 'QUERY' ? 'GET, HEAD, POST, OPTIONS' : undefined)
      t.equal(response.headers['x-challenger'], guid)
    }
  })

  // -------------------------------------------------------------------------
  // completion triggers (sessions.md §6.4, §9.13; classic.md §4)
  // -------------------------------------------------------------------------

  t.test(`${set}: what completes each secret challenge, and what does not`, async (t) => {
    // [label, request, credited keys]
    interface Row { label: string; method: 'GET' | 'POST' | 'HEAD'; url: string; headers: (s: Session) => Headers; payload?: string; keys: string[] }
    const json = { 'content-type': 'application/json' }
    const rows: Row[] = [
      { label: 'POST token without Authorization', method: 'POST', url: '/secret/token', headers: (s) => ({ 'x-challenger': s.guid }), keys: [] },
      { label: 'POST token `Basic x` (7 characters)', method: 'POST', url: '/secret/token', headers: (s) => ({ 'x-challenger': s.guid, authorization: 'Basic x' }), keys: [] },
      { label: 'POST token `Basic abcd` (10 characters)', method: 'POST', url: '/secret/token', headers: (s) => ({ 'x-challenger': s.guid, authorization: 'Basic abcd' }), keys: [] },
      { label: 'POST token wrong credentials', method: 'POST', url: '/secret/token', headers: (s) => ({ 'x-challenger': s.guid, authorization: WRONG }), keys: ['CREATE_SECRET_TOKEN_401'] },
      { label: 'POST token `Basic abcde` (11 characters)', method: 'POST', url: '/api/secret/token', headers: (s) => ({ 'x-challenger': s.guid, authorization: 'Basic abcde' }), keys: ['CREATE_SECRET_TOKEN_401'] },
      { label: 'POST token right credentials', method: 'POST', url: '/secret/token', headers: (s) => ({ 'x-challenger': s.guid, authorization: ADMIN }), keys: ['CREATE_SECRET_TOKEN_201'] },
      { label: 'GET note without X-AUTH-TOKEN', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid }), keys: ['GET_SECRET_NOTE_401'] },
      { label: 'GET note `Authorization: Bearer` alone', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, authorization: 'Bearer' }), keys: ['GET_SECRET_NOTE_401'] },
      { label: 'GET note empty X-AUTH-TOKEN (401)', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': '' }), keys: [] },
      { label: 'GET note X-AUTH-TOKEN `b` (403)', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': 'b' }), keys: [] },
      { label: 'GET note X-AUTH-TOKEN `bob` (403)', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': 'bob' }), keys: ['GET_SECRET_NOTE_403'] },
      { label: 'GET note wrong Bearer only (403)', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, authorization: 'Bearer bob' }), keys: [] },
      { label: 'GET note right X-AUTH-TOKEN', method: 'GET', url: '/api/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': s.token }), keys: ['GET_SECRET_NOTE_200'] },
      { label: 'HEAD note right X-AUTH-TOKEN', method: 'HEAD', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': s.token }), keys: [] },
      { label: 'HEAD note no token', method: 'HEAD', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid }), keys: [] },
      { label: 'GET note right Bearer', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, authorization: `Bearer ${s.token}` }), keys: ['GET_SECRET_NOTE_BEARER_200'] },
      { label: 'GET note right Bearer + wrong X-AUTH-TOKEN', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, authorization: `Bearer ${s.token}`, 'x-auth-token': 'bob' }),
        keys: ['GET_SECRET_NOTE_200', 'GET_SECRET_NOTE_BEARER_200'] },
      { label: 'GET note right token, 406', method: 'GET', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': s.token, accept: 'bob' }), keys: [] },
      { label: 'POST note right X-AUTH-TOKEN, JSON', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': s.token, ...json }), payload: '{"note":"x"}', keys: ['POST_SECRET_NOTE_200'] },
      { label: 'POST note right X-AUTH-TOKEN, XML', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': s.token, 'content-type': 'application/xml' }),
        payload: '<secretnote><note>x</note></secretnote>', keys: [] },
      { label: 'POST note right Bearer', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, authorization: `Bearer ${s.token}`, ...json }), payload: '{"note":"x"}', keys: ['POST_SECRET_NOTE_BEARER_200'] },
      { label: 'POST note no token', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, ...json }), payload: '{"note":"x"}', keys: ['POST_SECRET_NOTE_401'] },
      { label: 'POST note no token, no Content-Type (415)', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid }), payload: '{"note":"x"}', keys: [] },
      { label: 'POST note no token, body without "note"', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, ...json }), payload: '{"text":"x"}', keys: [] },
      { label: 'POST note wrong token', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': 'bob', ...json }), payload: '{"note":"x"}', keys: ['POST_SECRET_NOTE_403'] },
      { label: 'POST note wrong token, XML body', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': 'bob', 'content-type': 'application/xml' }),
        payload: '<secretnote><note>x</note></secretnote>', keys: [] },
      { label: 'POST note right token, invalid note', method: 'POST', url: '/secret/note', headers: (s) => ({ 'x-challenger': s.guid, 'x-auth-token': s.token, ...json }),
        payload: `{"note":"${'n'.repeat(101)}"}`, keys: [] },
      { label: 'POST note without a session', method: 'POST', url: '/secret/note', headers: () => ({ ...json }), payload: '{"note":"x"}', keys: [] },
      { label: 'GET note without a session', method: 'GET', url: '/secret/note', headers: () => ({}), keys: [] },
      { label: 'POST token right credentials without a session', method: 'POST', url: '/secret/token', headers: () => ({ authorization: ADMIN }), keys: [] },
    ]
    for (const row of rows) {
      const s = await setup(t, set)
      await s.app.inject({ method: row.method, url: row.url, headers: row.headers(s), ...(row.payload === undefined ? {} : { payload: row.payload }) })
      t.same(await passedKeys(s.app, s.guid), row.keys, row.label)
    }
  })

  for (const mode of MODES) {
    t.test(`${set}/${mode}: a fresh session completes every secret challenge and GET /challenges shows them`, async (t) => {
      const s = await setup(t, set, mode)
      const { app, guid } = s
      const names = SECRET_KEYS.map((key) => nameOf(set, key))
      const listed = new Set((await app.inject({ method: 'GET', url: '/challenges' })).json<{ challenges: { name: string }[] }>().challenges.map((c) => c.name))
      for (const name of names) t.ok(listed.has(name), `${name} is listed`)
      t.same((await completedNames(app, guid)).filter((name) => names.includes(name)), [], 'none done on a fresh session')

      const prefix = set === 'current' ? '/api' : ''
      const me = { 'x-challenger': guid }
      const json = { ...me, 'content-type': 'application/json' }
      t.equal((await app.inject({ method: 'POST', url: `${prefix}/secret/token`, headers: { ...me, authorization: WRONG } })).statusCode, 401)
      const created = await app.inject({ method: 'POST', url: `${prefix}/secret/token`, headers: { ...me, authorization: ADMIN } })
      t.equal(created.statusCode, 201)
      const token = created.headers['x-auth-token'] as string
      t.equal(token, s.token)
      t.equal((await app.inject({ method: 'GET', url: `${prefix}/secret/note`, headers: { ...me, 'x-auth-token': 'wrong' } })).statusCode, 403)
      t.equal((await app.inject({ method: 'GET', url: `${prefix}/secret/note`, headers: me })).statusCode, 401)
      t.equal((await app.inject({ method: 'GET', url: `${prefix}/secret/note`, headers: { ...me, 'x-auth-token': token } })).statusCode, 200)
      t.equal((await postNote(s, { ...json, 'x-auth-token': token }, '{"note":"my note"}', `${prefix}/secret/note`)).statusCode, 200)
      t.equal((await postNote(s, json, '{"note":"my note"}', `${prefix}/secret/note`)).statusCode, 401)
      t.equal((await postNote(s, { ...json, 'x-auth-token': 'wrong' }, '{"note":"my note"}', `${prefix}/secret/note`)).statusCode, 403)
      t.equal((await app.inject({ method: 'GET', url: `${prefix}/secret/note`, headers: { ...me, authorization: `Bearer ${token}` } })).statusCode, 200)
      const bearerPost = await postNote(s, { ...json, authorization: `Bearer ${token}` }, '{"note":"bearer note"}', `${prefix}/secret/note`)
      t.equal(bearerPost.statusCode, 200)
      t.same(bearerPost.json(), { note: 'bearer note' })

      const done = await completedNames(app, guid)
      for (const name of names) t.ok(done.includes(name), `${name} is done`)
      t.same(await passedKeys(app, guid), [...SECRET_KEYS])
    })
  }
}

t.test('current: the OpenAPI document describes the secret routes', async (t) => {
  const app = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>()
  t.ok(doc.paths['/api/secret/token']?.post && doc.paths['/api/secret/token']?.get, '/api/secret/token GET and POST')
  t.ok(doc.paths['/api/secret/note']?.get && doc.paths['/api/secret/note']?.post, '/api/secret/note GET and POST')
})
