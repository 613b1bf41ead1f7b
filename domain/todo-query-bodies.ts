import type { Todo } from '../db/todos-repository.js'
import { ApiError } from './errors.js'
import { mediaTypeOf } from './todo-requests.js'
import { emptyTodoQuery, filterTodos, mergeQueries, parseTodoQuery, sortTodos, type ParsedTodoQuery, type PagingPolicy, pageWindow } from './todo-query.js'
import { selectWithJsonPath } from './todo-jsonpath.js'
import { compileStructuredQuery } from './todo-structured-query.js'

export const ACCEPT_QUERY = 'application/x-www-form-urlencoded, application/jsonpath, application/vnd.thingifier.query+json'

type QueryBodyType = 'form' | 'jsonpath' | 'structured'
const BODY_TYPES: Readonly<Record<string, QueryBodyType>> = {
  'application/x-www-form-urlencoded': 'form',
  'application/jsonpath': 'jsonpath',
  'application/vnd.thingifier.query+json': 'structured',
}

/** the QUERY body's type: 400 without a Content-Type, 415 (with the supported list in Accept) for others */
export function queryBodyType(contentType: string | undefined): QueryBodyType {
  const media = mediaTypeOf(contentType)
  if (media === undefined) throw new ApiError(400, 'Missing Content-Type for QUERY request')
  const type = BODY_TYPES[media]
  if (!type) throw new ApiError(415, `Unsupported QUERY Content Type - ${contentType!.trim().toLowerCase()}`, { accept: ACCEPT_QUERY })
  return type
}

export interface QueryTools {
  /** filter → sort → page of the given todos with the set's paging (QUERY never rejects large limits) */
  select(todos: readonly Todo[], query: ParsedTodoQuery): Todo[]
  paging: PagingPolicy
}

/** QUERY /todos: the URL query combined with the body, in the way each body type defines */
export function runQuery(todos: readonly Todo[], urlQuery: ParsedTodoQuery, contentType: string | undefined, rawBody: string, tools: QueryTools): Todo[] {
  const type = queryBodyType(contentType)
  if (type === 'form') {
    const parsed = parseTodoQuery(rawBody, { form: true })
    if (!parsed.ok) throw new ApiError(parsed.status, parsed.message)
    return tools.select(todos, mergeQueries(urlQuery, parsed.query))
  }
  if (type === 'jsonpath') return selectWithJsonPath(rawBody, tools.select(todos, urlQuery))
  const structured = compileStructuredQuery(rawBody)
  const urlFiltered = filterTodos(todos, urlQuery.conditions)
  if (!urlFiltered.ok) throw new ApiError(urlFiltered.status, urlFiltered.message)
  const filtered = urlFiltered.todos.filter(structured.matches)
  const sorted = sortTodos(filtered, [...urlQuery.sortBy, ...structured.sort])
  const window = pageWindow({ ...emptyTodoQuery(), limit: structured.limit ?? urlQuery.limit, offset: structured.offset ?? urlQuery.offset }, tools.paging)
  if (!window.ok) throw new ApiError(window.status, window.message)
  return sorted.slice(window.offset, window.limit === undefined ? undefined : window.offset + window.limit)
}
