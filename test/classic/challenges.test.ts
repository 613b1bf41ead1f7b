// Transcript 03: GET/HEAD/OPTIONS /challenges and its 405s, multi- and single-user, replayed against the
// classic set (see ./replay.ts). The list itself is compared by id, name and status, in the reference's
// order; descriptions are our own and not compared.
import t, { type Test } from 'tap'
import { build } from '../helper.js'
import { replay, SINGLE, UNKNOWN, type Response, type Step } from './replay.js'
import { challengeList, challengesXml, CLASSIC } from './catalogue.js'

/** XML children in the reference's order: name, description, id, status (classic.md S14) */
function xmlElementOrder(t: Test, response: Response): void {
  t.match(response.body, /^<challenges><challenge><name>POST \/challenger \(201\)<\/name><description>[^<]*<\/description><id>1<\/id><status>true<\/status><\/challenge><challenge><name>/,
    'name, description, id, status')
}

const multiUser: Step[] = [
  { create: 'G' },
  { name: "GET /challenges multi, no X-CHALLENGER", method: 'GET', url: "/challenges", headers: { "accept": "*/*" },
    status: 200, type: "application/json", challenger: UNKNOWN, robots: true, json: { challenges: challengeList([]) } },
  { name: "GET /challenges multi, X-CHALLENGER=G", method: 'GET', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 200, type: "application/json", location: "/gui/challenges/{G}", challenger: "{G}", robots: true, json: { challenges: challengeList(['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES']) } },
  { name: "GET /challenges multi, unknown X-CHALLENGER", method: 'GET', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "11111111-2222-4333-8444-555555555555" },
    status: 200, type: "application/json", challenger: UNKNOWN, robots: true, json: { challenges: challengeList([]) } },
  { name: "GET /challenges Accept application/xml", method: 'GET', url: "/challenges", headers: { "x-challenger": "{G}", "accept": "application/xml" },
    status: 200, type: "application/xml", location: "/gui/challenges/{G}", challenger: "{G}", robots: true, xml: challengesXml(challengeList(['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES'])), verify: xmlElementOrder },
  { name: "GET /challenges Accept application/gzip", method: 'GET', url: "/challenges", headers: { "x-challenger": "{G}", "accept": "application/gzip" },
    status: 406, type: "application/json", location: "/gui/challenges/{G}", challenger: "{G}", robots: true, json: {"errorMessages":["Unrecognised Accept Type"]} },
  { name: "GET /challenges Accept text/html", method: 'GET', url: "/challenges", headers: { "x-challenger": "{G}", "accept": "text/html" },
    status: 200, type: "application/json", location: "/gui/challenges/{G}", challenger: "{G}", robots: true, json: { challenges: challengeList(['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES']) } },
  { name: "GET /challenges?_sortBy=-id", method: 'GET', url: "/challenges?_sortBy=-id", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 200, type: "application/json", location: "/gui/challenges/{G}", challenger: "{G}", robots: true, json: { challenges: challengeList(['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES']) } },
  { name: "HEAD /challenges", method: 'HEAD', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 200, type: "application/json", challenger: "{G}", empty: true },
  { name: "HEAD /challenges no X-CHALLENGER", method: 'HEAD', url: "/challenges", headers: { "accept": "*/*" },
    status: 200, type: "application/json", challenger: UNKNOWN, empty: true },
  { name: "OPTIONS /challenges", method: 'OPTIONS', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 200, type: "application/json", allow: "GET, HEAD, OPTIONS", challenger: "{G}", empty: true },
  { name: "OPTIONS /challenges no X-CHALLENGER", method: 'OPTIONS', url: "/challenges", headers: { "accept": "*/*" },
    status: 200, type: "application/json", allow: "GET, HEAD, OPTIONS", challenger: UNKNOWN, empty: true },
  { name: "POST /challenges", method: 'POST', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "PUT /challenges", method: 'PUT', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "PATCH /challenges", method: 'PATCH', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "DELETE /challenges", method: 'DELETE', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "TRACE /challenges", method: 'TRACE', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "{G}" },
    status: 405, type: "application/json", challenger: "{G}", empty: true },
  { name: "GET /challenges/ trailing slash", method: 'GET', url: "/challenges/", headers: { "x-challenger": "{G}", "accept": "application/json" },
    status: 404, type: "application/json", challenger: "{G}", json: {"errorMessages":["404 resource Unknown"]} },
  { name: "GET /challenges/1", method: 'GET', url: "/challenges/1", headers: { "x-challenger": "{G}", "accept": "application/json" },
    status: 404, type: "application/json", challenger: "{G}", json: {"errorMessages":["404 resource Unknown"]} },
]

const singleUser: Step[] = [
  { name: "GET /challenges single, no X-CHALLENGER", method: 'GET', url: "/challenges", headers: { "accept": "*/*" },
    status: 200, type: "application/json", location: "/gui/challenges", challenger: SINGLE, robots: true, json: { challenges: challengeList(['GET_CHALLENGES'], 'single') } },
  { name: "GET /challenges single, X-CHALLENGER garbage", method: 'GET', url: "/challenges", headers: { "accept": "*/*", "x-challenger": "bob" },
    status: 200, type: "application/json", location: "/gui/challenges", challenger: SINGLE, robots: true, json: { challenges: challengeList(['GET_CHALLENGES'], 'single') } },
  { name: "HEAD /challenges single", method: 'HEAD', url: "/challenges", headers: { "accept": "*/*" },
    status: 200, type: "application/json", challenger: SINGLE, empty: true },
]

t.test('transcript 03: /challenges on a multi-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'multi' })
  await replay(t, { main }, multiUser)
})

t.test('transcript 03: /challenges on a single-user server', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'single' })
  await replay(t, { main }, singleUser)
})

// classic.md §2.5 / S14: field filters work on /challenges, sorting does not
t.test('/challenges field filters (classic.md §2.5)', async (t) => {
  const main = await build(t, { challengeSet: 'classic', mode: 'multi' })
  await replay(t, { main }, [
    { create: 'G' },
    { name: 'GET /challenges?status=true', method: 'GET', url: '/challenges?status=true', headers: { 'x-challenger': '{G}' }, status: 200, type: 'application/json', challenger: '{G}', robots: true,
      json: { challenges: challengeList(['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES']).filter((c) => c.status) } },
    { name: 'GET /challenges?id=3', method: 'GET', url: '/challenges?id=3', headers: { 'x-challenger': '{G}' }, status: 200, type: 'application/json', challenger: '{G}', robots: true,
      json: { challenges: challengeList(['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES']).filter((c) => c.id === 3) } },
  ])
})

t.test('the classic list: 59 multi-user, 58 single-user, ids 1..N without gaps, names as the public suites look them up', async (t) => {
  for (const mode of ['multi', 'single'] as const) {
    const main = await build(t, { challengeSet: 'classic', mode })
    const response = await main.inject({ method: 'GET', url: '/challenges' })
    const list = (JSON.parse(response.body) as { challenges: { id: number; name: string; description: unknown }[] }).challenges
    t.equal(list.length, mode === 'multi' ? 59 : 58, `${mode}: count`)
    t.same(list.map((c) => c.id), list.map((_, i) => i + 1), `${mode}: ids 1..N`)
    t.same(list.map((c) => c.name), CLASSIC.filter((c) => mode === 'multi' || c.single !== null).map((c) => c.name), `${mode}: names in order`)
    t.ok(list.every((c) => typeof c.description === 'string' && c.description.length > 0),
      `${mode}: every challenge has a description of our own`)
  }
})
