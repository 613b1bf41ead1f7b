import type { HTTPMethods } from 'fastify'
import type { ChallengeSetName, ListedChallenge, RunMode } from './catalogue.js'
import type { CompletionRule } from './rule-types.js'
import type { AcceptPolicy } from '../domain/accept.js'
import type { PagingPolicy } from '../domain/todo-query.js'
import type { TodoWriteRules } from '../domain/todo-writes.js'

/*
 * Everything that differs between the challenge sets, as the shape of one value per set
 * (challenges/current-set.ts, challenges/classic-set.ts). Code asks the active set; it never
 * tests which set is running.
 */

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
  /**
   * Content-Type of the JSON error bodies that the reference wrote outside its todo engine
   * (challenger routes, query-filter failures); undefined: negotiated like every other error
   */
  readonly untypedErrorContentType: string | undefined
  /** status for HTTP methods the reference did not know at all (PROPFIND …); undefined: 404 like any unrouted request */
  readonly unknownMethodStatus: number | undefined
  /** completion rules see the method on the wire rather than the overridden one */
  readonly creditsWireMethod: boolean
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
  /** 405s of /todos, each with the Allow header it carries (none: no header) */
  readonly collectionNotAllowed: readonly { method: HTTPMethods; allow?: string }[]
  /** 405s of /todos/{id}, each with the Allow header it carries (empty: none) */
  readonly instanceNotAllowed: readonly { method: HTTPMethods; allow?: string }[]
  /** an XML body with no markup at all reads as no fields (classic T13) rather than a syntax error */
  readonly textXmlBodyIsEmpty: boolean
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

/**
 * How /heartbeat differs between the challenge sets (sessions.md §7.0, classic.md §0, §2.6).
 */
export interface HeartbeatProfile {
  /** Content-Type of the OPTIONS 204 (the current set strips it from empty 204s anyway) */
  readonly optionsContentType: string | undefined
  /**
   * QUERY: the current reference has no route (404); the classic one answered a Java error,
   * which classic.md §0 asks us to replace with a 405 carrying Allow
   */
  readonly queryAnswersNotAllowed: boolean
}

/**
 * How /secret/token and /secret/note differ between the challenge sets (sessions.md §7.1–7.3,
 * classic.md S15–S18, §2.7, §2.8).
 */
export interface SecretProfile {
  readonly tokenAllow: string
  /** 405s of /secret/token besides QUERY */
  readonly tokenNotAllowed: readonly HTTPMethods[]
  /** GET /secret/token returns the token as JSON */
  readonly getToken: boolean
  /** a 401 from /secret/token omits its Basic challenge for the site's live widget */
  readonly widgetSkipsBasicChallenge: boolean
  /** /secret/note 401s carry `WWW-Authenticate: Bearer` */
  readonly noteBearerChallenge: boolean
  /** multi-user GET /secret/note with no X-CHALLENGER serves the read-only demo note */
  readonly readOnlyNote: boolean
  /** status of a note body that parses but is not a valid note */
  readonly noteValidationStatus: number
  /** Content-Type of the bodiless replies the reference typed with its framework's default (classic: Spark's) */
  readonly untypedContentType: string | undefined
  /** QUERY (unknown to the classic reference) answers 405 with Allow, as classic.md §0 asks */
  readonly allowOnQuery: boolean
}

/** the profiles of the active set's own pieces, the catalogue aside */
export interface SetDefinition {
  /** GUI section titles in display order */
  readonly sections: readonly string[]
  /** the path prefix the set's challenge names use ('' for root paths) */
  readonly apiPrefix: '' | '/api'
  readonly rules: readonly CompletionRule[]
  readonly accept: AcceptPolicy
  readonly http: HttpProfile
  readonly todos: TodoApiProfile
  readonly heartbeat: HeartbeatProfile
  readonly secret: SecretProfile
}

export interface ChallengeSet extends SetDefinition {
  readonly name: ChallengeSetName
  /** challenges listed in a mode, ids from 1; `key` is the set's own challengeStatus key */
  listed(mode: RunMode): readonly ListedChallenge[]
  /** internal (current-set) key of a listed key */
  internalKey(setKey: string): string
  /** older payload keys that feed a listed key when restoring progress */
  legacyKeys(setKey: string): readonly string[]
  readonly expected: ExpectedStatuses
}
