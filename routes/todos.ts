import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { EmptyBody, ErrorMessages } from '../schemas/common.js'
import { AmendTodoBody, CreateTodoBody, ReplaceTodoBody, Todo, TodoIdParams, TodoList, TodoListQuery } from '../schemas/todos.js'
import { registerNotAllowed } from './method-stubs.js'
import { ApiError } from '../domain/errors.js'
import type { Negotiation, NegotiateOptions } from '../domain/accept.js'
import { renderCalendar, renderTodo, renderTodoCollection } from '../domain/representations.js'
import { checkBodySize, MAX_BODY_CHARACTERS, parseTodoBody } from '../domain/todo-requests.js'
import { targetTodoKey, todoKey, validateAmend, validateCreate, validateReplace, type WriteOutcome } from '../domain/todo-writes.js'
import { rejectHighLimit, selectTodos, urlQueryOf } from './todo-listing.js'
import { runQuery } from '../domain/todo-query-bodies.js'
import { patchTodo } from '../domain/todo-patch.js'
import type { ParsedTodoQuery } from '../domain/todo-query.js'
import type { Todo as TodoRecord } from '../db/todos-repository.js'
import registerExport from './todo-export.js'

/** the shared list anonymous readers see in multi-user mode */
export const ANONYMOUS_LIST = ''
const NO_SESSION_MESSAGE = 'Cannot amend details. Missing a valid X-CHALLENGER header.'

type Negotiated = Extract<Negotiation, { ok: true }>

const todosRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { challengeSet, runMode } = app
  const profile = challengeSet.todos
  const repository = app.repositories.todos

  const listOf = (request: FastifyRequest) => request.challenger?.guid ?? ANONYMOUS_LIST
  const mountOf = (request: FastifyRequest) => (request.url.startsWith('/api/') ? '/api' : '')
  const rawBodyOf = (request: FastifyRequest) => (typeof request.body === 'string' ? request.body : '')

  /** multi-user writes need a session, checked before anything else about the request */
  function guardWrite(request: FastifyRequest, reply: FastifyReply): void {
    if (runMode.anonymousWritesAllowed || request.challenger) return
    reply.header('x-robots-tag', 'noindex')
    throw new ApiError(401, NO_SESSION_MESSAGE)
  }

  /** Accept → response type (406 when nothing fits), then the body size rule every verb shares */
  function begin(request: FastifyRequest, reply: FastifyReply, options?: NegotiateOptions): Negotiated {
    reply.header('x-robots-tag', 'noindex')
    const negotiation = challengeSet.accept.negotiate(request.headers.accept, options)
    if (!negotiation.ok) throw new ApiError(406, negotiation.message)
    checkBodySize(rawBodyOf(request), profile)
    // Fastify does not read GET/HEAD bodies: their declared length stands in for the text
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_CHARACTERS && rawBodyOf(request) === '') {
      throw new ApiError(413, profile.bodyTooLargeMessage)
    }
    return negotiation
  }

  function readBody(request: FastifyRequest): Record<string, unknown> {
    return parseTodoBody(rawBodyOf(request), request.headers['content-type'], profile)
  }

  function valueOf<T>(outcome: WriteOutcome<T>): T {
    if (!outcome.ok) throw new ApiError(outcome.error.status, outcome.error.messages)
    return outcome.value
  }

  function findTodo(list: string, id: string | undefined) {
    const key = todoKey(id)
    return key === undefined ? undefined : repository.find(list, key)
  }

  const send = (reply: FastifyReply, negotiated: Negotiated, body: string) => reply.sendBody(negotiated.mediaType, body)

  /** amend, replace and patch: the shared checks in the reference's order, then the decided todo is stored and echoed */
  function updateTodo(request: FastifyRequest, reply: FastifyReply, decide: (list: string) => TodoRecord) {
    guardWrite(request, reply)
    const negotiated = begin(request, reply)
    const list = listOf(request)
    const todo = decide(list)
    repository.update(list, todo)
    return send(reply, negotiated, renderTodo(todo, negotiated.format))
  }

  /** PUT: the target is the URL's id, or the body's on PUT /todos */
  function replaceFrom(list: string, urlId: string | undefined, body: Record<string, unknown>): TodoRecord {
    const key = targetTodoKey(urlId, body)
    const existing = key === undefined ? undefined : repository.find(list, key)
    return valueOf(validateReplace(profile.writeRules, existing, urlId, body))
  }

  app.get('/todos', {
    schema: {
      tags: ['Todos'],
      summary: 'List todos (filter, sort and page with query parameters)',
      querystring: TodoListQuery,
      response: { 200: TodoList, 400: ErrorMessages, 406: ErrorMessages },
    },
  }, async (request, reply) => {
    reply.headers(profile.collectionHeaders)
    const query = urlQueryOf(request)
    // GET only (not HEAD): the reference's request hook refused large pages before anything else
    const isGet = request.method === 'GET'
    if (isGet) rejectHighLimit(query, profile)
    const negotiated = begin(request, reply)
    const todos = selectTodos(repository.all(listOf(request)), query, profile, isGet)
    return send(reply, negotiated, renderTodoCollection(todos, negotiated.format))
  })

  if (profile.query) {
    app.route({
      method: 'QUERY',
      url: '/todos',
      schema: {
        tags: ['Todos'],
        summary: 'Search todos with a body: form-encoded filters, a JSONPath expression, or a structured JSON query',
        description: 'Content-Type application/x-www-form-urlencoded (doneStatus=true&_sortBy=-id), application/jsonpath ' +
          '($.todos[?(@.doneStatus == true)]) or application/vnd.thingifier.query+json ({"filter":{"doneStatus":true}}).',
        response: { 200: TodoList, 400: ErrorMessages, 415: ErrorMessages, 422: ErrorMessages },
      },
      handler: async (request, reply) => {
        reply.headers(profile.collectionHeaders)
        const negotiated = begin(request, reply)
        const tools = { select: (todos: readonly TodoRecord[], query: ParsedTodoQuery) => selectTodos(todos, query, profile, false), paging: profile.paging }
        const todos = runQuery(repository.all(listOf(request)), urlQueryOf(request), request.headers['content-type'], rawBodyOf(request), tools)
        return send(reply, negotiated, renderTodoCollection(todos, negotiated.format))
      },
    })
  }

  app.post('/todos', {
    schema: {
      tags: ['Todos'],
      summary: 'Create a todo (JSON or XML body)',
      body: CreateTodoBody,
      response: { 201: Todo, 400: ErrorMessages, 401: ErrorMessages, 406: ErrorMessages, 409: ErrorMessages, 413: ErrorMessages, 415: ErrorMessages, 422: ErrorMessages },
    },
  }, async (request, reply) => {
    guardWrite(request, reply)
    const negotiated = begin(request, reply)
    const list = listOf(request)
    const fields = valueOf(validateCreate(profile.writeRules, readBody(request), repository.count(list), profile.maxTodos))
    const todo = repository.create(list, fields)
    reply.code(201).header('location', `${mountOf(request)}/todos/${todo.id}`)
    return send(reply, negotiated, renderTodo(todo, negotiated.format))
  })

  if (profile.collectionPut) {
    app.put('/todos', {
      schema: {
        tags: ['Todos'],
        summary: 'Replace the todo whose id is in the body',
        body: ReplaceTodoBody,
        response: { 200: Todo, 401: ErrorMessages, 422: ErrorMessages },
      },
    }, async (request, reply) => updateTodo(request, reply, (list) => replaceFrom(list, undefined, readBody(request))))
  }

  app.route({
    method: 'OPTIONS',
    url: '/todos',
    schema: { hide: true },
    handler: async (request, reply) => {
      // the reference rewrote this 204 to 200 only once a session was known
      reply.code(request.challenger ? 200 : 204).header('allow', profile.collectionAllow).headers(profile.collectionHeaders)
      return reply.send()
    },
  })

  if (profile.exports) registerExport(app, { listOf })

  app.get('/todos/:id', {
    schema: {
      tags: ['Todos'],
      summary: 'One todo, as a collection of one (Accept text/calendar for a VTODO)',
      params: TodoIdParams,
      response: { 200: TodoList, 404: ErrorMessages, 406: ErrorMessages },
    },
  }, async (request, reply) => {
    const negotiated = begin(request, reply, { allowCalendar: profile.exports })
    const todo = findTodo(listOf(request), request.params.id)
    if (negotiated.format === 'calendar') {
      if (!todo) throw new ApiError(404, `No such todo entity instance with id == ${request.params.id}`)
      return send(reply, negotiated, renderCalendar(todo))
    }
    if (!todo) throw new ApiError(404, `Could not find an instance with todos/${request.params.id}`)
    return send(reply, negotiated, renderTodoCollection([todo], negotiated.format))
  })

  app.post('/todos/:id', {
    schema: {
      tags: ['Todos'],
      summary: 'Amend some fields of a todo',
      params: TodoIdParams,
      body: AmendTodoBody,
      response: { 200: Todo, 401: ErrorMessages, 404: ErrorMessages, 422: ErrorMessages },
    },
  }, async (request, reply) => updateTodo(request, reply, (list) => {
    const body = readBody(request)
    return valueOf(validateAmend(profile.writeRules, findTodo(list, request.params.id), request.params.id, body))
  }))

  app.put('/todos/:id', {
    schema: {
      tags: ['Todos'],
      summary: 'Replace a todo (omitted fields return to their defaults)',
      params: TodoIdParams,
      body: ReplaceTodoBody,
      response: { 200: Todo, 401: ErrorMessages, 404: ErrorMessages, 422: ErrorMessages },
    },
  }, async (request, reply) => updateTodo(request, reply, (list) => replaceFrom(list, request.params.id, readBody(request))))

  if (profile.patch) {
    app.patch('/todos/:id', {
      schema: {
        tags: ['Todos'],
        summary: 'Patch a todo: partial JSON, JSON Merge Patch (RFC 7396) or JSON Patch (RFC 6902), chosen by Content-Type',
        params: TodoIdParams,
        body: AmendTodoBody,
        response: { 200: Todo, 400: ErrorMessages, 404: ErrorMessages, 409: ErrorMessages, 415: ErrorMessages, 422: ErrorMessages },
      },
    }, async (request, reply) => updateTodo(request, reply, (list) => patchTodo(profile.writeRules,
      findTodo(list, request.params.id), request.params.id, request.headers['content-type'], rawBodyOf(request))))
  }

  app.delete('/todos/:id', {
    schema: {
      tags: ['Todos'],
      summary: 'Delete a todo',
      params: TodoIdParams,
      response: { 204: EmptyBody, 401: ErrorMessages, 404: ErrorMessages },
    },
  }, async (request, reply) => {
    guardWrite(request, reply)
    begin(request, reply)
    const key = todoKey(request.params.id)
    if (key === undefined || !repository.delete(listOf(request), key)) {
      throw new ApiError(404, `Could not find any instances with todos/${request.params.id}`)
    }
    return reply.header('content-type', 'application/json').sendEmpty(profile.deleteStatus)
  })

  app.route({
    method: 'OPTIONS',
    url: '/todos/:id',
    schema: { hide: true },
    handler: async (_request, reply) => {
      reply.code(204).header('allow', profile.instanceAllow).headers(profile.instanceOptionsHeaders)
      return reply.send()
    },
  })
  registerNotAllowed(app, '/todos', profile.collectionNotAllowed)
  registerNotAllowed(app, '/todos/:id', profile.instanceNotAllowed)
}

export default todosRoutes
