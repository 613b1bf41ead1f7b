// Transcript 04: /heartbeat, X-HTTP-Method-Override on it, and long X-CHALLENGER values, multi- and
// single-user, replayed against the classic set (see ./replay.ts). An empty-bodied stub response takes the
// first Accept entry as its Content-Type, or application/json for */* and no Accept (classic.md S2).
import t from 'tap'
import { build } from '../helper.js'
import { replay, SINGLE, UNKNOWN, type Step } from './replay.js'
import { seeds } from './catalogue.js'

const multiUser: Step[] = [
  { create: 'G' },
  { name: "GET /heartbeat", method: 'GET', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 204, type: "application/json", challenger: "{G}", empty: true },
  { name: "HEAD /heartbeat", method: 'HEAD', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 204, type: "application/json", challenger: "{G}", empty: true },
  { name: "OPTIONS /heartbeat", method: 'OPTIONS', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 204, allow: "GET, HEAD, OPTIONS", challenger: "{G}", empty: true },
  { name: "POST /heartbeat", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "PUT /heartbeat", method: 'PUT', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "DELETE /heartbeat", method: 'DELETE', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "PATCH /heartbeat", method: 'PATCH', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 500, type: "application/json", challenger: "{G}", reason: "Server Error", empty: true },
  { name: "TRACE /heartbeat", method: 'TRACE', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 501, type: "application/json", challenger: "{G}", reason: "Not Implemented", empty: true },
  { name: "PATCH /heartbeat Accept application/xml", method: 'PATCH', url: "/heartbeat", headers: { "accept": "application/xml" },
    status: 500, type: "application/xml", challenger: UNKNOWN, reason: "Server Error", empty: true },
  { name: "DELETE /heartbeat Accept application/xml", method: 'DELETE', url: "/heartbeat", headers: { "accept": "application/xml" },
    status: 405, type: "application/xml", challenger: UNKNOWN, empty: true },
  { name: "GET /heartbeat Accept application/xml", method: 'GET', url: "/heartbeat", headers: { "accept": "application/xml" },
    status: 204, type: "application/xml", challenger: UNKNOWN, empty: true },
  { name: "GET /heartbeat no Accept", method: 'GET', url: "/heartbeat",
    status: 204, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "GET /heartbeat Accept text/html", method: 'GET', url: "/heartbeat", headers: { "accept": "text/html" },
    status: 204, type: "text/html", challenger: UNKNOWN, empty: true },
  { name: "GET /heartbeat Accept application/gzip", method: 'GET', url: "/heartbeat", headers: { "accept": "application/gzip" },
    status: 204, type: "application/gzip", challenger: UNKNOWN, empty: true },
  // left out: CONNECT-ish unknown method FOO /heartbeat (the reference answers 400 "No enum constant …VERB.FOO" without CORS; an unknown method never reaches the app through inject, and Node answers it itself)
  { name: "GET /heartbeat/ trailing slash", method: 'GET', url: "/heartbeat/", headers: { "accept": "application/json" },
    status: 404, type: "application/json", challenger: UNKNOWN, json: {"errorMessages":["404 resource Unknown"]} },
  // ---- method override
  { name: "POST /heartbeat X-HTTP-Method-Override: DELETE", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "DELETE" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "POST /heartbeat X-HTTP-Method-Override: PATCH", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "PATCH" },
    status: 500, type: "application/json", challenger: "{G}", reason: "Server Error", empty: true },
  { name: "POST /heartbeat X-HTTP-Method-Override: TRACE", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "TRACE" },
    status: 501, type: "application/json", challenger: "{G}", reason: "Not Implemented", empty: true },
  { name: "POST /heartbeat X-HTTP-Method-Override: delete", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "delete" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "POST /heartbeat X-HTTP-Method-Override: GET", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "GET" },
    status: 204, type: "application/json", challenger: "{G}", empty: true },
  { name: "POST /heartbeat X-HTTP-Method-Override: PUT", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "PUT" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  // the reference answered 204 (HEAD); no challenge needs a HEAD override and a HEAD answer to a POST leaves
  // clients waiting for a body, so it is not honoured (classic.md §0): the POST answers 405
  { name: "POST /heartbeat X-HTTP-Method-Override: HEAD", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "HEAD" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "POST /heartbeat X-HTTP-Method-Override: OPTIONS", method: 'POST', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}", "x-http-method-override": "OPTIONS" },
    status: 204, allow: "GET, HEAD, OPTIONS", challenger: "{G}", empty: true },
  // the reference honours the override for every real method (classic.md S5); §0: only on POST. Ours answers the
  // real method, which also credits the real method's challenge, as the reference did (GET → GET_HEARTBEAT_204)
  { name: "GET /heartbeat X-HTTP-Method-Override: PATCH", method: 'GET', url: "/heartbeat", headers: { "accept": "*/*", "x-http-method-override": "PATCH" },
    status: 204, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "PUT /heartbeat X-HTTP-Method-Override: TRACE", method: 'PUT', url: "/heartbeat", headers: { "accept": "*/*", "x-http-method-override": "TRACE" },
    status: 405, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "DELETE /heartbeat X-HTTP-Method-Override: GET", method: 'DELETE', url: "/heartbeat", headers: { "accept": "*/*", "x-http-method-override": "GET" },
    status: 405, type: "application/json", challenger: UNKNOWN, empty: true },
  // ---- X-CHALLENGER length
  // no 431 for a long X-CHALLENGER in classic (classic.md S4): just an unknown challenger
  { name: "GET /heartbeat X-CHALLENGER 101 chars (starts with G)", method: 'GET', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" + "x".repeat(65) },
    status: 204, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "GET /heartbeat X-CHALLENGER 100 chars (starts with G)", method: 'GET', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "{G}" + "x".repeat(64) },
    status: 204, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "GET /todos X-CHALLENGER 101 chars", method: 'GET', url: "/todos", headers: { "accept": "*/*", "x-challenger": "{G}" + "x".repeat(65) },
    status: 200, type: "application/json", challenger: UNKNOWN, robots: true, json: { todos: seeds() } },
  { name: "GET /heartbeat X-CHALLENGER 500 chars", method: 'GET', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "y".repeat(500) },
    status: 204, type: "application/json", challenger: UNKNOWN, empty: true },
  { done: 'G', keys: ['CREATE_NEW_CHALLENGER', 'DELETE_HEARTBEAT_405', 'GET_HEARTBEAT_204', 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS', 'OVERRIDE_DELETE_HEARTBEAT_405', 'OVERRIDE_PATCH_HEARTBEAT_500', 'OVERRIDE_TRACE_HEARTBEAT_501', 'PATCH_HEARTBEAT_500', 'TRACE_HEARTBEAT_501'] },
]

const singleUser: Step[] = [
  { name: "GET /heartbeat single", method: 'GET', url: "/heartbeat", headers: { "accept": "*/*" },
    status: 204, type: "application/json", challenger: SINGLE, empty: true },
  { name: "GET /heartbeat single X-CHALLENGER garbage", method: 'GET', url: "/heartbeat", headers: { "accept": "*/*", "x-challenger": "bob" },
    status: 204, type: "application/json", challenger: SINGLE, empty: true },
]

t.test('transcript 04: /heartbeat on a multi-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'multi' })
  await replay(t, { main }, multiUser)
})

t.test('transcript 04: /heartbeat on a single-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'single' })
  await replay(t, { main }, singleUser)
})
