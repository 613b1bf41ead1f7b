import fp from 'fastify-plugin'

/** generous transport cap; the API's own 5000-character rule is checked per route, in the reference's order */
export const TRANSPORT_BODY_LIMIT = 1024 * 1024

/**
 * Every body reaches the routes as its raw text: the reference checks Accept, size, Content-Type and
 * syntax in a fixed order with its own messages, which a parser running before the route could not honour.
 */
export default fp(async (app) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: TRANSPORT_BODY_LIMIT }, (_request, body, done) => {
    done(null, body)
  })
}, { name: 'body' })
