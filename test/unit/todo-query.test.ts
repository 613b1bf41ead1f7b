import t from 'tap'
import {
  applyTodoQuery,
  classicPaging,
  compileWholeValueRegex,
  currentPaging,
  decodeQueryComponent,
  emptyTodoQuery,
  filterTodos,
  highLimitError,
  mergeQueries,
  pageWindow,
  parseCondition,
  parseTodoQuery,
  sortTodos,
  translateJavaRegex,
  wildcardToRegex,
} from '../../domain/todo-query.js'
import type { ParsedTodoQuery, PagingPolicy, QueryResult } from '../../domain/todo-query.js'
import type { Todo } from '../../db/todos-repository.js'

// ---------------------------------------------------------------------------------------------
// Data

const SEED_TITLES = [
  'scan paperwork', 'file paperwork', 'process payments', 'escalate late payments', 'pay invoices',
  'process payroll', 'train staff', 'schedule meeting', 'tidy meeting room', 'install webcam',
]

/** the ten seed todos, in id order */
const SEED: readonly Todo[] = SEED_TITLES.map((title, i) => ({ id: i + 1, title, doneStatus: false, description: '' }))

/** seed todos with a few done and described, plus ids 11-15 (15 todos in all) */
const MIXED: readonly Todo[] = [
  ...SEED.map((todo) => {
    if (todo.id === 2) return { ...todo, doneStatus: true, description: 'a test fixture' }
    if (todo.id === 5) return { ...todo, doneStatus: true }
    if (todo.id === 7) return { ...todo, description: 'fixture for training' }
    return todo
  }),
  { id: 11, title: 'Zebra crossing', doneStatus: true, description: 'fixture' },
  { id: 12, title: 'apple', doneStatus: false, description: 'Fixture upper' },
  { id: 13, title: 'banana', doneStatus: true, description: 'file.paper' },
  { id: 14, title: 'banana', doneStatus: false, description: 'filexpaper' },
  { id: 15, title: 'émigré', doneStatus: false, description: 'a&b' },
]

function parse(raw: string, form = false): ParsedTodoQuery {
  const result = parseTodoQuery(raw, { form })
  if (!result.ok) throw new Error(`unexpected parse failure for ${raw}: ${result.message}`)
  return result.query
}

function run(raw: string, todos: readonly Todo[] = MIXED, paging: PagingPolicy = currentPaging, rejectHighLimit = true): QueryResult {
  return applyTodoQuery(todos, parse(raw), paging, { rejectHighLimit })
}

/** ids returned for a query (throws on a failure outcome) */
function ids(raw: string, todos: readonly Todo[] = MIXED, paging: PagingPolicy = currentPaging, rejectHighLimit = true): number[] {
  const result = run(raw, todos, paging, rejectHighLimit)
  if (!result.ok) throw new Error(`unexpected failure for ${raw}: ${result.message}`)
  return result.todos.map((todo) => todo.id)
}

/** all ids with the page size lifted (current policy, `_limit=20` appended) */
function all(raw: string, todos: readonly Todo[] = MIXED): number[] {
  return ids(raw === '' ? '_limit=20' : `${raw}&_limit=20`, todos)
}

/** the 400 message of a query (a parse failure or an apply failure) */
function error(raw: string, todos: readonly Todo[] = MIXED, paging: PagingPolicy = currentPaging, rejectHighLimit = true): string {
  const parsed = parseTodoQuery(raw)
  const result = parsed.ok ? applyTodoQuery(todos, parsed.query, paging, { rejectHighLimit }) : parsed
  if (result.ok || result.status !== 400) throw new Error(`expected a 400 for ${raw}`)
  return result.message
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)

// ---------------------------------------------------------------------------------------------
// Decoding

t.test('URL decoding follows java.net.URLDecoder', async (t) => {
  t.same(decodeQueryComponent('a+b%20c'), { ok: true, value: 'a b c' })
  t.same(decodeQueryComponent('%C3%A9migr%C3%A9'), { ok: true, value: 'émigré' })
  t.same(decodeQueryComponent('%E2%82'), { ok: true, value: '\uFFFD' }, 'malformed UTF-8 becomes U+FFFD')
  t.same(decodeQueryComponent('%2B5'), { ok: true, value: '+5' })
  t.same(decodeQueryComponent('plain'), { ok: true, value: 'plain' })
  t.same(decodeQueryComponent('a%zz'), {
    ok: false, status: 400, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"',
  })
  t.same(decodeQueryComponent('%4zb'), {
    ok: false, status: 400, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "4z"',
  })
  t.same(decodeQueryComponent('%-1x'), {
    ok: false, status: 400, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - negative value',
  })
  t.same(decodeQueryComponent('%+41'), { ok: true, value: '\u00041' }, 'Integer.parseInt accepts a plus sign')
  t.same(decodeQueryComponent('a%4'), { ok: false, status: 400, message: 'URLDecoder: Incomplete trailing escape (%) pattern' })
  t.same(decodeQueryComponent('a%'), { ok: false, status: 400, message: 'URLDecoder: Incomplete trailing escape (%) pattern' })
  t.same(parseTodoQuery('id=%zz'), {
    ok: false, status: 400, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"',
  })
})

// ---------------------------------------------------------------------------------------------
// Tokenising

t.test('operator tokens', async (t) => {
  const cases: [string, string, string, string][] = [
    ['id=3', 'id', 'eq', '3'],
    ['id==3', 'id', 'eq', '3'],
    ['id!=3', 'id', 'ne', '3'],
    ['id!3', 'id', 'ne', '3'],
    ['id<3', 'id', 'lt', '3'],
    ['id>3', 'id', 'gt', '3'],
    ['id<=3', 'id', 'le', '3'],
    ['id>=3', 'id', 'ge', '3'],
    ['description~=.*fixture.*', 'description', 'regex', '.*fixture.*'],
    ['description*=*fixture*', 'description', 'wildcard', '*fixture*'],
    ['description%=fix', 'description', 'contains', 'fix'],
  ]
  for (const [part, field, operator, value] of cases) t.same(parseCondition(part), { field, operator, value }, part)
})

t.test('earliest operator wins, ties go to the longer token', async (t) => {
  t.same(parseCondition('title=a<b'), { field: 'title', operator: 'eq', value: 'a<b' })
  t.same(parseCondition('title<a=b'), { field: 'title', operator: 'lt', value: 'a=b' })
  t.same(parseCondition('title~=a*=b'), { field: 'title', operator: 'regex', value: 'a*=b' })
  t.same(parseCondition('title*=a~=b'), { field: 'title', operator: 'wildcard', value: 'a~=b' })
  t.same(parseCondition('title!x=y'), { field: 'title', operator: 'ne', value: 'x=y' })
  t.same(parseCondition('ti~tle=x'), { field: 'ti~tle', operator: 'eq', value: 'x' }, '~ alone is no operator')
  t.same(parseCondition('a*b=c'), { field: 'a*b', operator: 'eq', value: 'c' }, '* alone is no operator')
  t.same(parseCondition('title=hello!'), { field: 'title', operator: 'eq', value: 'hello!' })
})

t.test('a further leading operator after = is honoured', async (t) => {
  t.same(parseCondition('id=>5'), { field: 'id', operator: 'gt', value: '5' })
  t.same(parseCondition('id=<=5'), { field: 'id', operator: 'le', value: '5' })
  t.same(parseCondition('title=!=x'), { field: 'title', operator: 'ne', value: 'x' })
  t.same(parseCondition('title=!x'), { field: 'title', operator: 'ne', value: 'x' })
  t.same(parseCondition('description=~=.*x'), { field: 'description', operator: 'regex', value: '.*x' })
  t.same(parseCondition('description=*=*x'), { field: 'description', operator: 'wildcard', value: '*x' })
  t.same(parseCondition('title==>x'), { field: 'title', operator: 'gt', value: 'x' }, 'also after ==')
  t.same(parseCondition('title===x'), { field: 'title', operator: 'eq', value: 'x' })
  t.same(parseCondition('id>=>5'), { field: 'id', operator: 'ge', value: '>5' }, 'only after =')
  t.same(parseCondition('title=*x'), { field: 'title', operator: 'eq', value: '*x' }, '* alone is no operator')
  t.same(all('id=>12'), [13, 14, 15])
})

t.test('a part with no operator means field = ""', async (t) => {
  t.same(parseCondition('description'), { field: 'description', operator: 'eq', value: '' })
  t.same(parseCondition('title!'), { field: 'title', operator: 'ne', value: '' })
  t.same(all('description', SEED), range(1, 10), 'every seed description is empty')
  t.same(all('title', SEED), [])
  t.same(all('title!', SEED), range(1, 10))
})

t.test('parsing a whole query', async (t) => {
  const q = parse('doneStatus=true&_sortBy=-id,title&_limit=5&_offset=2&bogus=1')
  t.same(q.conditions, [
    { field: 'doneStatus', operator: 'eq', value: 'true' },
    { field: 'bogus', operator: 'eq', value: '1' },
  ], 'unknown fields kept, paging and sorting not filters')
  t.same(q.sortBy, [{ field: 'id', descending: true }, { field: 'title', descending: false }])
  t.same(q.sortParams, ['-id,title'])
  t.equal(q.limit, 5)
  t.equal(q.offset, 2)
  t.equal(q.rawLimit, '5')
  t.equal(q.rawOffset, '2')
  t.same(q.pagingParams, [
    { name: '_limit', operator: 'eq', value: '5' },
    { name: '_offset', operator: 'eq', value: '2' },
  ])

  const empty = parse('')
  t.same(empty, emptyTodoQuery())
  t.equal(empty.limit, undefined)
  t.equal(empty.rawLimit, undefined)
  t.same(parse('&&id=1&').conditions, [{ field: 'id', operator: 'eq', value: '1' }], 'empty parts skipped')

  const bad = parse('_limit=abc&_offset>1')
  t.equal(bad.limit, undefined, 'no numeric limit when invalid')
  t.equal(bad.rawLimit, 'abc')
  t.equal(bad.offset, undefined)
  t.equal(bad.rawOffset, '1')
})

t.test('the query string is decoded before splitting', async (t) => {
  t.same(parse('id%3E5').conditions, [{ field: 'id', operator: 'gt', value: '5' }])
  t.same(all('id%3E12'), [13, 14, 15])
  t.same(parse('title=a%26b').conditions, [
    { field: 'title', operator: 'eq', value: 'a' },
    { field: 'b', operator: 'eq', value: '' },
  ], '%26 splits the condition in two')
  t.same(all('description=a%26b'), [], 'filters on description=a, not a&b')
  t.same(all('title=file%20paperwork', SEED), [2])
  t.same(all('title=file+paperwork', SEED), [2], '+ is a space')
  t.same(all('title=%C3%A9migr%C3%A9'), [15])
})

t.test('form-encoded bodies', async (t) => {
  t.same(parseTodoQuery('=value', { form: true }), { ok: false, status: 400, message: 'Malformed query content: field name is missing' })
  t.same(parseTodoQuery('doneStatus=true&=x', { form: true }), { ok: false, status: 400, message: 'Malformed query content: field name is missing' })
  t.same(parseTodoQuery('%zz', { form: true }), {
    ok: false, status: 400, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"',
  })
  t.ok(parseTodoQuery('=value').ok, 'a URL query string tolerates a missing name (the part is ignored)')
  t.same(ids('=value'), range(1, 10))
  t.same(parse('doneStatus=true&_sortBy=-id&_limit=5', true).conditions, [{ field: 'doneStatus', operator: 'eq', value: 'true' }])
})

t.test('mergeQueries appends the body to the URL query', async (t) => {
  const url = parse('id<14&_sortBy=title&_limit=3')
  const body = parse('doneStatus=true&_sortBy=-id&_limit=5&_offset=1', true)
  const merged = mergeQueries(url, body)
  t.same(merged.conditions, [...url.conditions, ...body.conditions])
  t.same(merged.sortBy, [{ field: 'title', descending: false }, { field: 'id', descending: true }])
  t.same(merged.sortParams, ['title', '-id'])
  t.equal(merged.limit, 5, 'the later _limit wins')
  t.equal(merged.rawLimit, '5')
  t.equal(merged.offset, 1)
  t.equal(merged.pagingParams.length, 3)
  const result = applyTodoQuery(MIXED, merged, currentPaging, { rejectHighLimit: false })
  t.same(result.ok && result.todos.map((x) => x.id), [13, 2, 5], 'done and id<14, by title then -id, from offset 1')

  const keepUrlLimit = mergeQueries(parse('_limit=2'), parse('doneStatus=false', true))
  t.equal(keepUrlLimit.limit, 2)
  t.same(mergeQueries(emptyTodoQuery(), emptyTodoQuery()), emptyTodoQuery())
  const badInBody = mergeQueries(parse('_limit=2'), parse('_limit=x', true))
  t.equal(badInBody.limit, undefined)
  t.equal(badInBody.rawLimit, 'x')
})

// ---------------------------------------------------------------------------------------------
// Filtering

t.test('challenge examples (§7.2)', async (t) => {
  t.same(all('doneStatus=true'), [2, 5, 11, 13])
  t.same(all('id>5', SEED), [6, 7, 8, 9, 10])
  t.same(all('id<6', SEED), [1, 2, 3, 4, 5])
  t.same(all('id=3', SEED), [3])
  t.same(all('description~=.*fixture.*'), [2, 7, 11])
  t.same(all('description*=*fixture*'), [2, 7, 11])
  t.same(ids('doneStatus=false&_limit=2&_offset=1'), [3, 4], 'GET_TODOS_PAGINATED_FILTERED')
})

t.test('every operator on id (numeric)', async (t) => {
  t.same(all('id=12'), [12])
  t.same(all('id==12'), [12])
  t.same(all('id=012'), [12], 'numeric, not textual, equality')
  t.same(all('id!=12').length, 14)
  t.same(all('id!12').length, 14)
  t.same(all('id<3'), [1, 2])
  t.same(all('id<=3'), [1, 2, 3])
  t.same(all('id>13'), [14, 15])
  t.same(all('id>=13'), [13, 14, 15])
  t.same(all('id>9', SEED), [10], 'numeric: 10 > 9 although "10" < "9"')
  t.same(all('id<2.5'), [1, 2], 'decimal values compare numerically')
  t.same(all('id~=1.'), range(10, 15), 'regex on the decimal text of the id')
  t.same(all('id*=?'), range(1, 9))
  t.same(all('id%25=1'), [1, 10, 11, 12, 13, 14, 15])
  t.equal(error('id=abc'), 'For input string: "abc"')
  t.equal(error('id'), 'For input string: ""')
  t.equal(error('id>five'), 'For input string: "five"')
})

t.test('every operator on doneStatus (boolean, case-insensitive)', async (t) => {
  t.same(all('doneStatus=TRUE'), [2, 5, 11, 13])
  t.same(all('doneStatus=True'), [2, 5, 11, 13])
  t.same(all('doneStatus=false'), [1, 3, 4, 6, 7, 8, 9, 10, 12, 14, 15])
  t.same(all('doneStatus!=false'), [2, 5, 11, 13])
  t.same(all('doneStatus!true'), all('doneStatus=false'))
  t.same(all('doneStatus>false'), [2, 5, 11, 13], 'false < true')
  t.same(all('doneStatus<true'), all('doneStatus=false'))
  t.same(all('doneStatus>=false').length, 15)
  t.same(all('doneStatus<=false'), all('doneStatus=false'))
  t.same(all('doneStatus~=t.*'), [2, 5, 11, 13], 'regex on the text form')
  t.same(all('doneStatus*=f*'), all('doneStatus=false'))
  t.same(all('doneStatus%25=ru'), [2, 5, 11, 13])
  t.equal(error('doneStatus=maybe'), 'maybe is not boolean')
  t.equal(error('doneStatus=yes', SEED, classicPaging), 'yes is not boolean', 'classic too')
  t.equal(error('doneStatus'), ' is not boolean')
  t.equal(error('doneStatus=+true'), ' true is not boolean', 'a decoded + is a space and is not trimmed')
  t.equal(error('doneStatus>1'), '1 is not boolean')
  t.equal(error('doneStatus=maybe', []), 'maybe is not boolean', 'validated whatever the data')
})

t.test('every operator on strings (UTF-16 code unit order, case-sensitive)', async (t) => {
  t.same(all('title=banana'), [13, 14])
  t.same(all('title=Banana'), [], 'case-sensitive equality')
  t.same(all('title!=banana').length, 13)
  t.same(all('title<apple'), [11], 'upper case sorts before lower case')
  t.same(all('title<=apple'), [11, 12])
  t.same(all('title>tidy meeting room'), [7, 15], 'é (U+00E9) is above every ASCII letter')
  t.same(all('title>=tidy meeting room'), [7, 9, 15])
  t.same(all('description%25=fixture'), [2, 7, 11])
  t.same(all('description%25=Fixture'), [12], 'contains is case-sensitive')
  t.same(all('description%25=.'), [13], 'contains is literal')
  t.same(all('description%25='), range(1, 15), 'empty contains matches everything')
  t.match(error('description%=fixture'), /^URLDecoder: Illegal hex characters/, 'an unencoded %= cannot be decoded')
  t.same(all('title~=pay.*'), [5])
  t.same(all('title~=.*pay.*'), [3, 4, 5, 6])
  t.same(all('title~=Pay.*'), [], 'regex is case-sensitive')
  t.same(all('title~=(?i)pay.*'), [5], 'Java inline flag translated')
  t.same(all('title~=paperwork'), [], 'regex must match the whole value')
  t.same(all('title*=*paperwork'), [1, 2])
  t.same(all('title*=paperwork'), [], 'wildcard must match the whole value')
  t.same(all('title*=?an*'), [13, 14])
  t.same(all('title*=??an*'), [1])
  t.same(all('description*=file.paper'), [13, 14], 'wildcard does not escape .')
  t.same(all('description~=file\\.paper'), [13])
  t.same(all('title*=process pay*'), [3, 6])
  t.same(all('description='), [1, 3, 4, 5, 6, 8, 9, 10])
})

t.test('conditions are ANDed in order; unknown fields are ignored', async (t) => {
  t.same(all('doneStatus=true&id>5'), [11, 13])
  t.same(all('id>5&doneStatus=true'), [11, 13])
  t.same(all('id>2&id<5'), [3, 4], 'repeated params all kept')
  t.same(all('priority=high&Title=apple&id=12'), [12], 'unknown (and wrongly cased) fields ignored')
  t.same(all('priority=%5B'), range(1, 15), 'an unknown field is never evaluated, even as a regex')
  t.same(all('priority~=[&id=1'), [1])
})

t.test('regex / wildcard conditions decide the row on their own (§11.18)', async (t) => {
  t.same(all('description~=.*fixture.*&doneStatus=true'), [2, 7, 11], 'later conditions skipped')
  t.same(all('doneStatus=true&description~=.*fixture.*'), [2, 11], 'earlier conditions still apply')
  t.same(all('description*=*fixture*&id>100'), [2, 7, 11])
  t.same(all('id>100&description*=*fixture*'), [])
  t.same(all('description%25=fixture&doneStatus=true'), [2, 11], 'contains does not short-circuit')
  t.same(all('title~=banana&title~=x'), [13, 14], 'the first regex decides')
  t.same(all('description~=.*fixture.*&doneStatus=maybe'), [2, 7, 11], 'conditions after it are never evaluated, so never rejected')
  t.equal(error('doneStatus=maybe&description~=.*fixture.*'), 'maybe is not boolean')
  t.same(all('bogus~=x&id=1'), [1], 'a regex on an unknown field does not short-circuit')
})

t.test('invalid regular expressions are a 400', async (t) => {
  t.equal(error('description~=*'), "Invalid regular expression '*': Nothing to repeat")
  t.equal(error('description~=(a'), "Invalid regular expression '(a': Unterminated group")
  t.match(error('description~=[a'), /^Invalid regular expression '\[a': /)
  t.match(error('description*=(x*'), /^Invalid regular expression '\(x\.\*': /, 'wildcards are regexes too')
  t.match(error('title~=[a-z%26%26[^e]]'), /Unterminated character class/, 'an encoded & still splits the value')
  t.match(compileWholeValueRegex('[a-z&&[^e]]'), { ok: false, message: /intersection/ })
  t.match(error('title~=(?>a)'), /^Invalid regular expression/, 'atomic groups are not translatable')
  t.equal(error('description~=*&_limit=abc', MIXED, classicPaging), "Invalid regular expression '*': Nothing to repeat", 'classic too')
})

t.test('Java regex translation', async (t) => {
  const matches = (pattern: string, text: string): boolean => {
    const compiled = compileWholeValueRegex(pattern)
    if (!compiled.ok) throw new Error(compiled.message)
    return compiled.regex.test(text)
  }
  t.ok(matches('.*fixture.*', 'a fixture here'))
  t.notOk(matches('fixture', 'a fixture'))
  t.ok(matches('a|b', 'b'), 'alternation is wrapped before anchoring')
  t.notOk(matches('a|b', 'ab'))
  t.ok(matches('\\Qa.b*\\E', 'a.b*'))
  t.notOk(matches('\\Qa.b\\E', 'axb'))
  t.ok(matches('\\Qa.b', 'a.b'), 'unterminated \\Q quotes to the end')
  t.ok(matches('\\Aab\\z', 'ab'))
  t.ok(matches('ab\\Z', 'ab'))
  t.ok(matches('a++b', 'aab'), 'possessive approximated as greedy')
  t.ok(matches('a?+b', 'ab'))
  t.ok(matches('a{1,2}+b', 'aab'))
  t.ok(matches('a*?b', 'aab'), 'lazy kept')
  t.ok(matches('[]a]+', ']a'), '] first in a class is literal')
  t.ok(matches('[^]a]', 'b'))
  t.notOk(matches('[^]a]', ']'))
  t.ok(matches('a]b}', 'a]b}'), 'lone ] and } are literals')
  t.ok(matches('\\-\\ \\"\\@', '- "@'), 'escaped punctuation is literal')
  t.ok(matches('[\\-x]+', '-x'))
  t.ok(matches('\\p{Alpha}+\\p{Digit}', 'abC1'))
  t.ok(matches('[\\p{Punct}]', '!'))
  t.ok(matches('\\P{Digit}', 'x'))
  t.ok(matches('\\p{L}+', 'émigré'))
  t.ok(matches('\\pL\\p{IsLatin}\\p{IsAlphabetic}', 'aéb'))
  t.ok(matches('\\x{41}\\0102\\e', 'AB\u001b'))
  t.ok(matches('a\\hb\\vc', 'a\tb\nc'))
  t.ok(matches('(?<n>a)\\k<n>', 'aa'))
  t.ok(matches('(?s).', '\n'))
  t.notOk(matches('.', '\n'))
  t.ok(matches('.', '😀'), '. matches one code point, as in Java')
  t.ok(matches('a{2}', 'aa'))
  t.ok(matches('[\\h\\v]+', ' \n'), '\\h and \\v inside a class')
  t.ok(matches('\\H\\V', 'ab'))
  t.same(translateJavaRegex('[\\H]'), { ok: false, reason: 'Unsupported escape \\H inside a character class' })
  t.notOk(compileWholeValueRegex('a{').ok, 'a lone { is an error, as in Java')
  t.same(translateJavaRegex('[a[b]]'), { ok: false, reason: 'Unsupported character class union (nested [...])' })
  t.notOk(compileWholeValueRegex('\\p{InGreek}').ok)
  t.notOk(compileWholeValueRegex('a\\').ok)
  t.notOk(compileWholeValueRegex('(?x)a').ok)
  t.equal(wildcardToRegex('*fix?ture*'), '.*fix.ture.*')
})

// ---------------------------------------------------------------------------------------------
// Sorting

t.test('sorting', async (t) => {
  t.same(ids('_sortBy=title', SEED), [4, 2, 10, 5, 3, 6, 1, 8, 9, 7])
  t.same(ids('_sortBy=-id', SEED), range(1, 10).reverse())
  t.same(ids('_sortBy=+id', SEED), range(1, 10), 'a decoded + is a space, trimmed: ascending')
  t.same(ids('_sortBy=%2Bid', SEED), range(1, 10), 'an encoded + means ascending')
  t.same(ids('_sortBy=-title', SEED), [7, 9, 8, 1, 6, 3, 5, 10, 2, 4])
  t.same(all('_sortBy=doneStatus,-id'), [15, 14, 12, 10, 9, 8, 7, 6, 4, 3, 1, 13, 11, 5, 2], 'false before true')
  t.same(all('_sortBy=-doneStatus,id'), [2, 5, 11, 13, 1, 3, 4, 6, 7, 8, 9, 10, 12, 14, 15])
  t.same(all('_sortBy=doneStatus&_sortBy=-id'), all('_sortBy=doneStatus,-id'), 'multiple _sortBy params concatenate')
  t.same(all('_sortBy=title'), [11, 12, 13, 14, 4, 2, 10, 5, 3, 6, 1, 8, 9, 7, 15], 'code unit order')
  t.same(all('_sortBy=title,-id').slice(2, 4), [14, 13], 'second key breaks ties')
  t.same(all('_sortBy=title').slice(2, 4), [13, 14], 'stable: ties keep id order')
  t.same(all('_sortBy=description,title').slice(0, 8), [4, 10, 5, 3, 6, 1, 8, 9])
  t.same(all('_sortBy=bogus,-id'), range(1, 15).reverse(), 'unknown sort fields ignored')
  t.same(all('_sortBy=bogus'), range(1, 15))
  t.same(all('_sortBy= title , -id ').slice(2, 4), [14, 13], 'entries trimmed')
  t.same(all('_sortBy=,,-id,'), range(1, 15).reverse(), 'empty entries ignored')
  t.same(all('_sortBy=-%20id'), range(1, 15).reverse())
  t.same(all('_sortBy=ID'), range(1, 15), 'field names are case-sensitive')
  t.same(all('_SortBy=-id'), range(1, 15), 'parameter name is case-sensitive (an unknown filter)')
  t.same(all('_sortBy!=-id'), range(1, 15), '_sortBy with another operator is ignored')
  t.same(parse('_sortBy=title,bogus,-doneStatus').sortBy, [
    { field: 'title', descending: false }, { field: 'doneStatus', descending: true },
  ])
  t.same(sortTodos(SEED, []), SEED)
  t.not(sortTodos(SEED, []), SEED, 'a copy')
})

t.test('filter → sort → page', async (t) => {
  t.same(ids('doneStatus=false&_sortBy=-id&_limit=3&_offset=1'), [14, 12, 10])
  t.same(ids('_sortBy=-id&_limit=5&_offset=5', SEED), [5, 4, 3, 2, 1], 'GET_TODOS_PAGINATED_SORTED')
  t.same(ids('_sortBy=-id'), [15, 14, 13, 12, 11, 10, 9, 8, 7, 6], 'default page after sorting')
})

// ---------------------------------------------------------------------------------------------
// Paging (current)

t.test('current paging: default 10, max 20', async (t) => {
  t.same(ids(''), range(1, 10), 'default page of 10 even without paging params')
  t.same(ids('_limit=20'), range(1, 15))
  t.same(ids('_limit=8'), range(1, 8), 'GET_TODOS_PAGINATED_LIMIT')
  t.same(ids('_limit=5&_offset=5'), range(6, 10), 'GET_TODOS_PAGINATED_LIMIT_OFFSET')
  t.same(ids('_offset=10'), range(11, 15))
  t.same(ids('_offset=3'), range(4, 13), 'offset with the default limit')
  t.same(ids('_limit=0'), [], '_limit=0 → empty')
  t.same(ids('_offset=15'), [], 'offset at the end → empty')
  t.same(ids('_offset=99'), [], 'offset past the end → empty')
  t.same(ids('_limit=12&_offset=10'), [11, 12, 13, 14, 15], 'short last page')
  t.same(ids('_limit=%2B3'), [1, 2, 3], 'an explicit plus sign is an integer')
  t.same(ids('_limit=007'), range(1, 7))
  t.same(ids('_limit=3&_limit=5'), range(1, 5), 'the last _limit wins')

  const many: Todo[] = range(1, 30).map((id) => ({ id, title: `t${id}`, doneStatus: false, description: '' }))
  t.same(ids('_limit=21', many, currentPaging, false), range(1, 20), 'capped at 20 without rejection (HEAD, QUERY)')
  t.same(ids('_limit=2147483647', many, currentPaging, false), range(1, 20))
  t.same(ids('_limit=20', many), range(1, 20))

  const result = run('doneStatus=false&_limit=2&_offset=1')
  t.ok(result.ok)
  if (result.ok) t.equal(result.matched, 11, 'matched counts the filtered todos before paging')
})

t.test('GET rejects an integer _limit above 20', async (t) => {
  t.equal(error('_limit=21'), '_limit must be no more than 20')
  t.equal(error('_limit=50&doneStatus=maybe'), '_limit must be no more than 20', 'before filter errors')
  t.equal(error('_limit=21&_offset=x'), '_limit must be no more than 20', 'before paging errors')
  t.equal(error('_limit=25', []), '_limit must be no more than 20', 'whatever the data')
  t.equal(highLimitError(parse('_limit=21'), currentPaging), '_limit must be no more than 20')
  t.equal(highLimitError(parse('_limit=20'), currentPaging), undefined)
  t.equal(highLimitError(parse('_limit=abc'), currentPaging), undefined, 'not an integer')
  t.equal(highLimitError(parse('_limit>21'), currentPaging), undefined, 'not given with =')
  t.equal(highLimitError(parse('_limit=99999999999'), currentPaging), undefined, 'beyond int range: not an integer')
  t.equal(highLimitError(parse('_limit=21'), classicPaging), undefined)
  t.equal(highLimitError(parse(''), currentPaging), undefined)
  t.equal(error('_limit=99999999999'), '_limit must be a non-negative integer')
})

t.test('invalid _limit / _offset', async (t) => {
  const limitMessage = '_limit must be a non-negative integer'
  const offsetMessage = '_offset must be a non-negative integer'
  t.equal(error('_limit=-1'), limitMessage)
  t.equal(error('_limit=abc'), limitMessage)
  t.equal(error('_limit=2.5'), limitMessage)
  t.equal(error('_limit='), limitMessage)
  t.equal(error('_limit'), limitMessage)
  t.equal(error('_limit=+5'), limitMessage, 'a decoded + is a space')
  t.equal(error('_limit>5'), limitMessage, 'operators other than = are invalid')
  t.equal(error('_limit!=5'), limitMessage)
  t.equal(error('_limit=>5'), limitMessage, 'the leading operator after = counts')
  t.equal(error('_limit=abc&_limit=5'), limitMessage, 'every _limit part must be valid')
  t.equal(error('_offset=-3'), offsetMessage)
  t.equal(error('_offset=x'), offsetMessage)
  t.equal(error('_offset<1'), offsetMessage)
  t.equal(error('_offset=x&_limit=y'), limitMessage, '_limit is checked first')
  t.equal(error('_offset=x&doneStatus=maybe'), offsetMessage, 'paging errors before filter errors')
  t.same(pageWindow(parse('_limit=4&_offset=2'), currentPaging), { ok: true, limit: 4, offset: 2 })
  t.same(pageWindow(parse(''), currentPaging), { ok: true, limit: 10, offset: 0 })
  t.same(pageWindow(parse('_limit=30'), currentPaging), { ok: true, limit: 20, offset: 0 })
})

// ---------------------------------------------------------------------------------------------
// Paging (classic)

t.test('classic: no paging or sorting, filters still work', async (t) => {
  const twenty: Todo[] = range(1, 20).map((id) => ({ id, title: `t${id}`, doneStatus: id % 2 === 0, description: '' }))
  t.same(ids('', twenty, classicPaging), range(1, 20), 'every todo, no default page')
  t.same(ids('_limit=2', twenty, classicPaging), range(1, 20), '_limit ignored')
  t.same(ids('_limit=50', twenty, classicPaging), range(1, 20), 'no 400 for a high _limit')
  t.same(ids('_limit=abc&_offset=-1', twenty, classicPaging), range(1, 20), 'invalid paging params ignored')
  t.same(ids('_offset=5', twenty, classicPaging), range(1, 20))
  t.same(ids('_sortBy=-id', twenty, classicPaging), range(1, 20), '_sortBy ignored')
  t.same(ids('doneStatus=true', twenty, classicPaging), range(1, 10).map((n) => n * 2))
  t.same(ids('id=3', twenty, classicPaging), [3])
  t.same(ids('id%3E15', twenty, classicPaging), [16, 17, 18, 19, 20])
  t.same(ids('title=t7', twenty, classicPaging), [7])
  t.same(ids('priority=1', twenty, classicPaging), range(1, 20), 'unknown field ignored')
  t.same(ids('title=none', twenty, classicPaging), [])
  t.same(pageWindow(parse('_limit=x'), classicPaging), { ok: true, limit: undefined, offset: 0 })
})

t.test('filterTodos on its own', async (t) => {
  t.same(filterTodos(SEED, []), { ok: true, todos: [...SEED] })
  const r = filterTodos(MIXED, [{ field: 'id', operator: 'ge', value: '14' }])
  t.same(r.ok && r.todos.map((x) => x.id), [14, 15])
  t.same(filterTodos(SEED, [{ field: 'doneStatus', operator: 'eq', value: 'nope' }]), { ok: false, status: 400, message: 'nope is not boolean' })
})

t.test('a hand-built query (e.g. from a structured QUERY body)', async (t) => {
  const q: ParsedTodoQuery = {
    ...emptyTodoQuery(),
    conditions: [{ field: 'title', operator: 'contains', value: 'pay' }],
    sortBy: [{ field: 'id', descending: true }],
    limit: 2,
  }
  const r = applyTodoQuery(MIXED, q, currentPaging, { rejectHighLimit: false })
  t.same(r.ok && r.todos.map((x) => x.id), [6, 5], 'payroll contains pay too')
  const capped = applyTodoQuery(MIXED, { ...emptyTodoQuery(), limit: 50 }, currentPaging, { rejectHighLimit: false })
  t.same(capped.ok && capped.todos.length, 15)
})
