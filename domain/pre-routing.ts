import type { IncomingMessage } from 'node:http'

/**
 * Adjustments made to the raw request before Fastify routes and parses it. Fastify's only hook at
 * that point is `rewriteUrl`, so app.ts calls `prepareRequest` from there.
 */

const WIRE_METHOD = Symbol('wireMethod')
const WIRE_CONTENT_TYPE = Symbol('wireContentType')

type PreparedRequest = IncomingMessage & { [WIRE_METHOD]?: string; [WIRE_CONTENT_TYPE]?: string | null }

/** the only resources whose challenges use the override: /heartbeat and the todo routes */
const OVERRIDABLE_PATH = /^\/(?:api\/)?(?:heartbeat|todos)(?:[/?]|$)/
// not HEAD: Node has already decided the response to a POST carries a body, so a HEAD answer would leave the client waiting
const OVERRIDE_METHODS = new Set(['GET', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY', 'OPTIONS'])
/** what Fastify's parser sees instead of a Content-Type it would refuse on its own terms */
const PLACEHOLDER_TYPE = 'application/octet-stream'
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+\s*(;.*)?$/i

/**
 * X-HTTP-Method-Override on a POST routes the request as the named method. Only POST is
 * overridable, so a GET can never turn into a write; the write guard sees the routed method.
 */
function applyMethodOverride(request: PreparedRequest): void {
  if (request.method !== 'POST') return
  const header = request.headers['x-http-method-override']
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toUpperCase()
  if (!value || !OVERRIDE_METHODS.has(value) || !OVERRIDABLE_PATH.test(request.url ?? '')) return
  request[WIRE_METHOD] = request.method
  request.method = value
}

/**
 * Fastify answers a malformed Content-Type (415) and a QUERY without one (400) before any route
 * runs, with its own texts. The reference checks these later (after 401/406/413) with its own
 * messages, so the header is hidden from Fastify here and handed back by `restoreContentType`.
 */
function shieldContentType(request: PreparedRequest): void {
  const header = request.headers['content-type']
  const missingOnQuery = header === undefined && request.method === 'QUERY'
  const malformed = header !== undefined && !MEDIA_TYPE.test(header.trim())
  if (!missingOnQuery && !malformed) return
  request[WIRE_CONTENT_TYPE] = header ?? null
  request.headers['content-type'] = PLACEHOLDER_TYPE
}

export function prepareRequest(request: IncomingMessage): void {
  applyMethodOverride(request)
  shieldContentType(request)
}

/** puts back the Content-Type the client sent, once Fastify has read the body */
export function restoreContentType(request: IncomingMessage): void {
  const prepared = request as PreparedRequest
  if (!(WIRE_CONTENT_TYPE in prepared)) return
  const original = prepared[WIRE_CONTENT_TYPE]
  if (original === null || original === undefined) delete request.headers['content-type']
  else request.headers['content-type'] = original
}

export function wireMethodOf(request: IncomingMessage): string {
  return (request as PreparedRequest)[WIRE_METHOD] ?? request.method ?? ''
}
