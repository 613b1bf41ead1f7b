import { applyPatch } from 'rfc6902'
import type { Todo } from '../db/todos-repository.js'
import type { TodoWriteRules } from './todo-writes.js'
import { validateAmend, validateReplace } from './todo-writes.js'
import { isStructuredTodoXml } from './accept.js'
import { ApiError } from './errors.js'
import { mediaTypeOf } from './todo-requests.js'

export const ACCEPT_PATCH = 'application/json, application/merge-patch+json, application/json-patch+json'

type PatchStyle = 'partial' | 'merge' | 'json-patch'

const STYLES: Readonly<Record<string, PatchStyle>> = {
  'application/json': 'partial',
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json-patch',
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parse(raw: string, malformedMessage: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new ApiError(400, malformedMessage)
  }
}

/** PATCH Content-Type → style; XML and a missing type are refused with the Accept-Patch hint */
export function patchStyleOf(contentType: string | undefined): PatchStyle {
  const media = mediaTypeOf(contentType)
  const style = media === undefined ? undefined : STYLES[media]
  if (style) return style
  const knownBodyType = media === undefined || media === 'application/xml' || media === 'text/xml' || isStructuredTodoXml(media)
  if (knownBodyType) throw new ApiError(415, 'Unsupported PATCH Content Type', { 'accept-patch': ACCEPT_PATCH })
  throw new ApiError(415, `Unsupported Content Type - ${contentType!.trim().toLowerCase()}`)
}

/** RFC 7396: null removes a member, objects merge recursively, anything else replaces */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    else result[key] = mergePatch(result[key], value)
  }
  return result
}

function todoDocument(todo: Todo): Record<string, unknown> {
  return { id: todo.id, title: todo.title, doneStatus: todo.doneStatus, description: todo.description }
}

function replacement(rules: TodoWriteRules, existing: Todo, urlId: string, document: unknown): Todo {
  if (!isObject(document)) throw new ApiError(422, 'PATCH result for entity resources must be an object')
  const outcome = validateReplace(rules, existing, urlId, document)
  if (!outcome.ok) throw new ApiError(outcome.error.status, outcome.error.messages)
  return outcome.value
}

/** the patched todo, or an ApiError with the reference's status and message for each style */
export function patchTodo(rules: TodoWriteRules, existing: Todo | undefined, urlId: string, contentType: string | undefined, rawBody: string): Todo {
  const style = patchStyleOf(contentType)
  if (style === 'partial') {
    const document = rawBody.trim() === '' ? {} : parse(rawBody, 'Malformed JSON document')
    if (!isObject(document)) throw new ApiError(400, 'PATCH partial JSON update document must be an object')
    const outcome = validateAmend(rules, existing, urlId, document)
    if (!outcome.ok) throw new ApiError(outcome.error.status, outcome.error.messages)
    return outcome.value
  }
  if (!existing) throw new ApiError(404, `No such todo entity instance with id == ${urlId} found`)
  if (style === 'merge') {
    const document = parse(rawBody, 'Malformed JSON Merge Patch document')
    if (!isObject(document)) throw new ApiError(422, 'JSON Merge Patch for entity resources must be an object')
    return replacement(rules, existing, urlId, mergePatch(todoDocument(existing), document))
  }
  const operations = parse(rawBody, 'Malformed JSON Patch document')
  if (!Array.isArray(operations)) throw new ApiError(400, 'JSON Patch document must be an array of operations')
  // applyPatch works on the value it is given; the wrapper lets a whole-document replace ('' path) land too
  const holder = { document: todoDocument(existing) as unknown }
  const prefixed = operations.map((operation: unknown) => prefixPaths(operation))
  let failed: boolean
  try {
    failed = prefixed.some((operation) => operation === undefined) || applyPatch(holder, prefixed as never).some((error) => error !== null)
  } catch {
    failed = true
  }
  if (failed) throw new ApiError(409, 'JSON Patch could not be applied')
  return replacement(rules, existing, urlId, holder.document)
}

/** rewrites an operation's pointers to address the holder's `document` member; undefined when malformed */
function prefixPaths(operation: unknown): unknown {
  if (!isObject(operation) || typeof operation.op !== 'string' || typeof operation.path !== 'string') return undefined
  const moved: Record<string, unknown> = { ...operation, path: `/document${operation.path}` }
  if (typeof operation.from === 'string') moved.from = `/document${operation.from}`
  return moved
}
