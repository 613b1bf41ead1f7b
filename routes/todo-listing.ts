import type { FastifyRequest } from 'fastify'
import type { TodoApiProfile } from '../challenges/sets.js'
import type { Todo } from '../db/todos-repository.js'
import { ApiError } from '../domain/errors.js'
import { rawQueryOf } from '../domain/api-paths.js'
import { applyTodoQuery, highLimitError, LIMIT_TOO_HIGH_MESSAGE, parseTodoQuery, type ParsedTodoQuery } from '../domain/todo-query.js'

/** the URL's filters, sort and paging (400 when they cannot be read) */
export function urlQueryOf(request: FastifyRequest): ParsedTodoQuery {
  const parsed = parseTodoQuery(rawQueryOf(request.url))
  if (!parsed.ok) throw new ApiError(parsed.status, parsed.message)
  return parsed.query
}

/** GET's own rule: an integer _limit over the maximum is refused before anything else is looked at */
export function rejectHighLimit(query: ParsedTodoQuery, profile: TodoApiProfile): void {
  const message = highLimitError(query, profile.paging)
  if (message) throw new ApiError(400, message)
}

/** filter → sort → page, with the set's paging policy */
export function selectTodos(todos: readonly Todo[], query: ParsedTodoQuery, profile: TodoApiProfile, rejectHigh: boolean): Todo[] {
  const result = applyTodoQuery(todos, query, profile.paging, { rejectHighLimit: rejectHigh })
  // a filter that cannot be evaluated failed outside the reference's engine checks
  if (!result.ok) throw new ApiError(result.status, result.message, {}, result.message !== LIMIT_TOO_HIGH_MESSAGE)
  return result.todos
}
