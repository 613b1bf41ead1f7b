import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { EmptyBody } from '../schemas/common.js'
import { registerMethodStubs } from './method-stubs.js'

const ALLOW = 'GET, HEAD, OPTIONS'

/**
 * /heartbeat: a status-code playground. Every reply is bodiless; its Content-Type follows the set's
 * stub rule. X-HTTP-Method-Override on a POST is applied before routing (domain/pre-routing.ts),
 * so POST + override PATCH lands on the PATCH route below.
 */
const heartbeatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const profile = app.challengeSet.heartbeat

  app.get('/heartbeat', {
    schema: {
      tags: ['Heartbeat'],
      summary: 'Is the server up? 204, no body',
      description: 'HEAD answers the same. POST, PUT and DELETE answer 405, PATCH 500 and TRACE 501; ' +
        'a POST with X-HTTP-Method-Override: DELETE, PATCH or TRACE answers as that method.',
      response: { 204: EmptyBody },
    },
  }, async (_request, reply) => reply.sendStub(204))

  app.patch('/heartbeat', {
    schema: {
      tags: ['Heartbeat'],
      summary: 'Always a 500 (Server Error), for the status code challenges',
      response: { 500: EmptyBody },
    },
  }, async (_request, reply) => reply.sendStub(500))

  app.route({
    method: 'TRACE',
    url: '/heartbeat',
    schema: {
      tags: ['Heartbeat'],
      summary: 'Always a 501 (Not Implemented), for the status code challenges',
      response: { 501: EmptyBody },
    },
    handler: async (_request, reply) => reply.sendStub(501),
  })

  registerMethodStubs(app, '/heartbeat', {
    options: { status: 204, allow: ALLOW, contentType: profile.optionsContentType },
    notAllowed: ['POST', 'PUT', 'DELETE'],
  })

  if (profile.queryAnswersNotAllowed) {
    app.route({
      method: 'QUERY',
      url: '/heartbeat',
      schema: { hide: true },
      handler: async (_request, reply) => reply.header('allow', ALLOW).sendStub(405),
    })
  }
}

export default heartbeatRoutes
