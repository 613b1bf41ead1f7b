import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

const secretRoutes: FastifyPluginAsyncTypebox = async () => {}

export default secretRoutes
