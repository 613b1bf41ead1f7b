// Bad input, the long run: generated requests against a real server process (see bench/lib/fuzz.ts).
// Exit status 1 on any unexpected 5xx, a crash, a change to a session the requests did not name, or a
// live heap that does not come back after the load.
//
//   npm run fuzz                                   30 000 requests, random seed
//   npm run fuzz -- --requests=100000 --seed=42 --challenges=classic --runtime=tsx
//   npm run fuzz -- --include-known-issues      also the requests of KNOWN_ISSUES in bench/lib/fuzz.ts
//
// test/fuzz.test.ts runs 3 000 of them inside `npm test`.
import { runFuzz } from './lib/fuzz.js'
import { benchArguments, prepareRuntime } from './lib/processes.js'

const args = process.argv.slice(2)
const { get, root, runtime, challenges } = benchArguments(args)
const requests = Number(get('requests') ?? 30_000)
const seed = get('seed') === undefined ? undefined : Number(get('seed'))

prepareRuntime(runtime, root)
const includeKnownIssues = args.includes('--include-known-issues')
const report = await runFuzz({ root, requests, seed, runtime, challenges, includeKnownIssues, concurrency: Number(get('concurrency') ?? 8), log: (line) => console.log(line) })
console.log(`seed ${report.seed}: ${report.requests} requests (${report.rawRequests} raw) in ${(report.durationMs / 1000).toFixed(0)} s, ` +
  `${report.transportErrors} refused by the client or closed by the server`)
console.log(`transport errors: ${JSON.stringify(report.transportErrorKinds)}`)
console.log(`size limits: ${JSON.stringify(report.limits)}`)
console.log(`statuses ${JSON.stringify(report.statuses)}; deliberate 500s: ${report.deliberate500s}`)
console.log(`server alive: ${report.serverAlive}; other session unchanged: ${report.otherSessionsUnchanged}`)
console.log(`live heap after GC: ${report.heapMb.warm.toFixed(1)} MB after warm-up, ${report.heapMb.after.toFixed(1)} MB at the end; ` +
  `rss ${report.rssMb.warm.toFixed(0)} → ${report.rssMb.after.toFixed(0)} MB`)
if (report.failures.length === 0) console.log('no failures')
for (const failure of report.failures.slice(0, 40)) console.log(`FAIL ${failure.request}\n     ${failure.problem}`)
if (report.failures.length > 0) process.exitCode = 1
