import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

const todosRoutes: FastifyPluginAsyncTypebox = async () => {}

export default todosRoutes
