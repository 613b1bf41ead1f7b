import fp from 'fastify-plugin'
import { Compile } from 'typebox/compile'
import type { TSchema } from 'typebox'
import { restoreContentType } from '../domain/pre-routing.js'

/** generous transport cap; the API's own 5000-character rule is checked per route, in the reference's order */
export const TRANSPORT_BODY_LIMIT = 1024 * 1024

/**
 * Every body reaches the routes as its raw text: the reference checks Accept, size, Content-Type and
 * syntax in a fixed order with its own messages, which a parser running before the route could not honour.
 * Body schemas therefore document the payloads (OpenAPI) while the domain rules check them;
 * params and query strings are still validated against their schemas.
 */
export default fp(async (app) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: TRANSPORT_BODY_LIMIT }, (_request, body, done) => {
    done(null, body)
  })

  app.addHook('preValidation', (request, _reply, done) => {
    restoreContentType(request.raw)
    done()
  })

  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return () => true
    const validator = Compile(schema as TSchema)
    return (data: unknown) => {
      if (validator.Check(data)) return { value: data }
      const [first] = validator.Errors(data)
      const where = first?.instancePath ? `${httpPart}${first.instancePath}` : (httpPart ?? 'request')
      return { error: new Error(`${where} ${first?.message ?? 'is invalid'}`) }
    }
  })
}, { name: 'body' })
