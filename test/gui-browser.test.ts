// The web pages in a real browser (issue #7): Debian's Chromium driven by playwright-core against the
// real server listening on 127.0.0.1. A completed challenge turns its row green without a reload,
// save/restore round-trips through localStorage and the API, and the facilitator page refuses a
// missing token. Without /usr/bin/chromium this file FAILS (it never skips): install it with
// `apt-get install -y chromium`.
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { buildApp } from '../app.js'
import { defaultConfig, type AppConfig } from '../config.js'

const CHROMIUM = '/usr/bin/chromium'
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]
const PALE_GREEN = 'rgb(152, 251, 152)'
const SINGLE = 'rest-api-challenges-single-player'
const ADMIN_TOKEN = 'facilitator-token-for-the-browser-test'
const WAIT_MS = 15_000

type App = Awaited<ReturnType<typeof buildApp>>

interface Server {
  app: App
  base: string
  close(): Promise<void>
}

async function startServer(t: Test, overrides: Partial<AppConfig>, port = 0): Promise<Server> {
  const app = await buildApp({ ...defaultConfig, dbFile: ':memory:', logLevel: 'silent', ...overrides })
  await app.listen({ port, host: '127.0.0.1' })
  let closing: Promise<void> | undefined
  const close = () => (closing ??= app.close())
  t.teardown(close)
  const { port: bound } = app.server.address() as AddressInfo
  return { app, base: `http://127.0.0.1:${bound}`, close }
}

async function newSession(base: string): Promise<{ guid: string; location: string }> {
  const response = await fetch(`${base}/api/challenger`, { method: 'POST' })
  if (response.status !== 201) throw new Error(`POST /api/challenger answered ${response.status}`)
  return { guid: response.headers.get('x-challenger')!, location: response.headers.get('location')! }
}

function api(base: string, guid: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}${path}`, { ...init, headers: { 'x-challenger': guid, ...(init.headers as Record<string, string>) } })
}

function row(page: Page, name: string) {
  return page.locator('tr[data-id]', { has: page.locator('td.name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
}

async function rowColour(page: Page, name: string): Promise<string> {
  return row(page, name).evaluate((tr) => getComputedStyle(tr).backgroundColor)
}

async function waitForRowColour(page: Page, name: string, colour: string): Promise<void> {
  await row(page, name).evaluate((tr, expected) => new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const check = () => {
      if (getComputedStyle(tr).backgroundColor === expected) return resolve()
      if (Date.now() - started > 14_000) return reject(new Error(`row stayed ${getComputedStyle(tr).backgroundColor}`))
      setTimeout(check, 100)
    }
    check()
  }), colour)
}

async function statusOf(base: string, guid: string): Promise<{ known: boolean; summary: { doneCount: number; percentComplete: number } }> {
  return (await fetch(`${base}/gui/challenge-status/${guid}`)).json() as Promise<{ known: boolean; summary: { doneCount: number; percentComplete: number } }>
}

/** every request the page makes must stay on our server (no CDN) */
function watchOrigins(page: Page, base: string): string[] {
  const foreign: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('about:')) foreign.push(url)
  })
  return foreign
}

if (!existsSync(CHROMIUM)) {
  t.fail(`${CHROMIUM} is missing, so the browser tests cannot run. Install Debian's Chromium: apt-get install -y chromium`)
} else {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  t.teardown(() => browser.close())

  async function newContext(t: Test, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options)
    context.setDefaultTimeout(WAIT_MS)
    t.teardown(() => context.close())
    return context
  }

  t.test('multi-user: a challenge completed through the API turns its row green without a reload', async (t) => {
    const { base } = await startServer(t, { mode: 'multi' })
    const { guid, location } = await newSession(base)
    t.equal(location, `/gui/challenges/${guid}`, 'POST /challenger points at the progress page')

    const page = await (await newContext(t)).newPage()
    const foreign = watchOrigins(page, base)
    const response = await page.goto(base + location)
    t.equal(response?.status(), 200)
    t.equal(await page.locator('#progress').getAttribute('data-known'), 'true')
    t.equal(await rowColour(page, 'POST /api/challenger (201)'), PALE_GREEN, 'the completed challenge is pale green')
    t.not(await rowColour(page, 'GET /api/todos (200)'), PALE_GREEN, 'a challenge still to do is not')
    t.equal(await row(page, 'GET /api/todos (200)').locator('td:nth-child(3)').textContent(), 'false', 'third cell: status')
    t.equal(await page.locator('table.challenges').first().locator('xpath=preceding::h2[1]').textContent(), 'Getting Started 1 / 1')

    const before = await page.locator('#done-count').textContent()
    t.equal(before, String((await statusOf(base, guid)).summary.doneCount), 'summary matches the session')
    await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page' })

    const todos = await api(base, guid, '/api/todos', { headers: { accept: 'application/json' } })
    t.equal(todos.status, 200)
    await waitForRowColour(page, 'GET /api/todos (200)', PALE_GREEN)
    t.equal(await row(page, 'GET /api/todos (200)').locator('td:nth-child(3)').textContent(), 'true')

    const after = await statusOf(base, guid)
    await page.waitForFunction((n) => document.getElementById('done-count')?.textContent === n, String(after.summary.doneCount))
    t.ok(after.summary.doneCount > Number(before), `summary went from ${before} to ${after.summary.doneCount}`)
    t.equal(await page.locator('#percent').textContent(), `${after.summary.percentComplete}%`)
    t.equal(await page.locator('#progress-bar').evaluate((el) => (el as HTMLProgressElement).value), after.summary.doneCount)
    t.match(await page.locator('#live-status').textContent(), /Completed: .*GET \/api\/todos \(200\)/, 'announced to screen readers')
    t.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page', 'no reload happened')
    t.match(await page.title(), new RegExp(`^\\(${after.summary.doneCount}/99\\) `), 'the tab title shows the count')
    t.equal(await page.evaluate(() => localStorage.getItem('apichallenges.guid')), guid, 'the GUID is remembered')
    t.same(foreign, [], 'no request left the server')
  })

  t.test('single-user: the built-in session, live as well', async (t) => {
    const { base } = await startServer(t, { mode: 'single', challengeSet: 'classic' })
    const page = await (await newContext(t)).newPage()
    await page.goto(`${base}/gui/challenges`)
    t.match(await page.locator('#progress').textContent(), SINGLE)
    t.not(await rowColour(page, 'GET /todos (200)'), PALE_GREEN)
    const response = await fetch(`${base}/todos`)
    t.equal(response.status, 200, 'no X-CHALLENGER needed')
    await waitForRowColour(page, 'GET /todos (200)', PALE_GREEN)
    t.equal(await page.locator('#total-count').textContent(), '58', 'classic single-user lists 58')
  })

  t.test('save and restore round-trip through localStorage and the API', async (t) => {
    const first = await startServer(t, { mode: 'multi' })
    const { guid, location } = await newSession(first.base)
    const created = await api(first.base, guid, '/api/todos', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'saved by the browser test' }),
    })
    t.equal(created.status, 201)
    t.equal((await api(first.base, guid, '/api/todos')).status, 200)

    const context = await newContext(t)
    const page = await context.newPage()
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(first.base + location)
    await waitForRowColour(page, 'GET /api/todos (200)', PALE_GREEN)
    t.ok(await page.locator('#restore-button').isDisabled(), 'nothing to restore yet')

    await page.getByRole('button', { name: 'Save progress in this browser' }).click()
    await page.locator('#save-status').filter({ hasText: /^Saved / }).waitFor()
    const saved = await page.evaluate((g) => JSON.parse(localStorage.getItem(`apichallenges.saved.${g}`) ?? 'null'), guid) as {
      progress: { xChallenger: string; challengeStatus: Record<string, boolean> }
      todos: { todos: { title: string }[] }
    }
    t.equal(saved.progress.xChallenger, guid, 'the progress of this session (GET /challenger/{guid})')
    t.equal(saved.progress.challengeStatus.GET_TODOS, true)
    t.ok(saved.todos.todos.some((todo) => todo.title === 'saved by the browser test'), 'and its todos (GET /challenger/database/{guid})')
    t.ok(await page.locator('#restore-button').isEnabled(), 'restore is offered once saved')
    const savedDone = Object.values(saved.progress.challengeStatus).filter(Boolean).length

    // the server is reset: same address (so same localStorage), empty database
    const port = Number(new URL(first.base).port)
    await first.close()
    const second = await startServer(t, { mode: 'multi' }, port)
    t.equal(second.base, first.base)
    await page.goto(second.base + location)
    t.equal(await page.locator('#progress').getAttribute('data-known'), 'false', 'the new server does not know the session')
    t.match(await page.locator('.notice').textContent(), /knows no session/)
    t.not(await rowColour(page, 'GET /api/todos (200)'), PALE_GREEN)

    await page.getByRole('button', { name: 'Restore saved progress' }).click()
    await page.locator('#progress[data-known="true"]').waitFor()
    t.equal(await rowColour(page, 'GET /api/todos (200)'), PALE_GREEN, 'restored progress shows green')
    const restored = await (await fetch(`${second.base}/api/challenger/${guid}`)).json() as { challengeStatus: Record<string, boolean> }
    t.equal(restored.challengeStatus.GET_TODOS, true, 'PUT /challenger/{guid} restored the progress')
    t.ok(Object.values(restored.challengeStatus).filter(Boolean).length >= savedDone)
    const database = await (await fetch(`${second.base}/api/challenger/database/${guid}`)).json() as { todos: { id: number; title: string }[] }
    t.ok(database.todos.some((todo) => todo.title === 'saved by the browser test'), 'PUT /challenger/database/{guid} restored the todos')

    // restoring onto a live session puts back what was changed since
    const todo = database.todos.find((item) => item.title === 'saved by the browser test')!
    t.equal((await api(second.base, guid, `/api/todos/${todo.id}`, { method: 'DELETE' })).status, 204)
    await page.getByRole('button', { name: 'Restore saved progress' }).click()
    await page.locator('#save-status').filter({ hasText: /^Restored / }).waitFor()
    const again = await (await fetch(`${second.base}/api/challenger/database/${guid}`)).json() as { todos: { title: string }[] }
    t.ok(again.todos.some((item) => item.title === 'saved by the browser test'), 'the deleted todo is back')
    await waitForRowColour(page, 'PUT /api/challenger/database/guid (Update)', PALE_GREEN)
  })

  t.test('facilitator page: refuses a missing token, accepts it once through the form', async (t) => {
    const { base } = await startServer(t, { mode: 'multi', adminToken: ADMIN_TOKEN })
    const one = await newSession(base)
    const two = await newSession(base)
    await api(base, two.guid, '/api/todos')

    const bare = await fetch(`${base}/gui/facilitator`)
    t.equal(bare.status, 401, 'no token: 401')
    const bareBody = await bare.text()
    t.notMatch(bareBody, one.guid, 'and no session is shown')
    t.notMatch(bareBody, two.guid)

    const context = await newContext(t)
    const page = await context.newPage()
    const foreign = watchOrigins(page, base)
    const refused = await page.goto(`${base}/gui/facilitator`)
    t.equal(refused?.status(), 401)
    t.equal(await page.locator('table').count(), 0, 'nothing listed')

    await page.getByLabel('Admin token').focus()
    await page.keyboard.type('not the token')
    const wrong = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    t.equal(wrong[0]?.status(), 401, 'a wrong token is refused')
    t.match(await page.getByRole('alert').textContent(), /not the admin token/)

    await page.getByLabel('Admin token').fill(ADMIN_TOKEN)
    const right = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
    t.equal(right[0]?.status(), 200, 'the right token opens the page')
    t.equal(new URL(page.url()).pathname, '/gui/facilitator')
    t.match(await page.locator('main').textContent(), /2\s+sessions are stored/)
    t.equal(await page.locator(`a[href="/gui/challenges/${one.guid}"]`).count(), 1, 'sessions link to their progress pages')
    t.equal(await page.locator(`a[href="/gui/challenges/${two.guid}"]`).count(), 1)
    t.match(await page.locator('table').first().textContent(), /of 2/, 'hardest challenges with completion counts')

    const cookies = await context.cookies(`${base}/gui/facilitator`)
    const login = cookies.find((c) => c.name === 'apichallenges_facilitator')
    t.ok(login?.httpOnly, 'the login cookie is HttpOnly')
    t.notMatch(login?.value ?? '', ADMIN_TOKEN, 'and does not hold the token')
    t.notMatch(await page.evaluate(() => document.cookie), 'apichallenges_facilitator', 'scripts cannot read it')

    const reload = await page.reload()
    t.equal(reload?.status(), 200, 'the cookie keeps the facilitator signed in')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()])
    t.equal(await page.locator('table').count(), 0, 'signed out: nothing listed')
    t.same(foreign, [])
  })

  t.test('pages a person meets: 404 redirect, landing page, keyboard and phone', async (t) => {
    const { base } = await startServer(t, { mode: 'multi' })
    const context = await newContext(t, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()

    const missing = await page.goto(`${base}/todo`)
    t.equal(new URL(page.url()).pathname, '/gui/404/todo', 'an unknown API path sends a browser to /gui/404/...')
    t.equal(missing?.status(), 404)
    t.match(await page.locator('h1').textContent(), 'Not found')

    await page.goto(base + '/')
    t.match(await page.locator('main').textContent(), /multi-user/)
    t.match(await page.locator('main').textContent(), /current: 99 challenges/)
    for (const href of ['/gui/challenges', '/docs', '/docs/json']) {
      t.ok(await page.locator(`main a[href="${href}"]`).count() >= 1, `links to ${href}`)
    }
    const openApi = await fetch(`${base}/docs/json`)
    t.equal(openApi.status, 200)

    await page.keyboard.press('Tab')
    t.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the content', 'the first Tab reaches the skip link')
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    t.equal(outline, 'solid', 'focus is visible')

    const { guid } = await newSession(base)
    await page.goto(`${base}/gui/challenges/${guid}`)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    t.ok(width <= 390, `no sideways scrolling on a phone (page is ${width}px wide)`)
    t.equal(await rowColour(page, 'POST /api/challenger (201)'), PALE_GREEN, 'still green as a card')

    // the cookie set by the progress page sends /gui/challenges to the session, as the reference does
    await page.goto(`${base}/gui/challenges`)
    t.equal(new URL(page.url()).pathname, `/gui/challenges/${guid}`)
  })
}
