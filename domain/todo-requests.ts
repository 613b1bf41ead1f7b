import type { TodoApiProfile } from '../challenges/sets.js'
import { isStructuredTodoXml } from './accept.js'
import { ApiError } from './errors.js'
import { INVALID_JSON_MESSAGE } from './json-body.js'
import { parseXmlBody } from './xml-body.js'

/** the API's own body limit, counted in characters as the reference does */
export const MAX_BODY_CHARACTERS = 5000
const TODO_XML_ROOTS = ['todo', 'todos']

export type BodyKind = 'json' | 'xml' | 'missing' | 'unsupported'

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const media = contentType?.split(';', 1)[0]!.trim().toLowerCase()
  return media ? media : undefined
}

export function classifyBody(contentType: string | undefined, profile: TodoApiProfile): BodyKind {
  const media = mediaTypeOf(contentType)
  if (media === undefined) return 'missing'
  if (media === 'application/json') return 'json'
  if (media === 'application/xml' || media === 'text/xml') return 'xml'
  if (profile.acceptsStructuredXmlBodies && isStructuredTodoXml(media)) return 'xml'
  return 'unsupported'
}

export function checkBodySize(rawBody: string, profile: TodoApiProfile): void {
  if (rawBody.length > MAX_BODY_CHARACTERS) throw new ApiError(413, profile.bodyTooLargeMessage)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** POST/PUT body: 415 for an unsupported type, 400 for a missing type or bad syntax */
export function parseTodoBody(rawBody: string, contentType: string | undefined, profile: TodoApiProfile): Record<string, unknown> {
  const kind = classifyBody(contentType, profile)
  if (kind === 'unsupported') throw new ApiError(415, `Unsupported Content Type - ${contentType!.trim().toLowerCase()}`)
  if (kind === 'missing') throw new ApiError(400, 'Unknown content Type: API cannot parse ')
  if (kind === 'xml') {
    if (rawBody.trim() === '' || (profile.textXmlBodyIsEmpty && !rawBody.trim().startsWith('<'))) return {}
    const parsed = parseXmlBody(rawBody, TODO_XML_ROOTS)
    if (!parsed.ok) throw new ApiError(400, parsed.message)
    return parsed.value
  }
  if (rawBody.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(rawBody)
  } catch {
    throw new ApiError(400, INVALID_JSON_MESSAGE)
  }
  if (!isObject(value)) throw new ApiError(400, profile.nonObjectJsonMessage)
  return value
}
