import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

/** OpenAPI from the route schemas, and Swagger UI served from node_modules (works offline) */
export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'API Challenges',
        description: 'Practise HTTP and API testing: create a challenger with POST /api/challenger, send its GUID as ' +
          'X-CHALLENGER on every request, and complete the challenges listed by GET /api/challenges. ' +
          'Every /api route also answers at the root path (e.g. /challenger).',
        version: '1.0.0',
      },
      tags: [
        { name: 'Challenger', description: 'challenger sessions and their progress' },
        { name: 'Challenges', description: 'the challenge list and its status' },
        { name: 'Todos', description: 'the todo API the challenges exercise' },
        { name: 'Heartbeat', description: 'status code challenges' },
        { name: 'Secret', description: 'authentication and authorization challenges' },
      ],
    },
  })
  // the reference offered its OpenAPI document as a download here; client suites fetch it
  for (const url of ['/docs/swagger', '/api/docs/swagger']) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      reply.header('content-type', 'application/octet-stream')
        .header('content-disposition', 'attachment; filename="apichallenges-openapi.json"')
      return reply.send(JSON.stringify(app.swagger(), null, 2))
    })
  }

  // each copy in its own context: the UI plugin decorates the instance it is registered on
  for (const routePrefix of ['/docs', '/api/docs']) {
    await app.register(async (scope) => {
      await scope.register(swaggerUi, { routePrefix, uiConfig: { docExpansion: 'list', deepLinking: true } })
    })
  }
}, { name: 'swagger' })
