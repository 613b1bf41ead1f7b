// Persistence (README decision 4; sessions.md §4; classic.md §2.15): every acknowledged change survives a
// restart, a graceful stop and a crash (kill -9); idle sessions are deleted after the retention period.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { build, tempDir, type TestApp, type Progress, type ExportedTodo } from './helper.js'

const ROOT = join(import.meta.dirname, '..')
const SINGLE = 'rest-api-challenges-single-player'
const DAY = 24 * 60 * 60_000

function doneKeys(progress: Progress): string[] {
  return Object.entries(progress.challengeStatus).filter(([, done]) => done).map(([key]) => key).sort()
}

function sortTodos(todos: ExportedTodo[]): ExportedTodo[] {
  return [...todos].sort((a, b) => a.id - b.id)
}

// ---------------------------------------------------------------------------
// (a) in-process: close the app, build it again on the same file
// ---------------------------------------------------------------------------

async function injectJson<T>(app: TestApp, url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url })
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}`)
  return JSON.parse(res.body) as T
}

for (const challengeSet of ['current', 'classic'] as const) {
  t.test(`${challengeSet} multi: progress survives closing and rebuilding the app`, async (t) => {
    const dbFile = join(tempDir(t), 'db.sqlite')
    const config = { mode: 'multi' as const, challengeSet, dbFile }

    const first = await build(t, config)
    const guid = (await first.inject({ method: 'POST', url: '/challenger' })).headers['x-challenger'] as string
    const header = { 'x-challenger': guid }
    await first.inject({ method: 'GET', url: '/challenges', headers: header })
    await first.inject({ method: 'GET', url: `/challenger/${guid}`, headers: header })
    t.equal((await first.inject({ method: 'PUT', url: `/challenger/database/${guid}`, headers: header,
      payload: '{"todos":[{"id":12,"title":"persisted","doneStatus":true,"description":"d"},{"id":3,"title":"also"}]}' })).statusCode, 204)
    const saved = await injectJson<Progress>(first, `/challenger/${guid}`)
    const restore = await first.inject({ method: 'PUT', url: `/challenger/${guid}`, payload: JSON.stringify({ ...saved, secretNote: 'survives' }) })
    t.equal(restore.statusCode, 200)
    const todosBefore = await injectJson<{ todos: ExportedTodo[] }>(first, `/challenger/database/${guid}`)
    const before = await injectJson<Progress>(first, `/challenger/${guid}`)
    t.same(doneKeys(before), ['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES', 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS',
      'GET_RESTORABLE_TODOS', 'PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS', 'PUT_RESTORABLE_TODOS'], 'setup: progress made')
    await first.close()

    const second = await build(t, config)
    const after = await injectJson<Progress>(second, `/challenger/${guid}`)
    t.equal(after.xChallenger, guid)
    t.equal(after.xAuthToken, before.xAuthToken, 'same token')
    t.equal(after.secretNote, 'survives', 'same note')
    for (const key of doneKeys(before)) t.equal(after.challengeStatus[key], true, `${key} still done`)
    t.same(doneKeys(after), doneKeys(before), 'exactly the same challenges done')
    const reread = await injectJson<Progress>(second, `/challenger/${guid}`)
    t.same(doneKeys(reread).filter((key) => !before.challengeStatus[key]),
      challengeSet === 'current' ? ['GET_RESTORE_EXISTING_CHALLENGER'] : [],
      'reading it back from disk passed GET_RESTORE_EXISTING_CHALLENGER (current set; classic does not list it)')
    const todosAfter = await injectJson<{ todos: ExportedTodo[] }>(second, `/challenger/database/${guid}`)
    t.same(sortTodos(todosAfter.todos), sortTodos(todosBefore.todos), 'same todos, same ids')
    t.same(sortTodos(todosAfter.todos).map((todo) => todo.id), [3, 12])

    const post = await second.inject({ method: 'POST', url: '/challenger', headers: { 'x-challenger': guid } })
    t.equal(post.statusCode, 200, 'POST /challenger re-attaches after the restart')
    if (challengeSet === 'current') {
      t.equal((await injectJson<Progress>(second, `/challenger/${guid}`)).challengeStatus.POST_RESTORE_EXISTING_CHALLENGER, true)
    }
    t.equal((await second.inject({ method: 'POST', url: '/challenger', headers: { 'x-challenger': randomUUID() } })).statusCode, 404,
      'a GUID that was never stored is still unknown')
  })

  t.test(`${challengeSet} single: the built-in session survives a restart`, async (t) => {
    const dbFile = join(tempDir(t), 'db.sqlite')
    const config = { mode: 'single' as const, challengeSet, dbFile }
    const first = await build(t, config)
    await first.inject({ method: 'POST', url: '/challenger' })
    await first.inject({ method: 'GET', url: '/challenges' })
    await first.inject({ method: 'PUT', url: `/challenger/database/${SINGLE}`, payload: '{"todos":[{"id":11,"title":"single persisted"}]}' })
    const before = await injectJson<Progress>(first, '/challenger/probe')
    await first.close()

    const second = await build(t, config)
    const after = await injectJson<Progress>(second, '/challenger/probe')
    t.same(doneKeys(after), doneKeys(before), 'same progress')
    t.same(doneKeys(after), ['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES', 'PUT_RESTORABLE_TODOS'])
    t.equal(after.xAuthToken, before.xAuthToken)
    const todos = await injectJson<{ todos: ExportedTodo[] }>(second, `/challenger/database/${SINGLE}`)
    t.same(todos.todos.map((todo) => [todo.id, todo.title]), [[11, 'single persisted']])
  })
}

// ---------------------------------------------------------------------------
// (c) retention: sessions idle longer than SESSION_RETENTION_DAYS are deleted
// ---------------------------------------------------------------------------

t.test('retention purge deletes long-idle sessions only', async (t) => {
  let clock = Date.UTC(2026, 0, 1)
  const dbFile = join(tempDir(t), 'db.sqlite')
  const app = await build(t, { mode: 'multi', dbFile }, { now: () => clock })
  const create = async () => (await app.inject({ method: 'POST', url: '/challenger' })).headers['x-challenger'] as string
  const old = await create()
  const recent = await create()
  await app.inject({ method: 'PUT', url: `/challenger/database/${old}`, payload: '{"todos":[{"id":1,"title":"old"}]}' })

  clock += 6 * DAY
  await app.inject({ method: 'GET', url: '/challenges', headers: { 'x-challenger': recent } })
  app.sessions.evictIdle()
  t.equal(app.sessions.purgeExpired(), 0, 'idle 6 days with the default 7-day retention: nothing purged')

  clock += 2 * DAY
  t.equal(app.sessions.purgeExpired(), 1, 'idle 8 days: one session purged')
  t.equal((await app.inject({ method: 'GET', url: `/challenger/${old}` })).statusCode, 404, 'the long-idle session is gone')
  t.equal((await app.inject({ method: 'POST', url: '/challenger', headers: { 'x-challenger': old } })).statusCode, 404, 'POST cannot resurrect it')
  const database = await app.inject({ method: 'GET', url: `/challenger/database/${old}` })
  t.equal(database.statusCode, 404, 'its todo list is gone too')
  t.same(JSON.parse(database.body), { errorMessages: [`Challenger not found ${old}`] })
  const kept = await app.inject({ method: 'GET', url: `/challenger/${recent}` })
  t.equal(kept.statusCode, 200, 'a session idle 2 days survives')
  t.equal((JSON.parse(kept.body) as Progress).challengeStatus.GET_CHALLENGES, true, 'with its progress')
})

t.test('SESSION_RETENTION_DAYS is honoured, and survives a restart', async (t) => {
  let clock = Date.UTC(2026, 0, 1)
  const dbFile = join(tempDir(t), 'db.sqlite')
  const first = await build(t, { mode: 'multi', dbFile, sessionRetentionDays: 2 }, { now: () => clock })
  const guid = (await first.inject({ method: 'POST', url: '/challenger' })).headers['x-challenger'] as string
  const other = (await first.inject({ method: 'POST', url: '/challenger' })).headers['x-challenger'] as string
  clock += DAY
  await first.inject({ method: 'GET', url: `/challenger/${other}` })
  await first.close()

  clock += DAY + 60 * 60_000
  const second = await build(t, { mode: 'multi', dbFile, sessionRetentionDays: 2 }, { now: () => clock })
  second.sessions.purgeExpired()
  t.equal((await second.inject({ method: 'GET', url: `/challenger/${guid}` })).statusCode, 404, 'idle 2 days 1 hour with a 2-day retention: deleted')
  t.equal((await second.inject({ method: 'GET', url: `/challenger/${other}` })).statusCode, 200, 'idle 1 day 1 hour: kept')
})

t.test('single-user: the built-in session is never purged', async (t) => {
  let clock = Date.UTC(2026, 0, 1)
  const dbFile = join(tempDir(t), 'db.sqlite')
  const first = await build(t, { mode: 'single', dbFile }, { now: () => clock })
  await first.inject({ method: 'POST', url: '/challenger' })
  await first.close()
  clock += 60 * DAY
  // the app purges on start-up and on its timer, always sparing the built-in session
  const second = await build(t, { mode: 'single', dbFile }, { now: () => clock })
  const res = await second.inject({ method: 'GET', url: '/challenger/probe' })
  t.equal(res.statusCode, 200)
  t.equal((JSON.parse(res.body) as Progress).challengeStatus.CREATE_NEW_CHALLENGER, true, 'progress kept after 60 idle days')
})

// ---------------------------------------------------------------------------
// (b) real server processes: SIGTERM and SIGKILL
// ---------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

interface Server {
  child: ChildProcess
  base: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr: () => string
}

async function startServer(t: Test, dbFile: string): Promise<Server> {
  const port = await freePort()
  const child = spawn(process.execPath, [
    '--import', 'tsx', 'server.ts', '--mode=multi', `--port=${port}`, `--db-file=${dbFile}`, '--log-level=silent',
  ], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
    }
  })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  let running = true
  void exited.then(() => { running = false })
  while (Date.now() < deadline) {
    if (!running) throw new Error(`server exited before answering: ${stderr}`)
    try {
      const res = await fetch(`${base}/challenges`)
      await res.arrayBuffer()
      if (res.status === 200) return { child, base, exited, stderr: () => stderr }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`server did not answer within 20 s: ${stderr}`)
}

async function call(server: Server, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const res = await fetch(`${server.base}${path}`, { method, headers, body })
  return { status: res.status, headers: res.headers, body: await res.text() }
}

t.test('real server processes: SIGTERM and SIGKILL lose nothing acknowledged', async (t) => {
  const dbFile = join(tempDir(t), 'db.sqlite')

  // first run: make progress, then stop gracefully
  const first = await startServer(t, dbFile)
  const created = await call(first, 'POST', '/api/challenger')
  t.equal(created.status, 201)
  const guid = created.headers.get('x-challenger')!
  const header = { 'x-challenger': guid }
  t.equal((await call(first, 'GET', '/api/challenges', header)).status, 200)
  t.equal((await call(first, 'GET', `/api/challenger/${guid}`, header)).status, 200)
  t.equal((await call(first, 'PUT', `/api/challenger/database/${guid}`, header,
    '{"todos":[{"id":100,"title":"before sigterm","doneStatus":true,"description":"kept"},{"id":7,"title":"seven"}]}')).status, 204)
  const snapshot = JSON.parse((await call(first, 'GET', `/api/challenger/${guid}`)).body) as Progress
  t.equal((await call(first, 'PUT', `/api/challenger/${guid}`, { 'content-type': 'application/json' },
    JSON.stringify({ ...snapshot, secretNote: 'note before sigterm' }))).status, 200)
  const beforeTerm = JSON.parse((await call(first, 'GET', `/api/challenger/${guid}`)).body) as Progress
  t.same(doneKeys(beforeTerm), ['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES', 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS',
    'PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS', 'PUT_RESTORABLE_TODOS'], 'setup: progress made over HTTP')

  first.child.kill('SIGTERM')
  const termExit = await first.exited
  t.equal(termExit.code, 0, 'SIGTERM: graceful exit with status 0')

  // second run: everything is back; then crash it right after the last acknowledged writes
  const second = await startServer(t, dbFile)
  const afterTerm = JSON.parse((await call(second, 'GET', `/api/challenger/${guid}`)).body) as Progress
  t.equal(afterTerm.xAuthToken, beforeTerm.xAuthToken, 'after SIGTERM: same token')
  t.equal(afterTerm.secretNote, 'note before sigterm', 'after SIGTERM: same note')
  for (const key of doneKeys(beforeTerm)) t.equal(afterTerm.challengeStatus[key], true, `after SIGTERM: ${key} still done`)
  const todos = JSON.parse((await call(second, 'GET', `/api/challenger/database/${guid}`)).body) as { todos: ExportedTodo[] }
  t.same(sortTodos(todos.todos).map((todo) => [todo.id, todo.title]), [[7, 'seven'], [100, 'before sigterm']], 'after SIGTERM: same todos and ids')
  t.match(sortTodos(todos.todos)[1], { doneStatus: true, description: 'kept' })
  t.equal((JSON.parse((await call(second, 'GET', `/api/challenger/${guid}`)).body) as Progress).challengeStatus.GET_RESTORE_EXISTING_CHALLENGER, true,
    'the session was loaded from persistence (GET_RESTORE_EXISTING_CHALLENGER)')

  const fresh = await call(second, 'POST', '/challenger')
  t.equal(fresh.status, 201)
  const crashGuid = fresh.headers.get('x-challenger')!
  t.equal((await call(second, 'GET', '/challenges', { 'x-challenger': crashGuid })).status, 200)
  t.equal((await call(second, 'PUT', `/challenger/database/${guid}`, header, '{"todos":[{"id":55,"title":"last write before the crash"}]}')).status, 204)
  const crashSnapshot = JSON.parse((await call(second, 'GET', `/challenger/${crashGuid}`)).body) as Progress
  const lastAck = await call(second, 'PUT', `/challenger/${crashGuid}`, {}, JSON.stringify({ ...crashSnapshot, secretNote: 'acknowledged then killed' }))
  t.equal(lastAck.status, 200, 'last acknowledged response')
  second.child.kill('SIGKILL')
  const killExit = await second.exited
  t.equal(killExit.signal, 'SIGKILL', 'the server was killed, no graceful shutdown')

  // third run: nothing acknowledged was lost
  const third = await startServer(t, dbFile)
  const crashed = await call(third, 'GET', `/challenger/${crashGuid}`)
  t.equal(crashed.status, 200, 'a session created just before the crash exists')
  const crashedProgress = JSON.parse(crashed.body) as Progress
  t.equal(crashedProgress.secretNote, 'acknowledged then killed', 'the last acknowledged write survived kill -9')
  t.equal(crashedProgress.xAuthToken, crashSnapshot.xAuthToken)
  t.equal(crashedProgress.challengeStatus.GET_CHALLENGES, true)
  t.equal(crashedProgress.challengeStatus.CREATE_NEW_CHALLENGER, true)
  t.equal(crashedProgress.challengeStatus.PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS, true, 'the pass recorded with the last response survived')
  const crashTodos = JSON.parse((await call(third, 'GET', `/challenger/database/${guid}`)).body) as { todos: ExportedTodo[] }
  t.same(crashTodos.todos.map((todo) => [todo.id, todo.title]), [[55, 'last write before the crash']], 'the restored list survived kill -9')
  const original = JSON.parse((await call(third, 'GET', `/challenger/${guid}`)).body) as Progress
  t.equal(original.secretNote, 'note before sigterm', 'earlier sessions are intact')
  t.equal(original.challengeStatus.PUT_RESTORABLE_TODOS, true)

  third.child.kill('SIGTERM')
  t.equal((await third.exited).code, 0)
})
