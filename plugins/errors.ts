import fp from 'fastify-plugin'
import { ApiError } from '../domain/errors.js'

interface FastifyLikeError extends Error {
  code?: string
  statusCode?: number
  validation?: unknown
}

/** the 413 text for bodies over the transport cap, in the set's wording */
export interface ErrorsPluginOptions {
  bodyTooLargeMessage: string
}

export default fp<ErrorsPluginOptions>(async (app, options) => {
  app.setErrorHandler(async (error: FastifyLikeError, request, reply) => {
    if (error instanceof ApiError) {
      reply.headers(error.headers)
      return error.untyped ? reply.sendUntypedErrors(error.statusCode, error.messages) : reply.sendErrors(error.statusCode, error.messages)
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.sendErrors(413, options.bodyTooLargeMessage)
    const status = error.statusCode ?? 500
    if (status < 500) {
      request.log.info({ err: error }, 'request rejected')
      return reply.sendErrors(status, error.message)
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.sendErrors(500, 'Internal Server Error: the failure was logged')
  })
}, { name: 'errors', dependencies: ['representation'] })
