import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isUuid } from '../domain/run-modes.js'
import { createFacilitatorQueries } from '../db/facilitator-queries.js'
import { ASSETS } from './gui-assets.js'
import { ADMIN_COOKIE, ADMIN_COOKIE_MAX_AGE_SECONDS, createAdminGate, parseCookies, type AdminGate } from './gui-admin.js'
import {
  chooseSessionPage, facilitatorLoginPage, facilitatorPage, landingPage, notFoundPage, progressPage,
  type FacilitatorView, type ProgressView, type SectionView, type SiteInfo,
} from './gui-pages.js'

export interface GuiOptions {
  /** facilitator page token; undefined keeps the page off */
  adminToken: string | undefined
  /** sessions seen within this many minutes count as active (the session idle time) */
  activeMinutes: number
}

/** the JSON the progress page polls: GET /gui/challenge-status/{guid} */
export interface ChallengeStatusBody {
  known: boolean
  summary: { doneCount: number; totalCount: number; percentComplete: number }
  /** ids of the completed challenges */
  done: number[]
}

/** nothing on these pages comes from another origin, and no script or style is inline */
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
}

/** the cookies that send a browser from /gui/challenges to its session (the reference honours both) */
const SESSION_COOKIES = ['X-CHALLENGER', 'X-THINGIFIER-DATABASE-NAME']
const SESSION_COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60
const FACILITATOR_SESSION_LIMIT = 500
const HARDEST_SHOWN = 10

function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total)
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined
}

function headerString(request: FastifyRequest, name: string): string | undefined {
  return firstString(request.headers[name])
}

function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(page)
}

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

function secureSuffix(request: FastifyRequest): string {
  return request.protocol === 'https' ? '; Secure' : ''
}

/** the learner and facilitator pages (server-rendered HTML, no external assets) */
const guiRoutes: FastifyPluginAsync<GuiOptions> = async (app, options) => {
  const { sessions, runMode, challengeSet } = app
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true }
  })

  const listed = challengeSet.listed(runMode.mode).map((c) => ({ ...c, internal: challengeSet.internalKey(c.key) }))
  const sectionOrder = challengeSet.sections
  const facilitatorOn = runMode.mode === 'multi' && options.adminToken !== undefined
  const site: SiteInfo = {
    mode: runMode.mode,
    setName: challengeSet.name,
    challengeCount: listed.length,
    apiBase: challengeSet.apiPrefix,
    builtInGuid: runMode.builtInGuid,
    facilitatorEnabled: facilitatorOn,
  }

  function sectionsFor(passed: ReadonlySet<string> | undefined): SectionView[] {
    const bySection = new Map<string, SectionView & { challenges: SectionView['challenges'][number][] }>()
    for (const c of listed) {
      let section = bySection.get(c.section)
      if (!section) {
        const known = sectionOrder.indexOf(c.section)
        section = { index: known === -1 ? sectionOrder.length + bySection.size : known + 1, title: c.section, challenges: [] }
        bySection.set(c.section, section)
      }
      section.challenges.push({ id: c.id, name: c.name, description: c.description, done: passed?.has(c.internal) ?? false })
    }
    return [...bySection.values()].sort((a, b) => a.index - b.index)
  }

  function progressView(guid: string, passed: ReadonlySet<string> | undefined, restorable: boolean): ProgressView {
    const doneCount = passed ? listed.filter((c) => passed.has(c.internal)).length : 0
    return {
      guid,
      known: passed !== undefined,
      restorable,
      sections: sectionsFor(passed),
      doneCount,
      totalCount: listed.length,
      percent: percentOf(doneCount, listed.length),
    }
  }

  /** a session's passes without loading it into the working set or touching it (polling must not keep it alive) */
  function peekPasses(guid: string): ReadonlySet<string> | undefined {
    if (sessions.isInMemory(guid)) return sessions.find(guid)?.passed
    const record = app.repositories.challengers.find(guid)
    return record ? new Set(record.passed) : undefined
  }

  /** the session id a page URL names: single-user always shows the built-in session */
  function sessionIdOf(raw: string): string {
    return runMode.builtInGuid ?? raw.trim().toLowerCase()
  }

  const facilitator = createFacilitatorQueries(app.db)

  app.get('/', async (request, reply) => sendPage(reply, 200, landingPage(site, originOf(request))))

  await app.register(async (gui: FastifyInstance) => {
    gui.get('/', async (_request, reply) => reply.redirect('/gui/challenges', 302))

    gui.get('/challenges', async (request, reply) => {
      if (runMode.builtInGuid) return showSession(reply, runMode.builtInGuid)
      const asked = firstString((request.query as Record<string, unknown>).guid)
      if (asked !== undefined) {
        const guid = asked.trim().toLowerCase()
        if (isUuid(guid)) return reply.redirect(`/gui/challenges/${guid}`, 302)
        const error = 'That is not a session id. Ids are UUIDs such as 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b: copy the X-CHALLENGER header of your POST /challenger response.'
        return sendPage(reply, 400, chooseSessionPage(site, sectionsFor(undefined), originOf(request), error))
      }
      const cookies = parseCookies(headerString(request, 'cookie'))
      for (const name of SESSION_COOKIES) {
        const guid = cookies.get(name)?.trim().toLowerCase()
        if (guid && isUuid(guid)) return reply.redirect(`/gui/challenges/${guid}`, 302)
      }
      return sendPage(reply, 200, chooseSessionPage(site, sectionsFor(undefined), originOf(request)))
    })

    async function showSession(reply: FastifyReply, guid: string) {
      const valid = runMode.builtInGuid !== undefined || isUuid(guid)
      const challenger = valid ? runMode.resolve(sessions, guid) : undefined
      if (!challenger) return sendPage(reply, 200, progressPage(site, progressView(guid, undefined, valid)))
      sessions.touch(challenger)
      if (!runMode.builtInGuid) {
        reply.header('set-cookie', `X-CHALLENGER=${challenger.guid}; Path=/gui; Max-Age=${SESSION_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax; HttpOnly${secureSuffix(reply.request)}`)
      }
      return sendPage(reply, 200, progressPage(site, progressView(challenger.guid, challenger.passed, true)))
    }

    gui.get<{ Params: { guid: string } }>('/challenges/:guid', async (request, reply) => showSession(reply, sessionIdOf(request.params.guid)))

    gui.get<{ Params: { guid: string } }>('/challenge-status/:guid', async (request, reply) => {
      const guid = sessionIdOf(request.params.guid)
      const passed = runMode.builtInGuid || isUuid(guid) ? peekPasses(guid) : undefined
      const done = passed ? listed.filter((c) => passed.has(c.internal)).map((c) => c.id) : []
      const body: ChallengeStatusBody = {
        known: passed !== undefined,
        summary: { doneCount: done.length, totalCount: listed.length, percentComplete: percentOf(done.length, listed.length) },
        done,
      }
      return reply.header('cache-control', 'no-store').type('application/json').send(JSON.stringify(body))
    })

    gui.get('/404', async (_request, reply) => sendPage(reply, 404, notFoundPage(site, '')))
    gui.get<{ Params: { '*': string } }>('/404/*', async (request, reply) => sendPage(reply, 404, notFoundPage(site, request.params['*'])))

    for (const asset of ASSETS) {
      const version = asset.url.slice(asset.url.indexOf('?v=') + 3)
      gui.get(asset.path.slice('/gui'.length), async (request, reply) => {
        const current = firstString((request.query as Record<string, unknown>).v) === version
        return reply
          .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'no-cache')
          .header('x-content-type-options', 'nosniff')
          .type(asset.contentType)
          .send(asset.body)
      })
    }

    if (facilitatorOn) registerFacilitator(gui, createAdminGate(options.adminToken!))

    gui.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?', 1)[0]!.replace(/^\//, '')
      return sendPage(reply, 404, notFoundPage(site, path))
    })
  }, { prefix: '/gui' })

  function facilitatorView(): FacilitatorView {
    const now = Date.now()
    const rows = facilitator.sessions(listed.map((c) => c.internal), FACILITATOR_SESSION_LIMIT)
    const counts = facilitator.sessionCounts(now - options.activeMinutes * 60_000)
    const nameOf = new Map(listed.map((c) => [c.internal, c.name]))
    const sessionViews = rows.map((row) => {
      const live = sessions.isInMemory(row.guid) ? sessions.find(row.guid) : undefined
      return {
        guid: row.guid,
        doneCount: row.doneCount,
        percent: percentOf(row.doneCount, listed.length),
        lastActivity: Math.max(row.lastAccessed, live?.lastAccessed ?? 0),
        createdAt: row.createdAt,
        latest: row.lastPassed === null ? null : nameOf.get(row.lastPassed) ?? row.lastPassed,
      }
    }).sort((a, b) => b.lastActivity - a.lastActivity)
    const passCounts = facilitator.passCounts()
    const hardest = counts.total === 0 ? [] : listed
      .map((c) => ({ id: c.id, name: c.name, section: c.section, completions: passCounts.get(c.internal) ?? 0 }))
      .sort((a, b) => a.completions - b.completions || a.id - b.id)
      .slice(0, HARDEST_SHOWN)
      .map((c) => ({ ...c, percent: percentOf(c.completions, counts.total) }))
    return {
      now,
      totalSessions: counts.total,
      activeSessions: counts.active,
      activeMinutes: options.activeMinutes,
      sessions: sessionViews,
      hardest,
    }
  }

  function registerFacilitator(gui: FastifyInstance, gate: AdminGate) {
    const refuse = (reply: FastifyReply, error?: string) =>
      sendPage(reply.header('www-authenticate', 'Bearer realm="facilitator"'), 401, facilitatorLoginPage(site, error))

    gui.get('/facilitator', async (request, reply) => {
      if (!gate.authorised(headerString(request, 'authorization'), headerString(request, 'cookie'))) return refuse(reply)
      return sendPage(reply, 200, facilitatorPage(site, facilitatorView()))
    })

    gui.post('/facilitator/login', async (request, reply) => {
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '')
      const token = form.get('token') ?? ''
      if (!gate.tokenMatches(token)) return refuse(reply, 'That is not the admin token.')
      return reply
        .header('set-cookie', `${ADMIN_COOKIE}=${gate.issueCookie()}; Path=/gui/facilitator; Max-Age=${ADMIN_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secureSuffix(request)}`)
        .header('cache-control', 'no-store')
        .redirect('/gui/facilitator', 303)
    })

    gui.post('/facilitator/logout', async (request, reply) => {
      return reply
        .header('set-cookie', `${ADMIN_COOKIE}=; Path=/gui/facilitator; Max-Age=0; HttpOnly; SameSite=Lax${secureSuffix(request)}`)
        .redirect('/gui/facilitator', 303)
    })
  }
}

export default guiRoutes
