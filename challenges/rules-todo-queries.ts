import type { Todo } from '../db/todos-repository.js'
import { parseTodoQuery, type Condition, type ParsedTodoQuery } from '../domain/todo-query.js'
import { atResources, onlyFor, tagged, responseRule, type CompletionRule, type ResponseFacts, type RuleContext } from './rule-types.js'

/** the paths (first segment) this file's challenges are about */
const TODO_QUERY_RESOURCES = ['todos']

type Ctx = RuleContext & { response: ResponseFacts }
const TODO_FIELDS = new Set(['id', 'title', 'doneStatus', 'description'])

// several rules read the same request's query and response body: each is parsed once per request
const parsedQueries = new WeakMap<RuleContext['request'], ParsedTodoQuery | undefined>()
const listings = new WeakMap<ResponseFacts, Todo[] | undefined>()

function urlQuery(ctx: RuleContext): ParsedTodoQuery | undefined {
  if (parsedQueries.has(ctx.request)) return parsedQueries.get(ctx.request)
  const parsed = parseTodoQuery(ctx.request.rawQuery)
  const query = parsed.ok ? parsed.query : undefined
  parsedQueries.set(ctx.request, query)
  return query
}

/** the todos a JSON response listed; undefined for other representations */
function listed(ctx: Ctx): Todo[] | undefined {
  if (listings.has(ctx.response)) return listings.get(ctx.response)
  let todos: Todo[] | undefined
  try {
    const body = JSON.parse(ctx.response.body) as { todos?: Todo[] }
    todos = Array.isArray(body.todos) ? body.todos : undefined
  } catch {
    todos = undefined
  }
  listings.set(ctx.response, todos)
  return todos
}

const getTodos = (ctx: RuleContext) => ctx.request.method === 'GET' && ctx.request.path === 'todos'
const ok = (ctx: Ctx) => ctx.response.status === 200
const fieldConditions = (query: ParsedTodoQuery) => query.conditions.filter((c) => TODO_FIELDS.has(c.field))
const hasDoneAndNotDone = (ctx: RuleContext) => { const todos = ctx.todos(); return todos.some((t) => t.doneStatus) && todos.some((t) => !t.doneStatus) }
const param = (ctx: RuleContext, name: string) => ctx.request.query.getAll(name)

/** GET /todos answered 200, with its URL query and JSON listing */
function getListing(check: (query: ParsedTodoQuery, shown: Todo[], ctx: Ctx) => boolean) {
  // every listing challenge names a filter, sort or page in the URL: a bare GET /todos passes none of them
  return tagged({ methods: ['GET'], query: 'some' }, (ctx: Ctx) => {
    if (!getTodos(ctx) || !ok(ctx) || ctx.request.rawQuery === '') return false
    const query = urlQuery(ctx)
    const shown = listed(ctx)
    return query !== undefined && shown !== undefined && check(query, shown, ctx)
  })
}

function onlyCondition(query: ParsedTodoQuery, field: string, operators: readonly Condition['operator'][]): Condition | undefined {
  return fieldConditions(query).find((c) => c.field === field && operators.includes(c.operator))
}

function idFilter(operators: readonly Condition['operator'][], side: (id: number, value: number) => boolean) {
  return getListing((query, shown, ctx) => {
    const condition = onlyCondition(query, 'id', operators)
    if (!condition) return false
    const value = Number(condition.value)
    return shown.length > 0 && shown.length < ctx.todos().length && shown.every((t) => side(t.id, value))
  })
}

function descriptionFilter(operator: Condition['operator']) {
  return getListing((query, shown) => onlyCondition(query, 'description', [operator]) !== undefined &&
    shown.length > 0 && shown.every((t) => t.description !== ''))
}

function sortedBy(check: (fields: string[]) => boolean) {
  return getListing((query) => {
    const fields = query.sortParams.flatMap((value) => value.split(',')).map((f) => f.trim()).filter(Boolean)
    return fields.length > 0 && fields.every((f) => TODO_FIELDS.has(f.replace(/^[-+]/, ''))) && check(fields)
  })
}

const pageSize = (total: number, limit: number, offset: number) => Math.max(0, Math.min(limit, total - offset))

/** a QUERY /todos of the given body type, 200, whose result is every done todo while done and not-done both exist */
function queryFilteredDone(contentType: string, bodyCheck: (body: string) => boolean) {
  return onlyFor(['QUERY'], (ctx: Ctx) => {
    if (ctx.request.method !== 'QUERY' || ctx.request.path !== 'todos' || !ok(ctx)) return false
    const type = (ctx.request.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
    const shown = listed(ctx)
    return type === contentType && bodyCheck(ctx.request.rawBody) && hasDoneAndNotDone(ctx) &&
      shown !== undefined && shown.length > 0 && shown.every((t) => t.doneStatus)
  })
}

/** the filter, sort, paging and QUERY challenges (sessions.md §6.4) */
export const todoQueryRules: readonly CompletionRule[] = atResources(TODO_QUERY_RESOURCES, [
  responseRule('GET_TODOS_FILTERED_ID_GREATER_THAN', idFilter(['gt'], (id, value) => id > value)),
  responseRule('GET_TODOS_FILTERED_ID_LESS_THAN', idFilter(['lt'], (id, value) => id < value)),
  responseRule('GET_TODOS_FILTERED_ID_SINGLE_RESULT', getListing((query, shown, ctx) => {
    const condition = onlyCondition(query, 'id', ['eq'])
    return condition !== undefined && ctx.todos().length > 1 && shown.length === 1 && String(shown[0]!.id) === condition.value
  })),
  responseRule('GET_TODOS_FILTERED_DESCRIPTION_REGEX', descriptionFilter('regex')),
  responseRule('GET_TODOS_FILTERED_DESCRIPTION_WILDCARD', descriptionFilter('wildcard')),
  responseRule('GET_TODOS_SORTED_ASCENDING', sortedBy((fields) => fields.length === 1 && !fields[0]!.startsWith('-'))),
  responseRule('GET_TODOS_SORTED_DESCENDING', sortedBy((fields) => fields.length === 1 && fields[0]!.startsWith('-'))),
  responseRule('GET_TODOS_SORTED_MULTIPLE_FIELDS', sortedBy((fields) => fields.length >= 2)),
  responseRule('GET_TODOS_FILTERED_AND_SORTED', getListing((query) => fieldConditions(query).length > 0 && query.sortBy.length > 0)),
  responseRule('GET_TODOS_PAGINATED_LIMIT', getListing((_query, shown, ctx) =>
    param(ctx, '_limit').join() === '8' && shown.length === Math.min(8, ctx.todos().length))),
  responseRule('GET_TODOS_PAGINATED_LIMIT_OFFSET', getListing((query, shown, ctx) =>
    param(ctx, '_limit').join() === '5' && param(ctx, '_offset').join() === '5' && fieldConditions(query).length === 0 &&
    shown.length === pageSize(ctx.todos().length, 5, 5))),
  responseRule('GET_TODOS_PAGINATED_LIMIT_TOO_HIGH', onlyFor(['GET'], (ctx: Ctx) => getTodos(ctx) && ctx.response.status === 400 &&
    ctx.response.body.includes('_limit must be no more than 20'))),
  responseRule('GET_TODOS_PAGINATED_SORTED', getListing((_query, shown, ctx) =>
    param(ctx, '_sortBy').join() === '-id' && param(ctx, '_limit').join() === '5' && param(ctx, '_offset').join() === '5' &&
    shown.length === pageSize(ctx.todos().length, 5, 5) && shown.every((t, i) => i === 0 || shown[i - 1]!.id > t.id))),
  responseRule('GET_TODOS_PAGINATED_FILTERED', getListing((_query, shown, ctx) =>
    param(ctx, 'doneStatus').join() === 'false' && param(ctx, '_limit').join() === '2' && param(ctx, '_offset').join() === '1' &&
    shown.length === pageSize(ctx.todos().filter((t) => !t.doneStatus).length, 2, 1) && shown.every((t) => !t.doneStatus))),

  responseRule('QUERY_TODOS_FILTERED', queryFilteredDone('application/x-www-form-urlencoded',
    (body) => new URLSearchParams(body).get('doneStatus') === 'true')),
  responseRule('QUERY_TODOS_JSONPATH_FILTERED', queryFilteredDone('application/jsonpath',
    (body) => body.includes('doneStatus') && body.includes('true'))),
  responseRule('QUERY_TODOS_STRUCTURED_JSON_FILTERED', queryFilteredDone('application/vnd.thingifier.query+json', (body) => {
    try {
      const document = JSON.parse(body) as { filter?: { doneStatus?: unknown } }
      return document.filter?.doneStatus === true
    } catch {
      return false
    }
  })),
])

