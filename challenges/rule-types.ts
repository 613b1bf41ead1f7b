import type { Challenger } from '../domain/session-store.js'
import type { Todo } from '../db/todos-repository.js'
import type { ExpectedStatuses } from './sets.js'

export interface RequestFacts {
  /** the method the request was routed as (after X-HTTP-Method-Override) */
  readonly method: string
  /** the method on the wire */
  readonly realMethod: string
  /** path without leading '/', optional 'api/' prefix and query, e.g. 'todos/3' */
  readonly path: string
  /** decoded query parameters */
  readonly query: URLSearchParams
  readonly rawQuery: string
  header(name: string): string | undefined
  readonly rawBody: string
}

export interface ResponseFacts {
  readonly status: number
  header(name: string): string | undefined
  readonly body: string
}

export interface RuleContext {
  readonly request: RequestFacts
  /** absent for rules evaluated before the handler runs */
  readonly response: ResponseFacts | undefined
  /** the challenger the pass is credited to */
  readonly challenger: Challenger
  /** that challenger's todos as they are now */
  todos(): Todo[]
  /** statuses of the active set (validation 422 or 400, …) */
  readonly expected: ExpectedStatuses
}

export type RulePhase = 'request' | 'response'

/** what completes one challenge: the single place to look it up */
export interface CompletionRule {
  /** current-set key of the challenge */
  readonly key: string
  readonly phase: RulePhase
  passes(ctx: RuleContext): boolean
  /** when set, the rule can only pass for these request methods (RequestFacts.method), so it is not evaluated for others */
  readonly methods?: readonly string[]
  /** when set, the rule can only pass for paths whose first segment is one of these (see resourceOf) */
  readonly resources?: readonly string[]
  /** when set, the rule can only pass for requests with ('some') or without ('none') a URL query */
  readonly query?: QueryPresence
}

export type QueryPresence = 'none' | 'some'

/** what a check says about the requests it can hold for; rules built from it are indexed accordingly */
export interface CheckTags {
  readonly methods?: readonly string[]
  readonly query?: QueryPresence
}

/** the first segment of an API path: 'todos' for 'todos/3', 'challenger' for 'challenger/database/…' */
export function resourceOf(path: string): string {
  const slash = path.indexOf('/')
  return slash === -1 ? path : path.slice(0, slash)
}

/** the rules of one resource family (a rules file): they are not evaluated for requests to other paths */
export function atResources(resources: readonly string[], rules: readonly CompletionRule[]): readonly CompletionRule[] {
  return rules.map((rule) => ({ ...rule, resources }))
}

/** a check that can only hold for requests with these tags; `requestRule`/`responseRule` pass them on to the rule */
export function tagged<F extends (ctx: never) => boolean>(tags: CheckTags, check: F): F & CheckTags {
  // a copy carries the tags, so a check shared by several rules is never tagged for all of them
  return Object.assign(check.bind(undefined) as F, { ...tagsOf(check), ...tags })
}

/** a check that can only hold for the given request methods */
export function onlyFor<F extends (ctx: never) => boolean>(methods: readonly string[], check: F): F & CheckTags {
  return tagged({ methods }, check)
}

export function tagsOf(check: unknown): CheckTags {
  const { methods, query } = check as CheckTags
  return { ...(methods ? { methods } : {}), ...(query ? { query } : {}) }
}

export function requestRule(key: string, passes: (ctx: RuleContext) => boolean): CompletionRule {
  return { key, phase: 'request', passes, ...tagsOf(passes) }
}

export function responseRule(key: string, passes: (ctx: RuleContext & { response: ResponseFacts }) => boolean): CompletionRule {
  return {
    key,
    phase: 'response',
    passes: (ctx) => ctx.response !== undefined && passes(ctx as RuleContext & { response: ResponseFacts }),
    ...tagsOf(passes),
  }
}

/** most (method, resource, query) combinations whose rule lists are remembered; others are filtered on each call */
const INDEX_LIMIT = 1_000

/**
 * A rule list as a lookup by request method, resource and query presence: each combination's rules in their
 * original order, so a bare GET /todos is checked neither against the POST-only challenges, nor against the
 * /challenger ones, nor against those that need a filter in the URL.
 */
export function ruleIndex(rules: readonly CompletionRule[]): (method: string, path: string, rawQuery: string) => readonly CompletionRule[] {
  const resources = new Set(rules.flatMap((rule) => rule.resources ?? []))
  const lists = new Map<string, readonly CompletionRule[]>()
  return (method, path, rawQuery) => {
    const named = resourceOf(path)
    const resource = resources.has(named) ? named : ''
    const query: QueryPresence = rawQuery === '' ? 'none' : 'some'
    const key = `${method} ${resource} ${query}`
    const known = lists.get(key)
    if (known) return known
    const applicable = rules.filter((rule) =>
      (rule.methods === undefined || rule.methods.includes(method)) && (rule.resources === undefined || rule.resources.includes(resource)) &&
      (rule.query === undefined || rule.query === query))
    if (lists.size < INDEX_LIMIT) lists.set(key, applicable)
    return applicable
  }
}

/** replaces the rules of `base` whose keys appear in `overrides`, keeping order; adds the new ones */
export function withOverrides(base: readonly CompletionRule[], overrides: readonly CompletionRule[]): CompletionRule[] {
  const byKey = new Map(overrides.map((rule) => [rule.key, rule]))
  const merged = base.map((rule) => byKey.get(rule.key) ?? rule)
  const baseKeys = new Set(base.map((rule) => rule.key))
  return [...merged, ...overrides.filter((rule) => !baseKeys.has(rule.key))]
}
