// Transcript 05: /secret/token and /secret/note, multi- and single-user, replayed against the classic set
// (see ./replay.ts). {TOK} is the x-auth-token POST /secret/token gave, captured when first seen.
import t, { type Test } from 'tap'
import { build } from '../helper.js'
import { replay, SINGLE, UNKNOWN, type Response, type Step } from './replay.js'


/** the malformed-XML message starts as the reference's does */
function xmlPayloadMessage(t: Test, response: Response): void {
  t.match(response.body, /^\{"errorMessages":\["Invalid XML Payload: [^"]+"\]\}$/, 'Invalid XML Payload: …')
}

const multiUser: Step[] = [
  { create: 'G' },
  { name: "POST /secret/token no auth", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 401, wwwAuthenticate: "Basic realm=\"User Visible Realm\"", challenger: "{G}", empty: true },
  { name: "POST /secret/token wrong basic", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Basic YWRtaW46d3Jvbmc=" },
    status: 401, wwwAuthenticate: "Basic realm=\"User Visible Realm\"", challenger: "{G}", empty: true },
  { name: "POST /secret/token short garbage auth 'Basic x'", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Basic x" },
    status: 401, wwwAuthenticate: "Basic realm=\"User Visible Realm\"", challenger: "{G}", empty: true },
  { name: "POST /secret/token admin:password, no X-CHALLENGER", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "authorization": "Basic YWRtaW46cGFzc3dvcmQ=" },
    status: 401, challenger: UNKNOWN, empty: true },
  { name: "POST /secret/token admin:password, unknown X-CHALLENGER", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "11111111-2222-4333-8444-555555555555", "authorization": "Basic YWRtaW46cGFzc3dvcmQ=" },
    status: 401, challenger: UNKNOWN, empty: true },
  { name: "POST /secret/token admin:password, G", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Basic YWRtaW46cGFzc3dvcmQ=" },
    status: 201, authToken: "{TOK}", challenger: "{G}", empty: true },
  { name: "POST /secret/token 'basic' lowercase scheme", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "basic YWRtaW46cGFzc3dvcmQ=" },
    status: 201, authToken: "{TOK}", challenger: "{G}", empty: true },
  { name: "POST /secret/token with X-API-Challenges-Live-Widget:true, wrong creds", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}", "x-api-challenges-live-widget": "true", "authorization": "Basic YWRtaW46d3Jvbmc=" },
    status: 401, wwwAuthenticate: "Basic realm=\"User Visible Realm\"", challenger: "{G}", empty: true },
  { name: "POST /secret/token Accept application/xml wrong creds", method: 'POST', url: "/secret/token", headers: { "x-challenger": "{G}", "accept": "application/xml", "authorization": "Basic YWRtaW46d3Jvbmc=" },
    status: 401, wwwAuthenticate: "Basic realm=\"User Visible Realm\"", challenger: "{G}", empty: true },
  // {TOK}: the x-auth-token of POST /secret/token, captured where it first shows
  { name: "GET /secret/token", method: 'GET', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "HEAD /secret/token", method: 'HEAD', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "PUT /secret/token", method: 'PUT', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "PATCH /secret/token", method: 'PATCH', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "DELETE /secret/token", method: 'DELETE', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "TRACE /secret/token", method: 'TRACE', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "OPTIONS /secret/token", method: 'OPTIONS', url: "/secret/token", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 204, allow: "POST, OPTIONS", challenger: "{G}", empty: true },
  // /secret/note GET
  { name: "GET /secret/note no token", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 401, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /secret/note empty X-AUTH-TOKEN", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "" },
    status: 401, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /secret/note wrong token", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "bob" },
    status: 403, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /secret/note valid token", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}" },
    status: 200, type: "application/json", challenger: "{G}", json: {"note":""} },
  { name: "GET /secret/note valid token, no X-CHALLENGER", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-auth-token": "{TOK}" },
    status: 401, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "GET /secret/note valid token, unknown X-CHALLENGER", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "11111111-2222-4333-8444-555555555555", "x-auth-token": "{TOK}" },
    status: 401, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "GET /secret/note valid token Accept xml", method: 'GET', url: "/secret/note", headers: { "x-challenger": "{G}", "x-auth-token": "{TOK}", "accept": "application/xml" },
    status: 200, type: "application/xml", challenger: "{G}", xml: "<secretnote><note/></secretnote>" },
  { name: "GET /secret/note valid token Accept gzip", method: 'GET', url: "/secret/note", headers: { "x-challenger": "{G}", "x-auth-token": "{TOK}", "accept": "application/gzip" },
    status: 406, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /secret/note valid token no Accept", method: 'GET', url: "/secret/note", headers: { "x-challenger": "{G}", "x-auth-token": "{TOK}" },
    status: 200, type: "application/json", challenger: "{G}", json: {"note":""} },
  { name: "GET /secret/note Bearer valid", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Bearer {TOK}" },
    status: 200, type: "application/json", challenger: "{G}", json: {"note":""} },
  { name: "GET /secret/note Bearer wrong", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Bearer bob" },
    status: 403, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /secret/note Bearer wrong + X-AUTH-TOKEN right", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Bearer bob", "x-auth-token": "{TOK}" },
    status: 403, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /secret/note Bearer right + X-AUTH-TOKEN wrong", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Bearer {TOK}", "x-auth-token": "bob" },
    status: 200, type: "application/json", challenger: "{G}", json: {"note":""} },
  { name: "GET /secret/note 'bearer' lowercase", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "bearer {TOK}" },
    status: 200, type: "application/json", challenger: "{G}", json: {"note":""} },
  { name: "GET /secret/note 'Bearer' no token", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Bearer" },
    status: 401, type: "application/json", challenger: "{G}", empty: true },
  { name: "HEAD /secret/note valid", method: 'HEAD', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}" },
    status: 200, type: "application/json", challenger: "{G}", empty: true },
  // /secret/note POST
  { name: "POST /secret/note valid JSON", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json" }, body: "{\"note\":\"my note\"}",
    status: 200, type: "application/json", challenger: "{G}", json: {"note":"my note"} },
  { name: "GET /secret/note after POST", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}" },
    status: 200, type: "application/json", challenger: "{G}", json: {"note":"my note"} },
  { name: "GET /secret/note after POST, Accept xml", method: 'GET', url: "/secret/note", headers: { "x-challenger": "{G}", "x-auth-token": "{TOK}", "accept": "application/xml" },
    status: 200, type: "application/xml", challenger: "{G}", xml: "<secretnote><note>my note</note></secretnote>" },
  { name: "POST /secret/note valid XML body (Content-Type xml)", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/xml" }, body: "<secretnote><note>xml note</note></secretnote>",
    status: 200, type: "application/json", challenger: "{G}", json: {"note":"xml note"} },
  { name: "POST /secret/note XML body <note> root", method: 'POST', url: "/secret/note", headers: { "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/xml", "accept": "application/xml" }, body: "<note>xml note2</note>",
    status: 200, type: "application/xml", challenger: "{G}", xml: "<secretnote><note>xml note2</note></secretnote>" },
  { name: "POST /secret/note JSON, Accept xml", method: 'POST', url: "/secret/note", headers: { "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json", "accept": "application/xml" }, body: "{\"note\":\"json to xml\"}",
    status: 200, type: "application/xml", challenger: "{G}", xml: "<secretnote><note>json to xml</note></secretnote>" },
  { name: "POST /secret/note no content-type (curl default form)", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/x-www-form-urlencoded" }, body: "{\"note\":\"nocontenttype\"}",
    status: 415, challenger: "{G}", empty: true },
  { name: "POST /secret/note truly no content-type", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}" }, body: "{\"note\":\"nocontenttype\"}",
    status: 415, challenger: "{G}", empty: true },
  { name: "POST /secret/note Content-Type text/plain", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "text/plain" }, body: "{\"note\":\"x\"}",
    status: 415, challenger: "{G}", empty: true },
  { name: "POST /secret/note Accept gzip", method: 'POST', url: "/secret/note", headers: { "x-challenger": "{G}", "x-auth-token": "{TOK}", "accept": "application/gzip", "content-type": "application/json" }, body: "{\"note\":\"x\"}",
    status: 406, challenger: "{G}", empty: true },
  { name: "POST /secret/note no token", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "content-type": "application/json" }, body: "{\"note\":\"x\"}",
    status: 401, type: "application/json", challenger: "{G}", empty: true },
  { name: "POST /secret/note wrong token", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "bob", "content-type": "application/json" }, body: "{\"note\":\"x\"}",
    status: 403, type: "application/json", challenger: "{G}", empty: true },
  { name: "POST /secret/note no X-CHALLENGER", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-auth-token": "{TOK}", "content-type": "application/json" }, body: "{\"note\":\"x\"}",
    status: 401, challenger: UNKNOWN, empty: true },
  { name: "POST /secret/note Bearer valid", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "authorization": "Bearer {TOK}", "content-type": "application/json" }, body: "{\"note\":\"bearer note\"}",
    status: 200, type: "application/json", challenger: "{G}", json: {"note":"bearer note"} },
  { name: "POST /secret/note bad JSON", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json" }, body: "{\"note\":",
    status: 400, type: "application/json", challenger: "{G}", json: {"errorMessages":["Invalid Json Payload: please check the syntax of the request body"]} },
  { name: "POST /secret/note {}", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json" }, body: "{}",
    status: 400, type: "application/json", challenger: "{G}", json: {"errorMessages":["note : field is mandatory"]} },
  { name: "POST /secret/note empty body", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json" },
    status: 400, type: "application/json", challenger: "{G}", json: {"errorMessages":["note : field is mandatory"]} },
  { name: "POST /secret/note unknown field", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json" }, body: "{\"name\":\"bob\"}",
    status: 400, type: "application/json", challenger: "{G}", json: {"errorMessages":["Could not find field: name"]} },
  { name: "POST /secret/note 150 chars", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json" }, body: "{\"note\":\"" + "n".repeat(150) + "\"}",
    status: 400, type: "application/json", challenger: "{G}", json: {"errorMessages":["Failed Validation: Maximum allowable length exceeded for note - maximum allowed is 100"]} },
  { name: "POST /secret/note note number", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/json" }, body: "{\"note\":123}",
    status: 200, type: "application/json", challenger: "{G}", json: {"note":"123.0"} },
  { name: "POST /secret/note bad XML", method: 'POST', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}", "x-auth-token": "{TOK}", "content-type": "application/xml" }, body: "<secretnote><note>x</secretnote>",
    status: 400, type: "application/json", challenger: "{G}", verify: xmlPayloadMessage },
  { name: "PUT /secret/note", method: 'PUT', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "PATCH /secret/note", method: 'PATCH', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "DELETE /secret/note", method: 'DELETE', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "TRACE /secret/note", method: 'TRACE', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "OPTIONS /secret/note", method: 'OPTIONS', url: "/secret/note", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 204, allow: "GET, HEAD, POST, OPTIONS", challenger: "{G}", empty: true },
  { done: 'G', keys: ['CREATE_NEW_CHALLENGER', 'CREATE_SECRET_TOKEN_201', 'CREATE_SECRET_TOKEN_401', 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS', 'GET_SECRET_NOTE_200', 'GET_SECRET_NOTE_401', 'GET_SECRET_NOTE_403', 'GET_SECRET_NOTE_BEARER_200', 'POST_SECRET_NOTE_200', 'POST_SECRET_NOTE_401', 'POST_SECRET_NOTE_403', 'POST_SECRET_NOTE_BEARER_200'] },
]

const singleUser: Step[] = [
  { name: "POST /secret/token single, no X-CHALLENGER, good creds", method: 'POST', url: "/secret/token", headers: { "accept": "*/*", "authorization": "Basic YWRtaW46cGFzc3dvcmQ=" },
    status: 201, authToken: "{STOK}", challenger: SINGLE, empty: true },
  { name: "GET /secret/note single valid token, no X-CHALLENGER", method: 'GET', url: "/secret/note", headers: { "accept": "*/*", "x-auth-token": "{STOK}" },
    status: 200, type: "application/json", challenger: SINGLE, json: {"note":""} },
  { name: "GET /secret/note single no token", method: 'GET', url: "/secret/note", headers: { "accept": "*/*" },
    status: 401, type: "application/json", challenger: SINGLE, empty: true },
]

t.test('transcript 05: /secret on a multi-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'multi' })
  await replay(t, { main }, multiUser)
})

t.test('transcript 05: /secret on a single-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'single' })
  await replay(t, { main }, singleUser)
})
