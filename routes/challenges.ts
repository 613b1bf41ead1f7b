import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ChallengeList, ChallengesQuery } from '../schemas/challenges.js'
import { ErrorMessages } from '../schemas/common.js'
import { registerMethodStubs } from './method-stubs.js'
import { negotiate } from '../plugins/representation.js'
import { toXml } from '../domain/representations.js'
import type { ListedChallenge } from '../challenges/catalogue.js'

type ChallengeRow = { id: number; name: string; description: string; status: boolean }
const FIELDS = ['id', 'name', 'description', 'status'] as const

function matchesFilters(row: ChallengeRow, query: Record<string, string | undefined>): boolean {
  return FIELDS.every((field) => query[field] === undefined || String(row[field]).toLowerCase() === query[field]!.toLowerCase())
}

function sortRows(rows: ChallengeRow[], sortBy: string): ChallengeRow[] {
  const keys = sortBy.split(',').map((part) => part.trim()).filter(Boolean).map((part) => ({
    field: part.replace(/^[-+]/, '') as keyof ChallengeRow,
    direction: part.startsWith('-') ? -1 : 1,
  })).filter((key) => (FIELDS as readonly string[]).includes(key.field))
  return [...rows].sort((a, b) => {
    for (const { field, direction } of keys) {
      const av = a[field], bv = b[field]
      if (av !== bv) return (av < bv ? -1 : 1) * direction
    }
    return 0
  })
}

const challengesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { challengeSet, runMode } = app
  const listed: readonly ListedChallenge[] = challengeSet.listed(runMode.mode)

  app.get('/challenges', {
    exposeHeadRoute: false,
    schema: {
      tags: ['Challenges'],
      summary: 'List the challenges and this session\'s progress',
      description: 'Send X-CHALLENGER to see your own status. Filter with ?status=true or ?id=3.',
      querystring: ChallengesQuery,
      response: { 200: ChallengeList, 406: ErrorMessages },
    },
  }, async (request, reply) => {
    const challenger = request.challenger
    if (challenger) reply.header('location', runMode.progressPage(challenger.guid))
    reply.header('x-robots-tag', 'noindex')
    const negotiation = negotiate(challengeSet, request)
    if (!negotiation.ok) return reply.sendErrors(406, negotiation.message)

    let rows: ChallengeRow[] = listed.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      status: challenger?.passed.has(challengeSet.internalKey(c.key)) ?? false,
    }))
    const query = request.query as Record<string, string | undefined>
    rows = rows.filter((row) => matchesFilters(row, query))
    if (challengeSet.http.challengesSortable && query._sortBy) rows = sortRows(rows, query._sortBy)

    if (negotiation.format === 'xml') {
      const ordered = rows.map((row) => Object.fromEntries(challengeSet.http.challengeXmlFields.map((f) => [f, row[f]])))
      return reply.sendBody(negotiation.mediaType, toXml('challenges', ordered, { arrayItemNames: { challenges: 'challenge' } }))
    }
    return reply.sendBody('application/json', JSON.stringify({ challenges: rows }))
  })

  app.head('/challenges', { schema: { hide: true } }, async (_request, reply) => {
    reply.code(200).header('content-type', 'application/json')
    return reply.send()
  })

  registerMethodStubs(app, '/challenges', {
    options: { status: 200, allow: 'GET, HEAD, OPTIONS', contentType: 'application/json' },
    notAllowed: ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY'],
  })
}

export default challengesRoutes
