/**
 * Accept header negotiation for todo responses (todos.md §5.1, §6.11; classic.md T8).
 * Pure: no I/O, no framework types.
 */

export type MediaType = string

export type Format =
  | 'json'
  | 'xml'
  | 'csv'
  | 'tsv'
  | 'text'
  | 'html'
  | 'ndjson'
  | 'jsonl'
  | 'json-seq'
  | 'calendar'

export type NegotiationFailure = 'Unrecognised Accept Type' | 'No acceptable response type supported'

export type Negotiation =
  | { ok: true; mediaType: MediaType; format: Format }
  | { ok: false; message: NegotiationFailure }

export interface NegotiateOptions {
  /** only GET /todos/{id} can answer text/calendar */
  allowCalendar?: boolean
}

export interface AcceptPolicy {
  negotiate(accept: string | undefined, options?: NegotiateOptions): Negotiation
}

const JSON_RESULT: Negotiation = { ok: true, mediaType: 'application/json', format: 'json' }
const XML_RESULT: Negotiation = { ok: true, mediaType: 'application/xml', format: 'xml' }
const CALENDAR_RESULT: Negotiation = { ok: true, mediaType: 'text/calendar', format: 'calendar' }
const UNRECOGNISED: Negotiation = { ok: false, message: 'Unrecognised Accept Type' }
const NOTHING_ACCEPTABLE: Negotiation = { ok: false, message: 'No acceptable response type supported' }

// ---------------------------------------------------------------------------
// Header parsing
// ---------------------------------------------------------------------------

export interface AcceptEntry {
  /** lower-cased media range without parameters, e.g. `application/*` */
  range: string
  /** lower-cased entry as written, parameters included */
  raw: string
  /** weight used for ordering; stays 1 when the q parameter is unusable */
  q: number
  qValid: boolean
  position: number
}

/** Splits on `separator` except inside double-quoted strings (with backslash escapes). */
function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  let insideQuotes = false
  let escaped = false
  for (const char of value) {
    if (escaped) {
      current += char
      escaped = false
      continue
    }
    if (char === '\\' && insideQuotes) {
      escaped = true
      current += char
      continue
    }
    if (char === '"') insideQuotes = !insideQuotes
    if (char === separator && !insideQuotes) {
      parts.push(current)
      current = ''
    } else {
      current += char
    }
  }
  parts.push(current)
  return parts
}

const Q_VALUE_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/

function parseQValue(text: string): number | undefined {
  if (!Q_VALUE_PATTERN.test(text)) return undefined
  const q = Number(text)
  return q >= 0 && q <= 1 ? q : undefined
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value
}

function parseEntry(raw: string, position: number): AcceptEntry {
  const [range = '', ...parameters] = splitOutsideQuotes(raw, ';')
  let q = 1
  let qValid = true
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=')
    if (equals === -1) continue
    if (parameter.slice(0, equals).trim() !== 'q') continue
    const parsed = parseQValue(unquote(parameter.slice(equals + 1).trim()))
    if (parsed === undefined) qValid = false
    else q = parsed
  }
  return { range: range.trim(), raw, q, qValid, position }
}

export function parseAcceptHeader(accept: string | undefined): AcceptEntry[] {
  const normalised = (accept ?? '').trim().toLowerCase()
  if (normalised === '') return []
  return splitOutsideQuotes(normalised, ',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part, position) => parseEntry(part, position))
}

function isAcceptable(entry: AcceptEntry): boolean {
  return entry.qValid && entry.q > 0
}

// ---------------------------------------------------------------------------
// Ranked (current) negotiation
// ---------------------------------------------------------------------------

interface Candidate {
  mediaType: MediaType
  format: Format
  /** index in the server preference order; lower wins ties */
  preference: number
}

const SERVER_PREFERENCE: readonly Candidate[] = (
  [
    ['application/json', 'json'],
    ['application/xml', 'xml'],
    ['text/csv', 'csv'],
    ['text/plain', 'text'],
    ['text/html', 'html'],
    ['application/x-ndjson', 'ndjson'],
    ['application/jsonl', 'jsonl'],
    ['application/json-seq', 'json-seq'],
    ['text/tab-separated-values', 'tsv'],
    ['text/xml', 'xml'],
  ] as const
).map(([mediaType, format], preference) => ({ mediaType, format, preference }))

/** Structured todo XML ranks as application/xml does when everything else ties. */
const STRUCTURED_XML_PREFERENCE = 1
// Reserved structured-syntax names (problem, soap, xhtml, atom, rss, svg) can never equal
// these tokens, so requiring an exact entity token already rules them out.
const TODO_ENTITY_TOKENS = new Set(['todo', 'todos'])
const STRUCTURED_XML_WILDCARD = 'application/*+xml'
const DEFAULT_STRUCTURED_XML = 'application/todo+xml'

/** `application/<…>todo+xml` style types naming the todo entity as the last `.`/`-` token. */
export function isStructuredTodoXml(mediaType: string): boolean {
  const [type, subtype, ...rest] = mediaType.split('/')
  if (rest.length > 0 || type !== 'application' || subtype === undefined) return false
  if (subtype.includes('*') || !subtype.endsWith('+xml')) return false
  const base = subtype.slice(0, -'+xml'.length)
  const token = base.slice(Math.max(base.lastIndexOf('.'), base.lastIndexOf('-')) + 1)
  return TODO_ENTITY_TOKENS.has(token)
}

function structuredXmlCandidates(entries: readonly AcceptEntry[]): Candidate[] {
  const mediaTypes = new Set<string>()
  for (const entry of entries) {
    if (isStructuredTodoXml(entry.range)) mediaTypes.add(entry.range)
    else if (entry.range === STRUCTURED_XML_WILDCARD) mediaTypes.add(DEFAULT_STRUCTURED_XML)
  }
  return [...mediaTypes].map((mediaType) => ({ mediaType, format: 'xml', preference: STRUCTURED_XML_PREFERENCE }))
}

const Specificity = {
  None: -1,
  Anything: 0,
  TypeWildcard: 1,
  SuffixWildcard: 2,
  Exact: 3,
} as const
type Specificity = (typeof Specificity)[keyof typeof Specificity]

function specificityOf(range: string, mediaType: string): Specificity {
  if (range === mediaType) return Specificity.Exact
  const [rangeType, rangeSubtype, ...rangeRest] = range.split('/')
  const [type, subtype] = mediaType.split('/')
  if (rangeRest.length > 0 || rangeSubtype === undefined || subtype === undefined) return Specificity.None
  if (
    rangeSubtype.startsWith('*+') &&
    (rangeType === '*' || rangeType === type) &&
    subtype.endsWith(rangeSubtype.slice(1))
  ) {
    return Specificity.SuffixWildcard
  }
  if (rangeSubtype === '*' && rangeType === type) return Specificity.TypeWildcard
  if (range === '*/*') return Specificity.Anything
  return Specificity.None
}

interface Match {
  candidate: Candidate
  entry: AcceptEntry
  specificity: Specificity
}

function isBetterEntryFor(challenger: Match, incumbent: Match): boolean {
  if (challenger.specificity !== incumbent.specificity) return challenger.specificity > incumbent.specificity
  if (challenger.entry.q !== incumbent.entry.q) return challenger.entry.q > incumbent.entry.q
  return challenger.entry.position < incumbent.entry.position
}

/** The entry that governs a candidate: most specific, then highest q, then earliest. */
function governingMatch(candidate: Candidate, entries: readonly AcceptEntry[]): Match | undefined {
  let best: Match | undefined
  for (const entry of entries) {
    const specificity = specificityOf(entry.range, candidate.mediaType)
    if (specificity === Specificity.None) continue
    const match = { candidate, entry, specificity }
    if (best === undefined || isBetterEntryFor(match, best)) best = match
  }
  return best
}

function compareByPreference(a: Match, b: Match): number {
  return (
    b.entry.q - a.entry.q ||
    b.specificity - a.specificity ||
    a.entry.position - b.entry.position ||
    a.candidate.preference - b.candidate.preference
  )
}

function negotiateRanked(entries: readonly AcceptEntry[]): Negotiation {
  if (entries.length === 0) return JSON_RESULT
  const candidates = [...SERVER_PREFERENCE, ...structuredXmlCandidates(entries)]
  const matches = candidates
    .map((candidate) => governingMatch(candidate, entries))
    .filter((match): match is Match => match !== undefined)
  if (matches.length === 0) return UNRECOGNISED
  const [winner] = matches.filter((match) => isAcceptable(match.entry)).sort(compareByPreference)
  if (winner === undefined) return NOTHING_ACCEPTABLE
  return { ok: true, mediaType: winner.candidate.mediaType, format: winner.candidate.format }
}

/**
 * True when the highest-q acceptable entry (first wins ties) is exactly text/calendar.
 * This mirrors the reference's response hook, which looks at the top entry only,
 * so `*\/*;q=0.9, text/calendar;q=0.9` is not a calendar request.
 */
export function prefersCalendar(accept: string | undefined): boolean {
  let top: AcceptEntry | undefined
  for (const entry of parseAcceptHeader(accept)) {
    if (isAcceptable(entry) && (top === undefined || entry.q > top.q)) top = entry
  }
  return top?.range === 'text/calendar'
}

/**
 * Negotiation is a pure function of the header (and the calendar option), and clients repeat the same
 * Accept value on every request, so results are remembered for a bounded number of distinct values.
 */
const MEMO_LIMIT = 500
const MEMO_MAX_HEADER = 200

function memoised(policy: AcceptPolicy): AcceptPolicy {
  const results = new Map<string, Negotiation>()
  return {
    negotiate(accept, options) {
      if (accept !== undefined && accept.length > MEMO_MAX_HEADER) return policy.negotiate(accept, options)
      const key = `${options?.allowCalendar === true ? 'c' : '-'}${accept ?? ''}`
      let result = results.get(key)
      if (result === undefined) {
        result = policy.negotiate(accept, options)
        if (results.size >= MEMO_LIMIT) results.clear()
        results.set(key, result)
      }
      return result
    },
  }
}

export const rankedAcceptPolicy: AcceptPolicy = memoised({
  negotiate(accept, options) {
    // The calendar view replaces whatever the engine would have chosen (or its 406),
    // so it is decided before, and independently of, the ranked negotiation.
    if (options?.allowCalendar === true && prefersCalendar(accept)) return CALENDAR_RESULT
    return negotiateRanked(parseAcceptHeader(accept))
  },
})

// ---------------------------------------------------------------------------
// First-match (classic) negotiation
// ---------------------------------------------------------------------------

/** Concrete classic types, matched as substrings of the whole lower-cased entry. */
const CLASSIC_CONCRETE: readonly (readonly [string, Negotiation])[] = [
  ['application/xml', XML_RESULT],
  ['application/json', JSON_RESULT],
  // the classic server "recognised" these text types but always rendered JSON
  ['text/html', JSON_RESULT],
  ['text/plain', JSON_RESULT],
]
const CLASSIC_WILDCARDS: readonly string[] = ['*/*', 'application/*']

function classicConcreteResult(entry: AcceptEntry): Negotiation | undefined {
  return CLASSIC_CONCRETE.find(([needle]) => entry.raw.includes(needle))?.[1]
}

function isClassicWildcard(entry: AcceptEntry): boolean {
  return CLASSIC_WILDCARDS.some((needle) => entry.raw.includes(needle))
}

export const firstMatchAcceptPolicy: AcceptPolicy = memoised({
  negotiate(accept) {
    const entries = parseAcceptHeader(accept)
    if (entries.length === 0) return JSON_RESULT
    for (const entry of entries) {
      const result = classicConcreteResult(entry)
      if (result !== undefined) return result
    }
    return entries.some(isClassicWildcard) ? JSON_RESULT : UNRECOGNISED
  },
})

// ---------------------------------------------------------------------------

/** Content-Type for empty-bodied stub responses (405/500/501, heartbeat). */
export function stubContentType(policy: AcceptPolicy, accept: string | undefined): 'application/json' | 'application/xml' {
  const negotiation = policy.negotiate(accept)
  return negotiation.ok && negotiation.format === 'xml' ? 'application/xml' : 'application/json'
}

/**
 * classic.md S2: the classic server's stubs echoed the first Accept element verbatim
 * (lower-cased, trimmed, parameters kept), except that a missing header, `*\/*` or
 * `application/*` gave application/json.
 */
export function classicStubContentType(accept: string | undefined): string {
  const [first] = parseAcceptHeader(accept)
  if (first === undefined || CLASSIC_WILDCARDS.includes(first.range)) return 'application/json'
  return first.raw
}
