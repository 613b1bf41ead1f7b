import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { UNKNOWN_CHALLENGER } from '../domain/run-modes.js'
import { normalisePath } from '../domain/api-paths.js'
import { renderErrors, renderUnknownResource } from '../domain/representations.js'
import { notFoundPage } from '../domain/not-found-page.js'

/** reason phrases where Jetty (the reference's server) differs from Node's defaults */
const JETTY_REASON_PHRASES: Readonly<Record<number, string>> = { 500: 'Server Error' }

const FASTIFY_CHARSET = '; charset=utf-8'
/** the methods the reference's servers routed at all; others never reached a resource */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'QUERY'])

function isEmpty(payload: unknown): boolean {
  return payload === undefined || payload === null || payload === ''
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (header(request, 'accept') ?? '').toLowerCase().includes('html')
}

export default fp(async (app) => {
  const http = app.challengeSet.http

  // callback style: no promise per request; replying without calling done() ends the request here
  app.addHook('onRequest', (request, reply, done) => {
    if (request.apiPath !== null && request.challengerHeaderTooLong) {
      // only JSON or XML here, whatever else the Accept would allow elsewhere
      const format = http.stubContentType(header(request, 'accept')) === 'application/xml' ? 'xml' : 'json'
      reply.code(431).header('content-type', `application/${format}`)
        .send(renderErrors([`X-CHALLENGER header is too large, maximum allowed is ${http.maxChallengerHeaderLength} characters`], format))
      return
    }
    done()
  })

  app.setNotFoundHandler(async (request, reply) => {
    if (request.apiPath !== null && http.unknownMethodStatus !== undefined && !KNOWN_METHODS.has(request.method)) {
      return reply.sendErrors(http.unknownMethodStatus, `Unsupported HTTP method ${request.method}`)
    }
    if (request.apiPath === null && acceptsHtml(request)) {
      return reply.code(404).header('content-type', 'text/html').send(notFoundPage(normalisePath(request.url)))
    }
    // an empty 404: on API paths the onSend rewrite below gives it the reference's body for the Accept
    return reply.code(404).send()
  })

  /** the reference's rewrite of empty 404s on API paths, keyed on the raw Accept string */
  function rewriteEmptyNotFound(request: FastifyRequest, reply: FastifyReply): string | undefined {
    const accept = (header(request, 'accept') ?? '').toLowerCase()
    if (acceptsHtml(request)) {
      if (http.htmlNotFound === 'redirect') {
        reply.code(307).header('location', `/gui/404/${request.apiPath}`)
        return undefined
      }
      reply.header('content-type', 'text/html')
      return notFoundPage(request.apiPath ?? '')
    }
    if (accept.startsWith('application/') && accept.endsWith('json')) {
      reply.header('content-type', 'application/json')
      return renderUnknownResource('json')
    }
    if (accept.startsWith('application/') && accept.endsWith('xml')) {
      reply.header('content-type', 'application/xml')
      return renderUnknownResource('xml')
    }
    return undefined
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    const onApiPath = request.apiPath !== null
    let body = payload
    if (onApiPath || http.corsOnEveryPath) {
      reply.headers(http.cors({ method: request.method, header: (name) => header(request, name) }))
    }
    if (onApiPath && !reply.hasHeader('x-challenger')) {
      // the bare /challenger path only echoes a session it recognised
      if (request.challenger) reply.header('x-challenger', request.challenger.guid)
      else if (request.apiPath !== 'challenger') reply.header('x-challenger', UNKNOWN_CHALLENGER)
    }
    if (onApiPath && reply.statusCode === 404 && (isEmpty(body) || (http.htmlNotFound === 'page' && acceptsHtml(request)))) {
      body = rewriteEmptyNotFound(request, reply)
    }
    if (reply.statusCode === 404 && isEmpty(body) && http.emptyNotFoundContentType) reply.header('content-type', http.emptyNotFoundContentType)
    if (http.stripEmptyContentType && isEmpty(body) && (reply.statusCode === 204 || reply.statusCode === 404 || reply.statusCode === 307)) {
      reply.removeHeader('content-type')
    }
    // Fastify appends a charset to JSON types; the reference never sends one
    const contentType = reply.getHeader('content-type')
    if (typeof contentType === 'string' && contentType.endsWith(FASTIFY_CHARSET)) {
      reply.header('content-type', contentType.slice(0, -FASTIFY_CHARSET.length))
    }
    const phrase = JETTY_REASON_PHRASES[reply.statusCode]
    if (phrase) reply.raw.statusMessage = phrase
    done(null, body)
  })
}, { name: 'http-conventions', dependencies: ['sessions', 'representation'] })
