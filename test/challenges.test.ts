// HTTP tests for GET/HEAD/OPTIONS /challenges (sessions.md §6.1–§6.3, §7.3; classic.md S14, §2.5, §3)
// and for the challenge catalogue as served in each set and mode.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { build, type TestApp } from './helper.js'
import { tableCells } from './parsers.js'

const SETS = ['current', 'classic'] as const
const MODES = ['single', 'multi'] as const
type SetName = (typeof SETS)[number]
type Mode = (typeof MODES)[number]

const UNKNOWN = 'UNKNOWN CHALLENGER - Challenger not found'
const SINGLE = 'rest-api-challenges-single-player'
const JSON_404 = '{"errorMessages":["404 resource Unknown"]}'
const EXPECTED_COUNTS: Record<SetName, Record<Mode, number>> = {
  current: { multi: 99, single: 96 },
  classic: { multi: 59, single: 58 },
}

interface Res {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

interface Row {
  id: number
  name: string
  description: string
  status: boolean
}

async function req(app: TestApp, method: string, url: string, headers: Record<string, string> = {}): Promise<Res> {
  return app.inject({ method: method as 'GET', url, headers })
}

function rowsOf(res: Res): Row[] {
  return (JSON.parse(res.body) as { challenges: Row[] }).challenges
}

async function newSession(app: TestApp, mode: Mode): Promise<string> {
  const res = await req(app, 'POST', '/challenger')
  if (res.statusCode !== 201) throw new Error(`POST /challenger answered ${res.statusCode}`)
  return mode === 'single' ? SINGLE : res.headers['x-challenger'] as string
}

/** challengeStatus without crediting anything */
async function statusOf(app: TestApp, mode: Mode, guid: string): Promise<Record<string, boolean>> {
  const res = await req(app, 'GET', mode === 'single' ? '/challenger/status-probe' : `/challenger/${guid}`)
  return (JSON.parse(res.body) as { challengeStatus: Record<string, boolean> }).challengeStatus
}

// ---------------------------------------------------------------------------
// the catalogue as the spec lists it
// ---------------------------------------------------------------------------

const SPEC_DIR = join(import.meta.dirname, '../../shared/spec')
const TRANSCRIPTS = join(SPEC_DIR, 'classic-transcripts')

interface SpecChallenge { id: number; key: string; name: string }


function specCatalogue(set: SetName, mode: Mode): SpecChallenge[] {
  if (set === 'current') {
    const column = mode === 'multi' ? 1 : 2
    return tableCells(readFileSync(join(SPEC_DIR, 'sessions.md'), 'utf8'), '### 6.3 Full catalogue')
      .filter((cells) => /^\d+$/.test(cells[column]!))
      .map((cells) => ({ id: Number(cells[column]), key: cells[3]!.split(' ')[0]!, name: cells[4]! }))
  }
  const column = mode === 'multi' ? 0 : 1
  const strip = (cell: string) => cell.replace(/^`|`$/g, '')
  return tableCells(readFileSync(join(SPEC_DIR, 'classic.md'), 'utf8'), '## 3. The challenge list as served')
    .filter((cells) => /^\d+$/.test(cells[column]!))
    .map((cells) => ({ id: Number(cells[column]), key: strip(cells[3]!), name: strip(cells[4]!) }))
}

function servedTranscript(file: string): { id: number; name: string }[] {
  return (JSON.parse(readFileSync(join(TRANSCRIPTS, file), 'utf8')) as { challenges: Row[] }).challenges.map(({ id, name }) => ({ id, name }))
}

// ---------------------------------------------------------------------------
// counts, ids, names
// ---------------------------------------------------------------------------

for (const set of SETS) {
  for (const mode of MODES) {
    t.test(`${set} ${mode}: the list as served`, async (t) => {
      const app = await build(t, { mode, challengeSet: set })
      const res = await req(app, 'GET', '/challenges')
      t.equal(res.statusCode, 200)
      t.equal(res.headers['content-type'], 'application/json')
      const parsed = JSON.parse(res.body) as Record<string, unknown>
      t.same(Object.keys(parsed), ['challenges'], 'one key: challenges')
      const rows = rowsOf(res)
      const count = EXPECTED_COUNTS[set][mode]
      t.equal(rows.length, count, `${count} challenges`)
      t.same(rows.map((row) => row.id), Array.from({ length: count }, (_, i) => i + 1), 'ids 1..N, integers, ascending, no gaps')
      for (const row of rows) {
        t.same(Object.keys(row), ['id', 'name', 'description', 'status'], `challenge ${row.id}: field order`)
        t.equal(typeof row.id, 'number')
        t.equal(typeof row.status, 'boolean')
        t.ok(typeof row.description === 'string' && row.description.trim().length > 0, `challenge ${row.id}: has a description`)
      }
      t.equal(new Set(rows.map((row) => row.name)).size, count, 'names are unique')

      const spec = specCatalogue(set, mode)
      t.equal(spec.length, count, 'spec table parsed')
      t.same(rows.map(({ id, name }) => ({ id, name })), spec.map(({ id, name }) => ({ id, name })), 'ids and exact names as the spec lists them')

      if (set === 'classic') {
        const file = mode === 'multi' ? 'challenges-multi-59.json' : 'challenges-single-58.json'
        t.same(rows.map(({ id, name }) => ({ id, name })), servedTranscript(file), `names and ids equal ${file}`)
        t.notOk(rows.some((row) => row.name.includes('/api/')), 'classic names use root paths')
        t.notOk(rows.some((row) => row.description.includes('/api/')), 'classic descriptions use root paths')
      } else {
        t.ok(rows.every((row) => row.name.includes('/api/')), 'current names use /api paths')
      }
      t.equal(rows[0]!.name, set === 'current' ? 'POST /api/challenger (201)' : 'POST /challenger (201)', 'index 0')
      t.equal(rows[1]!.name, set === 'current' ? 'GET /api/challenges (200)' : 'GET /challenges (200)', 'index 1')

      // the list and the challengeStatus map describe the same challenges
      const guid = await newSession(app, mode)
      const status = await statusOf(app, mode, guid)
      t.same(Object.keys(status).sort(), spec.map((c) => c.key).sort(), 'challengeStatus keys = the listed enum names')
      const after = rowsOf(await req(app, 'GET', '/challenges', { 'x-challenger': guid }))
      const byKey = new Map(spec.map((c) => [c.key, c.id]))
      const statusNow = await statusOf(app, mode, guid)
      for (const [key, done] of Object.entries(statusNow)) {
        t.equal(after.find((row) => row.id === byKey.get(key))?.status, done, `${key}: same status in both views`)
      }
    })
  }
}

// ---------------------------------------------------------------------------
// §6.1 GET /challenges: status per session, Location, crediting
// ---------------------------------------------------------------------------

for (const set of SETS) {
  t.test(`${set} multi: GET /challenges per session`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await newSession(app, 'multi')
    const other = await newSession(app, 'multi')

    for (const headers of [{}, { 'x-challenger': randomUUID() }, { 'x-challenger': 'bob' }] as Record<string, string>[]) {
      const anonymous = await req(app, 'GET', '/challenges', headers)
      t.equal(anonymous.statusCode, 200, `anonymous ${JSON.stringify(headers)}: 200`)
      t.equal(anonymous.headers.location, undefined, 'no Location without a known session')
      t.equal(anonymous.headers['x-challenger'], UNKNOWN)
      t.equal(anonymous.headers['x-robots-tag'], 'noindex')
      t.ok(rowsOf(anonymous).every((row) => !row.status), 'all false for an unknown session')
    }

    for (const verb of ['HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE']) await req(app, verb, '/challenges', { 'x-challenger': guid })
    t.equal((await statusOf(app, 'multi', guid)).GET_CHALLENGES, false, 'HEAD, OPTIONS and 405s do not credit GET_CHALLENGES')

    const first = await req(app, 'GET', '/challenges', { 'x-challenger': guid })
    t.equal(first.statusCode, 200)
    t.equal(first.headers.location, `/gui/challenges/${guid}`, 'Location: the session\'s progress page')
    t.equal(first.headers['x-challenger'], guid)
    t.equal(first.headers['x-robots-tag'], 'noindex')
    const rows = rowsOf(first)
    t.equal(rows[0]!.status, true, 'POST /challenger (201) done')
    t.equal(rows[1]!.status, true, 'GET /challenges (200) already true in the very first response')
    t.same(rows.filter((row) => row.status).map((row) => row.id), [1, 2], 'nothing else done')

    const otherRows = rowsOf(await req(app, 'GET', '/challenges', { 'x-challenger': other }))
    t.same(otherRows.filter((row) => row.status).map((row) => row.id), [1, 2], 'another session sees only its own progress')
    await req(app, 'GET', `/challenger/${guid}`, { 'x-challenger': guid })
    const restorableId = specCatalogue(set, 'multi').find((c) => c.key === 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS')!.id
    t.equal(rowsOf(await req(app, 'GET', '/challenges', { 'x-challenger': guid })).find((row) => row.id === restorableId)?.status, true)
    t.equal(rowsOf(await req(app, 'GET', '/challenges', { 'x-challenger': other })).find((row) => row.id === restorableId)?.status, false,
      'A\'s progress never shows for B')

    const upper = await req(app, 'GET', '/challenges', { 'x-challenger': ` ${guid.toUpperCase()} ` })
    t.equal(upper.headers['x-challenger'], guid, 'X-CHALLENGER matched case-insensitively')
  })

  t.test(`${set} single: GET /challenges`, async (t) => {
    const app = await build(t, { mode: 'single', challengeSet: set })
    for (const headers of [{}, { 'x-challenger': 'garbage' }] as Record<string, string>[]) {
      const res = await req(app, 'GET', '/challenges', headers)
      t.equal(res.statusCode, 200)
      t.equal(res.headers.location, '/gui/challenges', 'single-user Location')
      t.equal(res.headers['x-challenger'], SINGLE)
      const rows = rowsOf(res)
      t.equal(rows[0]!.status, false, 'CREATE_NEW_CHALLENGER false until POST /challenger (classic.md §2.13)')
      t.equal(rows[1]!.status, true, 'GET_CHALLENGES true in the first response')
    }
    await req(app, 'POST', '/challenger')
    t.equal(rowsOf(await req(app, 'GET', '/challenges'))[0]!.status, true)
  })

  t.test(`${set}: GET /challenges Accept and query`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await newSession(app, 'multi')

    const unsupported = await req(app, 'GET', '/challenges', { 'x-challenger': guid, accept: 'application/gzip' })
    t.equal(unsupported.statusCode, 406, 'unsupported Accept: 406')
    t.equal(unsupported.headers['content-type'], 'application/json')
    t.same(JSON.parse(unsupported.body), { errorMessages: ['Unrecognised Accept Type'] })
    t.equal(unsupported.headers.location, `/gui/challenges/${guid}`, 'Location kept on the 406 (S14)')
    t.equal(unsupported.headers['x-robots-tag'], 'noindex')
    t.equal((await statusOf(app, 'multi', guid)).GET_CHALLENGES, true, 'the 406 still credits GET_CHALLENGES')

    const json = rowsOf(await req(app, 'GET', '/challenges', { 'x-challenger': guid }))
    const xml = await req(app, 'GET', '/challenges', { 'x-challenger': guid, accept: 'application/xml' })
    t.equal(xml.statusCode, 200)
    t.equal(xml.headers['content-type'], 'application/xml')
    t.equal(xml.headers['x-robots-tag'], 'noindex')
    t.equal(xml.headers.location, `/gui/challenges/${guid}`)
    t.match(xml.body, /^<challenges><challenge>/, 'root <challenges>, items <challenge>')
    t.match(xml.body, /<\/challenge><\/challenges>$/)
    const items = [...xml.body.matchAll(/<challenge>(.*?)<\/challenge>/g)].map((match) => match[1]!)
    t.equal(items.length, json.length, 'same number of challenges as JSON')
    const order = set === 'current' ? ['id', 'name', 'description', 'status'] : ['name', 'description', 'id', 'status']
    for (const [index, item] of items.entries()) {
      const elements = [...item.matchAll(/<(\w+)>/g)].map((match) => match[1])
      if (index === 0 || index === items.length - 1) t.same(elements, order, `challenge ${index + 1}: element order ${order.join(', ')}`)
      else if (JSON.stringify(elements) !== JSON.stringify(order)) t.fail(`challenge ${index + 1}: element order ${elements.join(', ')}`)
      const text = (name: string) => new RegExp(`<${name}>(.*?)</${name}>`).exec(item)?.[1]
      const row = json[index]!
      if (text('id') !== String(row.id) || text('status') !== String(row.status)) t.fail(`challenge ${index + 1}: XML data differs from JSON`)
    }
    t.match(items[0], `<name>${set === 'current' ? 'POST /api/challenger (201)' : 'POST /challenger (201)'}</name>`)
    t.match(items[1], '<status>true</status>')
    if (set === 'classic') {
      const reference = readFileSync(join(TRANSCRIPTS, 'challenges-multi-59.xml'), 'utf8')
      const names = (text: string) => [...text.matchAll(/<name>(.*?)<\/name>/g)].map((match) => match[1])
      t.same(names(xml.body), names(reference), 'classic XML names equal challenges-multi-59.xml')
      const html = await req(app, 'GET', '/challenges', { 'x-challenger': guid, accept: 'text/html' })
      t.equal(html.statusCode, 200, 'classic: Accept text/html gets JSON (S14)')
      t.equal(html.headers['content-type'], 'application/json')
    }

    const done = rowsOf(await req(app, 'GET', '/challenges?status=true', { 'x-challenger': guid }))
    t.same(done.map((row) => row.id), [1, 2], '?status=true lists only the completed challenges')
    const open = rowsOf(await req(app, 'GET', '/challenges?status=false', { 'x-challenger': guid }))
    t.equal(open.length, EXPECTED_COUNTS[set].multi - 2, '?status=false lists the rest')
    t.ok(open.every((row) => !row.status))
    const third = rowsOf(await req(app, 'GET', '/challenges?id=3', { 'x-challenger': guid }))
    t.same(third.map((row) => row.id), [3], '?id=3 filters to one')

    const sorted = rowsOf(await req(app, 'GET', '/challenges?_sortBy=-id', { 'x-challenger': guid })).map((row) => row.id)
    const ascending = [...sorted].sort((a, b) => a - b)
    if (set === 'current') t.same(sorted, [...ascending].reverse(), 'current: ?_sortBy=-id sorts descending (§6.1)')
    else t.same(sorted, ascending, 'classic: ?_sortBy is ignored (S14)')
  })

  t.test(`${set}: HEAD, OPTIONS, 405 and unrouted paths of /challenges`, async (t) => {
    const app = await build(t, { mode: 'multi', challengeSet: set })
    const guid = await newSession(app, 'multi')
    for (const headers of [{ 'x-challenger': guid }, {}] as Record<string, string>[]) {
      const head = await req(app, 'HEAD', '/challenges', { ...headers, accept: 'application/xml' })
      t.equal(head.statusCode, 200, 'HEAD: 200')
      t.equal(head.headers['content-type'], 'application/json', 'HEAD: application/json whatever the Accept')
      t.equal(head.body, '')
      t.equal(head.headers['x-robots-tag'], undefined, 'HEAD: no x-robots-tag')
      t.equal(head.headers['x-challenger'], 'x-challenger' in headers ? guid : UNKNOWN)

      const options = await req(app, 'OPTIONS', '/challenges', { ...headers, accept: 'application/xml' })
      t.equal(options.statusCode, 200, 'OPTIONS /challenges is 200, not 204')
      t.equal(options.headers['content-type'], 'application/json')
      t.equal(options.headers.allow, 'GET, HEAD, OPTIONS')
      t.equal(options.body, '')
      t.equal(options.headers['x-robots-tag'], undefined)
      t.equal(options.headers['x-challenger'], 'x-challenger' in headers ? guid : UNKNOWN)
    }
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE']) {
      const res = await req(app, method, '/challenges', { 'x-challenger': guid })
      t.equal(res.statusCode, 405, `${method}: 405`)
      t.equal(res.body, '')
      t.equal(res.headers['x-robots-tag'], undefined, `${method}: no x-robots-tag`)
      t.equal(res.headers['x-challenger'], guid)
    }
    const query = await req(app, 'QUERY', '/challenges', { 'x-challenger': guid })
    if (set === 'current') t.equal(query.statusCode, 405, 'QUERY /challenges: 405 (§6.1)')
    else t.ok([400, 405].includes(query.statusCode), `classic QUERY: 405 or 400 (classic.md §0), got ${query.statusCode}`)

    for (const path of ['/challenges/', '/challenges/1', '/api/challenges/']) {
      const res = await req(app, 'GET', path, { 'x-challenger': guid, accept: 'application/json' })
      t.equal(res.statusCode, 404, `${path}: 404`)
      t.equal(res.body, JSON_404)
      t.equal(res.headers['x-challenger'], guid)
    }
  })
}
