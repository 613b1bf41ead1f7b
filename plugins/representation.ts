import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ChallengeSet } from '../challenges/sets.js'
import type { Negotiation } from '../domain/accept.js'
import { renderErrors } from '../domain/representations.js'

declare module 'fastify' {
  interface FastifyInstance {
    challengeSet: ChallengeSet
  }
  interface FastifyReply {
    /** `{"errorMessages":[…]}` (or its XML/CSV/… form) in the type the request's Accept negotiates, JSON when none */
    sendErrors(statusCode: number, messages: string | readonly string[]): FastifyReply
    /** errors the reference wrote outside its todo engine: JSON in the set's type for them, else as sendErrors */
    sendUntypedErrors(statusCode: number, messages: string | readonly string[]): FastifyReply
    /** a bodiless reply whose Content-Type follows the set's stub rule (405s, heartbeat) */
    sendStub(statusCode: number): FastifyReply
    /** a reply with no body (its route schema documents it as null) */
    sendEmpty(statusCode: number): FastifyReply
    /** an already rendered body with its exact media type (never a charset suffix) */
    sendBody(mediaType: string, body: string): FastifyReply
  }
}

export interface RepresentationPluginOptions {
  challengeSet: ChallengeSet
}

const JSON_FALLBACK: Negotiation = { ok: true, mediaType: 'application/json', format: 'json' }

export function negotiate(set: ChallengeSet, request: FastifyRequest): Negotiation {
  return set.accept.negotiate(request.headers.accept)
}

export default fp<RepresentationPluginOptions>(async (app, options) => {
  const set = options.challengeSet
  app.decorate('challengeSet', set)

  app.decorateReply('sendErrors', function (this: FastifyReply, statusCode: number, messages: string | readonly string[]) {
    const negotiation = negotiate(set, this.request)
    const chosen = negotiation.ok && negotiation.format !== 'calendar' ? negotiation : JSON_FALLBACK
    const list = typeof messages === 'string' ? [messages] : messages
    return this.code(statusCode).header('content-type', chosen.ok ? chosen.mediaType : 'application/json').send(renderErrors(list, chosen.ok ? chosen.format : 'json'))
  })

  app.decorateReply('sendEmpty', function (this: FastifyReply, statusCode: number) {
    return this.code(statusCode).send()
  })

  app.decorateReply('sendBody', function (this: FastifyReply, mediaType: string, body: string) {
    return this.header('content-type', mediaType).send(body)
  })

  app.decorateReply('sendUntypedErrors', function (this: FastifyReply, statusCode: number, messages: string | readonly string[]) {
    const type = set.http.untypedErrorContentType
    if (!type) return this.sendErrors(statusCode, messages)
    return this.code(statusCode).header('content-type', type).send(renderErrors(typeof messages === 'string' ? [messages] : messages, 'json'))
  })

  app.decorateReply('sendStub', function (this: FastifyReply, statusCode: number) {
    return this.code(statusCode).header('content-type', set.http.stubContentType(this.request.headers.accept)).send()
  })
}, { name: 'representation' })
