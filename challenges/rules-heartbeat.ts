import { atResources, requestRule, responseRule, type CompletionRule, type RequestFacts } from './rule-types.js'

/** the paths (first segment) this file's challenges are about */
const HEARTBEAT_RESOURCES = ['heartbeat']

const HEARTBEAT = 'heartbeat'

/** the X-HTTP-Method-Override value, lower-cased, when the request is for /heartbeat */
function heartbeatOverride(request: RequestFacts): string | undefined {
  if (request.path !== HEARTBEAT) return undefined
  return request.header('x-http-method-override')?.trim().toLowerCase()
}

/** a method sent on the wire to /heartbeat; an override never counts as the method itself (classic.md S5) */
function wireHeartbeat(method: string) {
  return ({ request }: { request: RequestFacts }) => request.path === HEARTBEAT && request.realMethod === method
}

/**
 * Heartbeat challenges (sessions.md §6.4, classic.md §4). All but the 431 are credited before the
 * handler runs, whatever status the request then gets.
 */
export const heartbeatRules: readonly CompletionRule[] = atResources(HEARTBEAT_RESOURCES, [
  requestRule('DELETE_HEARTBEAT_405', wireHeartbeat('DELETE')),
  requestRule('PATCH_HEARTBEAT_500', wireHeartbeat('PATCH')),
  requestRule('TRACE_HEARTBEAT_501', wireHeartbeat('TRACE')),
  requestRule('GET_HEARTBEAT_204', wireHeartbeat('GET')),

  // the 431 reply is sent before the request rules run; it is credited to the session the first
  // 36 characters of the header name (the reply's X-CHALLENGER), and only for a GET
  responseRule('X_CHALLENGER_TOO_LONG_431', ({ request, response }) =>
    request.path === HEARTBEAT && request.realMethod === 'GET' && response.status === 431),

  // current: the header alone counts, whatever the real method
  requestRule('OVERRIDE_DELETE_HEARTBEAT_405', ({ request }) => heartbeatOverride(request) === 'delete'),
  requestRule('OVERRIDE_PATCH_HEARTBEAT_500', ({ request }) => heartbeatOverride(request) === 'patch'),
  requestRule('OVERRIDE_TRACE_HEARTBEAT_501', ({ request }) => heartbeatOverride(request) === 'trace'),
])

/** classic: the override challenges need a real POST (classic.md S5: GET/PUT + override credit nothing) */
function postedOverride(request: RequestFacts): string | undefined {
  return request.realMethod === 'POST' ? heartbeatOverride(request) : undefined
}

/** classic-set replacements for rules above whose trigger differed (classic.md §4) */
export const heartbeatClassicOverrides: readonly CompletionRule[] = atResources(HEARTBEAT_RESOURCES, [
  requestRule('OVERRIDE_DELETE_HEARTBEAT_405', ({ request }) => postedOverride(request) === 'delete'),
  requestRule('OVERRIDE_PATCH_HEARTBEAT_500', ({ request }) => postedOverride(request) === 'patch'),
  requestRule('OVERRIDE_TRACE_HEARTBEAT_501', ({ request }) => postedOverride(request) === 'trace'),
])
