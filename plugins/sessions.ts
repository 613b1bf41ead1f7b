import fp from 'fastify-plugin'
import type { RunMode } from '../challenges/catalogue.js'
import { createSessionStore, type Challenger, type SessionStore } from '../domain/session-store.js'
import { normaliseChallengerHeader, RUN_MODES, SINGLE_PLAYER_GUID, type RunModeBehaviour } from '../domain/run-modes.js'
import { apiPathOf } from '../domain/api-paths.js'

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionStore
    runMode: RunModeBehaviour
  }
  interface FastifyRequest {
    /** normalised path ('todos/3') of a challenges-API request, null elsewhere */
    apiPath: string | null
    /** the session the X-CHALLENGER header names (single-user: the built-in one) */
    challenger: Challenger | undefined
    /** X-CHALLENGER exceeded the set's limit; the challenger is then matched on its first 36 characters */
    challengerHeaderTooLong: boolean
  }
}

export interface SessionsPluginOptions {
  mode: RunMode
  idleMinutes: number
  retentionDays: number
  /** X-CHALLENGER length limit of the active challenge set */
  maxChallengerHeaderLength: number | undefined
  now?: () => number
}

const MINUTE = 60_000
const GUID_LENGTH = 36

export default fp<SessionsPluginOptions>(async (app, options) => {
  const runMode = RUN_MODES[options.mode]
  const store = createSessionStore({
    db: app.db,
    ...app.repositories,
    idleMs: options.idleMinutes * MINUTE,
    retentionMs: options.retentionDays * 24 * 60 * MINUTE,
    keep: new Set(runMode.builtInGuid ? [runMode.builtInGuid] : []),
    now: options.now,
  })
  store.purgeExpired()
  if (runMode.builtInGuid && !store.find(runMode.builtInGuid)) store.create(runMode.builtInGuid)

  app.decorate('sessions', store)
  app.decorate('runMode', runMode)
  app.decorateRequest('apiPath', null)
  app.decorateRequest('challenger', undefined)
  app.decorateRequest('challengerHeaderTooLong', false)

  function resolveOversized(header: string): Challenger | undefined {
    if (header.startsWith(SINGLE_PLAYER_GUID) || runMode.builtInGuid) return runMode.resolve(store, SINGLE_PLAYER_GUID)
    return runMode.resolve(store, header.slice(0, GUID_LENGTH))
  }

  // callback style: no promise per request
  app.addHook('onRequest', (request, _reply, done) => {
    request.apiPath = apiPathOf(request.url)
    if (request.apiPath !== null) {
      const header = normaliseChallengerHeader(request.headers['x-challenger'])
      const limit = options.maxChallengerHeaderLength
      request.challengerHeaderTooLong = limit !== undefined && header !== undefined && header.length > limit
      request.challenger = request.challengerHeaderTooLong ? resolveOversized(header!) : runMode.resolve(store, header)
      if (request.challenger) store.touch(request.challenger)
    }
    done()
  })

  const sweep = setInterval(() => {
    store.evictIdle()
    store.purgeExpired()
  }, MINUTE)
  sweep.unref()

  app.addHook('onClose', async () => {
    clearInterval(sweep)
    store.flushAll()
  })
}, { name: 'sessions', dependencies: ['database'] })
