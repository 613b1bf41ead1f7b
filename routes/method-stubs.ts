import type { FastifyInstance, HTTPMethods } from 'fastify'

export interface StubSpec {
  /** OPTIONS answer: status, Allow header and, for /challenges, a Content-Type; omit when the route answers OPTIONS itself */
  options?: { status: number; allow: string; contentType?: string }
  /** methods answered 405 with an empty body */
  notAllowed: readonly HTTPMethods[]
}

/** OPTIONS and the 405s of one path; hidden from the OpenAPI document */
export function registerMethodStubs(app: FastifyInstance, url: string, spec: StubSpec): void {
  if (spec.options) registerOptions(app, url, spec.options)
  // a GET stub also answers HEAD (Fastify exposes HEAD for every GET route)
  const methods = spec.notAllowed.includes('GET') ? spec.notAllowed.filter((m) => m !== 'HEAD') : spec.notAllowed
  if (methods.length === 0) return
  app.route({
    method: [...methods],
    url,
    schema: { hide: true },
    handler: async (_request, reply) => reply.sendStub(405),
  })
}

function registerOptions(app: FastifyInstance, url: string, options: NonNullable<StubSpec['options']>): void {
  app.route({
    method: 'OPTIONS',
    url,
    schema: { hide: true },
    handler: async (_request, reply) => {
      reply.code(options.status).header('allow', options.allow)
      if (options.contentType) reply.header('content-type', options.contentType)
      return reply.send()
    },
  })
}

/** 405s that may each carry their own Allow header */
export function registerNotAllowed(app: FastifyInstance, url: string, methods: readonly { method: HTTPMethods; allow?: string }[]): void {
  for (const { method, allow } of methods) {
    app.route({
      method,
      url,
      schema: { hide: true },
      handler: async (_request, reply) => {
        if (allow) reply.header('allow', allow)
        return reply.sendStub(405)
      },
    })
  }
}
