// Summarises a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --profile`): the functions with the
// most self time, and the files (own code vs. dependencies) the time went to.
//
//   node --import tsx bench/profile-summary.ts bench/profiles/CPU.….cpuprofile [--top=30] [--filter=text] [--skip-ms=N] [--busy]
//
// --skip-ms ignores the first N ms (start-up); --busy leaves idle time out of the percentages.
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
  console.error('usage: bench/profile-summary.ts FILE.cpuprofile [--top=N] [--filter=TEXT]')
  process.exit(2)
}
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 30)
const filter = args.find((a) => a.startsWith('--filter='))?.slice(9)
const skipUs = Number(args.find((a) => a.startsWith('--skip-ms='))?.slice(10) ?? 0) * 1000
const busyOnly = args.includes('--busy')

const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))

// self time per node from the sample stream (more precise than hitCount when time deltas vary)
const selfUs = new Map<number, number>()
const samples = profile.samples ?? []
const deltas = profile.timeDeltas ?? []
let elapsedUs = 0
for (let i = 0; i < samples.length; i++) {
  elapsedUs += deltas[i] ?? 0
  if (elapsedUs < skipUs) continue
  const id = samples[i]!
  if (busyOnly && byId.get(id)!.callFrame.functionName === '(idle)') continue
  selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[i + 1] ?? 0))
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length)
  const root = url.indexOf('/work/')
  return root >= 0 ? url.slice(url.indexOf('/', root + 6) + 1) : url.replace(/^file:\/\//, '')
}

const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
for (const [id, us] of selfUs) {
  const frame = byId.get(id)!.callFrame
  const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '(native)'
  const key = `${frame.functionName || '(anonymous)'}  ${where}`
  byFunction.set(key, (byFunction.get(key) ?? 0) + us)
  const fileKey = frame.url ? shortUrl(frame.url).split(':')[0]! : (frame.functionName || '(native)')
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us)
}

const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`
const list = (map: Map<string, number>) => [...map].filter(([k]) => !filter || k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top)

console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled`)
console.log('\nself time by function')
for (const [key, us] of list(byFunction)) console.log(`${pct(us)}  ${key}`)
console.log('\nself time by file')
for (const [key, us] of list(byFile)) console.log(`${pct(us)}  ${key}`)

// inclusive time of every function whose name or file matches --filter
if (filter) {
  const inclusive = new Map<number, number>()
  const total = (id: number): number => {
    const cached = inclusive.get(id)
    if (cached !== undefined) return cached
    const node = byId.get(id)!
    const sum = (selfUs.get(id) ?? 0) + (node.children ?? []).reduce((acc, child) => acc + total(child), 0)
    inclusive.set(id, sum)
    return sum
  }
  const matches = new Map<string, number>()
  for (const node of profile.nodes) {
    const frame = node.callFrame
    const key = `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`
    if (!key.includes(filter)) continue
    matches.set(key, (matches.get(key) ?? 0) + total(node.id))
  }
  console.log(`\ninclusive time of functions matching "${filter}" (recursive calls counted more than once)`)
  for (const [key, us] of [...matches].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`)
}
