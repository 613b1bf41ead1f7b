// Bad input against a real server process: thousands of generated requests (random methods, paths, headers,
// huge and malformed JSON/XML, entity bombs, unicode, overlong X-CHALLENGER, wrong types, raw protocol
// garbage). The server must never answer 500 (except the deliberate PATCH /heartbeat ones), never crash,
// never change a session the requests do not name, and its live heap must come back to where it was.
// Used by bench/fuzz.ts (long run) and test/fuzz.test.ts (a few thousand requests).
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Answer } from './http-client.js'
import { HOST, MEMORY_PROBE, probeMemory, sleep, startApiServer, type Memory, type Runtime } from './processes.js'
import { BILLION_LAUGHS } from './hostile-xml.js'

export interface FuzzOptions {
  requests: number
  seed?: number
  concurrency?: number
  runtime?: Runtime
  root?: string
  challenges?: 'current' | 'classic'
  log?: (line: string) => void
  /** allowed growth of the live heap (after a full GC) between warm-up and the end, in MB */
  heapToleranceMb?: number
  /** also send the requests of KNOWN_ISSUES (they fail until the server is fixed) */
  includeKnownIssues?: boolean
}

/**
 * Requests that expose a server defect already reported, left out unless `includeKnownIssues` (none open now;
 * POST + X-HTTP-Method-Override: HEAD, answered without the body its Content-Length announced, was fixed in
 * daf21d2 after the fuzzer found it).
 */
export const KNOWN_ISSUES: readonly { name: string; matches(request: GeneratedRequest): boolean }[] = []

export interface FuzzFailure {
  request: string
  problem: string
}

export interface FuzzReport {
  seed: number
  requests: number
  rawRequests: number
  statuses: Record<string, number>
  deliberate500s: number
  /** status of each size-limit probe */
  limits: Record<string, number>
  failures: FuzzFailure[]
  transportErrors: number
  transportErrorKinds: Record<string, number>
  serverAlive: boolean
  otherSessionsUnchanged: boolean
  heapMb: { warm: number; after: number }
  rssMb: { warm: number; after: number }
  errorLogLines: string[]
  durationMs: number
}

// ---------------------------------------------------------------------------
// deterministic randomness, so a failure can be replayed with its seed
// ---------------------------------------------------------------------------

export function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const chance = (p: number) => next() < p
  return { next, int, pick, chance }
}

type Random = ReturnType<typeof prng>

// ---------------------------------------------------------------------------
// generators
// ---------------------------------------------------------------------------

const METHODS = ['GET', 'GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'QUERY', 'PROPFIND', 'SEARCH', 'PURGE'] as const
const OVERRIDES = ['PATCH', 'DELETE', 'PUT', 'GET', 'TRACE', 'QUERY', 'OPTIONS', 'HEAD', 'patch', ' PATCH ', 'BOGUS', '', 'POST']

const UNICODE = ['ü', 'ß', '漢字', '🙂', '\u202e', '\u200b', '\ufeff', 'Ω', '\ud800', 'a\u0000b', '\u0007', '𝕏', 'ٱلسلام']

function unicodeText(r: Random, length: number): string {
  let text = ''
  while (text.length < length) text += r.chance(0.5) ? r.pick(UNICODE) : String.fromCharCode(32 + r.int(95))
  return text
}

/** percent-encodes any text, lone surrogates included (they become U+FFFD) */
function encode(text: string): string {
  return encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'))
}

function randomBytes(r: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = r.int(256)
  return bytes
}

interface FuzzContext {
  /** sessions the fuzzer owns and may name */
  ownGuids: readonly string[]
}

function guidValue(r: Random, ctx: FuzzContext): string {
  switch (r.int(10)) {
    case 0: return randomUUID()
    case 1: return 'x'.repeat(100 + r.int(5000))
    case 2: return `${r.pick(ctx.ownGuids)}${'9'.repeat(200)}`
    case 3: return ` ${r.pick(ctx.ownGuids).toUpperCase()} `
    case 4: return unicodeText(r, 1 + r.int(60))
    case 5: return 'rest-api-challenges-single-player'
    case 6: return '../../etc/passwd'
    case 7: return ''
    default: return r.pick(ctx.ownGuids)
  }
}

function pathFor(r: Random, ctx: FuzzContext): string {
  const own = r.pick(ctx.ownGuids)
  const id = r.pick(['1', '2', '11', '0', '-1', '999999', '1e309', '0x10', '1.5', 'abc', '%00', '%ZZ', '9'.repeat(400), encode(unicodeText(r, 5))])
  const base = r.pick([
    '/', '/todos', '/todos', '/todos', `/todos/${id}`, `/todos/${id}`, '/todo', `/todo/${id}`, '/challenger', '/challenger',
    `/challenger/${own}`, `/challenger/${r.pick([randomUUID(), 'not-a-guid', encode(unicodeText(r, 8))])}`,
    `/challenger/database/${own}`, `/challenger/database/${randomUUID()}`, '/challenges', '/heartbeat', '/heartbeat', '/secret/token',
    '/secret/note', '/todos/export', '/todos/calendar', '/docs', '/docs/json', '/gui', '/gui/challenges', `/gui/challenges/${own}`,
    '/favicon.ico', '/does/not/exist', '//todos', '/todos/../challenges', `/todos/${id}/${id}`, '/TODOS', '/api',
  ])
  const prefixed = r.chance(0.35) && base.startsWith('/') && base !== '/' ? `/api${base}` : base
  if (!r.chance(0.4)) return prefixed
  const query = r.pick([
    'doneStatus=true', 'doneStatus=false&_limit=2&_offset=1', '_sortBy=-id,title', '_limit=8', '_limit=-1', '_limit=99999999999999999999',
    '_offset=abc', 'id>3', 'id<3', 'description=~.*', 'title=*a*', `q=${encode(unicodeText(r, 20))}`, '%zz=%zz', 'a=1&a=2&a=3',
    `${'x'.repeat(2000)}=1`, 'status=true&id=3', 'doneStatus=true&doneStatus=false', '=', '&&&', '_sortBy=' + 'id,'.repeat(300),
  ])
  return `${prefixed}?${query}`
}

const ACCEPTS = [
  'application/json', 'application/xml', '*/*', 'text/html', 'text/csv', 'text/calendar', 'application/x-ndjson', 'application/todo+xml',
  'application/gzip', '', 'application/json;q=0', 'application/xml;q=abc, application/json;q=0.5', 'text/*;q=0.1, */*;q=0.01',
  '"quoted", garbage;;;', 'a/b/c', 'application/*+xml', ',,,,', 'application/json, '.repeat(200),
]

const CONTENT_TYPES = [
  'application/json', 'application/json', 'application/xml', 'text/xml', 'application/x-www-form-urlencoded', 'application/jsonpath',
  'application/vnd.thingifier.query+json', 'application/merge-patch+json', 'application/json-patch+json', 'text/plain', 'application/',
  'garbage', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/xml; charset="unterminated',
]


const XXE = `<?xml version="1.0"?><!DOCTYPE todo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><todo><title>&xxe;</title></todo>`

const QUADRATIC_BLOWUP = `<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "${'a'.repeat(9000)}">]><todo><title>${'&a;'.repeat(2000)}</title></todo>`

function bodyFor(r: Random, ctx: FuzzContext): string | Buffer | undefined {
  switch (r.int(30)) {
    case 0: return undefined
    case 1: return ''
    case 2: return JSON.stringify({ title: unicodeText(r, 1 + r.int(60)), doneStatus: r.chance(0.5), description: unicodeText(r, r.int(250)) })
    case 3: return JSON.stringify({ title: r.pick([5, null, true, [], {}, 'x'.repeat(51), '']), doneStatus: r.pick(['true', 1, null, 'bob', []]) })
    case 4: return JSON.stringify({ id: r.int(20), title: 'with id', extra: 'field', doneStatus: false })
    case 5: return '{"title": "truncated'
    case 6: return '['.repeat(100_000)
    case 7: return `{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_001)}`
    case 8: return JSON.stringify({ title: 'x'.repeat(1024 * 1024) })
    case 9: return 'x'.repeat(6000)
    case 10: return BILLION_LAUGHS
    case 11: return XXE
    case 12: return QUADRATIC_BLOWUP
    case 13: return `<todo><title>${unicodeText(r, 20)}</title><doneStatus>${r.pick(['true', 'maybe', ''])}</doneStatus></todo>`
    case 14: return '<todo><title>unclosed</todo>'
    case 15: return `${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}`
    case 16: return randomBytes(r, 1 + r.int(3000))
    case 17: return `doneStatus=true&_sortBy=-id&${'x=1&'.repeat(200)}`
    case 18: return '$.todos[?(@.doneStatus == true)]'
    case 19: return '$..[?(@.constructor.constructor("return process")().exit())]'
    case 20: return JSON.stringify({ filter: { doneStatus: true, id: { $gt: r.int(10) } }, sort: [{ field: 'id', descending: true }], limit: r.int(50) })
    case 21: return JSON.stringify([{ op: r.pick(['replace', 'add', 'remove', 'move', 'test', 'bogus']), path: r.pick(['/title', '/id', '/', '', '/__proto__/x']), value: 'patched' }])
    case 22: return JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, title: 'proto' })
    case 23: return JSON.stringify({ xChallenger: r.pick(ctx.ownGuids), xAuthToken: unicodeText(r, 10), secretNote: 'n'.repeat(r.int(400)), challengeStatus: { CREATE_NEW_CHALLENGER: true, NOPE: 'yes' } })
    case 24: return JSON.stringify({ todos: Array.from({ length: r.int(40) }, (_, i) => ({ id: r.chance(0.2) ? -i : i + 1, title: unicodeText(r, 10) })) })
    case 25: return JSON.stringify({ note: unicodeText(r, r.int(200)) })
    case 26: return '\u0000\u0001\u0002{}'
    case 27: return '{"title":"dup","title":"licate"}'
    case 28: return JSON.stringify({ title: 1e309, doneStatus: -0, description: 12345678901234567890 })
    default: return JSON.stringify({ title: `fuzz ${r.int(1e6)}` })
  }
}

export interface GeneratedRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Buffer
}

/**
 * Header values go out as bytes: UTF-8 text is sent as its bytes (node writes header strings as latin1), and
 * the control characters node's client refuses to send become '?' (raw requests cover those).
 */
function wireHeader(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1').replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')
}

export function generateRequest(r: Random, ctx: FuzzContext): GeneratedRequest {
  const method = r.pick(METHODS)
  const headers: Record<string, string> = {}
  if (r.chance(0.75)) headers['x-challenger'] = guidValue(r, ctx)
  if (r.chance(0.6)) headers.accept = r.pick(ACCEPTS)
  const body = method === 'GET' && r.chance(0.8) ? undefined : bodyFor(r, ctx)
  if (body !== undefined && r.chance(0.85)) headers['content-type'] = r.pick(CONTENT_TYPES)
  if (r.chance(0.12)) headers['x-http-method-override'] = r.pick(OVERRIDES)
  if (r.chance(0.1)) headers.authorization = r.pick(['Basic YWRtaW46cGFzc3dvcmQ=', 'Basic !!!', 'Bearer ' + 'x'.repeat(r.int(3000)), 'Basic ' + Buffer.from(unicodeText(r, 12)).toString('base64')])
  if (r.chance(0.1)) headers['x-auth-token'] = r.pick([randomUUID(), '', 'x'.repeat(2000), unicodeText(r, 10).replace(/[^\x20-\x7e]/g, '?')])
  if (r.chance(0.05)) headers['x-padding'] = 'p'.repeat(4000 + r.int(12_000))
  if (r.chance(0.05)) headers['access-control-request-headers'] = 'x-challenger, ' + 'y'.repeat(r.int(500))
  if (r.chance(0.03)) headers['content-encoding'] = r.pick(['gzip', 'br', 'bogus'])
  for (const name of Object.keys(headers)) headers[name] = wireHeader(headers[name]!)
  return { method, path: pathFor(r, ctx), headers, body }
}

/** protocol-level garbage written straight to a socket */
function rawRequest(r: Random, port: number): string | Buffer {
  const host = `Host: ${HOST}:${port}\r\n`
  switch (r.int(10)) {
    case 0: return `GET /todos HTTP/1.1\r\n${host}X-Broken-Header-Without-Colon\r\n\r\n`
    case 1: return `GET /todos HTTP/1.1\r\n${host}X-Big: ${'b'.repeat(20_000)}\r\n\r\n`
    case 2: return `POST /todos HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"title":"short"}`
    case 3: return `POST /todos HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZZ\r\nnot hex\r\n0\r\n\r\n`
    case 4: return `GET /${'%ff'.repeat(500)} HTTP/1.1\r\n${host}\r\n`
    case 5: return `BREW /coffee HTCPCP/1.0\r\n\r\n`
    case 6: return randomBytes(r, 200 + r.int(2000))
    case 7: return `GET /todos HTTP/1.1\r\n${host}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`
    case 8: return `GET /todos HTTP/1.1\r\n${host}X-Challenger: ${'é'.repeat(300)}\r\n\r\n`
    default: return `POST /challenger HTTP/1.1\r\n${host}Content-Length: 0\r\nX-HTTP-Method-Override: PATCH\r\n\r\n`
  }
}

/** writes raw bytes, returns the status code of the first response line (0 when the server just closed) */
function sendRaw(port: number, data: string | Buffer, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST)
    let received = ''
    const finish = () => {
      socket.destroy()
      resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0))
    }
    socket.setTimeout(timeoutMs, finish)
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      if (/\r\n\r\n/.test(received)) finish()
    })
    socket.on('error', finish)
    socket.on('close', finish)
    socket.on('connect', () => socket.end(data))
  })
}

/** PATCH /heartbeat (directly or via X-HTTP-Method-Override on a POST) is a deliberate 500 */
export function isDeliberate500(request: GeneratedRequest): boolean {
  const path = request.path.split('?', 1)[0]!
  if (!/^\/(?:api\/)?heartbeat$/.test(path)) return false
  if (request.method === 'PATCH') return true
  const override = request.headers['x-http-method-override']
  return request.method === 'POST' && override !== undefined && override.trim().toUpperCase() === 'PATCH'
}

function describe(request: GeneratedRequest): string {
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v}`).join('; ')
  const body = request.body === undefined ? '' : ` body ${request.body.length} bytes: ${JSON.stringify(request.body.toString().slice(0, 60))}`
  const path = request.path.length > 120 ? `${request.path.slice(0, 120)}…(${request.path.length})` : request.path
  return `${request.method} ${path} [${headers}]${body}`
}

// ---------------------------------------------------------------------------
// the run
// ---------------------------------------------------------------------------

interface Snapshot {
  progress: string
  database: string
  anonymousTodos: string
}

async function snapshot(client: Client, guid: string): Promise<Snapshot> {
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await client.call({ method: 'GET', path, headers })
    return `${answer.status} ${answer.body}`
  }
  return {
    progress: await get(`/challenger/${guid}`),
    database: await get(`/challenger/database/${guid}`),
    anonymousTodos: await get('/todos', { accept: 'application/json' }),
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {})
  const seed = options.seed ?? (Date.now() % 2 ** 31)
  const r = prng(seed)
  const dir = mkdtempSync(join(tmpdir(), 'apichallenges-fuzz-'))
  const started = Date.now()
  const server = await startApiServer({
    dbFile: join(dir, 'fuzz.db'),
    runtime: options.runtime,
    root: options.root,
    challenges: options.challenges,
    mode: 'multi',
    nodeArgs: MEMORY_PROBE,
    // unhandled errors are logged at level error: they are collected and reported
    extraArgs: ['--log-level=error'],
  })
  const client = new Client(HOST, server.port, options.concurrency ?? 8, false)
  const statuses: Record<string, number> = {}
  const failures: FuzzFailure[] = []
  let deliberate500s = 0
  let transportErrors = 0
  const transportErrorKinds: Record<string, number> = {}
  let rawRequests = 0
  const limits: Record<string, number> = {}
  try {
    // the session nobody names: a few writes, then its state as a reference
    const victim = (await client.call({ method: 'POST', path: '/challenger' })).headers['x-challenger'] as string
    const victimHeader = { 'x-challenger': victim, 'content-type': 'application/json' }
    await client.call({ method: 'POST', path: '/todos', headers: victimHeader, body: '{"title":"victim todo","description":"must survive the fuzz"}' })
    await client.call({ method: 'DELETE', path: '/todos/2', headers: victimHeader })
    await client.call({ method: 'GET', path: '/challenges', headers: victimHeader })
    await snapshot(client, victim)
    const reference = await snapshot(client, victim)

    // the size limits, checked exactly once each before the random part, with a session of their own
    const probe = { 'x-challenger': (await client.call({ method: 'POST', path: '/challenger' })).headers['x-challenger'] as string, 'content-type': 'application/json' }
    const limitChecks: [string, () => Promise<number>, number][] = [
      ['a body over the 1 MB transport cap', async () => (await client.call({ method: 'POST', path: '/todos', headers: probe, body: JSON.stringify({ title: 'x'.repeat(1024 * 1024) }) })).status, 413],
      ['a todo body over the API\'s 5000-character rule', async () => (await client.call({ method: 'POST', path: '/todos', headers: probe, body: JSON.stringify({ title: 'x', description: 'd'.repeat(5000) }) })).status, 413],
      ['a header block over 16 KB', () => sendRaw(server.port, `GET /todos HTTP/1.1\r\nHost: ${HOST}\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`), 431],
    ]
    if ((options.challenges ?? 'current') === 'current') {
      limitChecks.push(['an X-CHALLENGER over 100 characters', async () => (await client.call({ method: 'GET', path: '/todos', headers: { 'x-challenger': 'x'.repeat(101) } })).status, 431])
    }
    for (const [label, check, expected] of limitChecks) {
      const status = await check()
      limits[label] = status
      if (status !== expected) failures.push({ request: label, problem: `answered ${status}, expected ${expected}` })
    }

    const ownGuids: string[] = []
    for (let i = 0; i < 4; i++) ownGuids.push((await client.call({ method: 'POST', path: '/challenger' })).headers['x-challenger'] as string)
    const ctx: FuzzContext = { ownGuids }
    if (ownGuids.includes(victim)) throw new Error('fuzz sessions must differ from the victim')

    const total = options.requests
    const warmup = Math.min(500, Math.floor(total / 5))
    let sent = 0
    let warm: Memory | undefined

    async function one(): Promise<void> {
      const index = sent++
      if (r.chance(0.04)) {
        rawRequests++
        const status = await sendRaw(server.port, rawRequest(r, server.port))
        statuses[status] = (statuses[status] ?? 0) + 1
        if (status >= 500) failures.push({ request: `raw #${index}`, problem: `answered ${status}` })
        return
      }
      const request = generateRequest(r, ctx)
      if (Object.values(request.headers).some((v) => v.includes(victim)) || request.path.includes(victim)) return
      if (!options.includeKnownIssues && KNOWN_ISSUES.some((issue) => issue.matches(request))) return
      let answer: Answer
      const sentAt = Date.now()
      try {
        answer = await client.call({ method: request.method, path: request.path, headers: request.headers, body: request.body, timeoutMs: 20_000 })
      } catch (error) {
        // the server closing a connection on purpose (e.g. a header block over node's limit)
        transportErrors++
        const message = (error as Error).message.replace(/\d+/g, 'N').slice(0, 80)
        // no answer at all within 20 s: the server dropped the request (or framed its answer wrongly)
        if (message.startsWith('timeout')) failures.push({ request: describe(request), problem: 'no complete answer within 20 s' })
        transportErrorKinds[message] = (transportErrorKinds[message] ?? 0) + 1
        // FUZZ_DEBUG=1 lists every request that got no answer
        if (process.env.FUZZ_DEBUG) log(`transport error ${message} after ${Date.now() - sentAt} ms: ${describe(request)}`)
        if (!server.isRunning()) failures.push({ request: describe(request), problem: `server died: ${(error as Error).message}` })
        return
      }
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
      if (answer.status >= 500 && answer.status !== 501) {
        if (answer.status === 500 && isDeliberate500(request)) deliberate500s++
        else failures.push({ request: describe(request), problem: `answered ${answer.status}: ${answer.body.slice(0, 200)}` })
      }
    }

    const concurrency = options.concurrency ?? 8
    async function runUntil(limit: number): Promise<void> {
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (sent < limit && server.isRunning()) await one()
      }))
    }
    await runUntil(warmup)
    warm = await probeMemory(server)
    log(`warm-up: ${warmup} requests, heap ${(warm.heapUsed / 2 ** 20).toFixed(1)} MB, rss ${(warm.rss / 2 ** 20).toFixed(1)} MB`)
    await runUntil(total)
    const serverAlive = server.isRunning()
    let after: Memory = warm
    let otherSessionsUnchanged = false
    if (serverAlive) {
      await sleep(200)
      after = await probeMemory(server)
      const now = await snapshot(client, victim)
      otherSessionsUnchanged = JSON.stringify(now) === JSON.stringify(reference)
      if (!otherSessionsUnchanged) failures.push({ request: 'victim session', problem: `changed:\nbefore ${JSON.stringify(reference).slice(0, 600)}\nafter  ${JSON.stringify(now).slice(0, 600)}` })
    } else {
      const exit = await server.exited
      failures.push({ request: 'server', problem: `crashed (exit code ${exit.code}, signal ${exit.signal}): ${server.output().slice(-2000)}` })
    }
    const heapGrowthMb = (after.heapUsed - warm.heapUsed) / 2 ** 20
    const tolerance = options.heapToleranceMb ?? 16
    if (heapGrowthMb > tolerance) failures.push({ request: 'memory', problem: `live heap grew by ${heapGrowthMb.toFixed(1)} MB (tolerance ${tolerance} MB)` })
    const errorLogLines = server.output().split('\n').filter((line) => line.includes('"level":50') || line.includes('"level":60'))
    for (const line of errorLogLines.slice(0, 5)) failures.push({ request: 'server log', problem: line.slice(0, 500) })
    return {
      seed,
      requests: sent,
      rawRequests,
      statuses,
      deliberate500s,
      limits,
      failures,
      transportErrors,
      transportErrorKinds,
      serverAlive,
      otherSessionsUnchanged,
      heapMb: { warm: warm.heapUsed / 2 ** 20, after: after.heapUsed / 2 ** 20 },
      rssMb: { warm: warm.rss / 2 ** 20, after: after.rss / 2 ** 20 },
      errorLogLines,
      durationMs: Date.now() - started,
    }
  } finally {
    client.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
