import { CHALLENGES, listChallenges, type ChallengeSetName, type ListedChallenge, type RunMode } from './catalogue.js'
import { withOverrides, type CompletionRule } from './rule-types.js'
import { challengerClassicOverrides, challengerRules } from './rules-challenger.js'
import { todosClassicOverrides, todosRules } from './rules-todos.js'
import { todoQueryRules } from './rules-todo-queries.js'
import { heartbeatClassicOverrides, heartbeatRules } from './rules-heartbeat.js'
import { secretClassicOverrides, secretRules } from './rules-secret.js'
import type { HTTPMethods } from 'fastify'
import { ACCEPT_QUERY } from '../domain/todo-query-bodies.js'
import { ACCEPT_PATCH } from '../domain/todo-patch.js'
import { classicPaging, currentPaging, type PagingPolicy } from '../domain/todo-query.js'
import { classicTodoWriteRules, currentTodoWriteRules, type TodoWriteRules } from '../domain/todo-writes.js'
import { classicStubContentType, firstMatchAcceptPolicy, rankedAcceptPolicy, stubContentType, type AcceptPolicy } from '../domain/accept.js'

/** request facts the CORS policy needs */
export interface CorsRequest {
  method: string
  header(name: string): string | undefined
}

/** HTTP conventions that differ between the two challenge sets */
export interface HttpProfile {
  /** CORS headers on API paths (and on every path when corsOnEveryPath) */
  cors(request: CorsRequest): Record<string, string>
  readonly corsOnEveryPath: boolean
  /** the reference strips Content-Type from empty 204/404 responses (current) or keeps it (classic) */
  readonly stripEmptyContentType: boolean
  /** Content-Type of an API 404 left without a body (classic kept application/json there) */
  readonly emptyNotFoundContentType: string | undefined
  /** what an unrouted API path answers to an Accept mentioning html */
  readonly htmlNotFound: 'redirect' | 'page'
  /** X-CHALLENGER values longer than this get a 431; undefined = no such check */
  readonly maxChallengerHeaderLength: number | undefined
  /** PUT /challenger/{guid} whose payload names another GUID */
  readonly guidMismatchStatus: number
  /** element order of a challenge in the XML list */
  readonly challengeXmlFields: readonly ('id' | 'name' | 'description' | 'status')[]
  /** GET /challenges honours _sortBy */
  readonly challengesSortable: boolean
  /** Content-Type of bodiless stub replies (405, heartbeat …) */
  stubContentType(accept: string | undefined): string
}

/** how the todo API differs between the sets (todos.md §10, classic.md §1–2) */
export interface TodoApiProfile {
  readonly writeRules: TodoWriteRules
  readonly deleteStatus: number
  readonly maxTodos: number
  readonly bodyTooLargeMessage: string
  /** a JSON body that parses but is not an object */
  readonly nonObjectJsonMessage: string
  readonly collectionAllow: string
  readonly instanceAllow: string
  /** extra headers on OPTIONS /todos/{id} */
  readonly instanceOptionsHeaders: Readonly<Record<string, string>>
  /** extra headers on every GET/HEAD/QUERY /todos reply and OPTIONS /todos */
  readonly collectionHeaders: Readonly<Record<string, string>>
  readonly collectionNotAllowed: readonly HTTPMethods[]
  /** 405s of /todos/{id}, each with the Allow header it carries (empty: none) */
  readonly instanceNotAllowed: readonly { method: HTTPMethods; allow?: string }[]
  /** request Content-Types read as XML besides application/xml and text/xml */
  readonly acceptsStructuredXmlBodies: boolean
  /** PUT /todos with the id in the body */
  readonly collectionPut: boolean
  /** /todos/export and text/calendar */
  readonly exports: boolean
  /** PATCH /todos/{id} in its three styles */
  readonly patch: boolean
  /** QUERY /todos with its three body types */
  readonly query: boolean
  /** default page, maximum page and the GET rejection of larger _limit values */
  readonly paging: PagingPolicy
}

/** statuses completion rules compare against; they differ per set */
export interface ExpectedStatuses {
  readonly validation: number
  readonly maxTodos: number
  readonly delete: number
}

export interface ChallengeSet {
  readonly name: ChallengeSetName
  /** challenges listed in a mode, ids from 1; `key` is the set's own challengeStatus key */
  listed(mode: RunMode): readonly ListedChallenge[]
  /** internal (current-set) key of a listed key */
  internalKey(setKey: string): string
  /** older payload keys that feed a listed key when restoring progress */
  legacyKeys(setKey: string): readonly string[]
  readonly rules: readonly CompletionRule[]
  readonly accept: AcceptPolicy
  readonly http: HttpProfile
  readonly todos: TodoApiProfile
  readonly expected: ExpectedStatuses
}

const CURRENT_RULES: readonly CompletionRule[] = [...challengerRules, ...todosRules, ...todoQueryRules, ...heartbeatRules, ...secretRules]
const CLASSIC_OVERRIDES: readonly CompletionRule[] = [
  ...challengerClassicOverrides, ...todosClassicOverrides, ...heartbeatClassicOverrides, ...secretClassicOverrides,
]

function headerOrStar(value: string | undefined): string {
  return value && value.trim() !== '' ? value : '*'
}

const currentHttp: HttpProfile = {
  cors: (request) => ({
    'access-control-allow-origin': '*',
    'access-control-allow-headers': request.method === 'OPTIONS' ? headerOrStar(request.header('access-control-request-headers')) : '*',
    'access-control-allow-methods': request.method === 'OPTIONS' ? headerOrStar(request.header('access-control-request-method')) : '*',
    'access-control-expose-headers': '*',
  }),
  corsOnEveryPath: false,
  stripEmptyContentType: true,
  emptyNotFoundContentType: undefined,
  htmlNotFound: 'redirect',
  maxChallengerHeaderLength: 100,
  guidMismatchStatus: 409,
  challengeXmlFields: ['id', 'name', 'description', 'status'],
  challengesSortable: true,
  stubContentType: (accept) => stubContentType(rankedAcceptPolicy, accept),
}

const classicHttp: HttpProfile = {
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
  emptyNotFoundContentType: 'application/json',
  htmlNotFound: 'page',
  maxChallengerHeaderLength: undefined,
  guidMismatchStatus: 400,
  challengeXmlFields: ['name', 'description', 'id', 'status'],
  challengesSortable: false,
  stubContentType: classicStubContentType,
}


const currentTodos: TodoApiProfile = {
  writeRules: currentTodoWriteRules,
  deleteStatus: 204,
  maxTodos: 20,
  bodyTooLargeMessage: 'Error: request body too large, max allowed is 5000 bytes',
  nonObjectJsonMessage: 'JSON document must be an object',
  collectionAllow: 'OPTIONS, GET, HEAD, POST, QUERY, PUT',
  instanceAllow: 'OPTIONS, GET, HEAD, POST, PUT, PATCH, DELETE',
  instanceOptionsHeaders: { 'accept-patch': ACCEPT_PATCH },
  collectionHeaders: { 'accept-query': ACCEPT_QUERY },
  collectionNotAllowed: ['DELETE', 'PATCH', 'TRACE'],
  // the reference's QUERY 405 carries an Allow list computed before PATCH existed
  instanceNotAllowed: [{ method: 'QUERY', allow: 'OPTIONS, GET, HEAD, POST, PUT, DELETE' }, { method: 'TRACE' }],
  acceptsStructuredXmlBodies: true,
  collectionPut: true,
  exports: true,
  patch: true,
  query: true,
  paging: currentPaging,
}

const classicTodos: TodoApiProfile = {
  writeRules: classicTodoWriteRules,
  deleteStatus: 200,
  maxTodos: 20,
  bodyTooLargeMessage: 'Error: Request body too large, max allowed is 5000 bytes',
  nonObjectJsonMessage: 'Invalid Json Payload: please check the syntax of the request body',
  collectionAllow: 'OPTIONS, GET, HEAD, POST',
  instanceAllow: 'OPTIONS, GET, HEAD, POST, PUT, DELETE',
  instanceOptionsHeaders: {},
  collectionHeaders: {},
  collectionNotAllowed: ['PUT', 'DELETE', 'PATCH', 'TRACE', 'QUERY'],
  instanceNotAllowed: [{ method: 'PATCH' }, { method: 'TRACE' }, { method: 'QUERY' }],
  acceptsStructuredXmlBodies: false,
  collectionPut: false,
  exports: false,
  patch: false,
  query: false,
  paging: classicPaging,
}

function buildSet(name: ChallengeSetName, rules: readonly CompletionRule[], accept: AcceptPolicy, http: HttpProfile, todos: TodoApiProfile): ChallengeSet {
  const lists: Record<RunMode, readonly ListedChallenge[]> = {
    single: listChallenges(name, 'single'),
    multi: listChallenges(name, 'multi'),
  }
  const toInternal = new Map<string, string>()
  const legacy = new Map<string, readonly string[]>()
  for (const challenge of CHALLENGES) {
    const setKey = name === 'classic' ? challenge.classicKey ?? challenge.key : challenge.key
    toInternal.set(setKey, challenge.key)
    legacy.set(setKey, name === 'classic' ? [] : challenge.legacyKeys ?? [])
  }
  return {
    name,
    listed: (mode) => lists[mode],
    internalKey: (setKey) => toInternal.get(setKey) ?? setKey,
    legacyKeys: (setKey) => legacy.get(setKey) ?? [],
    rules,
    accept,
    http,
    todos,
    expected: { validation: todos.writeRules.validationStatus, maxTodos: todos.writeRules.maxTodosStatus, delete: todos.deleteStatus },
  }
}

export const CHALLENGE_SETS: Readonly<Record<ChallengeSetName, ChallengeSet>> = {
  current: buildSet('current', CURRENT_RULES, rankedAcceptPolicy, currentHttp, currentTodos),
  classic: buildSet('classic', withOverrides(CURRENT_RULES, CLASSIC_OVERRIDES), firstMatchAcceptPolicy, classicHttp, classicTodos),
}
