// Child server processes for the benchmarks, the durability run and the fuzz test: start one on a free
// loopback port, wait until it answers, read its memory, stop or kill it. Every child is tracked so that a
// crashed or interrupted run never leaves a server behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

/** the repository root the benchmarks run from (the checkout this file lives in) */
export const REPO_ROOT = join(import.meta.dirname, '..', '..')

export const HOST = '127.0.0.1'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export interface ChildServer {
  readonly child: ChildProcess
  readonly pid: number
  readonly port: number
  readonly base: string
  /** milliseconds from spawn to the first HTTP answer */
  readonly startupMs: number
  /** resolves once the process has exited */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  isRunning(): boolean
  output(): string
  /** SIGTERM, then SIGKILL after `graceMs` */
  stop(graceMs?: number): Promise<void>
  /** kill -9, no graceful shutdown */
  kill(): Promise<void>
}

export interface StartOptions {
  /** the script and its arguments, e.g. ['--import', 'tsx', 'server.ts', '--mode=multi'] */
  args: readonly string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
  port?: number
  timeoutMs?: number
  /** path polled until any HTTP answer arrives */
  readyPath?: string
  /** poll interval while waiting for the first answer */
  pollMs?: number
}

const live = new Set<ChildProcess>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // a last resort for a run that throws or is interrupted: never leave a server behind
  process.once('exit', () => {
    for (const child of live) {
      try { child.kill('SIGKILL') } catch { /* already gone */ }
    }
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of live) {
        try { child.kill('SIGKILL') } catch { /* already gone */ }
      }
      process.exit(130)
    })
  }
}

/** spawns `node <args>` and waits until it answers HTTP on `port` */
export async function startChild(options: StartOptions & { port: number }): Promise<ChildServer> {
  installExitHook()
  const { port } = options
  const started = performance.now()
  const child = spawn(process.execPath, [...options.args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk.toString()
    if (output.length > 64_000) output = output.slice(-32_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child)
      resolve({ code, signal })
    })
  })
  const isRunning = () => child.exitCode === null && child.signalCode === null
  const base = `http://${HOST}:${port}`

  async function stop(graceMs = 10_000): Promise<void> {
    if (!isRunning()) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => { if (isRunning()) child.kill('SIGKILL') }, graceMs)
    await exited
    clearTimeout(timer)
  }
  async function kill(): Promise<void> {
    if (isRunning()) child.kill('SIGKILL')
    await exited
  }

  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  const readyUrl = `${base}${options.readyPath ?? '/__bench_ready__'}`
  for (;;) {
    if (!isRunning()) throw new Error(`server exited before answering (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`)
    if (Date.now() > deadline) {
      await kill()
      throw new Error(`server did not answer within ${options.timeoutMs ?? 60_000} ms:\n${output}`)
    }
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) })
      await res.arrayBuffer()
      break
    } catch {
      await sleep(options.pollMs ?? 10)
    }
  }
  const startupMs = performance.now() - started
  return {
    child, pid: child.pid!, port, base, startupMs, exited, isRunning,
    output: () => output, stop, kill,
  }
}

/**
 * How our server runs: `build` (default for measurements) compiles it with tsc into `bench/.build/` of the
 * checkout, like the production `dist/` but private to the benchmarks; `dist` uses the checkout's own
 * `npm run build` output; `tsx` runs the TypeScript directly (quick, but esbuild's name-keeping helpers
 * cost a few percent per request, and the loader adds about 50 MB of RSS).
 */
export type Runtime = 'build' | 'dist' | 'tsx'

export const BUILD_DIR = join('bench', '.build')

/**
 * Builds the server of `root` into `root/bench/.build`: `server.js` is the production bundle (`build.mjs`, as
 * `npm run build` makes it); with `modules`, also tsc's module-per-file output beside it, whose repositories
 * bench/scale.ts imports to seed a database (type errors are reported, not fatal).
 */
export function buildServer(root: string = REPO_ROOT, { modules = false } = {}): void {
  if (modules) {
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit', 'false', '--rootDir', '.', '--outDir', BUILD_DIR, '--sourceMap', 'false'], {
      cwd: root, encoding: 'utf8',
    })
    if (compiled.status !== 0) console.warn(`tsc reported errors (the compiled modules are used anyway):\n${compiled.stdout.slice(0, 2000)}`)
  }
  const bundle = spawnSync(process.execPath, ['build.mjs', `--outfile=${join(BUILD_DIR, 'server.js')}`], { cwd: root, encoding: 'utf8' })
  if (bundle.status !== 0 || !existsSync(join(root, BUILD_DIR, 'server.js'))) {
    throw new Error(`could not bundle the server:\n${bundle.stdout}${bundle.stderr}`)
  }
}

/** the V8 flags `npm start` runs the server with (package.json config.nodeFlags of `root`) */
export function productionNodeFlags(root: string = REPO_ROOT): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { config?: { nodeFlags?: string } }
  return (manifest.config?.nodeFlags ?? '').split(' ').filter(Boolean)
}

/** the options the command-line scripts share: --root, --runtime, --challenges, and a `--name=value` reader */
export function benchArguments(args: readonly string[]) {
  const get = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const runtime: Runtime = (['dist', 'tsx'] as const).find((r) => r === get('runtime')) ?? 'build'
  const challenges: 'current' | 'classic' = get('challenges') === 'classic' ? 'classic' : 'current'
  return { get, root: get('root'), runtime, challenges }
}

/** builds the server for the `build` runtime (the others run what is there) */
export function prepareRuntime(runtime: Runtime, root: string | undefined): void {
  if (runtime !== 'build') return
  console.log('bundling the server into bench/.build …')
  buildServer(root)
}

function entryOf(runtime: Runtime | undefined): string[] {
  if (runtime === 'tsx') return ['--import', 'tsx', 'server.ts']
  if (runtime === 'dist') return ['dist/server.js']
  return [join(BUILD_DIR, 'server.js')]
}

export interface ApiServerOptions {
  dbFile: string
  mode?: 'single' | 'multi'
  challenges?: 'current' | 'classic'
  /** the checkout to run (default: this one); lets a patched copy be measured against the same bench */
  root?: string
  /** default `build`: call buildServer(root) first */
  runtime?: Runtime
  extraArgs?: readonly string[]
  nodeArgs?: readonly string[]
  env?: NodeJS.ProcessEnv
  port?: number
  timeoutMs?: number
  pollMs?: number
}

/** our server: compiled (bench/.build or dist) or `server.ts` under tsx */
export async function startApiServer(options: ApiServerOptions): Promise<ChildServer> {
  const port = options.port ?? await freePort()
  const root = options.root ?? REPO_ROOT
  const entry = entryOf(options.runtime)
  return startChild({
    cwd: root,
    port,
    timeoutMs: options.timeoutMs,
    pollMs: options.pollMs,
    env: { ...process.env, ...options.env },
    args: [
      // as `npm start` runs it (the tsx runtime is for quick checks, not measurements)
      ...(options.runtime === 'tsx' ? [] : productionNodeFlags(root)),
      ...(options.nodeArgs ?? []),
      ...entry,
      `--mode=${options.mode ?? 'multi'}`,
      `--challenges=${options.challenges ?? 'current'}`,
      `--port=${port}`,
      `--host=${HOST}`,
      `--db-file=${options.dbFile}`,
      '--log-level=silent',
      ...(options.extraArgs ?? []),
    ],
  })
}

export interface MemoryStatus {
  /** resident set size now, in MB */
  rssMb: number
  /** peak resident set size, in MB */
  peakRssMb: number
}

/** VmRSS / VmHWM of a process, from /proc (Linux) */
export function memoryOf(pid: number): MemoryStatus {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 }
}

/** user + system CPU seconds a process has used so far, from /proc (Linux; clock ticks at 100 Hz) */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // the command name may contain spaces: the fields after it start behind the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

/** node flags that preload bench/lib/memory-probe.mjs (a post-GC memory reading on SIGWINCH) into a child server */
export const MEMORY_PROBE: readonly string[] = ['--expose-gc', '--import', join(REPO_ROOT, 'bench', 'lib', 'memory-probe.mjs')]

export interface Memory {
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
}

/** asks a child started with MEMORY_PROBE for its memory after a full GC (bytes) */
export async function probeMemory(server: ChildServer): Promise<Memory> {
  const stderr = server.child.stderr!
  let text = ''
  let listener: ((chunk: Buffer) => void) | undefined
  const answer = new Promise<Memory>((resolve) => {
    listener = (chunk: Buffer) => {
      text += chunk.toString()
      const match = /MEMORY (\{.*\})/.exec(text)
      if (match) resolve(JSON.parse(match[1]!) as Memory)
    }
    stderr.on('data', listener)
  })
  server.child.kill('SIGWINCH')
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the memory probe did not answer')), 10_000) })
  try {
    return await Promise.race([answer, timeout])
  } finally {
    clearTimeout(timer)
    stderr.off('data', listener!)
  }
}
