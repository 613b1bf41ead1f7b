import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import { ApiError } from '../domain/errors.js'
import { normaliseChallengerHeader } from '../domain/run-modes.js'

export interface AbuseLimitsOptions {
  /** sessions one client address may create per minute (POST /challenger without X-CHALLENGER); 0: no limit */
  sessionsPerMinute: number
}

/**
 * Session creation is the one request that grows the server's state without bound, so it is the one that
 * can be rate-limited per client address. Re-attaching (POST /challenger with X-CHALLENGER) and every other
 * request are never counted. Off by default; `CHALLENGER_RATE_LIMIT` turns it on.
 */
export default fp<AbuseLimitsOptions>(async (app, options) => {
  if (options.sessionsPerMinute <= 0) return
  await app.register(rateLimit, { global: false })
  const limit = app.rateLimit({
    max: options.sessionsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) => new ApiError(429,
      `Too many new sessions from this address: at most ${context.max} a minute. Try again in ${context.after}, ` +
      'or keep using your X-CHALLENGER session.'),
  })
  app.addHook('onRequest', async (request, reply) => {
    const creates = request.method === 'POST' && request.apiPath === 'challenger' && normaliseChallengerHeader(request.headers['x-challenger']) === undefined
    if (creates) await limit.call(app, request, reply)
  })
}, { name: 'abuse-limits', dependencies: ['sessions'] })
