// Crash durability, the long run: a write load from 8 client loops, `kill -9` of the server in the middle of
// it, a restart on the same database file and a check that every acknowledged session, completion and todo
// survived — repeated (25 kills by default). Exit status 1 when anything acknowledged was lost.
//
//   npm run durability                      (node --import tsx bench/durability.ts)
//   npm run durability -- --kills=40 --workers=12 --runtime=tsx
//
// test/durability.test.ts runs a short version (3 kills) inside `npm test`.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runDurability } from './lib/durability.js'
import { benchArguments, prepareRuntime, REPO_ROOT } from './lib/processes.js'

const args = process.argv.slice(2)
const { get, root, runtime, challenges } = benchArguments(args)
const kills = Number(get('kills') ?? 25)
const workers = Number(get('workers') ?? 8)

prepareRuntime(runtime, root)
console.log(`durability: ${kills} kills, ${workers} writers, ${challenges} set`)
const report = await runDurability({ root, kills, workers, runtime, challenges, log: (line) => console.log(line) })
console.log(`\n${report.kills} kills in ${(report.durationMs / 1000).toFixed(0)} s; ${report.acknowledgedWrites} acknowledged writes: ` +
  `${report.sessions} sessions, ${report.completions} completions, ${report.todos} todos created, ${report.deletes} deleted`)
console.log(`writes in flight at the kill: ${report.cyclesWithWritesInFlight}/${report.kills} kills (max ${report.inFlightAtKill.max})`)
console.log(report.missing.length === 0 ? 'nothing acknowledged was lost' : `LOST ${report.missing.length}:\n${report.missing.slice(0, 50).join('\n')}`)
if (args.includes('--write')) {
  const file = join(REPO_ROOT, 'bench', 'results', `durability-${new Date().toISOString().slice(0, 10)}.json`)
  const { cycles, ...summary } = report
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), runtime, ...summary, cycles }, null, 2) + '\n')
  console.log(`written to ${file}`)
}
if (report.missing.length > 0 || report.kills < kills) process.exitCode = 1
