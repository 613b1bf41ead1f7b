import type { HeartbeatProfile, HttpProfile, SecretProfile, SetDefinition, TodoApiProfile } from './set-types.js'
import { withOverrides, type CompletionRule } from './rule-types.js'
import { CURRENT_RULES } from './current-set.js'
import { CLASSIC_SECTIONS } from './catalogue.js'
import { challengerClassicOverrides } from './rules-challenger.js'
import { todosClassicOverrides } from './rules-todos.js'
import { heartbeatClassicOverrides } from './rules-heartbeat.js'
import { secretClassicOverrides } from './rules-secret.js'
import { classicStubContentType, firstMatchAcceptPolicy } from '../domain/accept.js'
import { classicPaging } from '../domain/todo-query.js'
import { classicTodoWriteRules } from '../domain/todo-writes.js'

/** the classic set: what public client suites target (classic.md), 59 challenges on root paths */

const CLASSIC_OVERRIDES: readonly CompletionRule[] = [
  ...challengerClassicOverrides, ...todosClassicOverrides, ...heartbeatClassicOverrides, ...secretClassicOverrides,
]

/** Content-Type the classic server gave replies whose handler set none (Spark's default) */
const SPARK_DEFAULT_TYPE = 'text/html;charset=utf-8'

const http: HttpProfile = {
  cors: (request) => {
    const echoed = request.method === 'OPTIONS' ? request.header('access-control-allow-methods') : undefined
    return {
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': echoed ? echoed.toLowerCase() : '*',
      'access-control-expose-headers': '*',
    }
  },
  corsOnEveryPath: true,
  stripEmptyContentType: false,
  untypedErrorContentType: SPARK_DEFAULT_TYPE,
  // the classic server failed on them with a Java error; a clear 400 replaces it (classic.md §0)
  unknownMethodStatus: 400,
  // an overridden request was credited as the verb it was sent with (classic.md S6, §5 item 19)
  creditsWireMethod: true,
  emptyNotFoundContentType: 'application/json',
  htmlNotFound: 'page',
  maxChallengerHeaderLength: undefined,
  guidMismatchStatus: 400,
  challengeXmlFields: ['name', 'description', 'id', 'status'],
  challengesSortable: false,
  stubContentType: classicStubContentType,
}

const todos: TodoApiProfile = {
  writeRules: classicTodoWriteRules,
  deleteStatus: 200,
  maxTodos: 20,
  bodyTooLargeMessage: 'Error: Request body too large, max allowed is 5000 bytes',
  nonObjectJsonMessage: 'Invalid Json Payload: please check the syntax of the request body',
  collectionAllow: 'OPTIONS, GET, HEAD, POST',
  instanceAllow: 'OPTIONS, GET, HEAD, POST, PUT, DELETE',
  instanceOptionsHeaders: {},
  collectionHeaders: {},
  // QUERY did not exist there: a 405 naming what does (classic.md §0)
  collectionNotAllowed: [{ method: 'PUT' }, { method: 'DELETE' }, { method: 'PATCH' }, { method: 'TRACE' },
    { method: 'QUERY', allow: 'OPTIONS, GET, HEAD, POST' }],
  instanceNotAllowed: [{ method: 'PATCH' }, { method: 'TRACE' }, { method: 'QUERY', allow: 'OPTIONS, GET, HEAD, POST, PUT, DELETE' }],
  textXmlBodyIsEmpty: true,
  acceptsStructuredXmlBodies: false,
  collectionPut: false,
  exports: false,
  patch: false,
  query: false,
  paging: classicPaging,
}

const heartbeat: HeartbeatProfile = { optionsContentType: SPARK_DEFAULT_TYPE, queryAnswersNotAllowed: true }

const secret: SecretProfile = {
  tokenAllow: 'POST, OPTIONS',
  tokenNotAllowed: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'TRACE'],
  getToken: false,
  widgetSkipsBasicChallenge: false,
  noteBearerChallenge: false,
  readOnlyNote: false,
  noteValidationStatus: 400,
  untypedContentType: SPARK_DEFAULT_TYPE,
  allowOnQuery: true,
}

export const classicSet: SetDefinition = {
  sections: CLASSIC_SECTIONS,
  apiPrefix: '',
  rules: withOverrides(CURRENT_RULES, CLASSIC_OVERRIDES),
  accept: firstMatchAcceptPolicy,
  http,
  todos,
  heartbeat,
  secret,
}
