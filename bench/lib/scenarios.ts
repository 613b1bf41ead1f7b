// The benchmark scenarios. Each one builds the autocannon request list for a target (ours or the
// baseline); the same list runs against both, so the only difference is the server answering it.
import type autocannon from 'autocannon'

export interface ScenarioSetup {
  /** X-CHALLENGER values the connections take turns with (real sessions on ours, dummies on the baseline) */
  guids: readonly string[]
  connections: number
}

export interface Scenario {
  name: string
  description: string
  /** how many sessions to create on our server before measuring (0: none) */
  sessions(connections: number): number
  requests(setup: ScenarioSetup): autocannon.RequestSpec[]
  /** status codes that count as a correct answer; anything else is reported */
  expected: readonly number[]
  /** connections for this scenario, when not the run's default */
  connections?: number
}

type Ctx = autocannon.Context

/** hands each connection's request sequence the next GUID of the pool, in turn */
function guidPicker(guids: readonly string[]) {
  let next = 0
  return (context: Ctx): string => {
    if (typeof context.guid !== 'string') context.guid = guids[next++ % guids.length]
    return context.guid as string
  }
}

function withHeaders(request: autocannon.RawRequest, headers: Record<string, string>): autocannon.RawRequest {
  return { ...request, headers: { ...request.headers, ...headers } }
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' }

function idFromLocation(headers: Record<string, string>): string | undefined {
  const location = headers.location ?? headers.Location
  const match = /\/todos\/(\d+)$/.exec(typeof location === 'string' ? location : '')
  return match?.[1]
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : value
  }
  return undefined
}

export const postChallenger: Scenario = {
  name: 'post-challenger',
  description: 'POST /challenger without X-CHALLENGER: every request creates a session (multi-user)',
  sessions: () => 0,
  expected: [201],
  requests: () => [{ method: 'POST', path: '/challenger' }],
}

/** one GET of `path` per request, each connection with its own session (and these extra headers) */
function sessionGet(name: string, description: string, path: string, headers: Record<string, string> = {}): Scenario {
  return {
    name,
    description,
    sessions: (connections) => connections,
    expected: [200],
    requests: ({ guids }) => {
      const pick = guidPicker(guids)
      return [{ method: 'GET', path, setupRequest: (request, context) => withHeaders(request, { ...headers, 'x-challenger': pick(context) }) }]
    },
  }
}

export const getTodos = sessionGet('get-todos', 'GET /todos with X-CHALLENGER (one session per connection, ten seed todos, JSON)',
  '/todos', { accept: 'application/json' })

export const todoCycle: Scenario = {
  name: 'todo-cycle',
  description: 'POST /todos then DELETE /todos/{id} of the new todo, with X-CHALLENGER',
  sessions: (connections) => connections,
  expected: [200, 201, 204],
  requests: ({ guids }) => {
    const pick = guidPicker(guids)
    const body = JSON.stringify({ title: 'benchmark todo', doneStatus: false, description: 'created and deleted by bench/run.ts' })
    return [
      {
        method: 'POST',
        path: '/todos',
        body,
        setupRequest: (request, context) => withHeaders(request, { ...JSON_HEADERS, 'x-challenger': pick(context) }),
        onResponse: (_status, _body, context, headers) => { context.id = idFromLocation(headers) },
      },
      {
        method: 'DELETE',
        setupRequest: (request, context) => ({
          ...withHeaders(request, { 'x-challenger': pick(context) }),
          path: `/todos/${String(context.id ?? 0)}`,
        }),
      },
    ]
  },
}

export const getChallenges = sessionGet('get-challenges',
  'GET /challenges with X-CHALLENGER (the full list with this session\'s status)', '/challenges')

interface Step {
  method: string
  path: string | ((context: Ctx) => string)
  headers?: Record<string, string>
  body?: string
  captureId?: boolean
}

/** one learner's walk: a new session, then a round of the challenges a workshop does first */
const WALK: readonly Step[] = [
  { method: 'GET', path: '/challenges' },
  { method: 'GET', path: '/todos' },
  { method: 'GET', path: '/todo' },
  { method: 'GET', path: '/todos/1' },
  { method: 'GET', path: '/todos/9999' },
  // (no HEAD: autocannon would wait for the body its Content-Length announces)
  { method: 'GET', path: '/todos?doneStatus=true' },
  { method: 'POST', path: '/todos', headers: JSON_HEADERS, body: '{"title":"workshop todo","doneStatus":true,"description":"from the walk"}', captureId: true },
  { method: 'GET', path: '/todos?doneStatus=true' },
  { method: 'POST', path: '/todos', headers: JSON_HEADERS, body: '{"title":"bad status","doneStatus":"bob"}' },
  { method: 'POST', path: '/todos', headers: JSON_HEADERS, body: JSON.stringify({ title: 'x'.repeat(51) }) },
  { method: 'POST', path: (c) => `/todos/${String(c.id ?? 1)}`, headers: JSON_HEADERS, body: '{"title":"updated by POST"}' },
  { method: 'PUT', path: (c) => `/todos/${String(c.id ?? 1)}`, headers: JSON_HEADERS, body: '{"title":"replaced","doneStatus":false,"description":"by PUT"}' },
  { method: 'GET', path: '/todos', headers: { accept: 'application/xml' } },
  { method: 'POST', path: '/todos', headers: { 'content-type': 'application/xml', accept: 'application/xml' }, body: '<todo><title>xml todo</title></todo>' },
  { method: 'DELETE', path: (c) => `/todos/${String(c.id ?? 1)}` },
  { method: 'OPTIONS', path: '/todos' },
  { method: 'GET', path: '/heartbeat' },
  { method: 'GET', path: (c) => `/challenger/${String(c.guid)}` },
  { method: 'GET', path: (c) => `/challenger/database/${String(c.guid)}` },
  { method: 'GET', path: '/challenges' },
]

export const workshop: Scenario = {
  name: 'workshop',
  description: `N concurrent learners, each: POST /challenger, then a walk of ${WALK.length} challenge requests with its session; repeat`,
  sessions: () => 0,
  // the walk deliberately includes 404s and validation errors
  expected: [200, 201, 204, 400, 404, 422],
  requests: () => [
    {
      method: 'POST',
      path: '/challenger',
      onResponse: (_status, _body, context, headers) => { context.guid = headerOf(headers, 'x-challenger') ?? 'none' },
    },
    ...WALK.map((step): autocannon.RequestSpec => ({
      method: step.method,
      ...(step.body === undefined ? {} : { body: step.body }),
      setupRequest: (request, context) => ({
        ...withHeaders(request, { ...step.headers, 'x-challenger': String(context.guid) }),
        method: step.method,
        path: typeof step.path === 'string' ? step.path : step.path(context),
      }),
      ...(step.captureId ? { onResponse: (_s: number, _b: string, context: Ctx, headers: Record<string, string>) => {
        context.id = idFromLocation(headers)
      } } : {}),
    })),
  ],
}

export const SCENARIOS: readonly Scenario[] = [postChallenger, getTodos, todoCycle, getChallenges, workshop]

export const WALK_LENGTH = WALK.length + 1
