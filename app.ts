import Fastify, { type FastifyServerOptions } from 'fastify'
import sensible from '@fastify/sensible'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { AppConfig } from './config.js'
import { CHALLENGE_SETS } from './challenges/sets.js'
import database from './plugins/database.js'
import sessions from './plugins/sessions.js'
import representation from './plugins/representation.js'
import httpConventions from './plugins/http-conventions.js'
import tracking from './plugins/tracking.js'
import body from './plugins/body.js'
import abuseLimits from './plugins/abuse-limits.js'
import errors from './plugins/errors.js'
import swagger from './plugins/swagger.js'
import apiRoutes from './routes/api.js'
import guiRoutes from './routes/gui.js'
import { prepareRequest } from './domain/pre-routing.js'

export interface BuildOptions {
  logger?: FastifyServerOptions['logger']
  /** clock for session idle and retention (tests move it) */
  now?: () => number
}

/** the whole server, ready to inject or listen; it never listens by itself */
export async function buildApp(config: AppConfig, options: BuildOptions = {}) {
  const challengeSet = CHALLENGE_SETS[config.challengeSet]
  const app = Fastify({
    logger: options.logger ?? false,
    // strict: no silent coercion or stripping where a schema does validate (params, query)
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    return503OnClosing: true,
    requestIdHeader: false,
    // malformed percent-encoding and overlong path parameters never reach a route: answer in the API's error shape
    frameworkErrors: (error, _request, reply) => {
      reply.raw.writeHead(400, { 'content-type': 'application/json' })
      reply.raw.end(JSON.stringify({ errorMessages: [`Bad Request: ${error.message}`] }))
    },
    // Fastify's only hook before routing: method override must choose the route, not just the handler
    rewriteUrl: (request) => {
      prepareRequest(request)
      return request.url ?? '/'
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  await app.register(sensible)
  await app.register(database, { file: config.dbFile })
  await app.register(sessions, {
    mode: config.mode,
    idleMinutes: config.sessionIdleMinutes,
    retentionDays: config.sessionRetentionDays,
    maxChallengerHeaderLength: challengeSet.http.maxChallengerHeaderLength,
    now: options.now,
  })
  await app.register(representation, { challengeSet })
  await app.register(httpConventions)
  await app.register(tracking)
  await app.register(body)
  await app.register(abuseLimits, { sessionsPerMinute: config.challengerRateLimit })
  await app.register(errors, { bodyTooLargeMessage: 'Error: request body too large, max allowed is 5000 bytes' })
  await app.register(swagger)
  await app.register(apiRoutes, { hideFromDocs: true })
  await app.register(apiRoutes, { prefix: '/api', hideFromDocs: false })
  await app.register(guiRoutes, { adminToken: config.adminToken, activeMinutes: config.sessionIdleMinutes })
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
