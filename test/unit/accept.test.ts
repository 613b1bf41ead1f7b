import t from 'tap'
import {
  classicStubContentType,
  firstMatchAcceptPolicy,
  isStructuredTodoXml,
  parseAcceptHeader,
  prefersCalendar,
  rankedAcceptPolicy,
  stubContentType,
  type Format,
  type Negotiation,
  type NegotiateOptions,
} from '../../domain/accept.js'

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
const CHROME_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7'

type Expected = string | 406

interface Vector {
  accept: string | undefined
  /** media type, 'unrecognised' (406 Unrecognised Accept Type) or 406 (No acceptable response type supported) */
  expected: Expected
  format?: Format
  options?: NegotiateOptions
}

const formatOf: Record<string, Format> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/csv': 'csv',
  'text/plain': 'text',
  'text/html': 'html',
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'jsonl',
  'application/json-seq': 'json-seq',
  'text/tab-separated-values': 'tsv',
  'text/calendar': 'calendar',
}

function expectedNegotiation(vector: Vector): Negotiation {
  if (vector.expected === 'unrecognised') return { ok: false, message: 'Unrecognised Accept Type' }
  if (vector.expected === 406) return { ok: false, message: 'No acceptable response type supported' }
  const format = vector.format ?? formatOf[vector.expected]
  if (format === undefined) throw new Error(`vector for ${vector.expected} needs an explicit format`)
  return { ok: true, mediaType: vector.expected, format }
}

function describe(vector: Vector): string {
  const accept = vector.accept === undefined ? '(no Accept)' : JSON.stringify(vector.accept)
  const calendar = vector.options?.allowCalendar === true ? ' [calendar allowed]' : ''
  return `${accept}${calendar} -> ${String(vector.expected)}`
}

function checkVectors(title: string, policyName: 'ranked' | 'firstMatch', vectors: readonly Vector[]): void {
  const policy = policyName === 'ranked' ? rankedAcceptPolicy : firstMatchAcceptPolicy
  t.test(title, async (t) => {
    for (const vector of vectors) {
      t.test(describe(vector), async (t) => {
        t.same(policy.negotiate(vector.accept, vector.options), expectedNegotiation(vector))
      })
    }
  })
}

// todos.md §5.1 test-vector table, one case per row (rows listing alternatives get one case each).
checkVectors('todos.md §5.1 test vectors', 'ranked', [
  { accept: undefined, expected: 'application/json' },
  { accept: '', expected: 'application/json' },
  { accept: '*/*', expected: 'application/json' },
  { accept: 'application/*', expected: 'application/json' },
  { accept: 'application/xml', expected: 'application/xml' },
  { accept: 'text/xml', expected: 'text/xml' },
  { accept: 'application/xml, application/json', expected: 'application/xml' },
  { accept: 'application/json;q=0.5, application/xml;q=1', expected: 'application/xml' },
  { accept: 'application/xml;q=0.5, application/json;q=1', expected: 'application/json' },
  { accept: 'application/xml, application/json;q=0.5', expected: 'application/xml' },
  { accept: 'application/json;q=0, application/xml;q=1', expected: 'application/xml' },
  { accept: 'application/json;q=0, application/xml;q=0', expected: 406 },
  { accept: '*/*;q=0.8, application/xml;q=0.9', expected: 'application/xml' },
  { accept: 'application/gzip', expected: 'unrecognised' },
  { accept: 'application/gzip;q=1, application/json;q=0.5', expected: 'application/json' },
  { accept: 'application/problem+json', expected: 'unrecognised' },
  { accept: 'application/*+json', expected: 'unrecognised' },
  { accept: 'application/json, application/problem+json', expected: 'application/json' },
  { accept: 'application/problem+json, application/json;q=0.5', expected: 'application/json' },
  { accept: 'application/vnd.apichallenges.todo+xml', expected: 'application/vnd.apichallenges.todo+xml', format: 'xml' },
  { accept: 'application/*+xml', expected: 'application/todo+xml', format: 'xml' },
  { accept: 'application/problem+xml', expected: 'unrecognised' },
  { accept: 'application/problem+xml;q=1, text/xml;q=0.4', expected: 'text/xml' },
  { accept: 'application/todo+xml;q=0, application/*+xml;q=0.8', expected: 406 },
  { accept: 'text/*', expected: 'text/csv' },
  { accept: 'text/xml;q=0, text/*;q=0.8', expected: 'text/csv' },
  { accept: 'application/xml;q=0, application/*;q=0.8', expected: 'application/json' },
  { accept: 'application/*;q=0.8, application/xml;q=0.8', expected: 'application/xml' },
  { accept: 'text/xml;q=0.8, application/xml;q=0.8', expected: 'text/xml' },
  { accept: 'text/html', expected: 'text/html' },
  { accept: BROWSER_ACCEPT, expected: 'text/html' },
  { accept: 'text/calendar', expected: 'unrecognised' },
])

checkVectors('every supported concrete type is served when asked for exactly', 'ranked', [
  { accept: 'application/json', expected: 'application/json' },
  { accept: 'text/csv', expected: 'text/csv' },
  { accept: 'text/plain', expected: 'text/plain' },
  { accept: 'application/x-ndjson', expected: 'application/x-ndjson' },
  { accept: 'application/jsonl', expected: 'application/jsonl' },
  { accept: 'application/json-seq', expected: 'application/json-seq' },
  { accept: 'text/tab-separated-values', expected: 'text/tab-separated-values' },
  { accept: 'APPLICATION/XML', expected: 'application/xml' },
  { accept: 'Text/CSV', expected: 'text/csv' },
  { accept: 'application/json; charset=utf-8', expected: 'application/json' },
  { accept: CHROME_ACCEPT, expected: 'text/html' },
])

checkVectors('structured +xml for the todo entity', 'ranked', [
  { accept: 'application/todo+xml', expected: 'application/todo+xml', format: 'xml' },
  { accept: 'application/todos+xml', expected: 'application/todos+xml', format: 'xml' },
  { accept: 'application/x-todo+xml', expected: 'application/x-todo+xml', format: 'xml' },
  { accept: 'application/vnd.acme.todos+xml', expected: 'application/vnd.acme.todos+xml', format: 'xml' },
  // echoed lower-cased, like every header value the engine sees
  { accept: 'Application/Vnd.ApiChallenges.Todo+XML', expected: 'application/vnd.apichallenges.todo+xml', format: 'xml' },
  { accept: 'application/soap+xml', expected: 'unrecognised' },
  { accept: 'application/xhtml+xml', expected: 'unrecognised' },
  { accept: 'application/atom+xml', expected: 'unrecognised' },
  { accept: 'application/rss+xml', expected: 'unrecognised' },
  { accept: 'application/svg+xml', expected: 'unrecognised' },
  { accept: 'application/vnd.todo.problem+xml', expected: 'unrecognised' },
  { accept: 'application/todoitem+xml', expected: 'unrecognised' },
  { accept: 'text/todo+xml', expected: 'unrecognised' },
  { accept: '*/*+xml', expected: 'unrecognised' },
  { accept: 'application/vnd.apichallenges.todo+xml, application/json', expected: 'application/vnd.apichallenges.todo+xml', format: 'xml' },
  { accept: 'application/json, application/vnd.apichallenges.todo+xml', expected: 'application/json' },
  { accept: 'application/*+xml;q=0.5, application/json;q=0.4', expected: 'application/todo+xml', format: 'xml' },
  // the wildcard's q=1 beats the exact entry's q=0.5
  { accept: 'application/vnd.x.todo+xml;q=0.5, application/*+xml', expected: 'application/todo+xml', format: 'xml' },
  { accept: 'application/xml;q=0, application/*+xml', expected: 'application/todo+xml', format: 'xml' },
  { accept: 'application/*+xml, application/xml', expected: 'application/xml' },
])

checkVectors('header parsing: quotes, q-values, whitespace', 'ranked', [
  // splitting on the quoted comma would make text/html a q=1 entry
  { accept: 'text/html;foo="a,b";q=0.1, application/xml;q=0.5', expected: 'application/xml' },
  { accept: 'application/json;ext="x,application/xml"', expected: 'application/json' },
  { accept: 'text/html;foo="a\\",b";q=0.1, application/xml;q=0.5', expected: 'application/xml' },
  { accept: 'application/xml;q=abc, application/json;q=0.5', expected: 'application/json' },
  { accept: 'application/xml;q=1.5, application/json;q=0.1', expected: 'application/json' },
  { accept: 'application/xml;q=-0.1, application/json;q=0.1', expected: 'application/json' },
  { accept: 'application/xml;q=, application/json;q=0.1', expected: 'application/json' },
  // an entry with an unusable q still counts as recognised
  { accept: 'application/json;q=abc', expected: 406 },
  { accept: 'application/json;q=.5, application/xml;q=0.4', expected: 'application/json' },
  { accept: 'application/xml;q="0.9", application/json;q=0.8', expected: 'application/xml' },
  { accept: 'application/xml;Q=0.1, application/json', expected: 'application/json' },
  { accept: 'application/xml;q=0.001, application/json;q=0', expected: 'application/xml' },
  { accept: 'application/xml ; q=0.5 , application/json ; q=0.9', expected: 'application/json' },
  { accept: '  application/xml  ', expected: 'application/xml' },
  { accept: ', ,', expected: 'application/json' },
  { accept: ',application/xml,', expected: 'application/xml' },
  { accept: 'bob', expected: 'unrecognised' },
  { accept: 'bob, text/csv;q=0.1', expected: 'text/csv' },
])

checkVectors('ranking: governing entry, q, specificity, position, server preference', 'ranked', [
  // the exact q=0 entry governs text/csv, so the wildcard cannot revive it
  { accept: 'text/csv;q=0, text/*', expected: 'text/plain' },
  { accept: 'text/csv;q=abc, text/*', expected: 'text/plain' },
  // a less specific entry with a higher q does not override the exact one
  { accept: 'application/xml;q=0.5, */*', expected: 'application/json' },
  // ranking puts q before specificity
  { accept: 'application/*;q=1, application/xml;q=0.5', expected: 'application/json' },
  { accept: 'text/*;q=0.9, */*;q=0.1', expected: 'text/csv' },
  { accept: 'text/csv, text/plain', expected: 'text/csv' },
  { accept: 'text/plain, text/csv', expected: 'text/plain' },
  { accept: 'text/plain;q=0.5, text/csv;q=0.5', expected: 'text/plain' },
  { accept: 'application/x-ndjson, application/jsonl', expected: 'application/x-ndjson' },
  { accept: 'application/json;q=0, application/xml;q=0, */*', expected: 'text/csv' },
  { accept: 'application/json;q=0, application/*', expected: 'application/xml' },
  { accept: 'text/html;q=0.1, application/xml', expected: 'application/xml' },
  { accept: '*/*;q=0', expected: 406 },
  { accept: 'text/*;q=0, application/gzip', expected: 406 },
])

checkVectors('text/calendar (todos.md §6.11)', 'ranked', [
  { accept: 'text/calendar', options: { allowCalendar: true }, expected: 'text/calendar' },
  { accept: 'application/json;q=0.1, text/calendar;q=0.9', options: { allowCalendar: true }, expected: 'text/calendar' },
  { accept: 'text/calendar;q=0, application/json', options: { allowCalendar: true }, expected: 'application/json' },
  { accept: 'text/calendar; charset=utf-8', options: { allowCalendar: true }, expected: 'text/calendar' },
  { accept: 'TEXT/CALENDAR', options: { allowCalendar: true }, expected: 'text/calendar' },
  // the top entry decides: first wins ties, so */* keeps JSON
  { accept: '*/*;q=0.9, text/calendar;q=0.9', options: { allowCalendar: true }, expected: 'application/json' },
  { accept: 'text/calendar;q=0.5, application/gzip', options: { allowCalendar: true }, expected: 'unrecognised' },
  { accept: 'text/*', options: { allowCalendar: true }, expected: 'text/csv' },
  { accept: undefined, options: { allowCalendar: true }, expected: 'application/json' },
  // collections never negotiate calendar
  { accept: 'application/json;q=0.1, text/calendar;q=0.9', expected: 'application/json' },
  { accept: 'text/calendar', options: { allowCalendar: false }, expected: 'unrecognised' },
])

t.test('prefersCalendar', async (t) => {
  const cases: readonly (readonly [string | undefined, boolean])[] = [
    [undefined, false],
    ['', false],
    ['text/calendar', true],
    ['TEXT/Calendar', true],
    ['text/calendar;q=0.2', true],
    ['application/json;q=0.1, text/calendar;q=0.9', true],
    ['text/calendar;q=0, application/json', false],
    ['text/calendar;q=0.5, application/json;q=0.5', true],
    ['application/json;q=0.5, text/calendar;q=0.5', false],
    ['text/calendar;q=bad', false],
    ['text/calendar;q=bad, application/json;q=0.1', false],
    ['text/*', false],
    ['*/*, text/calendar', false],
  ]
  for (const [accept, expected] of cases) {
    t.equal(prefersCalendar(accept), expected, `${JSON.stringify(accept)} -> ${expected}`)
  }
})

// classic.md §1 T8 and §2.11
checkVectors('classic first-match policy (classic.md T8, §2.11)', 'firstMatch', [
  { accept: undefined, expected: 'application/json' },
  { accept: '', expected: 'application/json' },
  { accept: '*/*', expected: 'application/json' },
  { accept: 'application/*', expected: 'application/json' },
  { accept: 'application/json', expected: 'application/json' },
  { accept: 'application/json, */*', expected: 'application/json' },
  { accept: 'application/xml', expected: 'application/xml' },
  { accept: 'application/XML', expected: 'application/xml' },
  { accept: 'application/xml, application/json', expected: 'application/xml' },
  { accept: 'application/json, application/xml', expected: 'application/json' },
  { accept: 'application/json;q=0.5, application/xml;q=1', expected: 'application/json' },
  { accept: 'application/xml;q=0.5, application/json;q=1', expected: 'application/xml' },
  { accept: '*/*, application/xml', expected: 'application/xml' },
  { accept: 'text/html', expected: 'application/json' },
  { accept: 'text/plain', expected: 'application/json' },
  { accept: BROWSER_ACCEPT, expected: 'application/json' },
  { accept: 'text/html;q=0.1, application/xml', expected: 'application/json' },
  { accept: 'text/xml', expected: 'unrecognised' },
  { accept: 'text/csv', expected: 'unrecognised' },
  { accept: 'text/*', expected: 'unrecognised' },
  { accept: 'application/problem+json', expected: 'unrecognised' },
  { accept: 'application/vnd.api+json', expected: 'unrecognised' },
  { accept: 'application/xhtml+xml', expected: 'unrecognised' },
  { accept: 'application/gzip', expected: 'unrecognised' },
  { accept: 'bob', expected: 'unrecognised' },
  { accept: 'bob, */*', expected: 'application/json' },
  { accept: 'bob, application/xml', expected: 'application/xml' },
  // q is ignored (the reference's Spark 404 for this header is not modelled here)
  { accept: 'application/json;q=0, application/xml;q=0', expected: 'application/json' },
  { accept: 'text/calendar', options: { allowCalendar: true }, expected: 'unrecognised' },
])

t.test('stubContentType', async (t) => {
  const ranked: readonly (readonly [string | undefined, string])[] = [
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/xml', 'application/xml'],
    ['text/xml', 'application/xml'],
    ['application/vnd.apichallenges.todo+xml', 'application/xml'],
    ['application/json;q=0.5, application/xml', 'application/xml'],
    ['text/csv', 'application/json'],
    ['bob', 'application/json'],
    ['application/json;q=0, application/xml;q=0', 'application/json'],
  ]
  for (const [accept, expected] of ranked) {
    t.equal(stubContentType(rankedAcceptPolicy, accept), expected, `ranked ${JSON.stringify(accept)}`)
  }
  const classic: readonly (readonly [string | undefined, string])[] = [
    [undefined, 'application/json'],
    ['application/xml;q=0.5, application/json', 'application/xml'],
    ['application/json;q=0.5, application/xml', 'application/json'],
    ['text/xml', 'application/json'],
    ['bob', 'application/json'],
  ]
  for (const [accept, expected] of classic) {
    t.equal(stubContentType(firstMatchAcceptPolicy, accept), expected, `classic ${JSON.stringify(accept)}`)
  }
})

t.test('classicStubContentType echoes the first element (classic.md S2)', async (t) => {
  const cases: readonly (readonly [string | undefined, string])[] = [
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['bob', 'bob'],
    ['application/json;q=0.5, application/xml', 'application/json;q=0.5'],
    ['application/gzip', 'application/gzip'],
    ['*/*, application/xml', 'application/json'],
    [' Application/XML ', 'application/xml'],
  ]
  for (const [accept, expected] of cases) {
    t.equal(classicStubContentType(accept), expected, JSON.stringify(accept))
  }
})

t.test('isStructuredTodoXml', async (t) => {
  t.ok(isStructuredTodoXml('application/todo+xml'))
  t.ok(isStructuredTodoXml('application/vnd.apichallenges.todo+xml'))
  t.ok(isStructuredTodoXml('application/x-todos+xml'))
  t.notOk(isStructuredTodoXml('application/xml'))
  t.notOk(isStructuredTodoXml('application/problem+xml'))
  t.notOk(isStructuredTodoXml('application/*+xml'))
  t.notOk(isStructuredTodoXml('text/todo+xml'))
  t.notOk(isStructuredTodoXml('application/todo+json'))
})

t.test('parseAcceptHeader', async (t) => {
  t.same(parseAcceptHeader(undefined), [])
  t.same(parseAcceptHeader('  '), [])
  const entries = parseAcceptHeader('Text/HTML;level="1,2";q=0.4, application/json;q=nope')
  t.equal(entries.length, 2)
  t.match(entries[0], { range: 'text/html', q: 0.4, qValid: true, position: 0 })
  t.match(entries[1], { range: 'application/json', qValid: false, position: 1 })
})
