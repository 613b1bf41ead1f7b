import type { HeartbeatProfile, HttpProfile, SecretProfile, SetDefinition, TodoApiProfile } from './set-types.js'
import type { CompletionRule } from './rule-types.js'
import { CURRENT_SECTIONS } from './catalogue.js'
import { challengerRules } from './rules-challenger.js'
import { todosRules } from './rules-todos.js'
import { todoQueryRules } from './rules-todo-queries.js'
import { heartbeatRules } from './rules-heartbeat.js'
import { secretRules } from './rules-secret.js'
import { rankedAcceptPolicy, stubContentType } from '../domain/accept.js'
import { ACCEPT_QUERY } from '../domain/todo-query-bodies.js'
import { ACCEPT_PATCH } from '../domain/todo-patch.js'
import { currentPaging } from '../domain/todo-query.js'
import { currentTodoWriteRules } from '../domain/todo-writes.js'

/** the current set: the reference as of 2026-08 (sessions.md, todos.md) */

export const CURRENT_RULES: readonly CompletionRule[] = [...challengerRules, ...todosRules, ...todoQueryRules, ...heartbeatRules, ...secretRules]

function headerOrStar(value: string | undefined): string {
  return value && value.trim() !== '' ? value : '*'
}

const http: HttpProfile = {
  cors: (request) => ({
    'access-control-allow-origin': '*',
    'access-control-allow-headers': request.method === 'OPTIONS' ? headerOrStar(request.header('access-control-request-headers')) : '*',
    'access-control-allow-methods': request.method === 'OPTIONS' ? headerOrStar(request.header('access-control-request-method')) : '*',
    'access-control-expose-headers': '*',
  }),
  corsOnEveryPath: false,
  stripEmptyContentType: true,
  untypedErrorContentType: undefined,
  unknownMethodStatus: undefined,
  creditsWireMethod: false,
  emptyNotFoundContentType: undefined,
  htmlNotFound: 'redirect',
  maxChallengerHeaderLength: 100,
  guidMismatchStatus: 409,
  challengeXmlFields: ['id', 'name', 'description', 'status'],
  challengesSortable: true,
  stubContentType: (accept) => stubContentType(rankedAcceptPolicy, accept),
}

const todos: TodoApiProfile = {
  writeRules: currentTodoWriteRules,
  deleteStatus: 204,
  maxTodos: 20,
  bodyTooLargeMessage: 'Error: request body too large, max allowed is 5000 bytes',
  nonObjectJsonMessage: 'JSON document must be an object',
  collectionAllow: 'OPTIONS, GET, HEAD, POST, QUERY, PUT',
  instanceAllow: 'OPTIONS, GET, HEAD, POST, PUT, PATCH, DELETE',
  instanceOptionsHeaders: { 'accept-patch': ACCEPT_PATCH },
  collectionHeaders: { 'accept-query': ACCEPT_QUERY },
  collectionNotAllowed: [{ method: 'DELETE' }, { method: 'PATCH' }, { method: 'TRACE' }],
  // the reference's QUERY 405 carries an Allow list computed before PATCH existed
  instanceNotAllowed: [{ method: 'QUERY', allow: 'OPTIONS, GET, HEAD, POST, PUT, DELETE' }, { method: 'TRACE' }],
  textXmlBodyIsEmpty: false,
  acceptsStructuredXmlBodies: true,
  collectionPut: true,
  exports: true,
  patch: true,
  query: true,
  paging: currentPaging,
}

const heartbeat: HeartbeatProfile = { optionsContentType: undefined, queryAnswersNotAllowed: false }

const secret: SecretProfile = {
  tokenAllow: 'GET, POST, OPTIONS',
  tokenNotAllowed: ['HEAD', 'PUT', 'PATCH', 'DELETE', 'TRACE'],
  getToken: true,
  widgetSkipsBasicChallenge: true,
  noteBearerChallenge: true,
  readOnlyNote: true,
  noteValidationStatus: 422,
  untypedContentType: undefined,
  allowOnQuery: false,
}

export const currentSet: SetDefinition = { sections: CURRENT_SECTIONS, apiPrefix: '/api', rules: CURRENT_RULES, accept: rankedAcceptPolicy, http, todos, heartbeat, secret }
