import type { IncomingMessage } from 'node:http'

/** where the method on the wire is kept once an override replaced it */
export const WIRE_METHOD = Symbol('wireMethod')

type OverridableRequest = IncomingMessage & { [WIRE_METHOD]?: string }

/** the only resources whose challenges use the override: /heartbeat and the todo routes */
const OVERRIDABLE_PATH = /^\/(?:api\/)?(?:heartbeat|todos)(?:[/?]|$)/
const OVERRIDE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY', 'OPTIONS'])

/**
 * X-HTTP-Method-Override on a POST routes the request as the named method. Only POST is
 * overridable, so a GET can never turn into a write; the write guard sees the routed method.
 */
export function applyMethodOverride(request: IncomingMessage): void {
  if (request.method !== 'POST') return
  const header = request.headers['x-http-method-override']
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toUpperCase()
  if (!value || !OVERRIDE_METHODS.has(value) || !OVERRIDABLE_PATH.test(request.url ?? '')) return
  const overridden = request as OverridableRequest
  overridden[WIRE_METHOD] = request.method
  request.method = value
}

export function wireMethodOf(request: IncomingMessage): string {
  return (request as OverridableRequest)[WIRE_METHOD] ?? request.method ?? ''
}
