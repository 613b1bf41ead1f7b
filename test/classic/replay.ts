// Replays exchanges recorded from the classic reference (/work/shared/spec/classic-transcripts, curl -v
// dumps) against our app with app.inject, and checks what a client suite can observe: status, the
// Content-Type of JSON/XML bodies, Allow, Location, x-challenger, the CORS headers, x-robots-tag and the
// parsed body. Not compared, on purpose: the order of todos (the reference answers in hash order, we in
// id order), challenge descriptions (ours are our own), random GUIDs and tokens.
//
// Strings in an expectation may hold placeholders:
//   {NAME}  (capitals) a variable: a challenger created by a { create } step, or a value captured the first time an
//           expectation meets it unbound (e.g. the x-auth-token of POST /secret/token)
//   {uuid}  any UUID (a GUID the reference made up at random)
//   {any}   any text
//
// Every exchange is asserted in full: where classic.md §0 says a reference defect is not copied, the
// exchange states our behaviour instead.
import type { Test } from 'tap'
import { XMLParser } from 'fast-xml-parser'
import type { TestApp } from '../helper.js'

export const UNKNOWN = 'UNKNOWN CHALLENGER - Challenger not found'
export const SINGLE = 'rest-api-challenges-single-player'



/** headers every classic response carries (classic.md §2.1) */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'true',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': '*',
  'access-control-expose-headers': '*',
}

export interface Exchange {
  name: string
  /** which app answers (key of the apps given to replay); default 'main' */
  on?: string
  method: string
  url: string
  headers?: Record<string, string>
  body?: string
  status: number
  /** the reason phrase, checked when given */
  reason?: string
  /** Content-Type: a value to match, null for "no header", undefined for "not checked" */
  type?: string | null
  allow?: string
  location?: string | null
  wwwAuthenticate?: string | null
  authToken?: string
  disposition?: string
  /** x-challenger: a value to match, null for "no header", undefined for "not checked" */
  challenger?: string | null
  /** true: `x-robots-tag: noindex` is present */
  robots?: boolean
  /** false: the CORS headers are not checked (the reference's Jetty-level errors have none) */
  cors?: boolean
  /** the expected access-control-allow-methods when it is not `*` */
  corsMethods?: string
  empty?: boolean
  json?: unknown
  xml?: string
  text?: string
  /** the body holds database-export todos: fields the reference leaves out may be there with default values */
  exportDefaults?: boolean
  /** the whole exchange is a known difference from the reference, run as a tap "todo" */
  /** groups of checks that are known differences from the reference, run as tap "todo" subtests */
  /** a check of our own on the response, for what the generic fields cannot say */
  verify?: (t: Test, response: Awaited<ReturnType<TestApp['inject']>>, vars: Vars) => void
}

/** POST /challenger on the given app and keep the new GUID as variable `create` */
export interface CreateStep { create: string; on?: string }
/** the challenges done for a session, read the way the transcripts did (GET /challenger/{guid} with its X-CHALLENGER) */
export interface DoneStep { done: string; keys: string[]; on?: string }
/** anything else the transcript did between its recorded exchanges (e.g. "now fill to 20") */
export interface ActionStep { action: string; run: (t: Test, apps: Apps, vars: Vars) => Promise<void> }
export type Step = Exchange | CreateStep | DoneStep | ActionStep
export type Vars = Record<string, string>
export type Apps = Record<string, TestApp>

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** expands {NAME} (bound variables) in a request value */
export function fill(text: string, vars: Vars): string {
  return text.replace(/\{([A-Z][A-Z0-9]*|uuid|any)\}/g, (whole, name: string) => {
    if (name === 'uuid' || name === 'any') return whole
    const value = vars[name]
    if (value === undefined) throw new Error(`variable ${name} is not bound yet`)
    return value
  })
}

/**
 * does `actual` match the pattern `expected`? Unbound variables capture what they meet (into vars).
 */
export function matches(actual: string, expected: string, vars: Vars): boolean {
  const captures: string[] = []
  let source = ''
  let last = 0
  for (const m of expected.matchAll(/\{([A-Z][A-Z0-9]*|uuid|any)\}/g)) {
    source += escapeRegExp(expected.slice(last, m.index))
    const name = m[1]
    if (name === 'uuid') source += UUID
    else if (name === 'any') source += '[\\s\\S]*'
    else if (vars[name] !== undefined) source += escapeRegExp(vars[name])
    else {
      captures.push(name)
      source += '([\\s\\S]+?)'
    }
    last = (m.index ?? 0) + m[0].length
  }
  source += escapeRegExp(expected.slice(last))
  const found = new RegExp(`^${source}$`).exec(actual)
  if (!found) return false
  captures.forEach((name, i) => { vars[name] = found[i + 1] })
  return true
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** sorts todos by id; an id written as a bound variable ("{N1}") sorts by its value */
function byId(list: Json[], vars: Vars): Json[] {
  const id = (item: Json): number => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return NaN
    const raw = item.id
    if (typeof raw === 'string') return Number(raw.replace(/^\{([A-Z][A-Z0-9]*)\}$/, (whole, name: string) => vars[name] ?? whole))
    return Number(raw)
  }
  return [...list].sort((a, b) => id(a) - id(b))
}

/**
 * copies `actual`, writing the expected pattern wherever the actual value matches it, sorting todo
 * lists by id and dropping challenge descriptions, so that t.same shows only real differences
 */
function align(actual: Json, expected: Json, vars: Vars, options: CompareOptions, key = ''): Json {
  if (typeof expected === 'string' && (typeof actual === 'string' || typeof actual === 'number')) {
    return matches(String(actual), expected, vars) ? expected : actual
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const sort = key === 'todos' || key === 'todo'
    const a = sort ? byId(actual, vars) : actual
    const e = sort ? byId(expected, vars) : expected
    return a.map((item, i) => align(item, e[i] ?? null, vars, options, key))
  }
  if (actual !== null && typeof actual === 'object' && !Array.isArray(actual) &&
      expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    const out: { [key: string]: Json } = {}
    for (const [k, v] of Object.entries(actual)) {
      if (k === 'description' && (key === 'challenges' || key === 'challenge')) continue
      // the reference's export leaves out fields never assigned (classic.md S13); ours may write their defaults
      if (options.exportDefaults && key === 'todos' && !(k in expected) &&
          ((k === 'doneStatus' && v === false) || (k === 'description' && v === ''))) continue
      out[k] = align(v, expected[k] ?? null, vars, options, k)
    }
    return out
  }
  return actual
}

function normaliseExpected(expected: Json, vars: Vars, key = ''): Json {
  if (Array.isArray(expected)) {
    const sorted = key === 'todos' || key === 'todo' ? byId(expected, vars) : expected
    return sorted.map((item) => normaliseExpected(item, vars, key))
  }
  if (expected !== null && typeof expected === 'object') {
    const out: { [key: string]: Json } = {}
    for (const [k, v] of Object.entries(expected)) {
      if (k === 'description' && (key === 'challenges' || key === 'challenge')) continue
      out[k] = normaliseExpected(v, vars, k)
    }
    return out
  }
  return expected
}

export interface CompareOptions {
  /** todos of a database export: a missing doneStatus/description may be written as false/"" */
  exportDefaults?: boolean
}

/** t.same on two JSON-like values, with placeholders, todo order and challenge descriptions handled */
export function sameJson(t: Test, actual: unknown, expected: unknown, vars: Vars, message: string,
  options: CompareOptions = {}): void {
  const aligned = align(actual as Json, expected as Json, vars, options)
  t.same(aligned, normaliseExpected(expected as Json, vars), message)
}

const xmlParser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  trimValues: false,
  isArray: (name) => ['todo', 'challenge', 'errorMessage', 'message'].includes(name),
})

export function parseXml(xml: string): unknown {
  return xmlParser.parse(xml)
}

function checkHeader(t: Test, actual: string | string[] | number | undefined, expected: string | null | undefined,
  vars: Vars, name: string): void {
  if (expected === undefined) return
  if (expected === null) {
    t.equal(actual, undefined, `no ${name} header`)
    return
  }
  const value = Array.isArray(actual) ? actual.join(', ') : actual === undefined ? undefined : String(actual)
  if (value !== undefined && matches(value, expected, vars)) t.pass(`${name}: ${expected}`)
  else t.equal(value, fill(expected.replace(/\{(uuid|any)\}/g, '<$1>'), vars), name)
}

function isExchange(step: Step): step is Exchange {
  return 'method' in step
}

export type Response = Awaited<ReturnType<TestApp['inject']>>

/** sends one exchange's request */
export async function send(apps: Apps, ex: Exchange, vars: Vars): Promise<Response> {
  const app = apps[ex.on ?? 'main']
  if (!app) throw new Error(`no app "${ex.on}"`)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(ex.headers ?? {})) headers[name] = fill(value, vars)
  return app.inject({
    method: ex.method as 'GET',
    url: fill(ex.url, vars),
    headers,
    ...(ex.body === undefined ? {} : { payload: fill(ex.body, vars) }),
  })
}

type Check = 'status' | 'type' | 'headers' | 'challenger' | 'robots' | 'cors' | 'body'

/** runs one group of assertions */
function group(t: Test, _ex: Exchange, _check: Check, assertions: (t: Test) => void): void {
  assertions(t)
}

/** checks a response against an exchange's expectations */
export function verify(t: Test, response: Response, ex: Exchange, vars: Vars): void {
  const h = response.headers
  group(t, ex, 'status', (t) => {
    t.equal(response.statusCode, ex.status, `status ${ex.status}`)
    if (ex.reason !== undefined) t.equal(response.statusMessage, ex.reason, 'reason phrase')
  })
  group(t, ex, 'type', (t) => checkHeader(t, h['content-type'], ex.type, vars, 'content-type'))
  group(t, ex, 'headers', (t) => {
    checkHeader(t, h['allow'], ex.allow, vars, 'allow')
    checkHeader(t, h['location'], ex.location, vars, 'location')
    checkHeader(t, h['www-authenticate'], ex.wwwAuthenticate, vars, 'www-authenticate')
    checkHeader(t, h['x-auth-token'], ex.authToken, vars, 'x-auth-token')
    checkHeader(t, h['content-disposition'], ex.disposition, vars, 'content-disposition')
  })
  group(t, ex, 'challenger', (t) => checkHeader(t, h['x-challenger'], ex.challenger, vars, 'x-challenger'))
  if (ex.robots) group(t, ex, 'robots', (t) => t.equal(h['x-robots-tag'], 'noindex', 'x-robots-tag'))
  if (ex.cors !== false) {
    group(t, ex, 'cors', (t) => {
      for (const [name, value] of Object.entries(CORS_HEADERS)) {
        const expected = name === 'access-control-allow-methods' && ex.corsMethods !== undefined ? ex.corsMethods : value
        t.equal(h[name], expected, name)
      }
    })
  }
  group(t, ex, 'body', (t) => {
    if (ex.empty) t.equal(response.body, '', 'empty body')
    if (ex.json !== undefined) {
      let parsed: unknown
      try {
        parsed = JSON.parse(response.body)
      } catch {
        t.fail(`body is not JSON: ${response.body.slice(0, 200)}`)
        return
      }
      sameJson(t, parsed, ex.json, vars, 'JSON body', { exportDefaults: ex.exportDefaults })
    }
    if (ex.xml !== undefined) {
      if (!response.body.startsWith('<')) t.fail(`body is not XML: ${response.body.slice(0, 200)}`)
      else sameJson(t, parseXml(response.body), parseXml(fill(ex.xml, vars)), vars, 'XML body')
    }
    if (ex.text !== undefined) t.equal(response.body, fill(ex.text, vars), 'body')
  })
  ex.verify?.(t, response, vars)
}

/**
 * for the reference's defects that §0 says not to copy (Java exception texts): the same status, and one
 * error message of our own, in JSON or XML, that is not the Java text
 */
export function ownMessage(t: Test, response: Response): void {
  const body = response.body
  let messages: unknown
  if (body.startsWith('<')) {
    const parsed = parseXml(body) as { errorMessages?: { errorMessage?: unknown[] } }
    messages = parsed.errorMessages?.errorMessage
  } else {
    try {
      messages = (JSON.parse(body) as { errorMessages?: unknown }).errorMessages
    } catch {
      messages = undefined
    }
  }
  t.ok(Array.isArray(messages) && messages.length === 1 && typeof messages[0] === 'string' && messages[0].length > 0,
    `one error message of our own: ${body.slice(0, 200)}`)
  t.notMatch(body, /java\.|Exception|Cannot invoke|No enum constant|uk\.co\./, 'no Java exception text')
}

/** the challenge keys GET /challenger/{guid} reports as done */
export async function doneKeys(app: TestApp, guid: string): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: `/challenger/${guid}`, headers: { 'x-challenger': guid } })
  const body = JSON.parse(response.body) as { challengeStatus: Record<string, boolean> }
  return Object.entries(body.challengeStatus).filter(([, done]) => done).map(([key]) => key).sort()
}

/** runs the steps in order, one subtest per exchange */
export async function replay(t: Test, apps: Apps, steps: readonly Step[], vars: Vars = {}): Promise<Vars> {
  for (const step of steps) {
    if (isExchange(step)) {
      await t.test(step.name, async (t) => {
        const response = await send(apps, step, vars)
        verify(t, response, step, vars)
      })
    } else if ('action' in step) {
      await t.test(step.action, async (t) => step.run(t, apps, vars))
    } else if ('create' in step) {
      const response = await apps[step.on ?? 'main'].inject({ method: 'POST', url: '/challenger' })
      if (response.statusCode !== 201) throw new Error(`setup: POST /challenger answered ${response.statusCode}`)
      vars[step.create] = response.headers['x-challenger'] as string
    } else {
      await t.test(`challenges done for ${step.done}`, async (t) => {
        t.same(await doneKeys(apps[step.on ?? 'main'], fill(`{${step.done}}`, vars)), [...step.keys].sort())
      })
    }
  }
  return vars
}

/** an HTML "404 Not Found" page (the reference's own page is 5917 bytes of site chrome; its content is not compared) */
export function htmlNotFoundPage(t: Test, response: Response): void {
  t.match(response.body, /<html[\s\S]*404[\s\S]*<\/html>/i, 'an HTML 404 page')
}
