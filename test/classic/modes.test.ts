// Transcripts 10 (todos without a valid X-CHALLENGER on a multi-user server; todos on a single-user
// server), 13 (single-user progress survives a restart) and 15 (method, header and path oddities),
// replayed against the classic set (see ./replay.ts).
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { build, tempDir } from '../helper.js'
import { replay, send, SINGLE, UNKNOWN, verify, type Exchange, type Response, type Step } from './replay.js'
import { seeds, SEED_TITLES } from './catalogue.js'


/** no trace of the reference's Java exception text (classic.md §0) */
function noJavaText(t: Test, response: Response): void {
  t.notMatch(response.body, /No enum constant|uk\.co\.|java\./, 'no Java exception text')
}

/** transcript 10: multi-user todos without a valid X-CHALLENGER (shared default database, 401 on writes) */
const anonymous: Step[] = [
  { name: "POST /todos no X-CHALLENGER", method: 'POST', url: "/todos", headers: { "accept": "*/*", "content-type": "application/json" }, body: "{\"title\":\"anon\"}",
    status: 401, type: "application/json", challenger: UNKNOWN, robots: true, json: {"errorMessages":["Cannot amend details. Missing a valid X-CHALLENGER header."]} },
  { name: "POST /todos no X-CHALLENGER Accept xml", method: 'POST', url: "/todos", headers: { "content-type": "application/json", "accept": "application/xml" }, body: "{\"title\":\"anon\"}",
    status: 401, type: "application/xml", challenger: UNKNOWN, robots: true, xml: "<errorMessages><errorMessage>Cannot amend details. Missing a valid X-CHALLENGER header.</errorMessage></errorMessages>" },
  { name: "POST /todos unknown X-CHALLENGER", method: 'POST', url: "/todos", headers: { "accept": "*/*", "x-challenger": "11111111-2222-4333-8444-555555555555", "content-type": "application/json" }, body: "{\"title\":\"anon\"}",
    status: 401, type: "application/json", challenger: UNKNOWN, robots: true, json: {"errorMessages":["Cannot amend details. Missing a valid X-CHALLENGER header."]} },
  { name: "POST /todos/1 no X-CHALLENGER", method: 'POST', url: "/todos/1", headers: { "accept": "*/*", "content-type": "application/json" }, body: "{\"title\":\"anon\"}",
    status: 401, type: "application/json", challenger: UNKNOWN, robots: true, json: {"errorMessages":["Cannot amend details. Missing a valid X-CHALLENGER header."]} },
  { name: "PUT /todos/1 no X-CHALLENGER", method: 'PUT', url: "/todos/1", headers: { "accept": "*/*", "content-type": "application/json" }, body: "{\"title\":\"anon\"}",
    status: 401, type: "application/json", challenger: UNKNOWN, robots: true, json: {"errorMessages":["Cannot amend details. Missing a valid X-CHALLENGER header."]} },
  { name: "DELETE /todos/1 no X-CHALLENGER", method: 'DELETE', url: "/todos/1", headers: { "accept": "*/*" },
    status: 401, type: "application/json", challenger: UNKNOWN, robots: true, json: {"errorMessages":["Cannot amend details. Missing a valid X-CHALLENGER header."]} },
  { name: "POST /todos no X-CHALLENGER invalid body", method: 'POST', url: "/todos", headers: { "accept": "*/*", "content-type": "application/json" }, body: "{\"title\":",
    status: 401, type: "application/json", challenger: UNKNOWN, robots: true, json: {"errorMessages":["Cannot amend details. Missing a valid X-CHALLENGER header."]} },
  { name: "POST /todos no X-CHALLENGER Content-Type bob", method: 'POST', url: "/todos", headers: { "accept": "*/*", "content-type": "bob" }, body: "{\"title\":\"x\"}",
    status: 401, type: "application/json", challenger: UNKNOWN, robots: true, json: {"errorMessages":["Cannot amend details. Missing a valid X-CHALLENGER header."]} },
  { name: "GET /todos/1 no X-CHALLENGER", method: 'GET', url: "/todos/1", headers: { "accept": "*/*" },
    status: 200, type: "application/json", challenger: UNKNOWN, robots: true, json: {"todos":[{"id":1,"title":"scan paperwork","doneStatus":false,"description":""}]} },
  { name: "HEAD /todos no X-CHALLENGER", method: 'HEAD', url: "/todos", headers: { "accept": "*/*" },
    status: 200, type: "application/json", challenger: UNKNOWN, robots: true, empty: true },
  // the reference lets this anonymous GET delete todo 1 from the shared database (classic.md S6); §0: never turn a
  // GET into a delete nor skip the 401 write guard: ours answers the GET
  { name: "GET /todos/1 no X-CHALLENGER, override DELETE (GET with override)", method: 'GET', url: "/todos/1", headers: { "accept": "*/*", "x-http-method-override": "DELETE" },
    status: 200, type: "application/json", challenger: UNKNOWN, robots: true, json: {"todos":[{"id":1,"title":"scan paperwork","doneStatus":false,"description":""}]} },
  { name: "GET /todos no X-CHALLENGER after that", method: 'GET', url: "/todos", headers: { "accept": "*/*" },
    status: 200, type: "application/json", challenger: UNKNOWN, robots: true, json: { todos: seeds() } },
]

/** transcript 10: todos on a single-user server need no header */
const singleUser: Step[] = [
  { name: "POST /todos single no X-CHALLENGER", method: 'POST', url: "/todos", headers: { "accept": "*/*", "content-type": "application/json" }, body: "{\"title\":\"single\"}",
    status: 201, type: "application/json", location: "/todos/11", challenger: SINGLE, robots: true, json: {"id":11,"title":"single","doneStatus":false,"description":""} },
  { name: "GET /todos single", method: 'GET', url: "/todos", headers: { "accept": "*/*" },
    status: 200, type: "application/json", challenger: SINGLE, robots: true, json: { todos: [...seeds(), { id: 11, title: "single", doneStatus: false, description: "" }] } },
  { name: "OPTIONS /todos single", method: 'OPTIONS', url: "/todos", headers: { "accept": "*/*" },
    status: 200, allow: "OPTIONS, GET, HEAD, POST", challenger: SINGLE, empty: true },
]

/** transcript 15: method, header and path oddities */
const misc: Step[] = [
  { create: 'G' },
  // QUERY, PROPFIND: the reference answers 400 "No enum constant …VERB.QUERY" without CORS headers; classic.md §0 asks
  // for 405 with Allow or 400 with a clear message, without the Java text, with the CORS headers
  { name: "QUERY /todos", method: 'QUERY', url: "/todos", headers: { "accept": "*/*", "x-challenger": "{G}", "content-type": "application/x-www-form-urlencoded" }, body: "doneStatus=true",
    status: 405, allow: "OPTIONS, GET, HEAD, POST", verify: noJavaText },
  { name: "PROPFIND /todos", method: 'PROPFIND', url: "/todos", headers: { "accept": "*/*", "x-challenger": "{G}" },
    // classic.md §0: the reference's Java error is replaced by a clear 400
    status: 400, type: "application/json", json: {"errorMessages":["Unsupported HTTP method PROPFIND"]}, verify: noJavaText },
  { name: "CONNECT-like: OPTIONS /todos with Access-Control-Allow-Methods request header", method: 'OPTIONS', url: "/todos", headers: { "accept": "*/*", "x-challenger": "{G}", "access-control-allow-methods": "GET" },
    status: 200, allow: "OPTIONS, GET, HEAD, POST", challenger: "{G}", corsMethods: "get", empty: true },
  { name: "OPTIONS /heartbeat with Access-Control-Request-Method/Headers", method: 'OPTIONS', url: "/heartbeat", headers: { "accept": "*/*", "origin": "http://x.example", "access-control-request-method": "PUT", "access-control-request-headers": "X-CHALLENGER" },
    status: 204, allow: "GET, HEAD, OPTIONS", challenger: UNKNOWN, empty: true },
  { name: "GET /nonexistent (non-API) headers", method: 'GET', url: "/nonexistent", headers: { "accept": "application/json" },
    status: 404, type: "application/json", challenger: null, empty: true },
  { name: "GET /challenger/ (trailing slash)", method: 'GET', url: "/challenger/", headers: { "accept": "application/json" },
    status: 404, type: "application/json", challenger: UNKNOWN, json: {"errorMessages":["404 resource Unknown"]} },
  { name: "POST /challenger/ (trailing slash)", method: 'POST', url: "/challenger/", headers: { "accept": "application/json" },
    status: 404, type: "application/json", challenger: UNKNOWN, json: {"errorMessages":["404 resource Unknown"]} },
  { name: "GET /heartbeat?x=1", method: 'GET', url: "/heartbeat?x=1", headers: { "accept": "*/*" },
    status: 204, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "GET /todos/1?x=1", method: 'GET', url: "/todos/1?x=1", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 200, type: "application/json", challenger: "{G}", robots: true, json: {"todos":[{"id":1,"title":"scan paperwork","doneStatus":false,"description":""}]} },
  { name: "HEAD /todos Accept gzip", method: 'HEAD', url: "/todos", headers: { "x-challenger": "{G}", "accept": "application/gzip" },
    status: 406, type: "application/json", challenger: "{G}", robots: true, empty: true },
  { name: "GET /todos Accept text/html;q=0.1 application/xml", method: 'GET', url: "/todos", headers: { "x-challenger": "{G}", "accept": "text/html;q=0.1, application/xml" },
    status: 200, type: "application/json", challenger: "{G}", robots: true, json: { todos: seeds() } },
  { name: "POST /todos JSON Accept text/html", method: 'POST', url: "/todos", headers: { "x-challenger": "{G}", "content-type": "application/json", "accept": "text/html" }, body: "{\"title\":\"html accept\"}",
    status: 201, type: "application/json", location: "/todos/11", challenger: "{G}", robots: true, json: {"id":11,"title":"html accept","doneStatus":false,"description":""} },
  // left out: X-CHALLENGER header 9000 chars on /heartbeat (Jetty's own 8 KB header limit (431 without CORS headers, classic.md S4) is not reproduced, and inject has no header limit)
  { name: "lowercase header name x-challenger on GET /challenges (HEAD)", method: 'HEAD', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 200, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /todos with X-CHALLENGER padded with spaces", method: 'HEAD', url: "/todos", headers: { "accept": "*/*", "x-challenger": "   {G}   " },
    status: 200, type: "application/json", challenger: "{G}", robots: true, empty: true },
  { action: 'GET /todos X-CHALLENGER uppercase guid', run: async (t, apps, vars) => {
    // the transcript sent G in capitals; the reference resolved it and echoed it in lower case (classic.md §2.1)
    const exchange: Exchange = { name: 'HEAD /todos with the GUID in capitals', method: 'HEAD', url: '/todos', headers: { accept: '*/*', 'x-challenger': vars.G.toUpperCase() },
      status: 200, type: 'application/json', challenger: '{G}', robots: true, empty: true }
    verify(t, await send(apps, exchange, vars), exchange, vars)
  } },
]

t.test('transcript 10: todos without a valid X-CHALLENGER on a multi-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'multi' })
  await replay(t, { main }, anonymous)
})

t.test('transcript 10: todos on a single-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'single' })
  await replay(t, { main }, singleUser)
})

t.test('transcript 15: misc globals on a multi-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'multi' })
  await replay(t, { main }, misc)
})

// transcript 13: a single-user server keeps its progress and todos over a restart (58 challenges)
t.test('transcript 13: single-user progress and todos survive a restart', async (t) => {
  const dbFile = join(tempDir(t), 'classic-single.db')
  const config = { challengeSet: 'classic' as const, mode: 'single' as const, dbFile }
  const done = ['GET /challenges (200)', 'POST /todos (201)', 'GET /heartbeat (204)']
  const first = await build(t, config)
  const list = JSON.parse((await first.inject({ method: 'GET', url: '/challenges' })).body) as { challenges: { name: string; status: boolean }[] }
  t.equal(list.challenges.length, 58, 'challenges count: 58')
  t.equal((await first.inject({ method: 'POST', url: '/todos', headers: { 'content-type': 'application/json' }, payload: '{"title":"single persisted"}' })).statusCode, 201)
  t.equal((await first.inject({ method: 'GET', url: '/heartbeat' })).statusCode, 204)
  const before = JSON.parse((await first.inject({ method: 'GET', url: '/challenges' })).body) as { challenges: { name: string; status: boolean }[] }
  t.same(before.challenges.filter((c) => c.status).map((c) => c.name), done, 'completed before restart')
  await first.close()

  const second = await build(t, config)
  const response = await second.inject({ method: 'GET', url: '/challenges' })
  t.equal(response.headers['x-challenger'], SINGLE)
  const after = JSON.parse(response.body) as { challenges: { name: string; status: boolean }[] }
  t.same(after.challenges.filter((c) => c.status).map((c) => c.name), done, 'completed after restart (first request GET /challenges)')
  const todos = JSON.parse((await second.inject({ method: 'GET', url: '/todos' })).body) as { todos: { title: string }[] }
  t.same(todos.todos.map((todo) => todo.title).sort(), [...SEED_TITLES, 'single persisted'].sort(), 'todos after restart')
})
