// Scale: per-request cost must not grow with the number of sessions.
//
//   npm run scale                       100 000 stored sessions, 10 000 of them active
//   npm run scale -- --sessions=100000 --active=10000 --duration=5 --rounds=3 [--root=DIR] [--no-write] [--all-active]
//                   [--out=FILE] [--label=TEXT] [--node-args="--max-semi-space-size=8"]
//
// 1. seeds a database with N sessions directly through the server's own repositories (compiled from the
//    checkout), each with one todo added to its seed list, passes recorded, last access spread over six days;
// 2. start-up time (spawn → first HTTP answer) on that database and on an empty one;
// 3. GET /todos throughput with X-CHALLENGER: one session on an empty database vs. the N-session database
//    with the load rotating over the active sessions (alternating rounds, so both see the same machine load);
// 4. RSS of the server after that load;
// 5. the working set under load (in-process, with a movable clock): after the active sessions go idle and a
//    new set becomes active, eviction must bring the working set (and the live heap) back to one set's size.
import autocannon from 'autocannon'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { buildServer, BUILD_DIR, cpuSecondsOf, median, MEMORY_PROBE, memoryOf, probeMemory, REPO_ROOT, round, startApiServer, type ChildServer } from './lib/processes.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const args = process.argv.slice(2)
const get = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const SESSIONS = Number(get('sessions') ?? 100_000)
const ACTIVE = Number(get('active') ?? 10_000)
const DURATION = Number(get('duration') ?? 5)
const ROUNDS = Number(get('rounds') ?? 3)
const ROOT = get('root') ?? REPO_ROOT
const CONNECTIONS = 10
/** extra node flags for the measured servers, e.g. --node-args="--max-semi-space-size=8" */
const NODE_ARGS = get('node-args')?.split(' ').filter(Boolean) ?? []
const DAY = 24 * 60 * 60_000

const TARGETS = { throughputRatio: 0.85, startupMs: 1000, rssMb: 150 }

interface Repositories {
  openDatabase(file: string): import('better-sqlite3').Database
  createChallengersRepository(db: import('better-sqlite3').Database): {
    insert(record: { guid: string; authToken: string; secretNote: string; createdAt: number; lastAccessed: number; passed: string[] }): void
  }
  createTodosRepository(db: import('better-sqlite3').Database): {
    create(list: string, fields: { title: string; doneStatus: boolean; description: string }): unknown
  }
}

/** the compiled modules of the checkout being measured (so its own schema and storage layout are used) */
async function compiled<T>(relative: string): Promise<T> {
  return import(pathToFileURL(join(ROOT, BUILD_DIR, relative)).href) as Promise<T>
}

async function seed(file: string, count: number): Promise<string[]> {
  const { openDatabase } = await compiled<Pick<Repositories, 'openDatabase'>>('db/connection.js')
  const { createChallengersRepository } = await compiled<Pick<Repositories, 'createChallengersRepository'>>('db/challengers-repository.js')
  const { createTodosRepository } = await compiled<Pick<Repositories, 'createTodosRepository'>>('db/todos-repository.js')
  const db = openDatabase(file)
  const challengers = createChallengersRepository(db)
  const todos = createTodosRepository(db)
  const guids: string[] = []
  const now = Date.now()
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const guid = randomUUID()
      const at = now - Math.floor((i / count) * 6 * DAY)
      challengers.insert({ guid, authToken: randomUUID(), secretNote: i % 7 === 0 ? `note ${i}` : '', createdAt: at, lastAccessed: at, passed: ['CREATE_NEW_CHALLENGER', 'GET_CHALLENGES', 'GET_TODOS'] })
      // every session changed its list once (a new todo), as the single session of the comparison does
      todos.create(guid, { title: `todo of session ${i}`, doneStatus: false, description: 'seeded by bench/scale.ts' })
      guids.push(guid)
    }
  })
  for (let from = 0; from < count; from += 5_000) batch(from, Math.min(count, from + 5_000))
  db.close()
  return guids
}

async function startups(dbFile: string, times: number): Promise<number[]> {
  const result: number[] = []
  for (let i = 0; i < times; i++) {
    const server = await startApiServer({ root: ROOT, runtime: 'build', dbFile, pollMs: 5, nodeArgs: NODE_ARGS })
    result.push(Math.round(server.startupMs))
    await server.stop()
  }
  return result
}

function rotating(guids: readonly string[]): autocannon.RequestSpec[] {
  let next = 0
  return [{
    method: 'GET',
    path: '/todos',
    setupRequest: (request) => ({ ...request, headers: { accept: 'application/json', 'x-challenger': guids[next++ % guids.length]! } }),
  }]
}

interface Measured {
  reqPerSec: number
  p50: number
  p99: number
  cpuUsPerRequest: number
  non2xx: number
}

async function measure(server: ChildServer, requests: autocannon.RequestSpec[], options: { duration?: number; amount?: number }): Promise<Measured> {
  const cpu = cpuSecondsOf(server.pid)
  const result = await autocannon({ url: server.base, connections: CONNECTIONS, requests, ...options })
  return {
    reqPerSec: round(result.requests.average, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUsPerRequest: round(((cpuSecondsOf(server.pid) - cpu) * 1e6) / Math.max(1, result.requests.total), 1),
    non2xx: result.non2xx,
  }
}

interface WorkingSetReport {
  perSessionBytes: number
  afterFirstSet: { workingSet: number; heapMb: number }
  afterSecondSet: { workingSet: number; heapMb: number; evicted: number }
  allTouched?: { sessions: number; workingSet: number; heapMb: number }
  bounded: boolean
}

/** in-process: the working set with a movable clock, under an HTTP load (autocannon in this process) */
async function workingSet(dbFile: string, guids: readonly string[]): Promise<WorkingSetReport> {
  type App = {
    listen(o: { port: number; host: string }): Promise<string>
    close(): Promise<void>
    sessions: { workingSetSize(): number; evictIdle(): number }
  }
  const { buildApp } = await compiled<{ buildApp(config: unknown, options: unknown): Promise<App> }>('app.js')
  const { defaultConfig } = await compiled<{ defaultConfig: Record<string, unknown> }>('config.js')
  let offset = 0
  const app = await buildApp({ ...defaultConfig, mode: 'multi', dbFile, logLevel: 'silent' }, { now: () => Date.now() + offset })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const heapMb = () => { gc(); gc(); return round(process.memoryUsage().heapUsed / 2 ** 20, 1) }
  try {
    const firstSet = guids.slice(0, ACTIVE)
    const secondSet = guids.slice(ACTIVE, 2 * ACTIVE)
    const empty = { size: app.sessions.workingSetSize(), heap: heapMb() }
    await autocannon({ url, connections: CONNECTIONS, amount: firstSet.length, requests: rotating(firstSet) })
    const afterFirstSet = { workingSet: app.sessions.workingSetSize(), heapMb: heapMb() }
    // the first set goes quiet for longer than the idle limit while the second set keeps the server busy
    offset += 11 * 60_000
    const load = autocannon({ url, connections: CONNECTIONS, amount: secondSet.length, requests: rotating(secondSet) })
    await new Promise((resolve) => setTimeout(resolve, 500))
    const evicted = app.sessions.evictIdle() // what the sweep timer does every minute, here in the middle of the load
    await load
    const afterSecondSet = { workingSet: app.sessions.workingSetSize(), heapMb: heapMb(), evicted }
    const perSessionBytes = Math.round(((afterFirstSet.heapMb - empty.heap) * 2 ** 20) / Math.max(1, afterFirstSet.workingSet - empty.size))
    const report: WorkingSetReport = {
      perSessionBytes,
      afterFirstSet,
      afterSecondSet,
      bounded: afterSecondSet.workingSet <= ACTIVE * 1.1 + 10 && evicted >= ACTIVE * 0.9,
    }
    if (args.includes('--all-active')) {
      // every stored session active within one idle period: what a cap on the working set must handle
      offset += 11 * 60_000
      app.sessions.evictIdle()
      await autocannon({ url, connections: CONNECTIONS, amount: guids.length, requests: rotating(guids) })
      report.allTouched = { sessions: guids.length, workingSet: app.sessions.workingSetSize(), heapMb: heapMb() }
    }
    return report
  } finally {
    await app.close()
  }
}

async function main(): Promise<void> {
  const started = new Date()
  const dir = mkdtempSync(join(tmpdir(), 'apichallenges-scale-'))
  const servers: ChildServer[] = []
  try {
    console.log(`scale: ${SESSIONS} stored sessions, ${ACTIVE} active; compiling ${ROOT} into bench/.build …`)
    buildServer(ROOT, { modules: true })
    const bigDb = join(dir, 'big.db')
    const seedStarted = Date.now()
    const guids = await seed(bigDb, SESSIONS)
    const dbMb = round(statSync(bigDb).size / 2 ** 20, 1)
    console.log(`seeded ${SESSIONS} sessions in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (database ${dbMb} MB)`)

    const emptyDb = join(dir, 'empty.db')
    const startupEmpty = await startups(emptyDb, 3)
    const startupBig = await startups(bigDb, 3)
    console.log(`start-up (spawn → first answer): empty ${startupEmpty.join('/')} ms, ${SESSIONS} sessions ${startupBig.join('/')} ms`)

    const one = await startApiServer({ root: ROOT, runtime: 'build', dbFile: emptyDb, nodeArgs: NODE_ARGS })
    servers.push(one)
    const big = await startApiServer({ root: ROOT, runtime: 'build', dbFile: bigDb, nodeArgs: [...NODE_ARGS, ...MEMORY_PROBE] })
    servers.push(big)
    const single = (await fetch(`${one.base}/challenger`, { method: 'POST' })).headers.get('x-challenger')!
    // the same kind of list as the stored sessions': the seed todos plus one
    await (await fetch(`${one.base}/todos`, { method: 'POST', headers: { 'x-challenger': single, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'todo of the single session', description: 'added by bench/scale.ts' }) })).arrayBuffer()
    const active = guids.slice(0, ACTIVE)
    const oneRequests = rotating([single])
    const bigRequests = rotating(active)
    // RSS of the stored-sessions server, sampled through the warm-up and the measured rounds
    const rssSamples: { phase: string; rssMb: number }[] = []
    let phase = 'warm-up'
    const sampler = setInterval(() => { try { rssSamples.push({ phase, rssMb: round(memoryOf(big.pid).rssMb, 1) }) } catch { /* exited */ } }, 200)
    // warm-up: every active session is read once (back from disk into the working set), both servers JIT-warm
    await measure(big, bigRequests, { amount: ACTIVE * 2 })
    phase = 'measured rounds'
    await measure(one, oneRequests, { duration: 2 })
    const oneRounds: Measured[] = []
    const bigRounds: Measured[] = []
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        oneRounds.push(await measure(one, oneRequests, { duration: DURATION }))
        bigRounds.push(await measure(big, bigRequests, { duration: DURATION }))
      } else {
        bigRounds.push(await measure(big, bigRequests, { duration: DURATION }))
        oneRounds.push(await measure(one, oneRequests, { duration: DURATION }))
      }
      console.log(`round ${r + 1}: 1 session ${oneRounds[r]!.reqPerSec} req/s, ${SESSIONS} sessions (${ACTIVE} active) ${bigRounds[r]!.reqPerSec} req/s`)
    }
    const ratio = round(median(bigRounds.map((b, i) => b.reqPerSec / oneRounds[i]!.reqPerSec)), 3)
    clearInterval(sampler)
    const rssByPhase = Object.fromEntries(['warm-up', 'measured rounds'].map((name) => {
      const values = rssSamples.filter((sample) => sample.phase === name).map((sample) => sample.rssMb)
      return [name, { max: Math.max(...values), median: median(values) }]
    }))
    const memoryBig = memoryOf(big.pid)
    const memoryOne = memoryOf(one.pid)
    const afterGc = await probeMemory(big)
    await Promise.all(servers.map((s) => s.stop()))
    servers.length = 0

    const ws = await workingSet(bigDb, guids)
    const summary = {
      date: started.toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg().map((l) => round(l)),
      sessions: SESSIONS,
      serverNodeArgs: NODE_ARGS,
      active: ACTIVE,
      databaseMb: dbMb,
      startupMs: { empty: median(startupEmpty), stored: median(startupBig), runs: { empty: startupEmpty, stored: startupBig } },
      getTodos: {
        oneSession: { reqPerSec: median(oneRounds.map((r) => r.reqPerSec)), cpuUsPerRequest: median(oneRounds.map((r) => r.cpuUsPerRequest)), p50: median(oneRounds.map((r) => r.p50)), p99: median(oneRounds.map((r) => r.p99)) },
        stored: { reqPerSec: median(bigRounds.map((r) => r.reqPerSec)), cpuUsPerRequest: median(bigRounds.map((r) => r.cpuUsPerRequest)), p50: median(bigRounds.map((r) => r.p50)), p99: median(bigRounds.map((r) => r.p99)) },
        ratio,
        non2xx: [...oneRounds, ...bigRounds].reduce((n, r) => n + r.non2xx, 0),
        rounds: { one: oneRounds, stored: bigRounds },
      },
      rssMb: { stored: round(memoryBig.rssMb, 1), storedPeak: round(memoryBig.peakRssMb, 1), oneSession: round(memoryOne.rssMb, 1) },
      rssByPhaseMb: rssByPhase,
      storedServerAfterGcMb: { rss: round(afterGc.rss / 2 ** 20, 1), heapUsed: round(afterGc.heapUsed / 2 ** 20, 1), heapTotal: round(afterGc.heapTotal / 2 ** 20, 1) },
      workingSet: ws,
      targets: TARGETS,
    }
    const met = {
      throughput: ratio >= TARGETS.throughputRatio,
      startup: summary.startupMs.stored < TARGETS.startupMs,
      rss: memoryBig.peakRssMb < TARGETS.rssMb,
      workingSetBounded: ws.bounded,
    }
    console.log(`\nGET /todos: 1 session ${summary.getTodos.oneSession.reqPerSec} req/s (${summary.getTodos.oneSession.cpuUsPerRequest} µs CPU/req), ` +
      `${SESSIONS} sessions / ${ACTIVE} active ${summary.getTodos.stored.reqPerSec} req/s (${summary.getTodos.stored.cpuUsPerRequest} µs CPU/req): ` +
      `ratio ${ratio} (target ≥ ${TARGETS.throughputRatio}: ${met.throughput ? 'met' : 'NOT MET'})`)
    console.log(`start-up with ${SESSIONS} sessions: ${summary.startupMs.stored} ms (empty: ${summary.startupMs.empty} ms; target < ${TARGETS.startupMs}: ${met.startup ? 'met' : 'NOT MET'})`)
    console.log(`RSS during the warm-up (every active session read back from disk): max ${rssByPhase['warm-up']!.max} MB; ` +
      `during the measured rounds: median ${rssByPhase['measured rounds']!.median} MB, max ${rssByPhase['measured rounds']!.max} MB`)
    console.log(`RSS after the load: ${summary.rssMb.stored} MB, peak ${summary.rssMb.storedPeak} MB (target < ${TARGETS.rssMb}: ${met.rss ? 'met' : 'NOT MET'}); ` +
      `after a full GC: rss ${summary.storedServerAfterGcMb.rss} MB, live heap ${summary.storedServerAfterGcMb.heapUsed} MB of ${summary.storedServerAfterGcMb.heapTotal} MB`)
    console.log(`working set: ${ws.afterFirstSet.workingSet} sessions (${ws.afterFirstSet.heapMb} MB live heap) with the first ${ACTIVE} active; ` +
      `after they idled and ${ACTIVE} others were active: ${ws.afterSecondSet.workingSet} (${ws.afterSecondSet.heapMb} MB), ${ws.afterSecondSet.evicted} evicted ` +
      `during the load; about ${ws.perSessionBytes} bytes per session in memory (${ws.bounded ? 'bounded' : 'NOT BOUNDED'})`)
    if (ws.allTouched) console.log(`all ${ws.allTouched.sessions} sessions active within one idle period: working set ${ws.allTouched.workingSet}, live heap ${ws.allTouched.heapMb} MB`)
    const report = { ...(get('label') ? { label: get('label') } : {}), ...summary, met }
    if (!args.includes('--no-write')) {
      mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true })
      const file = get('out') ?? join(REPO_ROOT, 'bench', 'results', `scale-${started.toISOString().slice(0, 10)}.json`)
      writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
      console.log(`results written to ${file}`)
    }
    if (Object.values(met).some((ok) => !ok)) process.exitCode = 1
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
