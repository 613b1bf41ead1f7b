import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { ChallengerGuidParams, EmptyBody, ErrorMessages } from '../schemas/common.js'
import { ChallengerProgress, TodoDatabase } from '../schemas/challenger.js'
import { registerMethodStubs } from './method-stubs.js'
import { isUuid, normaliseChallengerHeader, UNKNOWN_CHALLENGER } from '../domain/run-modes.js'
import { parseProgress, progressBody, restorePayload } from '../domain/progress.js'
import { parseTodoDatabase, renderTodoDatabase } from '../domain/todo-database.js'
import { INVALID_JSON_MESSAGE, parseJsonBody } from '../domain/json-body.js'
import type { Challenger } from '../domain/session-store.js'

const GUID_HEADERS = Type.Object({ 'x-challenger': Type.Optional(Type.String({ description: 'your challenger GUID' })) })

const challengerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sessions, runMode, challengeSet } = app
  const todosRepository = app.repositories.todos

  function invalidGuid(guid: string): string | undefined {
    return runMode.validatesGuids && !isUuid(guid) ? `Invalid Challenger GUID Invalid UUID string: ${guid}` : undefined
  }

  /** the challenger a path GUID names (single-user: always the built-in one) */
  function challengerFor(guid: string): Challenger | undefined {
    return runMode.resolve(sessions, guid.trim().toLowerCase())
  }

  function sendProgress(reply: FastifyReply, challenger: Challenger) {
    return reply.header('x-challenger', challenger.guid)
      .sendBody('application/json', JSON.stringify(progressBody(challengeSet, runMode.mode, challenger)))
  }

  app.post('/challenger', {
    schema: {
      tags: ['Challenger'],
      summary: 'Create a challenger session (or re-attach to an existing one)',
      description: 'No body. Without X-CHALLENGER: 201 with a new GUID in X-CHALLENGER and Location. ' +
        'With a known X-CHALLENGER: 200 (multi-user). Unknown: 404. Single-user mode always answers 201 with the built-in session.',
      headers: GUID_HEADERS,
      response: { 201: EmptyBody, 200: EmptyBody, 404: EmptyBody },
    },
  }, async (request, reply) => {
    const outcome = runMode.postChallenger(sessions, normaliseChallengerHeader(request.headers['x-challenger']))
    if (outcome.status === 404) return reply.header('x-challenger', UNKNOWN_CHALLENGER).sendEmpty(404)
    const { guid } = outcome.challenger
    return reply.header('x-challenger', guid).header('location', runMode.progressPage(guid)).sendEmpty(outcome.status)
  })

  app.get('/challenger/:guid', {
    schema: {
      tags: ['Challenger'],
      summary: 'A challenger\'s progress, to save and later PUT back',
      params: ChallengerGuidParams,
      response: { 200: ChallengerProgress, 404: EmptyBody },
    },
  }, async (request, reply) => {
    const challenger = challengerFor(request.params.guid)
    if (!challenger) return reply.header('x-challenger', UNKNOWN_CHALLENGER).sendEmpty(404)
    sessions.touch(challenger)
    return sendProgress(reply, challenger)
  })

  app.put('/challenger/:guid', {
    schema: {
      tags: ['Challenger'],
      summary: 'Restore a challenger\'s progress (200), or create it from a saved payload (201, multi-user)',
      params: ChallengerGuidParams,
      body: ChallengerProgress,
      response: { 200: ChallengerProgress, 201: EmptyBody, 400: ErrorMessages, 409: ErrorMessages },
    },
  }, async (request, reply) => {
    const guid = request.params.guid.trim().toLowerCase()
    const guidError = invalidGuid(guid)
    if (guidError) return reply.sendUntypedErrors(400, guidError)
    const json = parseJsonBody(request.body)
    if (!json.ok) return reply.sendUntypedErrors(400, INVALID_JSON_MESSAGE)
    const parsed = parseProgress(json.value)
    reply.header('x-challenger', (parsed.ok || parsed.xChallenger) ? parsed.xChallenger : UNKNOWN_CHALLENGER)
    if (!parsed.ok) return reply.sendUntypedErrors(400, parsed.message)
    if (parsed.xChallenger !== guid) {
      return reply.sendUntypedErrors(challengeSet.http.guidMismatchStatus, 'URL GUID does not match payload X-CHALLENGER')
    }
    const existing = runMode.builtInGuid ? challengerFor(guid) : (sessions.isInMemory(guid) ? sessions.find(guid) : undefined)
    if (existing) {
      sessions.overwrite(existing, restorePayload(challengeSet, runMode.mode, parsed, existing.authToken))
      sessions.touch(existing)
      return sendProgress(reply, existing)
    }
    const created = sessions.replaceWithNew(guid, restorePayload(challengeSet, runMode.mode, parsed, ''))
    return reply.header('x-challenger', created.guid).header('content-type', 'application/json').sendEmpty(201)
  })

  app.get('/challenger/database/:guid', {
    schema: {
      tags: ['Challenger'],
      summary: 'A challenger\'s todo list, to save and later PUT back',
      params: ChallengerGuidParams,
      response: { 200: TodoDatabase, 400: ErrorMessages, 404: ErrorMessages },
    },
  }, async (request, reply) => {
    const guid = request.params.guid.trim().toLowerCase()
    const guidError = invalidGuid(guid)
    if (guidError) return reply.header('x-challenger', UNKNOWN_CHALLENGER).sendUntypedErrors(400, guidError)
    const challenger = challengerFor(guid)
    if (!challenger) return reply.header('x-challenger', UNKNOWN_CHALLENGER).sendUntypedErrors(404, `Challenger not found ${guid}`)
    sessions.touch(challenger)
    reply.header('x-challenger', challenger.guid)
    // the list is looked up by the URL's GUID: in single-user mode only the built-in one exists
    if (challenger.guid !== guid) return reply.sendErrors(404, `Challenger database not instantiated ${guid}`)
    return reply.sendBody('application/json', renderTodoDatabase(todosRepository.all(guid)))
  })

  app.put('/challenger/database/:guid', {
    schema: {
      tags: ['Challenger'],
      summary: 'Replace a challenger\'s todo list (ids are kept)',
      params: ChallengerGuidParams,
      body: TodoDatabase,
      response: { 204: EmptyBody, 400: ErrorMessages, 404: ErrorMessages },
    },
  }, async (request, reply) => {
    const guid = request.params.guid.trim().toLowerCase()
    const guidError = invalidGuid(guid)
    if (guidError) return reply.header('x-challenger', UNKNOWN_CHALLENGER).sendUntypedErrors(400, guidError)
    // single-user: the built-in session is always "in memory", and the list written is the one the URL names
    const challenger = runMode.builtInGuid ? challengerFor(guid) : (sessions.isInMemory(guid) ? sessions.find(guid) : undefined)
    if (!challenger) {
      return reply.header('x-challenger', UNKNOWN_CHALLENGER)
        .sendUntypedErrors(404, 'Unknown Challenger GUID - have you created or loaded the challenger state')
    }
    reply.header('x-challenger', challenger.guid)
    const json = parseJsonBody(request.body)
    if (!json.ok) return reply.sendUntypedErrors(400, INVALID_JSON_MESSAGE)
    const parsed = parseTodoDatabase(json.value)
    if (!parsed.ok) return reply.sendUntypedErrors(400, parsed.message)
    sessions.replaceTodos(guid, parsed.todos)
    sessions.touch(challenger)
    return reply.header('content-type', 'application/json').sendEmpty(204)
  })

  registerMethodStubs(app, '/challenger', {
    options: { status: 204, allow: 'POST, OPTIONS' },
    notAllowed: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY'],
  })
  for (const url of ['/challenger/:guid', '/challenger/database/:guid']) {
    registerMethodStubs(app, url, {
      options: { status: 204, allow: 'GET, PUT, HEAD, OPTIONS' },
      notAllowed: ['POST', 'PATCH', 'DELETE', 'TRACE', 'QUERY'],
    })
  }
}

export default challengerRoutes
