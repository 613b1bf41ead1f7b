// HTTP tests for request and response formats of the todo API (issue #3; todos.md §4, §5, §3.2):
// JSON and XML request bodies (including structured +xml types), the order of the request checks,
// basic Accept negotiation, free mixing of request and response formats, and safe XML parsing.
import t, { type Test } from 'tap'
import { build, newChallenger, type TestApp, type Headers, type Res, type Todo } from './helper.js'
import { BILLION_LAUGHS } from '../bench/lib/hostile-xml.js'

type Call = (method: string, url: string, headers?: Headers, payload?: string) => Promise<Res>

const JSON_TYPE = { 'content-type': 'application/json' }
const XML_TYPE = { 'content-type': 'application/xml' }

async function session(t: Test): Promise<{ app: TestApp; guid: string; call: Call }> {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const guid = await newChallenger(app)
  const call: Call = (method, url, headers = {}, payload) =>
    app.inject({ method: method as 'GET', url, headers: { 'x-challenger': guid, ...headers }, ...(payload === undefined ? {} : { payload }) })
  return { app, guid, call }
}

function jsonOf<T>(res: Res): T {
  return JSON.parse(res.body) as T
}

async function allTodos(call: Call): Promise<Todo[]> {
  return jsonOf<{ todos: Todo[] }>(await call('GET', '/todos?_limit=20')).todos
}

// ---------------------------------------------------------------------------------------------
// §5.2 request bodies
// ---------------------------------------------------------------------------------------------

t.test('XML request bodies create todos: application/xml, text/xml and structured todo +xml types', async (t) => {
  const { call } = await session(t)
  const cases: [string, string, Todo][] = [
    ['application/xml', '<todo><title>from xml</title><doneStatus>true</doneStatus><description>d</description></todo>',
      { id: 11, title: 'from xml', doneStatus: true, description: 'd' }],
    ['text/xml', '<todo><description>text xml</description><title>from text/xml</title></todo>',
      { id: 12, title: 'from text/xml', doneStatus: false, description: 'text xml' }],
    ['application/vnd.apichallenges.todo+xml', '<todo><title>vendor</title></todo>',
      { id: 13, title: 'vendor', doneStatus: false, description: '' }],
    ['application/todo+xml', '<todo><title>structured</title><doneStatus>FALSE</doneStatus></todo>',
      { id: 14, title: 'structured', doneStatus: false, description: '' }],
    ['application/x-todos+xml; charset=utf-8', '<todos><title>todos root dropped</title></todos>',
      { id: 15, title: 'todos root dropped', doneStatus: false, description: '' }],
    ['Application/XML', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<todo>\n  <title>declaration tolerated</title>\n  <doneStatus>True</doneStatus>\n</todo>',
      { id: 16, title: 'declaration tolerated', doneStatus: true, description: '' }],
  ]
  for (const [type, body, expected] of cases) {
    const res = await call('POST', '/api/todos', { 'content-type': type }, body)
    t.equal(res.statusCode, 201, type)
    t.equal(res.headers['content-type'], 'application/json', 'JSON answer by default')
    t.equal(res.headers.location, `/api/todos/${expected.id}`)
    t.same(jsonOf(res), expected, type)
  }
  t.same((await allTodos(call)).slice(10), cases.map(([, , todo]) => todo), 'all stored')
})

t.test('XML bodies amend and replace too', async (t) => {
  const { call } = await session(t)
  const amend = await call('POST', '/todos/2', XML_TYPE, '<todo><doneStatus>true</doneStatus></todo>')
  t.equal(amend.statusCode, 200)
  t.same(jsonOf(amend), { id: 2, title: 'file paperwork', doneStatus: true, description: '' })
  const replace = await call('PUT', '/todos/2', { 'content-type': 'text/xml' }, '<todo><title>replaced by xml</title></todo>')
  t.equal(replace.statusCode, 200)
  t.same(jsonOf(replace), { id: 2, title: 'replaced by xml', doneStatus: false, description: '' })
})

t.test('XML values are typed: digits are numbers, other roots become dotted unknown fields (todos.md §5.2)', async (t) => {
  const { call } = await session(t)
  const digits = await call('POST', '/todos', XML_TYPE, '<todo><title>123</title></todo>')
  t.equal(digits.statusCode, 422)
  t.same(jsonOf(digits), { errorMessages: ['Failed Validation: title should be STRING but was INTEGER'] })
  const notBoolean = await call('POST', '/todos', XML_TYPE, '<todo><title>x</title><doneStatus>yes</doneStatus></todo>')
  t.equal(notBoolean.statusCode, 422)
  t.same(jsonOf(notBoolean), { errorMessages: ['Failed Validation: doneStatus should be BOOLEAN but was STRING'] })
  const otherRoot = await call('POST', '/todos', XML_TYPE, '<item><title>x</title></item>')
  t.equal(otherRoot.statusCode, 422)
  t.same(jsonOf(otherRoot), { errorMessages: ['Failed Validation: Could not find field: item.title'] })
  const escaped = await call('POST', '/todos', XML_TYPE, '<todo><title>fish &amp; chips &lt;3</title><description><![CDATA[<b>bold</b> & more]]></description></todo>')
  t.equal(escaped.statusCode, 201, 'predefined entities and CDATA are read')
  t.same(jsonOf(escaped), { id: 11, title: 'fish & chips <3', doneStatus: false, description: '<b>bold</b> & more' })
})

t.test('JSON bodies: media type read before ";", case-insensitively; an empty body is {}', async (t) => {
  const { call } = await session(t)
  for (const type of ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=ISO-8859-1']) {
    const res = await call('POST', '/todos', { 'content-type': type }, JSON.stringify({ title: type }))
    t.equal(res.statusCode, 201, type)
    t.equal(jsonOf<Todo>(res).title, type)
  }
  const empty = await call('POST', '/todos', JSON_TYPE, '')
  t.equal(empty.statusCode, 422)
  t.same(jsonOf(empty), { errorMessages: ['title : field is mandatory'] })
  const unicode = await call('POST', '/todos', JSON_TYPE, '{"title":"caf\\u00e9 \u2713","description":"\\"quoted\\" \\\\ back"}')
  t.equal(unicode.statusCode, 201)
  t.same(jsonOf(unicode), { id: 14, title: 'café ✓', doneStatus: false, description: '"quoted" \\ back' })
})

t.test('bodies of other types are 415 on POST and PUT, naming the lower-cased type', async (t) => {
  const { call } = await session(t)
  const cases: [string, string, string][] = [
    ['POST', '/todos', 'text/plain'],
    ['POST', '/todos', 'application/merge-patch+json'],
    ['PUT', '/todos/1', 'application/json-patch+json'],
    ['POST', '/todos/1', 'application/problem+xml'],
    ['PUT', '/todos', 'Application/Octet-Stream'],
    ['POST', '/api/todos', 'application/x-www-form-urlencoded'],
  ]
  for (const [method, url, type] of cases) {
    const res = await call(method, url, { 'content-type': type }, '{"id":1,"title":"x"}')
    t.equal(res.statusCode, 415, `${method} ${url} ${type}`)
    t.same(jsonOf(res), { errorMessages: [`Unsupported Content Type - ${type.toLowerCase()}`] })
  }
  t.same((await allTodos(call)).map((todo) => todo.title).slice(0, 1), ['scan paperwork'], 'nothing changed')
})

// ---------------------------------------------------------------------------------------------
// §4 order of the request checks: 401 → 406 → 413 → 415 → 400
// ---------------------------------------------------------------------------------------------

t.test('request checks run in the reference order: 401, 406, 413, 415, 400', async (t) => {
  const { app, guid } = await session(t)
  const big = `{"title":"${'x'.repeat(5000)}"`
  const send = (headers: Headers, payload: string, url = '/todos') =>
    app.inject({ method: 'POST', url, headers, payload })
  const every = { accept: 'application/gzip', 'content-type': 'text/plain' }

  const unauthorised = await send(every, big)
  t.equal(unauthorised.statusCode, 401, 'multi-user guard first, before Accept, size and type')
  t.same(jsonOf(unauthorised), { errorMessages: ['Cannot amend details. Missing a valid X-CHALLENGER header.'] })
  t.equal((await send({ ...every, 'x-challenger': '00000000-0000-4000-8000-000000000000' }, big)).statusCode, 401, 'an unknown GUID too')

  const notAcceptable = await send({ ...every, 'x-challenger': guid }, big)
  t.equal(notAcceptable.statusCode, 406, 'then Accept')
  t.same(jsonOf(notAcceptable), { errorMessages: ['Unrecognised Accept Type'] })

  const tooLarge = await send({ 'content-type': 'text/plain', 'x-challenger': guid }, big)
  t.equal(tooLarge.statusCode, 413, 'then size, before the content type')
  t.same(jsonOf(tooLarge), { errorMessages: ['Error: request body too large, max allowed is 5000 bytes'] })

  const unsupported = await send({ 'content-type': 'text/plain', 'x-challenger': guid }, '{"title":')
  t.equal(unsupported.statusCode, 415, 'then the content type, before syntax')

  const noType = await send({ 'x-challenger': guid }, '{"title":')
  t.equal(noType.statusCode, 400, 'a missing content type passes the type check and fails parsing')
  t.same(jsonOf(noType), { errorMessages: ['Unknown content Type: API cannot parse '] })

  const malformed = await send({ ...JSON_TYPE, 'x-challenger': guid }, '{"title":')
  t.equal(malformed.statusCode, 400, 'then syntax')
  t.same(jsonOf(malformed), { errorMessages: ['Invalid Json Payload: please check the syntax of the request body'] })

  const badXml = await send({ ...XML_TYPE, 'x-challenger': guid }, '<todo><title>', '/api/todos')
  t.equal(badXml.statusCode, 400)
  t.match(jsonOf<{ errorMessages: string[] }>(badXml).errorMessages[0], /^Invalid XML Payload: .+/)

  const validation = await send({ ...JSON_TYPE, 'x-challenger': guid }, '{"title":""}')
  t.equal(validation.statusCode, 422, 'and only then the handler validates')
})

t.test('the same order holds on amend and replace', async (t) => {
  const { app, guid } = await session(t)
  const big = `{"title":"${'x'.repeat(5000)}"}`
  for (const [method, url] of [['POST', '/todos/1'], ['PUT', '/todos/1'], ['PUT', '/todos']] as const) {
    const send = (headers: Headers, payload: string) => app.inject({ method, url, headers, payload })
    t.equal((await send({ accept: 'application/gzip', 'content-type': 'bob' }, big)).statusCode, 401, `${method} ${url}: 401`)
    t.equal((await send({ accept: 'application/gzip', 'content-type': 'bob', 'x-challenger': guid }, big)).statusCode, 406, `${method} ${url}: 406`)
    t.equal((await send({ 'content-type': 'bob', 'x-challenger': guid }, big)).statusCode, 413, `${method} ${url}: 413`)
    t.equal((await send({ 'content-type': 'bob', 'x-challenger': guid }, '{')).statusCode, 415, `${method} ${url}: 415`)
    t.equal((await send({ ...JSON_TYPE, 'x-challenger': guid }, '{')).statusCode, 400, `${method} ${url}: 400`)
  }
})

// ---------------------------------------------------------------------------------------------
// §5.1 Accept negotiation (basic cases)
// ---------------------------------------------------------------------------------------------

t.test('Accept: JSON by default, XML on request, */* is JSON, unsupported is 406', async (t) => {
  const { call } = await session(t)
  const cases: [Headers, number, string][] = [
    [{}, 200, 'application/json'],
    [{ accept: '' }, 200, 'application/json'],
    [{ accept: '*/*' }, 200, 'application/json'],
    [{ accept: 'application/*' }, 200, 'application/json'],
    [{ accept: 'application/json' }, 200, 'application/json'],
    [{ accept: 'application/xml' }, 200, 'application/xml'],
    [{ accept: 'APPLICATION/XML' }, 200, 'application/xml'],
    [{ accept: 'text/xml' }, 200, 'text/xml'],
    [{ accept: 'application/xml, application/json' }, 200, 'application/xml'],
    [{ accept: 'application/json, application/xml' }, 200, 'application/json'],
    [{ accept: 'application/json;q=0.5, application/xml;q=1' }, 200, 'application/xml'],
    [{ accept: 'application/xml;q=0.5, application/json;q=1' }, 200, 'application/json'],
    [{ accept: 'application/json;q=0, application/xml;q=1' }, 200, 'application/xml'],
    [{ accept: '*/*;q=0.8, application/xml;q=0.9' }, 200, 'application/xml'],
    [{ accept: 'application/gzip;q=1, application/json;q=0.5' }, 200, 'application/json'],
    [{ accept: 'application/json, application/problem+json' }, 200, 'application/json'],
    [{ accept: 'application/vnd.apichallenges.todo+xml' }, 200, 'application/vnd.apichallenges.todo+xml'],
    [{ accept: 'application/*+xml' }, 200, 'application/todo+xml'],
    [{ accept: 'application/gzip' }, 406, 'application/json'],
    [{ accept: 'application/problem+json' }, 406, 'application/json'],
    [{ accept: 'application/json;q=0, application/xml;q=0' }, 406, 'application/json'],
  ]
  for (const [headers, status, type] of cases) {
    const res = await call('GET', '/todos?_limit=1', headers)
    const label = JSON.stringify(headers)
    t.equal(res.statusCode, status, `${label} status`)
    t.equal(res.headers['content-type'], type, `${label} type`)
    if (status === 200 && type.endsWith('json')) t.same(jsonOf(res), { todos: [{ id: 1, title: 'scan paperwork', doneStatus: false, description: '' }] })
    if (status === 200 && type.endsWith('xml')) {
      t.equal(res.body, '<todos><todo><doneStatus>false</doneStatus><description/><id>1</id><title>scan paperwork</title></todo></todos>', `${label} XML body`)
    }
  }
  const rejected = await call('GET', '/todos', { accept: 'application/gzip' })
  t.same(jsonOf(rejected), { errorMessages: ['Unrecognised Accept Type'] })
  const none = await call('GET', '/todos', { accept: 'application/json;q=0, application/xml;q=0' })
  t.same(jsonOf(none), { errorMessages: ['No acceptable response type supported'] })
})

t.test('Accept applies to every verb: an unsupported Accept stops writes before they happen', async (t) => {
  const { call } = await session(t)
  const gzip = { accept: 'application/gzip' }
  t.equal((await call('POST', '/todos', { ...JSON_TYPE, ...gzip }, '{"title":"x"}')).statusCode, 406)
  t.equal((await call('POST', '/todos/1', { ...JSON_TYPE, ...gzip }, '{"title":"x"}')).statusCode, 406)
  t.equal((await call('PUT', '/todos/1', { ...JSON_TYPE, ...gzip }, '{"title":"x"}')).statusCode, 406)
  t.equal((await call('DELETE', '/todos/1', gzip)).statusCode, 406)
  t.equal((await allTodos(call)).length, 10, 'no todo created or deleted')
  t.equal((await allTodos(call))[0]?.title, 'scan paperwork', 'no todo changed')
})

// ---------------------------------------------------------------------------------------------
// §5.2 mixing request and response formats
// ---------------------------------------------------------------------------------------------

t.test('request and response formats mix freely', async (t) => {
  const { call } = await session(t)
  const xmlToJson = await call('POST', '/todos', { ...XML_TYPE, accept: 'application/json' }, '<todo><title>xml in</title></todo>')
  t.equal(xmlToJson.statusCode, 201)
  t.equal(xmlToJson.headers['content-type'], 'application/json')
  t.equal(xmlToJson.body, '{"id":11,"title":"xml in","doneStatus":false,"description":""}')

  const jsonToXml = await call('POST', '/todos', { ...JSON_TYPE, accept: 'application/xml' }, '{"title":"json in","doneStatus":true}')
  t.equal(jsonToXml.statusCode, 201)
  t.equal(jsonToXml.headers['content-type'], 'application/xml')
  t.equal(jsonToXml.body, '<todo><doneStatus>true</doneStatus><description/><id>12</id><title>json in</title></todo>')

  const xmlToXml = await call('POST', '/api/todos', { 'content-type': 'text/xml', accept: 'text/xml' }, '<todo><title>both xml</title><description>x</description></todo>')
  t.equal(xmlToXml.statusCode, 201)
  t.equal(xmlToXml.headers['content-type'], 'text/xml')
  t.equal(xmlToXml.body, '<todo><doneStatus>false</doneStatus><description>x</description><id>13</id><title>both xml</title></todo>')

  const vendor = await call('POST', '/todos', { 'content-type': 'application/vnd.apichallenges.todo+xml', accept: 'application/vnd.apichallenges.todo+xml' }, '<todo><title>vendor both</title></todo>')
  t.equal(vendor.statusCode, 201)
  t.equal(vendor.headers['content-type'], 'application/vnd.apichallenges.todo+xml', 'structured type echoed')
  t.equal(vendor.body, '<todo><doneStatus>false</doneStatus><description/><id>14</id><title>vendor both</title></todo>')

  const amendXml = await call('POST', '/todos/11', { ...JSON_TYPE, accept: 'application/xml' }, '{"doneStatus":true}')
  t.equal(amendXml.body, '<todo><doneStatus>true</doneStatus><description/><id>11</id><title>xml in</title></todo>')
  const replaceJson = await call('PUT', '/todos/12', { ...XML_TYPE, accept: 'application/json' }, '<todo><title>json again</title></todo>')
  t.equal(replaceJson.body, '{"id":12,"title":"json again","doneStatus":false,"description":""}')
})

t.test('errors follow Accept, not the request body type', async (t) => {
  const { call } = await session(t)
  const jsonBodyXmlErrors = await call('POST', '/todos', { ...JSON_TYPE, accept: 'application/xml' }, '{"title":"x","doneStatus":"no"}')
  t.equal(jsonBodyXmlErrors.statusCode, 422)
  t.equal(jsonBodyXmlErrors.headers['content-type'], 'application/xml')
  t.equal(jsonBodyXmlErrors.body, '<errorMessages><errorMessage>Failed Validation: doneStatus should be BOOLEAN but was STRING</errorMessage></errorMessages>')

  const xmlBodyJsonErrors = await call('POST', '/todos', XML_TYPE, '<todo><priority>high</priority><title>x</title></todo>')
  t.equal(xmlBodyJsonErrors.statusCode, 422)
  t.equal(xmlBodyJsonErrors.headers['content-type'], 'application/json')
  t.same(jsonOf(xmlBodyJsonErrors), { errorMessages: ['Failed Validation: Could not find field: priority'] })
})

// ---------------------------------------------------------------------------------------------
// safe XML: no DOCTYPE, no entity expansion, no external fetch
// ---------------------------------------------------------------------------------------------

const HOSTILE_XML: [string, string][] = [
  ['billion laughs', BILLION_LAUGHS],
  ['external entity (file)', '<?xml version="1.0"?><!DOCTYPE todo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><todo><title>&xxe;</title></todo>'],
  ['external entity (http)', '<!DOCTYPE todo [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/secret">]><todo><title>&xxe;</title></todo>'],
  ['parameter entity', '<!DOCTYPE todo [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><todo><title>x</title></todo>'],
  ['internal entity', '<!DOCTYPE todo [<!ENTITY name "expanded">]><todo><title>&name;</title></todo>'],
  ['external DTD', '<!DOCTYPE todo SYSTEM "file:///etc/passwd"><todo><title>x</title></todo>'],
  ['lower-case doctype', '<!doctype todo [<!entity e "x">]><todo><title>&e;</title></todo>'],
]

t.test('XML with a DOCTYPE or ENTITY is refused with 400 and never expanded', async (t) => {
  const { call } = await session(t)
  for (const [label, body] of HOSTILE_XML) {
    for (const [method, url] of [['POST', '/todos'], ['POST', '/todos/1'], ['PUT', '/todos/1'], ['PUT', '/api/todos']] as const) {
      const started = Date.now()
      const res = await call(method, url, { 'content-type': 'application/xml' }, body)
      t.equal(res.statusCode, 400, `${label}: ${method} ${url}`)
      t.ok(Date.now() - started < 2000, `${label}: answered quickly`)
      const [message = ''] = jsonOf<{ errorMessages: string[] }>(res).errorMessages
      t.match(message, /^Invalid XML Payload: /, `${label}: XML payload error`)
      t.notMatch(res.body, /lollol|root:|expanded/, `${label}: nothing expanded into the answer`)
      t.ok(res.body.length < 500, `${label}: small answer`)
    }
  }
  const todos = await allTodos(call)
  t.equal(todos.length, 10, 'nothing created')
  t.same(todos.map((todo) => todo.title), ['scan paperwork', 'file paperwork', 'process payments', 'escalate late payments', 'pay invoices',
    'process payroll', 'train staff', 'schedule meeting', 'tidy meeting room', 'install webcam'], 'nothing changed')
  const ok = await call('POST', '/todos', XML_TYPE, '<todo><title>still works</title></todo>')
  t.equal(ok.statusCode, 201, 'the parser still works afterwards')
  t.equal(jsonOf<Todo>(ok).id, 11, 'refused bodies took no id')
})
