import type { Todo } from '../db/todos-repository.js'

export const MAX_TODOS = 20
const TODO_FIELDS = new Set(['id', 'title', 'doneStatus', 'description'])

export type ParsedDatabase = { ok: true; todos: Todo[] } | { ok: false; message: string }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toId(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined
}

function toBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return false
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase())) return value.toLowerCase() === 'true'
  return undefined
}

function parseTodo(item: Record<string, unknown>): Todo | string {
  const unknown = Object.keys(item).find((key) => !TODO_FIELDS.has(key))
  if (unknown !== undefined) return `ERROR: Unknown property ${unknown} for todo`
  const id = toId(item.id)
  if (id === undefined) return 'ERROR: every todo needs an id that is a positive whole number'
  if (typeof item.title !== 'string' || item.title.trim() === '') return `Failed Validation: title : field is mandatory (todo ${id})`
  if (item.title.length > 50) return 'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50'
  const description = item.description ?? ''
  if (typeof description !== 'string') return `Failed Validation: description should be a string (todo ${id})`
  if (description.length > 200) return 'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200'
  const doneStatus = toBoolean(item.doneStatus)
  if (doneStatus === undefined) return `Failed Validation: doneStatus should be BOOLEAN (todo ${id})`
  return { id, title: item.title, doneStatus, description }
}

/** validates a whole PUT /challenger/database/{guid} document before anything is written */
export function parseTodoDatabase(body: unknown): ParsedDatabase {
  if (!isObject(body)) return { ok: false, message: 'ERROR: Data is not an object of instantiated entities' }
  const todos: Todo[] = []
  for (const [entity, value] of Object.entries(body)) {
    if (entity !== 'todos') return { ok: false, message: `ERROR: Unknown entity found: ${entity}` }
    if (!Array.isArray(value)) return { ok: false, message: `ERROR: Expected array of instances as ${entity} value` }
    for (const item of value) {
      if (!isObject(item)) return { ok: false, message: 'ERROR: Expected array of todos to contain objects' }
      const parsed = parseTodo(item)
      if (typeof parsed === 'string') return { ok: false, message: parsed }
      if (todos.some((todo) => todo.id === parsed.id)) return { ok: false, message: `ERROR: duplicate todo id ${parsed.id}` }
      if (todos.length === MAX_TODOS) return { ok: false, message: `ERROR: Cannot add instance, maximum limit of ${MAX_TODOS} reached` }
      todos.push(parsed)
    }
  }
  return { ok: true, todos }
}

/** GET /challenger/database/{guid} body */
export function renderTodoDatabase(todos: readonly Todo[]): string {
  return JSON.stringify({ todos: todos.map(({ id, title, doneStatus, description }) => ({ id, title, doneStatus, description })) })
}
