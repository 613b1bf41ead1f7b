import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify'
import { EmptyBody, ErrorMessages } from '../schemas/common.js'
import {
  basicCredentialsOf, bearerTokenOf, MAX_NOTE_LENGTH, SecretNote, SecretNoteHeaders, SecretToken, SecretTokenHeaders,
} from '../schemas/secret.js'
import { registerMethodStubs } from './method-stubs.js'
import { sameSecret } from '../domain/secrets.js'
import { normaliseChallengerHeader, UNKNOWN_CHALLENGER } from '../domain/run-modes.js'
import { parseAcceptHeader } from '../domain/accept.js'
import { INVALID_JSON_MESSAGE, parseJsonBody } from '../domain/json-body.js'
import { parseXmlBody } from '../domain/xml-body.js'
import { toXml } from '../domain/representations.js'

/** what GET /secret/token hands out, and GET /secret/note accepts, when a multi-user request names no session */
export const READ_ONLY_TOKEN = '00000000-0000-4000-8000-000000000000'
export const READ_ONLY_NOTE = 'This is the read-only secret note.'
const ADMIN_USER = 'admin'
const ADMIN_PASSWORD = 'password'
const BASIC_CHALLENGE = 'Basic realm="User Visible Realm"'
const BEARER_CHALLENGE = 'Bearer'
const LIVE_WIDGET_HEADER = 'x-api-challenges-live-widget'
const NOTE_ALLOW = 'GET, HEAD, POST, OPTIONS'

type NoteFormat = 'json' | 'xml'
const NOTE_MEDIA_TYPES: Readonly<Record<NoteFormat, string>> = { json: 'application/json', xml: 'application/xml' }

// ---------------------------------------------------------------------------
// Note bodies
// ---------------------------------------------------------------------------

const MANDATORY_MESSAGE = 'note : field is mandatory'
const TOO_LONG_MESSAGE = `Failed Validation: Maximum allowable length exceeded for note - maximum allowed is ${MAX_NOTE_LENGTH}`
const NOT_TEXT_MESSAGE = 'Failed Validation: note must be a string'

type NoteParse = { ok: true; note: string } | { ok: false; status: number; message: string }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** a JSON number as the reference's Java double printed it: 123 → "123.0", 12345678 → "1.2345678E7" */
export function javaDoubleText(value: number): string {
  const magnitude = Math.abs(value)
  if (magnitude === 0 || (magnitude >= 1e-3 && magnitude < 1e7)) {
    const text = String(value)
    return text.includes('.') ? text : `${text}.0`
  }
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e')
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`
}

/** the note as text; undefined when absent, null when it is not a scalar */
function noteText(value: unknown, kind: NoteFormat): string | undefined | null {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  // JSON numbers went through a Java double; XML text was only typed by our reader, so print it plainly
  if (typeof value === 'number') return kind === 'json' ? javaDoubleText(value) : String(value)
  if (typeof value === 'boolean') return String(value)
  return null
}

/**
 * `{"note":"…"}` or `<secretnote><note>…</note></secretnote>` (a bare `<note>` root is accepted too):
 * syntax errors are 400, everything else wrong with the note is the set's validation status.
 */
export function parseNoteBody(raw: string, kind: NoteFormat, validationStatus: number): NoteParse {
  const invalid = (message: string): NoteParse => ({ ok: false, status: validationStatus, message })
  if (raw.trim() === '') return invalid(MANDATORY_MESSAGE)
  let fields: Record<string, unknown>
  if (kind === 'json') {
    const parsed = parseJsonBody(raw)
    if (!parsed.ok || !isObject(parsed.value)) return { ok: false, status: 400, message: INVALID_JSON_MESSAGE }
    fields = parsed.value
  } else {
    const parsed = parseXmlBody(raw, ['secretnote'])
    if (!parsed.ok) return { ok: false, status: 400, message: parsed.message }
    fields = parsed.value
  }
  const unknownField = Object.keys(fields).find((name) => name !== 'note')
  if (unknownField !== undefined) return invalid(`Could not find field: ${unknownField}`)
  const note = noteText(fields.note, kind)
  if (note === undefined) return invalid(MANDATORY_MESSAGE)
  if (note === null) return invalid(NOT_TEXT_MESSAGE)
  if (note.length > MAX_NOTE_LENGTH) return invalid(TOO_LONG_MESSAGE)
  return { ok: true, note }
}

function renderNote(note: string, format: NoteFormat): string {
  return format === 'xml' ? toXml('secretnote', { note }) : JSON.stringify({ note })
}

/** request body type of POST /secret/note; undefined (415) for anything but JSON or XML, a missing type included */
function noteBodyKind(contentType: string | undefined): NoteFormat | undefined {
  const media = contentType?.split(';', 1)[0]!.trim().toLowerCase()
  if (media === 'application/json') return 'json'
  if (media === 'application/xml' || media === 'text/xml') return 'xml'
  return undefined
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** a valid Bearer header wins over X-AUTH-TOKEN, even when it is the wrong one (sessions.md §7.2) */
function presentedToken(request: FastifyRequest): string | undefined {
  const token = bearerTokenOf(headerOf(request, 'authorization')) ?? headerOf(request, 'x-auth-token')
  return token ? token : undefined
}

function isAdmin(request: FastifyRequest): boolean {
  const credentials = basicCredentialsOf(headerOf(request, 'authorization'))
  if (!credentials) return false
  // both compared, in constant time, so the answer time does not say which one was wrong
  const userMatches = sameSecret(credentials.user, ADMIN_USER)
  const passwordMatches = sameSecret(credentials.password, ADMIN_PASSWORD)
  return userMatches && passwordMatches
}

/** the request carried an X-CHALLENGER value (it may still name no session) */
function namesChallenger(request: FastifyRequest): boolean {
  return normaliseChallengerHeader(request.headers['x-challenger']) !== undefined
}

// ---------------------------------------------------------------------------

const secretRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { challengeSet, sessions } = app
  const profile = challengeSet.secret

  const untyped = (reply: FastifyReply) =>
    profile.untypedContentType ? reply.header('content-type', profile.untypedContentType) : reply

  /** JSON or XML as the request's Accept asks; undefined (406) when it accepts neither */
  function noteFormat(request: FastifyRequest): NoteFormat | undefined {
    const negotiation = challengeSet.accept.negotiate(request.headers.accept)
    if (!negotiation.ok) return undefined
    if (negotiation.format === 'json' || negotiation.format === 'xml') return negotiation.format
    // the todo API's richer types (CSV, HTML…) have no note form: fall back to one the client also accepts
    const accepted = parseAcceptHeader(request.headers.accept).filter((entry) => entry.qValid && entry.q > 0).map((entry) => entry.range)
    if (accepted.some((range) => ['application/json', 'application/*', '*/*'].includes(range))) return 'json'
    if (accepted.some((range) => ['application/xml', 'text/xml'].includes(range))) return 'xml'
    return undefined
  }

  function basicUnauthorised(request: FastifyRequest, reply: FastifyReply) {
    const widget = headerOf(request, LIVE_WIDGET_HEADER)?.trim().toLowerCase() === 'true'
    if (!(profile.widgetSkipsBasicChallenge && widget)) reply.header('www-authenticate', BASIC_CHALLENGE)
    return reply.sendEmpty(401)
  }

  function noteUnauthorised(reply: FastifyReply) {
    if (profile.noteBearerChallenge) reply.header('www-authenticate', BEARER_CHALLENGE)
    return reply.sendEmpty(401)
  }

  const sendNote = (reply: FastifyReply, note: string, format: NoteFormat) =>
    reply.sendBody(NOTE_MEDIA_TYPES[format], renderNote(note, format))

  app.post('/secret/token', {
    schema: {
      tags: ['Secret'],
      summary: 'Log in with Basic auth (admin / password) to get your X-AUTH-TOKEN',
      description: '201 with the session\'s token in the X-AUTH-TOKEN header (no body). 401 with a Basic challenge ' +
        'for missing or wrong credentials, or without one when X-CHALLENGER names no session (multi-user).',
      headers: SecretTokenHeaders,
      response: { 201: EmptyBody, 401: EmptyBody },
    },
  }, async (request, reply) => {
    untyped(reply)
    if (!isAdmin(request)) return basicUnauthorised(request, reply)
    const challenger = request.challenger
    if (!challenger) return reply.header('x-challenger', UNKNOWN_CHALLENGER).sendEmpty(401)
    return reply.header('x-auth-token', challenger.authToken).header('x-challenger', challenger.guid).sendEmpty(201)
  })

  if (profile.getToken) {
    app.get('/secret/token', {
      exposeHeadRoute: false,
      schema: {
        tags: ['Secret'],
        summary: 'Read your X-AUTH-TOKEN with Basic auth (admin / password)',
        description: 'Without X-CHALLENGER in multi-user mode: the read-only demo token, which opens the read-only note.',
        headers: SecretTokenHeaders,
        response: { 200: SecretToken, 401: EmptyBody },
      },
    }, async (request, reply) => {
      if (!isAdmin(request)) return basicUnauthorised(request, reply)
      const challenger = request.challenger
      if (!challenger && namesChallenger(request)) return reply.header('x-challenger', UNKNOWN_CHALLENGER).sendEmpty(401)
      const token = challenger?.authToken ?? READ_ONLY_TOKEN
      return reply.header('x-auth-token', token).sendBody('application/json', JSON.stringify({ token }))
    })
  }

  app.get('/secret/note', {
    schema: {
      tags: ['Secret'],
      summary: 'Read your secret note (X-AUTH-TOKEN or Authorization: Bearer)',
      description: '401 without a token (or a session), 403 with a wrong one, 406 for an Accept other than JSON or XML. ' +
        'A valid Bearer header is used instead of X-AUTH-TOKEN.',
      headers: SecretNoteHeaders,
      response: { 200: SecretNote, 401: EmptyBody, 403: EmptyBody, 406: EmptyBody },
    },
  }, async (request, reply) => {
    reply.header('content-type', 'application/json')
    const token = presentedToken(request)
    const challenger = request.challenger
    if (!challenger) {
      if (!profile.readOnlyNote || namesChallenger(request)) return noteUnauthorised(reply)
      if (!token) return noteUnauthorised(reply)
      if (!sameSecret(token, READ_ONLY_TOKEN)) return reply.sendEmpty(403)
      const format = noteFormat(request)
      return format ? sendNote(reply, READ_ONLY_NOTE, format) : reply.sendEmpty(406)
    }
    if (!token) return noteUnauthorised(reply)
    if (!sameSecret(token, challenger.authToken)) return reply.sendEmpty(403)
    const format = noteFormat(request)
    return format ? sendNote(reply, challenger.secretNote, format) : reply.sendEmpty(406)
  })

  app.post('/secret/note', {
    schema: {
      tags: ['Secret'],
      summary: 'Replace your secret note (JSON or XML body, at most 100 characters)',
      description: 'Checked in this order: 406 Accept, 415 Content-Type, 401 session or token, 403 token, ' +
        '400 syntax, then validation of the note.',
      headers: SecretNoteHeaders,
      body: SecretNote,
      response: {
        200: SecretNote, 400: ErrorMessages, 401: EmptyBody, 403: EmptyBody, 406: EmptyBody, 415: EmptyBody,
        [profile.noteValidationStatus]: ErrorMessages,
      },
    },
  }, async (request, reply) => {
    const format = noteFormat(request)
    if (!format) return untyped(reply).sendEmpty(406)
    const kind = noteBodyKind(request.headers['content-type'])
    if (!kind) return untyped(reply).sendEmpty(415)
    const challenger = request.challenger
    if (!challenger) return noteUnauthorised(untyped(reply).header('x-challenger', UNKNOWN_CHALLENGER))

    reply.header('x-challenger', challenger.guid).header('content-type', NOTE_MEDIA_TYPES[format])
    const token = presentedToken(request)
    if (!token) return noteUnauthorised(reply)
    if (!sameSecret(token, challenger.authToken)) return reply.sendEmpty(403)
    const parsed = parseNoteBody(typeof request.body === 'string' ? request.body : '', kind, profile.noteValidationStatus)
    if (!parsed.ok) return reply.sendErrors(parsed.status, parsed.message)
    sessions.setNote(challenger, parsed.note)
    return sendNote(reply, parsed.note, format)
  })

  const query405: HTTPMethods[] = profile.allowOnQuery ? [] : ['QUERY']
  registerMethodStubs(app, '/secret/token', {
    options: { status: 204, allow: profile.tokenAllow, contentType: profile.untypedContentType },
    notAllowed: [...profile.tokenNotAllowed, ...query405],
  })
  registerMethodStubs(app, '/secret/note', {
    options: { status: 204, allow: NOTE_ALLOW, contentType: profile.untypedContentType },
    notAllowed: ['PUT', 'PATCH', 'DELETE', 'TRACE', ...query405],
  })
  if (profile.allowOnQuery) {
    for (const [url, allow] of [['/secret/token', profile.tokenAllow], ['/secret/note', NOTE_ALLOW]] as const) {
      app.route({
        method: 'QUERY',
        url,
        schema: { hide: true },
        handler: async (_request, reply) => reply.header('allow', allow).sendStub(405),
      })
    }
  }
}

export default secretRoutes
