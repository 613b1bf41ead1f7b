/**
 * Filtering, sorting and paging of todo lists from a URL query string (or a form-encoded QUERY body).
 * Pure: no fastify, no storage.
 *
 * How a route uses it:
 *
 *   const parsed = parseTodoQuery(rawQueryString)            // text after '?', still encoded
 *   if (!parsed.ok) → 400 parsed.message
 *   GET only, before the Accept check: highLimitError(parsed.query, paging) → 400 when defined
 *   QUERY with a form body: parseTodoQuery(body, { form: true }), then mergeQueries(url, body)
 *   const result = applyTodoQuery(todosInIdOrder, parsed.query, paging, { rejectHighLimit: isGet })
 *   if (!result.ok) → 400 result.message
 *
 * `paging` is `currentPaging` or `classicPaging`; challenge rules can inspect the parsed query
 * (`conditions`, `sortBy`, `limit`, `offset`, `rawLimit`…) and the result (`todos`, `matched`).
 *
 * Parsing: the whole string is URL-decoded first (Java `URLDecoder` rules: `+` is a space, `%XX`
 * bytes are UTF-8), then split on `&`. In each part the earliest operator wins, ties going to the
 * longer token; after `=`/`==` one further leading operator is honoured (`id=>5` is `id>5`); a part
 * without an operator means `field = ""`. `_sortBy`, `_limit` and `_offset` are not filters.
 *
 * Evaluation: conditions are ANDed in order, except that a regex or wildcard condition decides a row
 * on its own (conditions after it are never evaluated). Unknown fields are ignored. Values are typed
 * by field: `id` numeric, `doneStatus` boolean (`true`/`false`, any case), strings compared by UTF-16
 * code unit. Then a stable sort by `_sortBy`, then the page window.
 */
import type { Todo } from '../db/todos-repository.js'

export type FilterOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge' | 'regex' | 'wildcard' | 'contains'

/** one `field<op>value` part of the query, as decoded (value untouched, field not trimmed) */
export interface Condition {
  field: string
  operator: FilterOperator
  value: string
}

export interface SortKey {
  field: keyof Todo
  descending: boolean
}

/** one `_limit`/`_offset` part, kept verbatim so it can be validated against a policy later */
export interface PagingParam {
  name: '_limit' | '_offset'
  operator: FilterOperator
  value: string
}

export interface ParsedTodoQuery {
  /** every part that is not `_sortBy`/`_limit`/`_offset`, in order (unknown fields included) */
  conditions: Condition[]
  /** `_sortBy` keys on todo fields, all `_sortBy` parts concatenated in order; unknown fields dropped */
  sortBy: SortKey[]
  /** the raw value of each `_sortBy` part given with `=`, in order */
  sortParams: string[]
  /** every `_limit`/`_offset` part, in order */
  pagingParams: PagingParam[]
  /** the effective (last) `_limit`, when it is a valid non-negative integer given with `=` */
  limit?: number
  /** the effective (last) `_offset`, when it is a valid non-negative integer given with `=` */
  offset?: number
  /** the value of the last `_limit` part, whatever its operator */
  rawLimit?: string
  /** the value of the last `_offset` part, whatever its operator */
  rawOffset?: string
}

export type QueryParse = { ok: true; query: ParsedTodoQuery } | { ok: false; status: 400; message: string }

export type QueryFailure = { ok: false; status: 400; message: string }

export type QueryResult = {
  ok: true
  /** the page to render */
  todos: Todo[]
  /** how many todos passed the filters (before paging) */
  matched: number
} | QueryFailure

export interface PagingPolicy {
  /** `_sortBy` is honoured; when false it is ignored like any unknown parameter */
  sorting: boolean
  /** `_limit`/`_offset` are recognised (validated and applied); when false both are ignored */
  paging: boolean
  /** page size when no `_limit` is given (undefined: no cap) */
  defaultLimit: number | undefined
  /** a larger `_limit` is silently capped to this (undefined: no cap) */
  maxLimit: number | undefined
  /** with `rejectHighLimit`, an integer `_limit` above this is a 400 (undefined: never) */
  rejectLimitAbove: number | undefined
}

/** current API: sorted and paged, 10 by default, at most 20; GET rejects `_limit` > 20 */
export const currentPaging: PagingPolicy = Object.freeze({
  sorting: true, paging: true, defaultLimit: 10, maxLimit: 20, rejectLimitAbove: 20,
})

/** classic (herokuapp) API: filters only; `_sortBy`, `_limit` and `_offset` are ignored */
export const classicPaging: PagingPolicy = Object.freeze({
  sorting: false, paging: false, defaultLimit: undefined, maxLimit: undefined, rejectLimitAbove: undefined,
})

export const LIMIT_TOO_HIGH_MESSAGE = '_limit must be no more than 20'
export const FIELD_NAME_MISSING_MESSAGE = 'Malformed query content: field name is missing'

const TODO_FIELDS: readonly (keyof Todo)[] = ['id', 'title', 'doneStatus', 'description']

function isTodoField(name: string): name is keyof Todo {
  return (TODO_FIELDS as readonly string[]).includes(name)
}

function fail(message: string): QueryFailure {
  return { ok: false, status: 400, message }
}

// ---------------------------------------------------------------------------------------------
// Decoding (java.net.URLDecoder semantics)

const HEX = /^[0-9a-fA-F]$/

/** decodes like `URLDecoder.decode(s, UTF_8)`: `+` → space, runs of `%XX` as UTF-8 (bad bytes → U+FFFD) */
export function decodeQueryComponent(text: string): { ok: true; value: string } | QueryFailure {
  let out = ''
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i]!
    if (c === '+') {
      out += ' '
      i++
    } else if (c === '%') {
      const bytes: number[] = []
      while (i + 2 < n && text[i] === '%') {
        const pair = text.slice(i + 1, i + 3)
        const byte = parseJavaHexPair(pair)
        if (typeof byte === 'string') {
          return fail(`URLDecoder: Illegal hex characters in escape (%) pattern - ${byte}`)
        }
        bytes.push(byte)
        i += 3
      }
      if (i < n && text[i] === '%') return fail('URLDecoder: Incomplete trailing escape (%) pattern')
      out += new TextDecoder('utf-8').decode(Uint8Array.from(bytes))
    } else {
      out += c
      i++
    }
  }
  return { ok: true, value: out }
}

/** Integer.parseInt(pair, 16) as URLDecoder uses it: a byte, or the exception detail */
function parseJavaHexPair(pair: string): number | string {
  const first = pair[0]!
  const second = pair[1]!
  if (first === '-' || first === '+') {
    if (!HEX.test(second)) return `Error at index 1 in: "${pair}"`
    return first === '-' ? 'negative value' : parseInt(second, 16)
  }
  if (!HEX.test(first)) return `Error at index 0 in: "${pair}"`
  if (!HEX.test(second)) return `Error at index 1 in: "${pair}"`
  return parseInt(pair, 16)
}

// ---------------------------------------------------------------------------------------------
// Parsing

const OPERATOR_TOKENS: readonly (readonly [string, FilterOperator])[] = [
  // longer tokens first so that a tie at the same position goes to the longer one
  ['==', 'eq'], ['!=', 'ne'], ['<=', 'le'], ['>=', 'ge'], ['~=', 'regex'], ['*=', 'wildcard'], ['%=', 'contains'],
  ['=', 'eq'], ['!', 'ne'], ['<', 'lt'], ['>', 'gt'],
]

function operatorAt(text: string, index: number): readonly [string, FilterOperator] | undefined {
  return OPERATOR_TOKENS.find(([token]) => text.startsWith(token, index))
}

/** splits one decoded part into field, operator and value */
export function parseCondition(part: string): Condition {
  for (let i = 0; i < part.length; i++) {
    const found = operatorAt(part, i)
    if (found === undefined) continue
    const [token, operator] = found
    const field = part.slice(0, i)
    const value = part.slice(i + token.length)
    if (operator === 'eq') {
      const leading = operatorAt(value, 0)
      if (leading !== undefined) return { field, operator: leading[1], value: value.slice(leading[0].length) }
    }
    return { field, operator, value }
  }
  return { field: part, operator: 'eq', value: '' }
}

function emptyQuery(): ParsedTodoQuery {
  return { conditions: [], sortBy: [], sortParams: [], pagingParams: [] }
}

/** an empty query (no filters, no sort, no paging parameters): the default collection read */
export function emptyTodoQuery(): ParsedTodoQuery {
  return emptyQuery()
}

function parseSortValue(value: string): SortKey[] {
  const keys: SortKey[] = []
  for (const entry of value.split(',')) {
    let name = entry.trim()
    let descending = false
    if (name.startsWith('-')) {
      descending = true
      name = name.slice(1).trim()
    } else if (name.startsWith('+')) {
      name = name.slice(1).trim()
    }
    if (isTodoField(name)) keys.push({ field: name, descending })
  }
  return keys
}

/** a non-negative integer as Integer.parseInt would read it, or undefined */
function nonNegativeInt(value: string): number | undefined {
  if (!/^\+?\d+$/.test(value)) return undefined
  const n = Number(value)
  return n <= 2147483647 ? n : undefined
}

function withPagingParams(query: ParsedTodoQuery, params: PagingParam[]): ParsedTodoQuery {
  const result: ParsedTodoQuery = {
    conditions: query.conditions, sortBy: query.sortBy, sortParams: query.sortParams, pagingParams: params,
  }
  for (const p of params) {
    const valid = p.operator === 'eq' ? nonNegativeInt(p.value) : undefined
    if (p.name === '_limit') {
      result.rawLimit = p.value
      if (valid === undefined) delete result.limit
      else result.limit = valid
    } else {
      result.rawOffset = p.value
      if (valid === undefined) delete result.offset
      else result.offset = valid
    }
  }
  return result
}

/**
 * Parses a raw query string (without the '?', still URL-encoded), or a form-encoded QUERY body
 * with `{ form: true }` (which additionally rejects a part with no field name, e.g. `=value`).
 * Fails only when the text cannot be decoded.
 */
export function parseTodoQuery(raw: string, options: { form?: boolean } = {}): QueryParse {
  const decoded = decodeQueryComponent(raw)
  if (!decoded.ok) return decoded
  const query = emptyQuery()
  const paging: PagingParam[] = []
  for (const part of decoded.value.split('&')) {
    if (part === '') continue
    const condition = parseCondition(part)
    if (options.form === true && condition.field === '') return fail(FIELD_NAME_MISSING_MESSAGE)
    switch (condition.field) {
      case '_sortBy':
        if (condition.operator === 'eq') {
          query.sortParams.push(condition.value)
          query.sortBy.push(...parseSortValue(condition.value))
        }
        break
      case '_limit':
      case '_offset':
        paging.push({ name: condition.field, operator: condition.operator, value: condition.value })
        break
      default:
        query.conditions.push(condition)
    }
  }
  return { ok: true, query: withPagingParams(query, paging) }
}

/** the URL's query followed by a form-encoded QUERY body's (conditions appended, later paging params win) */
export function mergeQueries(a: ParsedTodoQuery, b: ParsedTodoQuery): ParsedTodoQuery {
  return withPagingParams({
    conditions: [...a.conditions, ...b.conditions],
    sortBy: [...a.sortBy, ...b.sortBy],
    sortParams: [...a.sortParams, ...b.sortParams],
    pagingParams: [],
  }, [...a.pagingParams, ...b.pagingParams])
}

// ---------------------------------------------------------------------------------------------
// Paging

/** the GET-only 400 for an integer `_limit` above the policy's threshold (checked before anything else) */
export function highLimitError(query: ParsedTodoQuery, paging: PagingPolicy): string | undefined {
  if (!paging.paging || paging.rejectLimitAbove === undefined) return undefined
  const last = query.pagingParams.filter((p) => p.name === '_limit').at(-1)
  if (last === undefined || last.operator !== 'eq') return undefined
  const n = nonNegativeInt(last.value)
  return n !== undefined && n > paging.rejectLimitAbove ? LIMIT_TOO_HIGH_MESSAGE : undefined
}

/** validates the paging parameters against the policy and works out the page window */
export function pageWindow(query: ParsedTodoQuery, paging: PagingPolicy):
  { ok: true; limit: number | undefined; offset: number } | QueryFailure {
  if (!paging.paging) return { ok: true, limit: undefined, offset: 0 }
  for (const name of ['_limit', '_offset'] as const) {
    const bad = query.pagingParams.find((p) => p.name === name && (p.operator !== 'eq' || nonNegativeInt(p.value) === undefined))
    if (bad !== undefined) return fail(`${name} must be a non-negative integer`)
  }
  let limit = query.limit ?? paging.defaultLimit
  if (limit !== undefined && paging.maxLimit !== undefined) limit = Math.min(limit, paging.maxLimit)
  return { ok: true, limit, offset: query.offset ?? 0 }
}

// ---------------------------------------------------------------------------------------------
// Java regex → JavaScript

/** POSIX classes (US-ASCII) as Java's `\p{Name}` knows them, written as class contents */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
}

/** Java escapes that JS lacks, as class contents (positive form) */
const ESCAPE_CLASSES: Readonly<Record<string, string>> = {
  h: ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000',
  v: '\\n\\x0B\\f\\r\\x85\\u2028\\u2029',
}

const JS_SYNTAX_CHARS = '^$\\.*+?()[]{}|/'

function literal(ch: string, inClass: boolean): string {
  if (JS_SYNTAX_CHARS.includes(ch) || (inClass && ch === '-')) return `\\${ch}`
  return ch
}

function validUnicodeProperty(name: string): boolean {
  try {
    new RegExp(`\\p{${name}}`, 'u')
    return true
  } catch {
    return false
  }
}

/** `\p{…}` / `\P{…}` → JS (class contents or a `\p{…}` escape); undefined when not translatable */
function translateProperty(name: string, negated: boolean, inClass: boolean): string | undefined {
  const posix = POSIX_CLASSES[name]
  if (posix !== undefined) {
    if (!inClass) return negated ? `[^${posix}]` : `[${posix}]`
    return negated ? undefined : posix
  }
  const p = negated ? 'P' : 'p'
  const candidates = [name]
  if (name.startsWith('Is')) candidates.push(name.slice(2), `Script=${name.slice(2)}`)
  if (name.startsWith('general_category=')) candidates.push(`General_Category=${name.slice(17)}`)
  const found = candidates.find(validUnicodeProperty)
  return found === undefined ? undefined : `\\${p}{${found}}`
}

type Translation = { ok: true; source: string; flags: string } | { ok: false; reason: string }

/**
 * Translates the Java regex features that have a direct JS equivalent: `\Q…\E`, `\A` `\z` `\Z`,
 * leading inline flags `(?ims)`, possessive quantifiers (approximated as greedy), POSIX `\p{Alpha}`
 * classes, `\h` `\v` `\R` `\e` `\a`, `\x{h…}`, octal `\0nn`, literal `]`/`}` and `[]…]`, and escaped
 * punctuation (Java accepts `\-` `\ ` … anywhere). Class union/intersection is rejected.
 * The result is meant for the `u` flag.
 */
export function translateJavaRegex(pattern: string): Translation {
  let flags = ''
  let rest = pattern
  const inline = /^\(\?([imsu]+)\)/.exec(rest)
  if (inline !== null) {
    for (const f of inline[1]!) if (f !== 'u' && !flags.includes(f)) flags += f
    rest = rest.slice(inline[0].length)
  }
  const chars = Array.from(rest)
  let out = ''
  let inClass = false
  let classStart: 'open' | 'negated' | undefined // just after `[` / `[^`
  let afterQuantifier = false
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const wasQuantifier: boolean = afterQuantifier
    afterQuantifier = false
    const startOfClass = classStart
    classStart = undefined
    if (c === '\\') {
      const e = chars[i + 1]
      if (e === undefined) return { ok: false, reason: 'Unexpected internal error (trailing backslash)' }
      i++
      if (e === 'Q') {
        let j = i + 1
        while (j < chars.length && !(chars[j] === '\\' && chars[j + 1] === 'E')) out += literal(chars[j++]!, inClass)
        i = j < chars.length ? j + 1 : j
        continue
      }
      if (/[^0-9A-Za-z]/.test(e)) {
        out += literal(e, inClass)
        continue
      }
      if (!inClass && e === 'A') { out += '^'; continue }
      if (!inClass && e === 'z') { out += '$'; continue }
      if (!inClass && e === 'Z') { out += '(?=(?:\\r\\n|[\\n\\r\\x85\\u2028\\u2029])?$)'; continue }
      if (!inClass && e === 'R') { out += '(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])'; continue }
      if (e === 'e') { out += '\\x1B'; continue }
      if (e === 'a') { out += '\\x07'; continue }
      const escapeClass = ESCAPE_CLASSES[e.toLowerCase()]
      if (escapeClass !== undefined) {
        const negated = e === e.toUpperCase()
        if (!inClass) out += negated ? `[^${escapeClass}]` : `[${escapeClass}]`
        else if (!negated) out += escapeClass
        else return { ok: false, reason: `Unsupported escape \\${e} inside a character class` }
        continue
      }
      if (e === 'p' || e === 'P') {
        let name: string
        if (chars[i + 1] === '{') {
          const close = chars.indexOf('}', i + 2)
          if (close < 0) return { ok: false, reason: 'Unclosed character family' }
          name = chars.slice(i + 2, close).join('')
          i = close
        } else {
          name = chars[i + 1] ?? ''
          i++
        }
        const translated = translateProperty(name, e === 'P', inClass)
        if (translated === undefined) return { ok: false, reason: `Unknown character property name {${name}}` }
        out += translated
        continue
      }
      if (e === 'x' && chars[i + 1] === '{') {
        const close = chars.indexOf('}', i + 2)
        if (close < 0) return { ok: false, reason: 'Unclosed hexadecimal escape sequence' }
        out += `\\u{${chars.slice(i + 2, close).join('')}}`
        i = close
        continue
      }
      if (e === '0') {
        let digits = ''
        while (digits.length < 3 && /[0-7]/.test(chars[i + 1] ?? '') && (digits.length < 2 || digits[0]! <= '3')) {
          digits += chars[++i]
        }
        if (digits === '') return { ok: false, reason: 'Illegal octal escape sequence' }
        out += `\\u{${parseInt(digits, 8).toString(16)}}`
        continue
      }
      out += `\\${e}`
      continue
    }
    if (inClass) {
      if (c === ']' && startOfClass === undefined) {
        inClass = false
        out += c
      } else if (c === ']') {
        out += '\\]' // Java: a `]` first in a class is a literal
      } else if (c === '[') {
        return { ok: false, reason: 'Unsupported character class union (nested [...])' }
      } else if (c === '&' && chars[i + 1] === '&') {
        return { ok: false, reason: 'Unsupported character class intersection (&&)' }
      } else if (c === '^' && startOfClass === 'open') {
        out += c
        classStart = 'negated'
      } else {
        out += c
      }
      continue
    }
    switch (c) {
      case '[':
        inClass = true
        classStart = 'open'
        out += c
        break
      case ']':
      case '}':
        out += `\\${c}`
        break
      case '*':
      case '+':
      case '?':
        if (c === '+' && wasQuantifier) break // possessive: approximated as greedy
        out += c
        afterQuantifier = c !== '?' || !wasQuantifier
        break
      case '{': {
        const m = /^\{\d+(?:,\d*)?\}/.exec(chars.slice(i).join(''))
        if (m === null) {
          out += c
        } else {
          out += m[0]
          i += m[0].length - 1
          afterQuantifier = true
        }
        break
      }
      case '(':
        out += c
        if (chars[i + 1] === '?') {
          out += '?'
          i++
        }
        break
      default:
        out += c
    }
  }
  return { ok: true, source: out, flags }
}

/** compiles a Java regex for a whole-value, case-sensitive match; the error text on failure */
export function compileWholeValueRegex(pattern: string): { ok: true; regex: RegExp } | QueryFailure {
  const translated = translateJavaRegex(pattern)
  if (!translated.ok) return fail(`Invalid regular expression '${pattern}': ${translated.reason}`)
  try {
    return { ok: true, regex: new RegExp(`^(?:${translated.source})$`, `${translated.flags}u`) }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const reason = text.slice(text.lastIndexOf(': ') + 2)
    return fail(`Invalid regular expression '${pattern}': ${reason}`)
  }
}

/** a wildcard value as a regex: `*` → `.*`, `?` → `.`, everything else left as regex syntax */
export function wildcardToRegex(value: string): string {
  return value.replaceAll('*', '.*').replaceAll('?', '.')
}

// ---------------------------------------------------------------------------------------------
// Filtering

type Comparable = number | boolean | string

/** a condition with its value converted to the field's type, ready to test rows */
interface CompiledCondition {
  field: keyof Todo
  /** decides the row alone (regex / wildcard) */
  decisive: boolean
  test(todo: Todo): boolean
}

function typedValue(field: keyof Todo, value: string): { ok: true; value: Comparable } | QueryFailure {
  if (field === 'id') {
    if (!/^[+-]?\d+(?:\.\d+)?$/.test(value)) return fail(`For input string: "${value}"`)
    return { ok: true, value: Number(value) }
  }
  if (field === 'doneStatus') {
    const lower = value.toLowerCase()
    if (lower !== 'true' && lower !== 'false') return fail(`${value} is not boolean`)
    return { ok: true, value: lower === 'true' }
  }
  return { ok: true, value }
}

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return a < b ? -1 : a > b ? 1 : 0
}

function fieldText(todo: Todo, field: keyof Todo): string {
  return String(todo[field])
}

function compileCondition(condition: Condition & { field: keyof Todo }): { ok: true; compiled: CompiledCondition } | QueryFailure {
  const { field, operator, value } = condition
  if (operator === 'regex' || operator === 'wildcard') {
    const compiled = compileWholeValueRegex(operator === 'regex' ? value : wildcardToRegex(value))
    if (!compiled.ok) return compiled
    const { regex } = compiled
    return { ok: true, compiled: { field, decisive: true, test: (todo) => regex.test(fieldText(todo, field)) } }
  }
  if (operator === 'contains') {
    return { ok: true, compiled: { field, decisive: false, test: (todo) => fieldText(todo, field).includes(value) } }
  }
  const typed = typedValue(field, value)
  if (!typed.ok) return typed
  const wanted = typed.value
  const accept: (order: number) => boolean = {
    eq: (o: number) => o === 0,
    ne: (o: number) => o !== 0,
    lt: (o: number) => o < 0,
    gt: (o: number) => o > 0,
    le: (o: number) => o <= 0,
    ge: (o: number) => o >= 0,
  }[operator]
  return { ok: true, compiled: { field, decisive: false, test: (todo) => accept(compare(todo[field], wanted)) } }
}

/**
 * Compiles the conditions that can ever be evaluated: those on todo fields, up to and including
 * the first regex/wildcard one (later conditions are dead, so their values are never checked).
 */
function compileConditions(conditions: readonly Condition[]): { ok: true; compiled: CompiledCondition[] } | QueryFailure {
  const compiled: CompiledCondition[] = []
  for (const condition of conditions) {
    const { field } = condition
    if (!isTodoField(field)) continue
    const result = compileCondition({ ...condition, field })
    if (!result.ok) return result
    compiled.push(result.compiled)
    if (result.compiled.decisive) break
  }
  return { ok: true, compiled }
}

function rowMatches(todo: Todo, conditions: readonly CompiledCondition[]): boolean {
  for (const condition of conditions) {
    const passed = condition.test(todo)
    if (condition.decisive) return passed
    if (!passed) return false
  }
  return true
}

/** keeps the todos matching every condition (with the regex/wildcard short-circuit), in input order */
export function filterTodos(todos: readonly Todo[], conditions: readonly Condition[]): { ok: true; todos: Todo[] } | QueryFailure {
  const compiled = compileConditions(conditions)
  if (!compiled.ok) return compiled
  return { ok: true, todos: todos.filter((todo) => rowMatches(todo, compiled.compiled)) }
}

/** stable multi-key sort (id numeric, doneStatus false < true, strings by UTF-16 code unit) */
export function sortTodos(todos: readonly Todo[], keys: readonly SortKey[]): Todo[] {
  const sorted = [...todos]
  if (keys.length === 0) return sorted
  return sorted.sort((a, b) => {
    for (const { field, descending } of keys) {
      const order = compare(a[field], b[field])
      if (order !== 0) return descending ? -order : order
    }
    return 0
  })
}

/**
 * filter → sort → page. `todos` should be in the default order (ascending id). Fails with 400 for
 * a GET `_limit` above the threshold (when `rejectHighLimit`), an invalid `_limit`/`_offset`, a
 * non-boolean `doneStatus` value, a non-numeric `id` value or an invalid regex.
 */
export function applyTodoQuery(
  todos: readonly Todo[],
  query: ParsedTodoQuery,
  paging: PagingPolicy,
  options: { rejectHighLimit: boolean },
): QueryResult {
  if (options.rejectHighLimit) {
    const tooHigh = highLimitError(query, paging)
    if (tooHigh !== undefined) return fail(tooHigh)
  }
  const window = pageWindow(query, paging)
  if (!window.ok) return window
  const filtered = filterTodos(todos, query.conditions)
  if (!filtered.ok) return filtered
  const sorted = paging.sorting ? sortTodos(filtered.todos, query.sortBy) : filtered.todos
  const end = window.limit === undefined ? undefined : window.offset + window.limit
  return { ok: true, todos: sorted.slice(window.offset, end), matched: filtered.todos.length }
}
