// The web pages over HTTP (issue #7; sessions.md §8, classic.md §2.14): landing page, progress pages
// and their status JSON, the 404 page, the assets, and the facilitator page's token checks.
// The same pages in a real browser: test/gui-browser.test.ts.
import { createHmac } from 'node:crypto'
import t from 'tap'
import { build, newChallenger, type TestApp } from './helper.js'
import { CURRENT_SECTIONS } from '../challenges/catalogue.js'
import { escapeHtml, html, trusted } from '../routes/gui-html.js'
import { ADMIN_COOKIE, bearerToken, createAdminGate, parseCookies } from '../routes/gui-admin.js'
import { sameSecret } from '../domain/secrets.js'
import { SCRIPT_FILE, STYLESHEET } from '../routes/gui-assets.js'

const SINGLE = 'rest-api-challenges-single-player'
const TOKEN = 'a-long-facilitator-token-for-tests'
const MINUTE = 60_000
const UNKNOWN_UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'

interface StatusBody {
  known: boolean
  summary: { doneCount: number; totalCount: number; percentComplete: number }
  done: number[]
}

interface Row {
  id: number
  cls: string
  cells: string[]
}

/** the challenge rows of a progress page */
function rowsOf(page: string): Row[] {
  const rows: Row[] = []
  for (const match of page.matchAll(/<tr id="challenge-(\d+)" class="([^"]*)"[^>]*>(.*?)<\/tr>/g)) {
    const cells = [...match[3]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, ''))
    rows.push({ id: Number(match[1]), cls: match[2]!, cells })
  }
  return rows
}

async function get(app: TestApp, url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers })
}

async function status(app: TestApp, guid: string): Promise<StatusBody> {
  return JSON.parse((await get(app, `/gui/challenge-status/${guid}`)).body) as StatusBody
}

t.test('html builder escapes everything it did not write itself', async (t) => {
  t.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  const evil = '<script>alert(1)</script>'
  t.equal(html`<p>${evil}</p>`.value, '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
  t.equal(html`<ul>${['<a>', html`<li>${'b&'}</li>`]}</ul>`.value, '<ul>&lt;a&gt;<li>b&amp;</li></ul>')
  t.equal(html`${undefined}${null}${false}${0}${trusted('<br>')}`.value, '0<br>')
})

t.test('admin token helpers', async (t) => {
  t.ok(sameSecret('abc', 'abc'))
  t.notOk(sameSecret('abc', 'abcd'), 'different lengths compare without throwing')
  t.notOk(sameSecret('', 'abc'))
  t.equal(bearerToken('Bearer abc'), 'abc')
  t.equal(bearerToken('bearer   abc '), 'abc', 'scheme is case-insensitive')
  t.equal(bearerToken('Basic abc'), undefined)
  t.equal(bearerToken('Bearer'), undefined)
  t.equal(bearerToken(undefined), undefined)
  const cookies = parseCookies('a=1; X-CHALLENGER = "abc" ;b=%7Bx%7D; a=2; broken; c=%E0%A4%A')
  t.equal(cookies.get('a'), '1', 'first value wins')
  t.equal(cookies.get('X-CHALLENGER'), 'abc')
  t.equal(cookies.get('b'), '{x}')
  t.equal(cookies.get('c'), '%E0%A4%A', 'undecodable values kept as sent')

  let now = 1_000_000
  const gate = createAdminGate(TOKEN, () => now)
  const cookie = gate.issueCookie()
  t.notMatch(cookie, TOKEN, 'the cookie never holds the token')
  t.ok(gate.cookieValid(cookie))
  t.notOk(createAdminGate('another-token', () => now).cookieValid(cookie), 'a new ADMIN_TOKEN signs everyone out')
  t.notOk(gate.cookieValid(cookie.slice(0, -1) + (cookie.endsWith('A') ? 'B' : 'A')), 'tampered')
  t.notOk(gate.cookieValid(`${now + 1}.${cookie.split('.')[1]}`), 'issue time changed')
  t.notOk(gate.cookieValid(undefined))
  t.notOk(gate.cookieValid('garbage'))
  now += 11 * 60 * MINUTE
  t.ok(gate.cookieValid(cookie), 'valid for 12 hours')
  now += 2 * 60 * MINUTE
  t.notOk(gate.cookieValid(cookie), 'then expired')
  t.ok(gate.authorised(`Bearer ${TOKEN}`, undefined))
  t.notOk(gate.authorised('Bearer wrong', undefined))
  t.notOk(gate.authorised(undefined, `${ADMIN_COOKIE}=${cookie}`), 'expired cookie refused')
})

t.test('landing page', async (t) => {
  for (const [mode, set, count] of [['single', 'current', 96], ['multi', 'current', 99], ['single', 'classic', 58], ['multi', 'classic', 59]] as const) {
    const app = await build(t, { mode, challengeSet: set })
    const response = await get(app, '/', { host: 'learn.example:4567' })
    t.equal(response.statusCode, 200)
    t.equal(response.headers['content-type'], 'text/html')
    t.match(response.headers['content-security-policy'], "script-src 'self'")
    const page = response.body
    t.match(page, '<meta name="viewport" content="width=device-width, initial-scale=1">', 'readable on a phone')
    t.match(page, `${set}: ${count} challenges`, `${mode}/${set}: the set and its size`)
    t.match(page, mode === 'multi' ? 'multi-user' : 'single-user')
    const base = set === 'current' ? '/api' : ''
    t.match(page, `POST ${base}/challenger`, 'the seed flow')
    t.match(page, `curl -i -X POST http://learn.example:4567${base}/challenger`, 'a runnable example for this server')
    if (mode === 'multi') t.match(page, 'X-CHALLENGER')
    else t.match(page, SINGLE)
    for (const href of ['/gui/challenges', '/docs', '/docs/json']) t.match(page, `href="${href}"`)
    t.notMatch(page, /(?:src|href)="(?!\/|#)/, 'no asset or link leaves the server')
    t.notMatch(page, 'href="/gui/facilitator"', 'no facilitator link without a token')
  }
  const withToken = await build(t, { mode: 'multi', adminToken: TOKEN })
  t.match((await get(withToken, '/')).body, 'href="/gui/facilitator"')
  t.equal((await withToken.inject({ method: 'HEAD', url: '/' })).statusCode, 200)
})

t.test('assets: one stylesheet, one script, cacheable by content hash', async (t) => {
  const app = await build(t)
  const css = await get(app, STYLESHEET.url)
  t.equal(css.statusCode, 200)
  t.equal(css.headers['content-type'], 'text/css')
  t.match(css.headers['cache-control'], 'immutable')
  t.match(css.body, 'rgb(152, 251, 152)', 'completed rows are palegreen')
  t.match(css.body, ':focus-visible', 'focus is styled')
  t.match(css.body, '@media (max-width: 40rem)', 'tables reflow on a phone')
  const js = await get(app, SCRIPT_FILE.url)
  t.equal(js.headers['content-type'], 'text/javascript')
  t.match(js.body, 'localStorage')
  t.equal((await get(app, '/gui/assets/site.js?v=old')).headers['cache-control'], 'no-cache', 'a stale hash is not cached for good')
  t.equal((await get(app, '/gui/assets/missing.js')).statusCode, 404)
})

t.test('single-user: /gui/challenges shows the built-in session', async (t) => {
  const app = await build(t, { mode: 'single' })
  await app.inject({ method: 'GET', url: '/todos' })
  const response = await get(app, '/gui/challenges')
  t.equal(response.statusCode, 200)
  t.match(response.body, `data-guid="${SINGLE}"`)
  t.match(response.body, 'data-known="true"')
  const rows = rowsOf(response.body)
  t.equal(rows.length, 96)
  const todos = rows.find((r) => r.cells[1] === 'GET /api/todos (200)')!
  t.equal(todos.cls, 'done')
  t.equal(todos.cells[2], 'true', 'status in the third cell')
  t.equal(rows.find((r) => r.cells[1] === 'GET /api/todo (404) not plural')!.cells[2], 'false')
  t.notOk(response.headers['set-cookie'], 'no cookie needed in single-user mode')
  t.equal((await get(app, '/gui/challenges/anything')).statusCode, 200, 'any id shows the built-in session')
  t.match((await get(app, '/gui/challenges/anything')).body, `data-guid="${SINGLE}"`)
  const json = await status(app, 'whatever')
  t.equal(json.known, true)
  t.ok(json.done.includes(todos.id))
  t.equal(json.summary.totalCount, 96)
})

t.test('multi-user progress page', async (t) => {
  let now = Date.now()
  const app = await build(t, { mode: 'multi' }, { now: () => now })
  const guid = await newChallenger(app)
  await app.inject({ method: 'GET', url: '/todos', headers: { 'x-challenger': guid } })

  now += 3 * MINUTE
  const response = await get(app, `/gui/challenges/${guid.toUpperCase()}`)
  t.equal(response.statusCode, 200)
  t.equal(app.sessions.find(guid)!.lastAccessed, now, 'viewing the page keeps the session alive')
  t.match(response.headers['set-cookie'], new RegExp(`^X-CHALLENGER=${guid}; Path=/gui; Max-Age=\\d+; SameSite=Lax; HttpOnly$`))
  t.equal(response.headers['cache-control'], 'no-store')
  const page = response.body
  t.match(page, `data-guid="${guid}"`)
  t.match(page, 'id="save-button"')
  t.match(page, 'id="restore-button"')

  const rows = rowsOf(page)
  t.equal(rows.length, 99)
  t.same(rows.map((r) => r.id), Array.from({ length: 99 }, (_, i) => i + 1), 'every challenge once, in id order')
  t.same(rows[0]!.cells.slice(0, 3), ['1', 'POST /api/challenger (201)', 'true'], 'id, name, status, description')
  t.match(rows[0]!.cells[3], /POST request/)
  const api = JSON.parse((await app.inject({ method: 'GET', url: '/challenges', headers: { 'x-challenger': guid } })).body) as {
    challenges: { id: number; status: boolean }[]
  }
  const json = await status(app, guid)
  const doneByApi = api.challenges.filter((c) => c.status).map((c) => c.id)
  t.same(json.done, doneByApi, 'the status JSON agrees with GET /challenges')
  t.same(json.summary, { doneCount: doneByApi.length, totalCount: 99, percentComplete: Math.floor((doneByApi.length * 100) / 99) })

  const headings = [...page.matchAll(/<h2 id="section-\d+">([^<]+?) <span/g)].map((m) => m[1]!.replace(/&#39;/g, "'"))
  t.same(headings, CURRENT_SECTIONS, 'grouped by section, in the catalogue order')
  t.match(page, /<span id="done-count">\d+<\/span> of <span id="total-count">99<\/span>/, 'summary')
})

t.test('multi-user /gui/challenges without an id', async (t) => {
  const app = await build(t, { mode: 'multi' })
  const plain = await get(app, '/gui/challenges')
  t.equal(plain.statusCode, 200)
  t.match(plain.body, 'POST /api/challenger', 'explains how to get a session')
  t.match(plain.body, '<label for="guid">', 'a labelled field to open one')
  const rows = rowsOf(plain.body)
  t.equal(rows.length, 99)
  t.ok(rows.every((r) => r.cls === 'not-done'), 'all still to do')

  for (const name of ['X-CHALLENGER', 'X-THINGIFIER-DATABASE-NAME']) {
    const redirected = await get(app, '/gui/challenges', { cookie: `other=1; ${name}=${UNKNOWN_UUID.toUpperCase()}` })
    t.equal(redirected.statusCode, 302, `cookie ${name} redirects, as the reference does`)
    t.equal(redirected.headers.location, `/gui/challenges/${UNKNOWN_UUID}`)
  }
  t.equal((await get(app, '/gui/challenges', { cookie: 'X-CHALLENGER=../../evil' })).statusCode, 200, 'only a UUID cookie redirects')

  const asked = await get(app, `/gui/challenges?guid=%20${UNKNOWN_UUID.toUpperCase()}%20`)
  t.equal(asked.statusCode, 302, 'the form goes to the session page')
  t.equal(asked.headers.location, `/gui/challenges/${UNKNOWN_UUID}`)
  const bad = await get(app, '/gui/challenges?guid=%3Cb%3Ebob')
  t.equal(bad.statusCode, 400)
  t.match(bad.body, 'role="alert"')
  t.match(bad.body, 'aria-invalid="true"')
  t.notMatch(bad.body, '<b>bob')

  t.equal((await get(app, '/gui')).headers.location, '/gui/challenges')
})

t.test('unknown sessions', async (t) => {
  const app = await build(t, { mode: 'multi' })
  const unknown = await get(app, `/gui/challenges/${UNKNOWN_UUID}`)
  t.equal(unknown.statusCode, 200, 'like the reference, an unknown id still gets a page')
  t.match(unknown.body, 'data-known="false"')
  t.match(unknown.body, 'knows no session')
  t.match(unknown.body, 'id="restore-button"', 'a saved copy can be restored')
  t.notMatch(unknown.body, 'id="save-button"', 'there is nothing to save')
  t.notOk(unknown.headers['set-cookie'])
  t.ok(rowsOf(unknown.body).every((r) => r.cls === 'not-done'))
  t.notOk(app.sessions.isInMemory(UNKNOWN_UUID), 'nothing created')
  t.same(await status(app, UNKNOWN_UUID), { known: false, summary: { doneCount: 0, totalCount: 99, percentComplete: 0 }, done: [] })

  const evil = await get(app, '/gui/challenges/%3Cscript%3Ealert(1)%3C%2Fscript%3E')
  t.equal(evil.statusCode, 200)
  t.notMatch(evil.body, '<script>alert(1)', 'path text is escaped')
  t.match(evil.body, '&lt;script&gt;alert(1)')
  t.notMatch(evil.body, 'id="restore-button"', 'not an id the API would accept')
  t.equal((await status(app, 'not-a-uuid')).known, false)
})

t.test('status polling neither touches a session nor loads it into memory', async (t) => {
  let now = Date.now()
  const app = await build(t, { mode: 'multi' }, { now: () => now })
  const guid = await newChallenger(app)
  const created = app.sessions.find(guid)!.lastAccessed
  now += 11 * MINUTE
  t.equal(app.sessions.evictIdle(), 1, 'idle session leaves memory')
  const json = await status(app, guid)
  t.equal(json.known, true, 'read from disk')
  t.same(json.done, [1])
  t.notOk(app.sessions.isInMemory(guid), 'and left there')
  t.equal((await get(app, `/gui/challenge-status/${guid}`)).headers['cache-control'], 'no-store')
  t.equal(app.sessions.find(guid)!.lastAccessed, created, 'not touched')
})

t.test('classic set pages', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'classic' })
  const guid = await newChallenger(app)
  const rows = rowsOf((await get(app, `/gui/challenges/${guid}`)).body)
  t.equal(rows.length, 59)
  t.same(rows.slice(0, 2).map((r) => r.cells[1]), ['POST /challenger (201)', 'GET /challenges (200)'])
  t.equal(rows[0]!.cls, 'done')
  t.equal((await status(app, guid)).summary.totalCount, 59)
  const notFound = await get(app, '/gui/404/todo')
  t.equal(notFound.statusCode, 404)
})

t.test('404 page for the unknown-route redirect', async (t) => {
  const app = await build(t, { mode: 'multi' })
  const redirect = await app.inject({ method: 'GET', url: '/todo', headers: { accept: 'text/html' } })
  t.equal(redirect.statusCode, 307)
  t.equal(redirect.headers.location, '/gui/404/todo')
  const page = await get(app, redirect.headers.location as string)
  t.equal(page.statusCode, 404)
  t.equal(page.headers['content-type'], 'text/html')
  t.match(page.body, '<code>/todo</code>')
  t.match(page.body, 'href="/gui/challenges"')
  t.equal((await get(app, '/gui/404')).statusCode, 404)
  const deep = await get(app, '/gui/404/todos/1/<b>')
  t.match(deep.body, '/todos/1/&lt;b&gt;')
  const other = await get(app, '/gui/no-such-page')
  t.equal(other.statusCode, 404)
  t.match(other.body, '<h1>Not found</h1>', 'any unknown /gui page is the HTML 404')
})

t.test('facilitator page is off without ADMIN_TOKEN, and in single-user mode', async (t) => {
  const off = await build(t, { mode: 'multi' })
  t.equal((await get(off, '/gui/facilitator')).statusCode, 404)
  t.equal((await get(off, '/gui/facilitator', { authorization: 'Bearer anything' })).statusCode, 404)
  t.equal((await off.inject({ method: 'POST', url: '/gui/facilitator/login', payload: 'token=x' })).statusCode, 404)
  const single = await build(t, { mode: 'single', adminToken: TOKEN })
  t.equal((await get(single, '/gui/facilitator', { authorization: `Bearer ${TOKEN}` })).statusCode, 404)
})

t.test('facilitator page: token checks', async (t) => {
  const app = await build(t, { mode: 'multi', adminToken: TOKEN })
  const guid = await newChallenger(app)

  for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
    const response = await get(app, '/gui/facilitator', authorization ? { authorization } : {})
    t.equal(response.statusCode, 401, `refused: ${authorization ?? 'no header'}`)
    t.equal(response.headers['www-authenticate'], 'Bearer realm="facilitator"')
    t.notMatch(response.body, guid, 'shows no session')
    t.match(response.body, '<label for="token">Admin token</label>')
  }
  const bearer = await get(app, '/gui/facilitator', { authorization: `bearer ${TOKEN}` })
  t.equal(bearer.statusCode, 200)
  t.match(bearer.body, guid)

  const wrong = await app.inject({ method: 'POST', url: '/gui/facilitator/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'token=nope' })
  t.equal(wrong.statusCode, 401)
  t.match(wrong.body, 'not the admin token')
  t.notOk(wrong.headers['set-cookie'])
  const empty = await app.inject({ method: 'POST', url: '/gui/facilitator/login' })
  t.equal(empty.statusCode, 401)

  const login = await app.inject({
    method: 'POST', url: '/gui/facilitator/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${encodeURIComponent(TOKEN)}`,
  })
  t.equal(login.statusCode, 303)
  t.equal(login.headers.location, '/gui/facilitator')
  const setCookie = login.headers['set-cookie'] as string
  t.match(setCookie, new RegExp(`^${ADMIN_COOKIE}=\\d+\\.[A-Za-z0-9_-]+; Path=/gui/facilitator; Max-Age=43200; HttpOnly; SameSite=Lax$`))
  t.notMatch(setCookie, TOKEN)
  const cookie = setCookie.split(';')[0]!
  const withCookie = await get(app, '/gui/facilitator', { cookie: `a=b; ${cookie}` })
  t.equal(withCookie.statusCode, 200, 'the cookie is accepted')
  t.match(withCookie.body, guid)

  const [issued, signature] = cookie.split('=')[1]!.split('.')
  const forged = createHmac('sha256', 'not-the-token').update(`facilitator:${issued}`).digest('base64url')
  t.equal((await get(app, '/gui/facilitator', { cookie: `${ADMIN_COOKIE}=${issued}.${forged}` })).statusCode, 401, 'forged cookie')
  t.equal((await get(app, '/gui/facilitator', { cookie: `${ADMIN_COOKIE}=${Number(issued) + 1}.${signature}` })).statusCode, 401, 'altered cookie')
  t.equal((await get(app, '/gui/facilitator', { cookie: `${ADMIN_COOKIE}=${TOKEN}` })).statusCode, 401, 'the raw token is no cookie')

  const logout = await app.inject({ method: 'POST', url: '/gui/facilitator/logout', headers: { cookie } })
  t.equal(logout.statusCode, 303)
  t.match(logout.headers['set-cookie'], `${ADMIN_COOKIE}=; Path=/gui/facilitator; Max-Age=0`)
})

t.test('facilitator page: sessions, progress, last activity and the hardest challenges', async (t) => {
  let now = Date.now() - 30 * MINUTE
  const app = await build(t, { mode: 'multi', adminToken: TOKEN }, { now: () => now })
  const auth = { authorization: `Bearer ${TOKEN}` }
  const empty = await get(app, '/gui/facilitator', auth)
  t.match(empty.body, 'No sessions yet')

  const busy = await newChallenger(app)
  now += MINUTE
  const quiet = await newChallenger(app)
  now += MINUTE
  const send = (guid: string, url: string, method: 'GET' | 'HEAD' | 'DELETE' = 'GET') =>
    app.inject({ method, url, headers: { 'x-challenger': guid, accept: 'application/json' } })
  for (const url of ['/challenges', '/todos', '/todo', '/todos/1', '/todos/999']) await send(busy, url)
  await send(quiet, '/challenges')
  now += MINUTE
  await send(busy, '/heartbeat', 'DELETE')

  const page = (await get(app, '/gui/facilitator', auth)).body
  t.match(page, /<strong>2<\/strong> sessions are stored/)
  t.ok(page.indexOf(busy) < page.indexOf(quiet), 'most recent activity first')
  const statusOf = async (guid: string) => (await status(app, guid)).summary
  const busyDone = await statusOf(busy)
  const quietDone = await statusOf(quiet)
  t.match(page, `${busyDone.doneCount} / 99 (${busyDone.percentComplete}%)`)
  t.match(page, `${quietDone.doneCount} / 99 (${quietDone.percentComplete}%)`)
  t.match(page, 'DELETE /api/heartbeat (405)', 'the latest completed challenge')
  t.match(page, /<time datetime="[^"]+Z"/, 'times are machine-readable')

  const hardest = page.slice(page.indexOf('id="hardest-title"'), page.indexOf('id="sessions-title"'))
  const completions = [...hardest.matchAll(/class="numeric">(\d+) of 2 \((\d+)%\)/g)].map((m) => Number(m[1]))
  t.equal(completions.length, 10, 'ten hardest challenges')
  t.same(completions, [...completions].sort((a, b) => a - b), 'fewest completions first')
  t.equal(completions[0], 0)
  t.notMatch(hardest, 'POST /api/challenger (201)', 'a challenge everyone completed is not among them')
})
