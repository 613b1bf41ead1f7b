import type { FastifyPluginAsync } from 'fastify'
import challengerRoutes from './challenger.js'
import challengesRoutes from './challenges.js'
import todosRoutes from './todos.js'
import heartbeatRoutes from './heartbeat.js'
import secretRoutes from './secret.js'

export interface ApiRoutesOptions {
  /** the root mount repeats the /api routes; only the /api copy is listed in the OpenAPI document */
  hideFromDocs: boolean
}

/** every challenges-API resource; app.ts mounts this once at the root and once under /api */
const apiRoutes: FastifyPluginAsync<ApiRoutesOptions> = async (app, options) => {
  if (options.hideFromDocs) {
    app.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, hide: true }
    })
  }
  // a trailing slash leaves an empty path parameter (/challenger/, /todos/): the reference had no such route
  app.addHook('onRequest', async (request, reply) => {
    const params = request.params as Record<string, string> | undefined
    if (params && Object.values(params).some((value) => value === '')) return reply.callNotFound()
  })
  await app.register(challengerRoutes)
  await app.register(challengesRoutes)
  await app.register(todosRoutes)
  await app.register(heartbeatRoutes)
  await app.register(secretRoutes)
}

export default apiRoutes
