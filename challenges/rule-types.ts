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
}

/** a check that can only hold for the given request methods; `requestRule`/`responseRule` pass that on to the rule */
export function onlyFor<F extends (ctx: never) => boolean>(methods: readonly string[], check: F): F & { readonly methods: readonly string[] } {
  return Object.assign(check, { methods })
}

function methodsOf(check: unknown): readonly string[] | undefined {
  return (check as { methods?: readonly string[] }).methods
}

export function requestRule(key: string, passes: (ctx: RuleContext) => boolean): CompletionRule {
  return { key, phase: 'request', passes, methods: methodsOf(passes) }
}

export function responseRule(key: string, passes: (ctx: RuleContext & { response: ResponseFacts }) => boolean): CompletionRule {
  return {
    key,
    phase: 'response',
    passes: (ctx) => ctx.response !== undefined && passes(ctx as RuleContext & { response: ResponseFacts }),
    methods: methodsOf(passes),
  }
}

/** a rule list as a lookup by request method: each method's rules in their original order */
export function rulesByMethod(rules: readonly CompletionRule[]): (method: string) => readonly CompletionRule[] {
  const anyMethod = rules.filter((rule) => rule.methods === undefined)
  const methods = new Set(rules.flatMap((rule) => rule.methods ?? []))
  const byMethod = new Map([...methods].map((method) => [method, rules.filter((rule) => rule.methods === undefined || rule.methods.includes(method))]))
  return (method) => byMethod.get(method) ?? anyMethod
}

/** replaces the rules of `base` whose keys appear in `overrides`, keeping order; adds the new ones */
export function withOverrides(base: readonly CompletionRule[], overrides: readonly CompletionRule[]): CompletionRule[] {
  const byKey = new Map(overrides.map((rule) => [rule.key, rule]))
  const merged = base.map((rule) => byKey.get(rule.key) ?? rule)
  const baseKeys = new Set(base.map((rule) => rule.key))
  return [...merged, ...overrides.filter((rule) => !baseKeys.has(rule.key))]
}
