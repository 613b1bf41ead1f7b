// Takes the README's screenshots of the web pages: `npx tsx docs/screenshots.ts`.
// It starts the real server on 127.0.0.1 (multi-user, in-memory database), plays a small class of
// learners through the API, and photographs the pages with Debian's Chromium (apt-get install chromium).
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { buildApp } from '../app.js'
import { defaultConfig } from '../config.js'

const OUT = import.meta.dirname
const ADMIN_TOKEN = 'screenshot-admin-token'
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

const app = await buildApp({ ...defaultConfig, dbFile: ':memory:', logLevel: 'silent', mode: 'multi', adminToken: ADMIN_TOKEN })
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

async function learner(steps: number): Promise<string> {
  const created = await fetch(`${base}/api/challenger`, { method: 'POST' })
  const guid = created.headers.get('x-challenger')!
  const send = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { 'x-challenger': guid, ...(init.headers as Record<string, string>) } })
  const json = { 'content-type': 'application/json' }
  const journey: (() => Promise<Response>)[] = [
    () => send('/api/challenges'),
    () => send('/api/todos', { headers: { accept: 'application/json' } }),
    () => send('/api/todo'),
    () => send('/api/todos/1'),
    () => send('/api/todos/999'),
    () => send('/api/todos?doneStatus=true'),
    () => send('/api/todos', { method: 'HEAD' }),
    () => send('/api/todos', { method: 'POST', headers: json, body: JSON.stringify({ title: 'practise PATCH' }) }),
    () => send('/api/todos', { method: 'POST', headers: json, body: JSON.stringify({ title: 'x', doneStatus: 'bob' }) }),
    () => send('/api/todos/1', { method: 'POST', headers: json, body: JSON.stringify({ title: 'scan paperwork again' }) }),
    () => send('/api/todos/2', { method: 'DELETE' }),
    () => send('/api/todos', { method: 'OPTIONS' }),
    () => send('/api/todos', { headers: { accept: 'application/xml' } }),
    () => send('/api/heartbeat'),
    () => send('/api/heartbeat', { method: 'DELETE' }),
    () => send('/api/heartbeat', { method: 'PATCH' }),
  ]
  for (const step of journey.slice(0, steps)) await step()
  return guid
}

const learners: string[] = []
for (const steps of [16, 11, 9, 6, 3, 1]) learners.push(await learner(steps))

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS })
try {
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 1280 }, deviceScaleFactor: 1 })
  const page = await desktop.newPage()
  // a learner part-way through the GET challenges; one more completes while the page is open
  const pictured = await learner(2)
  const header = { 'x-challenger': pictured }
  for (const path of ['/api/todos/999', '/api/heartbeat', '/api/todos?doneStatus=false']) await fetch(`${base}${path}`, { headers: header })
  await page.goto(`${base}/gui/challenges/${pictured}`)
  await fetch(`${base}/api/todos/1`, { headers: header })
  await page.locator('#live-status', { hasText: 'Completed' }).waitFor()
  await page.waitForTimeout(800) // let the row colour transition finish
  await page.screenshot({ path: join(OUT, 'progress.png') })

  await page.goto(`${base}/gui/facilitator`)
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
  await page.screenshot({ path: join(OUT, 'facilitator.png'), fullPage: true })

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true })
  const small = await phone.newPage()
  await small.goto(`${base}/gui/challenges/${learners[0]}#section-3`)
  await small.screenshot({ path: join(OUT, 'progress-phone.png') })
  console.log(`screenshots written to ${OUT}`)
} finally {
  await browser.close()
  await app.close()
}
