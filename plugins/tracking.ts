import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ruleIndex, type CompletionRule, type RequestFacts, type ResponseFacts, type RuleContext } from '../challenges/rule-types.js'
import type { Challenger } from '../domain/session-store.js'
import { rawQueryOf } from '../domain/api-paths.js'
import { normaliseChallengerHeader } from '../domain/run-modes.js'
import { wireMethodOf } from '../domain/pre-routing.js'

function headerValue(value: string | string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined
  return Array.isArray(value) ? value[0] : String(value)
}

declare module 'fastify' {
  interface FastifyRequest {
    /** what the completion rules know of the request: built once, read by both phases */
    completionFacts: RequestFacts | null
  }
}

function requestFacts(request: FastifyRequest, creditsWireMethod: boolean): RequestFacts {
  return (request.completionFacts ??= newRequestFacts(request, creditsWireMethod))
}

/** the body, parsed between the two phases, is read when a rule asks for it */
function newRequestFacts(request: FastifyRequest, creditsWireMethod: boolean): RequestFacts {
  const rawQuery = rawQueryOf(request.url)
  let query: URLSearchParams | undefined
  return {
    method: creditsWireMethod ? wireMethodOf(request.raw) : request.method,
    realMethod: wireMethodOf(request.raw),
    path: request.apiPath ?? '',
    rawQuery,
    // parsed only for the few rules that read parameters
    get query() { return (query ??= new URLSearchParams(rawQuery)) },
    header: (name) => headerValue(request.headers[name.toLowerCase()]),
    get rawBody() { return typeof request.body === 'string' ? request.body : '' },
  }
}

function responseFacts(reply: FastifyReply, payload: unknown): ResponseFacts {
  return {
    status: reply.statusCode,
    header: (name) => headerValue(reply.getHeader(name)),
    body: typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '',
  }
}

const NONE: readonly string[] = []

/** evaluates the active set's completion rules around every API request and records the passes */
export default fp(async (app) => {
  const { sessions, challengeSet } = app
  const listedKeys = {
    single: new Set(challengeSet.listed('single').map((c) => challengeSet.internalKey(c.key))),
    multi: new Set(challengeSet.listed('multi').map((c) => challengeSet.internalKey(c.key))),
  }
  const active = listedKeys[app.runMode.mode]
  const byPhase = (phase: CompletionRule['phase']) => challengeSet.rules.filter((rule) => rule.phase === phase && active.has(rule.key))
  // indexed by request method, resource and query presence (see ruleIndex)
  const requestRules = ruleIndex(byPhase('request'))
  const responseRules = ruleIndex(byPhase('response'))

  /** the keys of the challenges this request completes for the challenger (not yet recorded) */
  function evaluate(rulesFor: (method: string, path: string, rawQuery: string) => readonly CompletionRule[], challenger: Challenger, request: RequestFacts, response: ResponseFacts | undefined): readonly string[] {
    const rules = rulesFor(request.method, request.path, request.rawQuery)
    let todos: ReturnType<RuleContext['todos']> | undefined
    const ctx: RuleContext = {
      request,
      response,
      challenger,
      // read at most once per evaluation, and only by the rules that need the list
      todos: () => (todos ??= app.repositories.todos.all(challenger.guid)),
      expected: challengeSet.expected,
    }
    let passed: string[] | undefined
    for (const rule of rules) {
      if (!challenger.passed.has(rule.key) && rule.passes(ctx)) (passed ??= []).push(rule.key)
    }
    return passed ?? NONE
  }

  app.decorateRequest('completionFacts', null)

  // callback-style hooks: no promise per request
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.apiPath !== null && request.challenger && !request.challengerHeaderTooLong) {
      const challenger = request.challenger
      sessions.commit(challenger, evaluate(requestRules, challenger, requestFacts(request, challengeSet.http.creditsWireMethod), undefined))
    }
    done()
  })

  // onSend runs before the first byte is written, so a pass is committed before the client sees the reply
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.apiPath !== null) {
      const named = normaliseChallengerHeader(headerValue(reply.getHeader('x-challenger')))
      const target = (named && app.runMode.resolve(sessions, named)) || request.challenger
      const passed = target ? evaluate(responseRules, target, requestFacts(request, challengeSet.http.creditsWireMethod), responseFacts(reply, payload)) : NONE
      // also writes a session this request created: the reply only leaves once it is committed
      sessions.commit(target, passed)
    }
    done(null, payload)
  })
}, { name: 'tracking', dependencies: ['sessions', 'representation', 'http-conventions'] })
