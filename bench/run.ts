// Benchmarks: each scenario against our server and, in the same run, against a bare Fastify baseline
// (bench/baseline.ts), alternating short rounds so both see the same machine load. Prints req/s, p50/p99
// latency and the our/baseline ratio per scenario, and writes a JSON result file.
//
//   npm run bench                                   all scenarios, 10 connections, 3 rounds of 5 s each
//   npm run bench -- --only=get-todos,post-challenger --duration=10 --rounds=5
//   npm run bench -- --profile                      also writes a --cpu-prof of our server to bench/profiles/
//   npm run bench -- --root=/path/to/other/checkout  measure another checkout (e.g. a patched copy)
//
// Flags: --connections=N (10) --duration=S (5) --rounds=N (3) --warmup=S (2) --only=a,b
//        --runtime=build|dist|tsx (build: bundle into bench/.build first) --out=FILE (bench/results/<date>-<commit>.json) --no-write
//        --check (exit 1 when a target is missed) --label=TEXT (recorded in the result file)
//        --node-args="--max-semi-space-size=8" (extra flags for our server)
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServer, cpuSecondsOf, freePort, median, memoryOf, REPO_ROOT, round, startApiServer, startChild, type ChildServer, type Runtime } from './lib/processes.js'
import { SCENARIOS, type Scenario } from './lib/scenarios.js'
import type { BaselineFixtures } from './baseline.js'

interface Options {
  connections: number
  duration: number
  rounds: number
  warmup: number
  only: string[] | undefined
  runtime: Runtime
  root: string
  out: string | undefined
  write: boolean
  profile: boolean
  check: boolean
  label: string | undefined
  /** extra node flags for our server (e.g. to compare V8 heap settings) */
  nodeArgs: string[]
}

function parseArgs(argv: readonly string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=')
  const num = (name: string, fallback: number) => {
    const raw = get(name)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`)
    return value
  }
  return {
    connections: num('connections', 10),
    duration: num('duration', 5),
    rounds: num('rounds', 3),
    warmup: num('warmup', 2),
    only: get('only')?.split(',').map((s) => s.trim()).filter(Boolean),
    runtime: (['dist', 'tsx'] as const).find((r) => r === get('runtime')) ?? 'build',
    root: get('root') ?? REPO_ROOT,
    out: get('out'),
    write: !argv.includes('--no-write'),
    profile: argv.includes('--profile'),
    check: argv.includes('--check'),
    label: get('label'),
    nodeArgs: get('node-args')?.split(' ').filter(Boolean) ?? [],
  }
}

/** the targets of issue #8: ratio floors per scenario, and a p99 ceiling for every scenario */
const RATIO_TARGETS: Readonly<Record<string, number>> = { 'get-todos': 0.6, 'post-challenger': 0.5 }
const P99_CEILING_MS = 50

interface RoundStats {
  reqPerSec: number
  /** server CPU time (user + system) per answered request, in µs: less sensitive to other load than req/s */
  cpuUsPerRequest: number
  p50: number
  p99: number
  avgMs: number
  maxMs: number
  total: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
}

interface TargetSummary {
  reqPerSec: number
  cpuUsPerRequest: number
  p50: number
  p99: number
  worstP99: number
  unexpectedStatuses: Record<string, number>
  errors: number
  rounds: RoundStats[]
}

interface ScenarioResult {
  name: string
  description: string
  connections: number
  ours: TargetSummary & { rssMb: number; peakRssMb: number }
  baseline: TargetSummary
  /** median of the per-round our/baseline req/s ratios */
  ratio: number
  ratioTarget: number | undefined
  ratioMet: boolean | undefined
  p99Met: boolean
}

function statsOf(result: autocannon.Result, cpuSeconds: number): RoundStats {
  const statusCodes: Record<string, number> = {}
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = Number(count)
  return {
    reqPerSec: round(result.requests.average, 1),
    cpuUsPerRequest: round((cpuSeconds * 1e6) / Math.max(1, result.requests.total), 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    avgMs: round(result.latency.average, 2),
    maxMs: result.latency.max,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  }
}

function summarise(rounds: RoundStats[], expected: readonly number[]): TargetSummary {
  const unexpectedStatuses: Record<string, number> = {}
  for (const r of rounds) {
    for (const [code, count] of Object.entries(r.statusCodes)) {
      if (!expected.includes(Number(code))) unexpectedStatuses[code] = (unexpectedStatuses[code] ?? 0) + count
    }
  }
  return {
    reqPerSec: round(median(rounds.map((r) => r.reqPerSec)), 1),
    cpuUsPerRequest: round(median(rounds.map((r) => r.cpuUsPerRequest)), 1),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    worstP99: Math.max(...rounds.map((r) => r.p99)),
    unexpectedStatuses,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    rounds,
  }
}

async function fire(base: string, requests: autocannon.RequestSpec[], connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({ url: base, connections, duration, requests, timeout: 10 })
}

async function createSessions(base: string, count: number): Promise<string[]> {
  const guids: string[] = []
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/challenger`, { method: 'POST' })
    await res.arrayBuffer()
    const guid = res.headers.get('x-challenger')
    if (res.status !== 201 || !guid) throw new Error(`POST /challenger answered ${res.status}`)
    guids.push(guid)
  }
  return guids
}

/** headers that describe the connection or the body length, not the response: the baseline's own apply */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'x-challenger'])

function responseHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => !TRANSPORT_HEADERS.has(name)))
}

/** the responses the baseline answers with, taken from our own server so both send the same bytes */
async function captureFixtures(server: ChildServer): Promise<BaselineFixtures> {
  const creation = await fetch(`${server.base}/challenger`, { method: 'POST' })
  await creation.arrayBuffer()
  const guid = creation.headers.get('x-challenger')!
  const headers = { 'x-challenger': guid, accept: 'application/json' }
  const text = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } })
    return { status: res.status, body: await res.text(), location: res.headers.get('location'), headers: responseHeaders(res.headers) }
  }
  const todos = await text('/todos')
  const challenges = await text('/challenges')
  const created = await text('/todos', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"benchmark todo"}' })
  const deleted = await text(created.location ?? '/todos/11', { method: 'DELETE' })
  if (creation.status !== 201 || todos.status !== 200 || challenges.status !== 200 || created.status !== 201) {
    throw new Error(`could not capture fixtures: ${creation.status} ${todos.status} ${challenges.status} ${created.status}`)
  }
  const { location: _location, ...challengerHeaders } = responseHeaders(creation.headers)
  return {
    todos: todos.body,
    challenges: challenges.body,
    createdTodo: created.body,
    deleteStatus: deleted.status,
    headers: { challenger: challengerHeaders, todos: todos.headers, challenges: challenges.headers, createdTodo: created.headers, deleted: deleted.headers },
  }
}

function commitOf(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

const pad = (value: string | number, width: number) => String(value).padStart(width)

function printScenario(result: ScenarioResult): void {
  const row = (label: string, s: TargetSummary) =>
    `  ${label.padEnd(9)}${pad(s.reqPerSec.toFixed(0), 9)} req/s   p50 ${pad(s.p50, 3)} ms   p99 ${pad(s.p99, 3)} ms (worst ${pad(s.worstP99, 3)})` +
    `   ${pad(s.cpuUsPerRequest.toFixed(0), 5)} µs CPU/req`
  console.log(`\n${result.name} (${result.connections} connections): ${result.description}`)
  console.log(row('ours', result.ours) + `   rss ${result.ours.rssMb.toFixed(0)} MB`)
  console.log(row('baseline', result.baseline))
  const target = result.ratioTarget === undefined ? '' : `  (target ≥ ${result.ratioTarget}: ${result.ratioMet ? 'met' : 'NOT MET'})`
  console.log(`  ratio    ${result.ratio.toFixed(2)}${target}   p99 ≤ ${P99_CEILING_MS} ms: ${result.p99Met ? 'met' : 'NOT MET'}`)
  for (const [label, s] of [['ours', result.ours], ['baseline', result.baseline]] as const) {
    if (Object.keys(s.unexpectedStatuses).length || s.errors) {
      console.log(`  ${label}: unexpected statuses ${JSON.stringify(s.unexpectedStatuses)}, ${s.errors} connection errors`)
    }
  }
}

async function runScenario(scenario: Scenario, options: Options, fixturesFile: string, workDir: string): Promise<ScenarioResult> {
  const connections = scenario.connections ?? options.connections
  const dir = mkdtempSync(join(workDir, `${scenario.name}-`))
  const profileDir = join(REPO_ROOT, 'bench', 'profiles')
  if (options.profile) mkdirSync(profileDir, { recursive: true })
  const ours = await startApiServer({
    root: options.root,
    runtime: options.runtime,
    dbFile: join(dir, 'ours.db'),
    nodeArgs: [...options.nodeArgs, ...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
  })
  const basePort = await freePort()
  const baseline = await startChild({
    port: basePort,
    args: ['--import', 'tsx', join(REPO_ROOT, 'bench', 'baseline.ts'), `--port=${basePort}`, `--db-file=${join(dir, 'baseline.db')}`, `--fixtures=${fixturesFile}`],
  })
  try {
    const sessionCount = scenario.sessions(connections)
    const guids = await createSessions(ours.base, sessionCount)
    const oursRequests = scenario.requests({ guids, connections })
    const dummies = Array.from({ length: Math.max(sessionCount, 1) }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
    const baselineRequests = scenario.requests({ guids: dummies, connections })

    process.stdout.write(`${scenario.name}: warming up…`)
    await fire(ours.base, oursRequests, connections, options.warmup)
    await fire(baseline.base, baselineRequests, connections, options.warmup)
    const oursRounds: RoundStats[] = []
    const baselineRounds: RoundStats[] = []
    for (let r = 0; r < options.rounds; r++) {
      process.stdout.write(` round ${r + 1}/${options.rounds}…`)
      // alternate who goes first so a drift in machine load does not favour one side
      const order = r % 2 === 0 ? ['ours', 'baseline'] as const : ['baseline', 'ours'] as const
      for (const who of order) {
        const [server, requests, rounds] = who === 'ours' ? [ours, oursRequests, oursRounds] : [baseline, baselineRequests, baselineRounds]
        const cpuBefore = cpuSecondsOf(server.pid)
        const result = await fire(server.base, requests, connections, options.duration)
        rounds.push(statsOf(result, cpuSecondsOf(server.pid) - cpuBefore))
      }
    }
    process.stdout.write('\n')
    const memory = memoryOf(ours.pid)
    const oursSummary = summarise(oursRounds, scenario.expected)
    const baselineSummary = summarise(baselineRounds, scenario.expected)
    const ratio = round(median(oursRounds.map((o, i) => o.reqPerSec / baselineRounds[i]!.reqPerSec)), 3)
    const ratioTarget = RATIO_TARGETS[scenario.name]
    return {
      name: scenario.name,
      description: scenario.description,
      connections,
      ours: { ...oursSummary, rssMb: round(memory.rssMb, 1), peakRssMb: round(memory.peakRssMb, 1) },
      baseline: baselineSummary,
      ratio,
      ratioTarget,
      ratioMet: ratioTarget === undefined ? undefined : ratio >= ratioTarget,
      p99Met: connections > 10 || oursSummary.p99 <= P99_CEILING_MS,
    }
  } finally {
    await Promise.all([ours.stop(), baseline.stop()])
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const scenarios = SCENARIOS.filter((s) => !options.only || options.only.includes(s.name))
  if (scenarios.length === 0) throw new Error(`no scenario matches --only; known: ${SCENARIOS.map((s) => s.name).join(', ')}`)
  const workDir = mkdtempSync(join(tmpdir(), 'apichallenges-bench-'))
  const startedAt = new Date()
  const loadBefore = loadavg()
  const results: ScenarioResult[] = []
  try {
    console.log(`bench: ${scenarios.length} scenarios, ${options.connections} connections, ${options.rounds} × ${options.duration} s per side ` +
      `(+${options.warmup} s warm-up), runtime ${options.runtime}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`)
    if (options.runtime === 'build') {
      console.log(`bundling ${options.root} into bench/.build …`)
      buildServer(options.root)
    }
    const capture = await startApiServer({ root: options.root, runtime: options.runtime, dbFile: join(workDir, 'capture.db') })
    let fixtures: BaselineFixtures
    try {
      fixtures = await captureFixtures(capture)
    } finally {
      await capture.stop()
    }
    const fixturesFile = join(workDir, 'fixtures.json')
    writeFileSync(fixturesFile, JSON.stringify(fixtures))
    for (const scenario of scenarios) {
      const result = await runScenario(scenario, options, fixturesFile, workDir)
      printScenario(result)
      results.push(result)
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }

  const report = {
    date: startedAt.toISOString(),
    commit: commitOf(options.root),
    ...(options.label ? { label: options.label } : {}),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage: { before: loadBefore.map((l) => round(l)), after: loadavg().map((l) => round(l)) },
    options: { connections: options.connections, duration: options.duration, rounds: options.rounds, warmup: options.warmup, runtime: options.runtime },
    targets: { ratios: RATIO_TARGETS, p99CeilingMs: P99_CEILING_MS },
    scenarios: results,
    allTargetsMet: results.every((r) => r.ratioMet !== false && r.p99Met),
  }
  console.log('\nscenario          ours req/s  base req/s  ratio  ours p50/p99  base p50/p99')
  for (const r of results) {
    console.log(`${r.name.padEnd(17)}${pad(r.ours.reqPerSec.toFixed(0), 11)}${pad(r.baseline.reqPerSec.toFixed(0), 12)}${pad(r.ratio.toFixed(2), 7)}` +
      `${pad(`${r.ours.p50}/${r.ours.p99} ms`, 14)}${pad(`${r.baseline.p50}/${r.baseline.p99} ms`, 14)}`)
  }
  console.log(`all targets met: ${report.allTargetsMet ? 'yes' : 'NO'}`)
  if (options.write) {
    const file = options.out ?? join(REPO_ROOT, 'bench', 'results', `${startedAt.toISOString().slice(0, 10)}-${report.commit}.json`)
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
    console.log(`results written to ${file}`)
  }
  if (options.check && !report.allTargetsMet) process.exitCode = 1
}

await main()
