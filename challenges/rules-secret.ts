import { atResources, responseRule, type CompletionRule, type RequestFacts, type ResponseFacts } from './rule-types.js'
import { bearerTokenOf } from '../schemas/secret.js'

/** the paths (first segment) this file's challenges are about */
const SECRET_RESOURCES = ['secret']

const TOKEN = 'secret/token'
const NOTE = 'secret/note'

interface Exchange {
  request: RequestFacts
  response: ResponseFacts
}

const on = ({ request }: Exchange, method: string, path: string) => request.method === method && request.path === path

/** an empty `X-AUTH-TOKEN:` header is present; only a missing one counts as "no token" (sessions.md §9.13) */
const authTokenHeader = ({ request }: Exchange) => request.header('x-auth-token')
const hasAuthToken = (exchange: Exchange) => authTokenHeader(exchange) !== undefined
const hasLongAuthToken = (exchange: Exchange) => (authTokenHeader(exchange)?.length ?? 0) > 1
const hasBearer = ({ request }: Exchange) => bearerTokenOf(request.header('authorization')) !== undefined
/** a bare `Basic x` is not an attempt at credentials: the header must be longer than 10 characters */
const hasCredentialsAttempt = ({ request }: Exchange) => (request.header('authorization')?.length ?? 0) > 10
/** the POST challenges need a JSON note in the body: the literal `"note"` (XML bodies never count) */
const postsNote = ({ request }: Exchange) => request.rawBody.includes('"note"')

const status = ({ response }: Exchange, expected: number) => response.status === expected

/** Authentication and authorization challenges (sessions.md §6.4, classic.md §4): judged on the reply */
export const secretRules: readonly CompletionRule[] = atResources(SECRET_RESOURCES, [
  responseRule('CREATE_SECRET_TOKEN_401', (x) => on(x, 'POST', TOKEN) && hasCredentialsAttempt(x) && status(x, 401)),
  responseRule('CREATE_SECRET_TOKEN_201', (x) => on(x, 'POST', TOKEN) && hasCredentialsAttempt(x) && status(x, 201)),

  responseRule('GET_SECRET_NOTE_403', (x) => on(x, 'GET', NOTE) && hasLongAuthToken(x) && status(x, 403)),
  responseRule('GET_SECRET_NOTE_401', (x) => on(x, 'GET', NOTE) && !hasAuthToken(x) && status(x, 401)),
  responseRule('GET_SECRET_NOTE_200', (x) => on(x, 'GET', NOTE) && hasAuthToken(x) && status(x, 200)),

  responseRule('POST_SECRET_NOTE_200', (x) => on(x, 'POST', NOTE) && postsNote(x) && hasAuthToken(x) && status(x, 200)),
  responseRule('POST_SECRET_NOTE_401', (x) => on(x, 'POST', NOTE) && postsNote(x) && !hasAuthToken(x) && status(x, 401)),
  responseRule('POST_SECRET_NOTE_403', (x) => on(x, 'POST', NOTE) && postsNote(x) && hasLongAuthToken(x) && status(x, 403)),

  responseRule('GET_SECRET_NOTE_BEARER_200', (x) => on(x, 'GET', NOTE) && hasBearer(x) && status(x, 200)),
  responseRule('POST_SECRET_NOTE_BEARER_200', (x) => on(x, 'POST', NOTE) && postsNote(x) && hasBearer(x) && status(x, 200)),
])

/** classic-set replacements for rules above whose trigger differed (classic.md §4: none did) */
export const secretClassicOverrides: readonly CompletionRule[] = atResources(SECRET_RESOURCES, [])
