// Crash durability: a client writes to a real server process and logs every write the server acknowledged;
// the server is killed with SIGKILL in the middle of that load, restarted on the same database file, and
// every acknowledged session, completion and todo must be there (and every acknowledged delete gone).
// Used by bench/durability.ts (≥ 20 kills) and test/durability.test.ts (a few).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from './http-client.js'
import { HOST, sleep, startApiServer, type ChildServer, type Runtime } from './processes.js'

export interface DurabilityOptions {
  kills: number
  /** concurrent client loops writing during each cycle */
  workers?: number
  /** the kill lands this long (ms) after the load started, picked at random in the range */
  killAfterMs?: readonly [number, number]
  runtime?: Runtime
  root?: string
  challenges?: 'current' | 'classic'
  log?: (line: string) => void
  /** called after each restart with the new server (tests use it to assert on the fly) */
  onCycle?: (cycle: CycleReport) => void
}

/** what the client saw acknowledged for one session */
interface SessionLog {
  guid: string
  cycle: number
  completions: Set<string>
  /** todo id → title, acknowledged 201 */
  todos: Map<number, string>
  /** ids whose DELETE was acknowledged */
  deleted: Set<number>
  /** ids a DELETE was sent for (acknowledged or not): their presence is not checked */
  deleteSent: Set<number>
}

export interface CycleReport {
  cycle: number
  acknowledgedWrites: number
  inFlightAtKill: number
  killedAfterMs: number
  restartMs: number
  missing: string[]
}

export interface DurabilityReport {
  kills: number
  sessions: number
  completions: number
  todos: number
  deletes: number
  acknowledgedWrites: number
  inFlightAtKill: { min: number; max: number; total: number }
  cyclesWithWritesInFlight: number
  missing: string[]
  durationMs: number
  cycles: CycleReport[]
}

/** the challenges our writes complete, by current-set key (both sets record passes under these keys) */
const CREATE = 'CREATE_NEW_CHALLENGER'
const GET_CHALLENGES = 'GET_CHALLENGES'
const POST_TODOS = 'POST_TODOS'

const TODOS_PER_SESSION = 6

interface LoadState {
  stopped: boolean
  inFlight: number
  acknowledged: number
}

async function worker(client: Client, sessions: SessionLog[], cycle: number, state: LoadState, seed: number): Promise<void> {
  let session: SessionLog | undefined
  let step = seed
  const send = async (method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
    state.inFlight++
    try {
      return await client.call({ method, path, headers, body, timeoutMs: 10_000 })
    } finally {
      state.inFlight--
    }
  }
  while (!state.stopped) {
    try {
      if (!session || session.todos.size >= TODOS_PER_SESSION) {
        const created = await send('POST', '/challenger')
        const guid = created.headers['x-challenger']
        if (created.status !== 201 || typeof guid !== 'string') throw new Error(`POST /challenger answered ${created.status}`)
        session = { guid, cycle, completions: new Set([CREATE]), todos: new Map(), deleted: new Set(), deleteSent: new Set() }
        sessions.push(session)
        state.acknowledged++
        continue
      }
      const header = { 'x-challenger': session.guid }
      step++
      if (step % 5 === 0) {
        const res = await send('GET', '/challenges', header)
        if (res.status === 200) { session.completions.add(GET_CHALLENGES); state.acknowledged++ }
      } else if (step % 7 === 0 && session.todos.size > session.deleteSent.size) {
        const id = [...session.todos.keys()].find((candidate) => !session!.deleteSent.has(candidate))!
        session.deleteSent.add(id)
        const res = await send('DELETE', `/todos/${id}`, header)
        if (res.status === 200 || res.status === 204) { session.deleted.add(id); state.acknowledged++ }
      } else {
        const title = `durable ${cycle}-${step}`
        const res = await send('POST', '/todos', { ...header, 'content-type': 'application/json' }, JSON.stringify({ title, description: 'kill -9 survivor' }))
        const id = Number(/\/todos\/(\d+)$/.exec(String(res.headers.location ?? ''))?.[1])
        if (res.status === 201 && Number.isInteger(id)) {
          session.todos.set(id, title)
          session.completions.add(POST_TODOS)
          state.acknowledged++
        }
      }
    } catch {
      // connection refused or reset: the server is gone (or going); nothing was acknowledged
      if (state.stopped) return
      await sleep(5)
    }
  }
}

interface Progress {
  challengeStatus?: Record<string, boolean>
}

interface TodoExport {
  todos?: { id: number; title: string }[]
}

/** checks one session against the server; returns what is missing */
async function verifySession(client: Client, session: SessionLog): Promise<string[]> {
  const missing: string[] = []
  const progress = await client.call({ method: 'GET', path: `/challenger/${session.guid}` })
  if (progress.status !== 200) return [`session ${session.guid} (cycle ${session.cycle}): GET /challenger answered ${progress.status}`]
  const status = (JSON.parse(progress.body) as Progress).challengeStatus ?? {}
  for (const key of session.completions) {
    if (status[key] !== true) missing.push(`session ${session.guid}: completion ${key} lost`)
  }
  const database = await client.call({ method: 'GET', path: `/challenger/database/${session.guid}` })
  if (database.status !== 200) return [...missing, `session ${session.guid}: todo list answered ${database.status}`]
  const todos = new Map(((JSON.parse(database.body) as TodoExport).todos ?? []).map((todo) => [todo.id, todo.title]))
  for (const [id, title] of session.todos) {
    if (session.deleted.has(id)) {
      if (todos.has(id)) missing.push(`session ${session.guid}: todo ${id} deleted (acknowledged) but present`)
    } else if (!session.deleteSent.has(id) && todos.get(id) !== title) {
      missing.push(`session ${session.guid}: todo ${id} "${title}" lost (found ${JSON.stringify(todos.get(id))})`)
    }
  }
  return missing
}

async function verifyAll(client: Client, sessions: readonly SessionLog[], concurrency = 8): Promise<string[]> {
  const missing: string[] = []
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < sessions.length) missing.push(...await verifySession(client, sessions[next++]!))
  }))
  return missing
}

export async function runDurability(options: DurabilityOptions): Promise<DurabilityReport> {
  const log = options.log ?? (() => {})
  const workers = options.workers ?? 8
  const [killMin, killMax] = options.killAfterMs ?? [150, 700]
  const dir = mkdtempSync(join(tmpdir(), 'apichallenges-durability-'))
  const dbFile = join(dir, 'durability.db')
  const sessions: SessionLog[] = []
  const cycles: CycleReport[] = []
  const started = Date.now()
  const start = () => startApiServer({ dbFile, runtime: options.runtime, root: options.root, challenges: options.challenges, mode: 'multi' })
  let server: ChildServer = await start()
  try {
    for (let cycle = 1; cycle <= options.kills; cycle++) {
      const client = new Client(HOST, server.port, workers)
      const state: LoadState = { stopped: false, inFlight: 0, acknowledged: 0 }
      const firstSession = sessions.length
      const loops = Array.from({ length: workers }, (_, i) => worker(client, sessions, cycle, state, i * 3))
      const killAfter = killMin + Math.random() * (killMax - killMin)
      await sleep(killAfter)
      const inFlight = state.inFlight
      await server.kill()
      state.stopped = true
      await Promise.all(loops)
      client.close()

      const restartStarted = Date.now()
      server = await start()
      const restartMs = Date.now() - restartStarted
      const checker = new Client(HOST, server.port, 8)
      const missing = await verifyAll(checker, sessions.slice(firstSession))
      checker.close()
      const report: CycleReport = { cycle, acknowledgedWrites: state.acknowledged, inFlightAtKill: inFlight, killedAfterMs: Math.round(killAfter), restartMs, missing }
      cycles.push(report)
      options.onCycle?.(report)
      log(`kill ${cycle}/${options.kills}: ${state.acknowledged} acknowledged writes, ${inFlight} in flight at the kill ` +
        `(${report.killedAfterMs} ms into the load), restart ${restartMs} ms, ${missing.length} missing`)
      for (const line of missing.slice(0, 10)) log(`  MISSING ${line}`)
    }
    // every session of every cycle, once more, on the last server
    const checker = new Client(HOST, server.port, 8)
    const finalMissing = await verifyAll(checker, sessions)
    checker.close()
    log(`final check of ${sessions.length} sessions: ${finalMissing.length} missing`)
    const missing = [...new Set([...cycles.flatMap((c) => c.missing), ...finalMissing])]
    const inFlight = cycles.map((c) => c.inFlightAtKill)
    return {
      kills: cycles.length,
      sessions: sessions.length,
      completions: sessions.reduce((n, s) => n + s.completions.size, 0),
      todos: sessions.reduce((n, s) => n + s.todos.size, 0),
      deletes: sessions.reduce((n, s) => n + s.deleted.size, 0),
      acknowledgedWrites: cycles.reduce((n, c) => n + c.acknowledgedWrites, 0),
      inFlightAtKill: { min: Math.min(...inFlight), max: Math.max(...inFlight), total: inFlight.reduce((a, b) => a + b, 0) },
      cyclesWithWritesInFlight: inFlight.filter((n) => n > 0).length,
      missing,
      durationMs: Date.now() - started,
      cycles,
    }
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
