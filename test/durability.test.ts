// Crash durability (issue #8), short version of `npm run durability`: a write load from 8 client loops,
// kill -9 of the real server process in the middle of it, restart on the same file, and every write the
// client saw acknowledged (sessions, completions, todos, deletes) must be there. 3 kills here, 25 in the script.
import t from 'tap'
import { runDurability } from '../bench/lib/durability.js'

t.test('kill -9 under a write load loses nothing acknowledged', async (t) => {
  const report = await runDurability({
    kills: 3,
    workers: 8,
    runtime: 'tsx',
    killAfterMs: [150, 500],
    onCycle: (cycle) => {
      t.equal(cycle.missing.length, 0, `kill ${cycle.cycle}: nothing acknowledged lost (${cycle.acknowledgedWrites} acknowledged writes)`, { missing: cycle.missing.slice(0, 5) })
    },
  })
  t.equal(report.kills, 3, 'three kills')
  t.ok(report.acknowledgedWrites > 0 && report.sessions > 0 && report.todos > 0, `writes were acknowledged: ${report.sessions} sessions, ${report.todos} todos, ${report.completions} completions`)
  t.ok(report.cyclesWithWritesInFlight >= 2, `the kill landed mid-load (${report.cyclesWithWritesInFlight}/3 kills had writes in flight)`)
  t.same(report.missing, [], 'the final check of every session finds everything')
})
