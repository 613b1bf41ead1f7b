import type { Todo } from '../db/todos-repository.js'
import { ApiError } from './errors.js'

/** a compiled `application/vnd.thingifier.query+json` body (todos.md §8) */
export interface StructuredQuery {
  matches(todo: Todo): boolean
  sort: { field: keyof Todo; descending: boolean }[]
  limit: number | undefined
  offset: number | undefined
}

type FieldKind = 'integer' | 'boolean' | 'text'
const FIELDS: Readonly<Record<keyof Todo, FieldKind>> = { id: 'integer', title: 'text', doneStatus: 'boolean', description: 'text' }
const TOP_LEVEL_KEYS = new Set(['filter', 'sort', 'limit', 'offset'])

const unprocessable = (message: string) => new ApiError(422, message)

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fitsKind(kind: FieldKind, value: unknown): boolean {
  if (kind === 'integer') return typeof value === 'number' && Number.isInteger(value)
  if (kind === 'boolean') return typeof value === 'boolean'
  return typeof value === 'string'
}

function isField(name: string): name is keyof Todo {
  return Object.hasOwn(FIELDS, name)
}

type Predicate = (todo: Todo) => boolean

function operatorPredicate(field: keyof Todo, operator: string, value: unknown): Predicate {
  const kind = FIELDS[field]
  if (operator === 'contains') {
    if (kind !== 'text' || typeof value !== 'string') throw unprocessable(`contains is only supported for text field ${field}`)
    return (todo) => String(todo[field]).includes(value)
  }
  if (operator === 'greaterThan' || operator === 'lessThan') {
    if (kind !== 'integer' || !fitsKind('integer', value)) throw unprocessable(`${operator} is only supported for numeric field ${field}`)
    const limit = value as number
    return operator === 'greaterThan' ? (todo) => (todo[field] as number) > limit : (todo) => (todo[field] as number) < limit
  }
  throw unprocessable(`Unsupported query operator ${operator} for field ${field}`)
}

function fieldPredicates(field: string, condition: unknown): Predicate[] {
  if (!isField(field)) throw unprocessable(`Unknown query filter field ${field}`)
  if (isObject(condition)) {
    const operators = Object.entries(condition)
    if (operators.length === 0) throw unprocessable(`Filter operators for field ${field} are required`)
    return operators.map(([operator, value]) => operatorPredicate(field, operator, value))
  }
  if (!fitsKind(FIELDS[field], condition)) throw unprocessable(`Invalid exact match value for field ${field}`)
  return [(todo) => todo[field] === condition]
}

function compileSort(sort: unknown): StructuredQuery['sort'] {
  if (sort === undefined) return []
  if (!Array.isArray(sort)) throw unprocessable('sort must be an array')
  return sort.map((entry: unknown) => {
    if (!isObject(entry)) throw unprocessable('sort entries must be objects')
    const unknown = Object.keys(entry).find((key) => key !== 'field' && key !== 'direction')
    if (unknown !== undefined) throw unprocessable(`Unknown sort field ${unknown}`)
    if (typeof entry.field !== 'string') throw unprocessable('sort field must be a string')
    const direction = entry.direction ?? 'asc'
    if (direction !== 'asc' && direction !== 'desc') throw unprocessable('sort direction must be asc or desc')
    if (!isField(entry.field)) throw unprocessable(`Field ${entry.field} can not be sorted`)
    return { field: entry.field, descending: direction === 'desc' }
  })
}

function count(name: 'limit' | 'offset', value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw unprocessable(`${name} must be a non-negative integer`)
  return value
}

/** compiles the body; 400 when it is not strict JSON, 422 with the reference's texts for every semantic error */
export function compileStructuredQuery(rawBody: string): StructuredQuery {
  let document: unknown
  try {
    document = JSON.parse(rawBody)
  } catch {
    throw new ApiError(400, 'Malformed JSON query body')
  }
  if (!isObject(document)) throw unprocessable('Structured JSON query body must be an object')
  const unknownKey = Object.keys(document).find((key) => !TOP_LEVEL_KEYS.has(key))
  if (unknownKey !== undefined) throw unprocessable(`Unknown structured query field ${unknownKey}`)
  const filter = document.filter ?? {}
  if (!isObject(filter)) throw unprocessable('filter must be an object')
  const predicates = Object.entries(filter).flatMap(([field, condition]) => fieldPredicates(field, condition))
  return {
    matches: (todo) => predicates.every((predicate) => predicate(todo)),
    sort: compileSort(document.sort),
    limit: count('limit', document.limit),
    offset: count('offset', document.offset),
  }
}
