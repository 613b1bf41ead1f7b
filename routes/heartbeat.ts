import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

const heartbeatRoutes: FastifyPluginAsyncTypebox = async () => {}

export default heartbeatRoutes
