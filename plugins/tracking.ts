import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CompletionRule, RequestFacts, ResponseFacts, RuleContext } from '../challenges/rule-types.js'
import type { Challenger } from '../domain/session-store.js'
import { rawQueryOf } from '../domain/api-paths.js'
import { normaliseChallengerHeader } from '../domain/run-modes.js'
import { wireMethodOf } from '../domain/pre-routing.js'

function headerValue(value: string | string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined
  return Array.isArray(value) ? value[0] : String(value)
}

function requestFacts(request: FastifyRequest, creditsWireMethod: boolean): RequestFacts {
  const rawQuery = rawQueryOf(request.url)
  return {
    method: creditsWireMethod ? wireMethodOf(request.raw) : request.method,
    realMethod: wireMethodOf(request.raw),
    path: request.apiPath ?? '',
    rawQuery,
    query: new URLSearchParams(rawQuery),
    header: (name) => headerValue(request.headers[name.toLowerCase()]),
    rawBody: typeof request.body === 'string' ? request.body : '',
  }
}

function responseFacts(reply: FastifyReply, payload: unknown): ResponseFacts {
  return {
    status: reply.statusCode,
    header: (name) => headerValue(reply.getHeader(name)),
    body: typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '',
  }
}

/** evaluates the active set's completion rules around every API request and records the passes */
export default fp(async (app) => {
  const { sessions, challengeSet } = app
  const listedKeys = {
    single: new Set(challengeSet.listed('single').map((c) => challengeSet.internalKey(c.key))),
    multi: new Set(challengeSet.listed('multi').map((c) => challengeSet.internalKey(c.key))),
  }
  const active = listedKeys[app.runMode.mode]
  const byPhase = (phase: CompletionRule['phase']) => challengeSet.rules.filter((rule) => rule.phase === phase && active.has(rule.key))
  const requestRules = byPhase('request')
  const responseRules = byPhase('response')

  function evaluate(rules: readonly CompletionRule[], challenger: Challenger, request: RequestFacts, response: ResponseFacts | undefined): void {
    const ctx: RuleContext = {
      request,
      response,
      challenger,
      todos: () => app.repositories.todos.all(challenger.guid),
      expected: challengeSet.expected,
    }
    for (const rule of rules) {
      if (!challenger.passed.has(rule.key) && rule.passes(ctx)) sessions.pass(challenger, rule.key)
    }
  }

  app.addHook('onRequest', async (request) => {
    if (request.apiPath === null || !request.challenger || request.challengerHeaderTooLong) return
    evaluate(requestRules, request.challenger, requestFacts(request, challengeSet.http.creditsWireMethod), undefined)
  })

  // onSend runs before the first byte is written, so a pass is committed before the client sees the reply
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.apiPath === null) return payload
    const named = normaliseChallengerHeader(headerValue(reply.getHeader('x-challenger')))
    const target = (named && app.runMode.resolve(sessions, named)) || request.challenger
    if (target) evaluate(responseRules, target, requestFacts(request, challengeSet.http.creditsWireMethod), responseFacts(reply, payload))
    return payload
  })
}, { name: 'tracking', dependencies: ['sessions', 'representation', 'http-conventions'] })
