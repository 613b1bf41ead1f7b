// Abuse limits (issue #8): the optional per-address limit on session creation, body and header size limits.
import t from 'tap'
import { build } from './helper.js'

t.test('CHALLENGER_RATE_LIMIT: new sessions per address per minute, then 429 with a clear message', async (t) => {
  const app = await build(t, { mode: 'multi', challengerRateLimit: 3 })
  const statuses: number[] = []
  let guid = ''
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({ method: 'POST', url: i % 2 ? '/api/challenger' : '/challenger' })
    statuses.push(res.statusCode)
    guid = res.headers['x-challenger'] as string
  }
  t.same(statuses, [201, 201, 201], 'the first three are created (both mounts count)')
  const limited = await app.inject({ method: 'POST', url: '/challenger', headers: { 'x-challenger': ' ' } })
  t.equal(limited.statusCode, 429, 'a blank X-CHALLENGER creates a session too, so it counts')
  t.match(JSON.parse(limited.body), { errorMessages: [/^Too many new sessions from this address: at most 3 a minute\. Try again in \d+ (second|minute)s?, or keep using your X-CHALLENGER session\.$/] })
  t.ok(limited.headers['retry-after'], 'Retry-After says when')
  t.equal((await app.inject({ method: 'POST', url: '/challenger', headers: { 'x-challenger': guid } })).statusCode, 200,
    're-attaching to an existing session is not limited')
  t.equal((await app.inject({ method: 'GET', url: '/todos', headers: { 'x-challenger': guid } })).statusCode, 200, 'nor is anything else')
  const other = await app.inject({ method: 'POST', url: '/challenger', remoteAddress: '10.1.2.3' })
  t.equal(other.statusCode, 201, 'another address has its own allowance')
})

t.test('the rate limit is off by default', async (t) => {
  const app = await build(t, { mode: 'multi' })
  for (let i = 0; i < 30; i++) t.equal((await app.inject({ method: 'POST', url: '/challenger' })).statusCode, 201)
})

t.test('body and X-CHALLENGER size limits', async (t) => {
  const app = await build(t, { mode: 'multi' })
  const guid = (await app.inject({ method: 'POST', url: '/challenger' })).headers['x-challenger'] as string
  const huge = await app.inject({ method: 'POST', url: '/todos', headers: { 'x-challenger': guid, 'content-type': 'application/json' },
    payload: JSON.stringify({ title: 'x'.repeat(1024 * 1024) }) })
  t.equal(huge.statusCode, 413, 'a body over the 1 MB transport cap: 413')
  const long = await app.inject({ method: 'GET', url: '/todos', headers: { 'x-challenger': 'x'.repeat(101) } })
  t.equal(long.statusCode, 431, 'an X-CHALLENGER over 100 characters: 431')
})
