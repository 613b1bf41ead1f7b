// Bad input (issue #8), short version of `npm run fuzz`: 3 000 generated requests (random methods, paths and
// headers, huge and malformed JSON/XML, entity bombs, unicode, overlong X-CHALLENGER, wrong types, raw
// protocol garbage) against a real server process: no 500 except PATCH /heartbeat's, no crash, no change to a
// session the requests never named, and the live heap back where it was after the warm-up.
import t from 'tap'
import { runFuzz } from '../bench/lib/fuzz.js'

for (const challenges of ['current', 'classic'] as const) {
  t.test(`${challenges} set: thousands of generated bad requests`, async (t) => {
    const seed = Number(process.env.FUZZ_SEED ?? 0) || (Date.now() % 2 ** 31)
    const report = await runFuzz({ requests: challenges === 'current' ? 2000 : 1000, seed, runtime: 'tsx', challenges })
    t.comment(`seed ${report.seed} (FUZZ_SEED=${report.seed} replays it): statuses ${JSON.stringify(report.statuses)}`)
    t.ok(report.requests >= (challenges === 'current' ? 2000 : 1000), `${report.requests} requests sent (${report.rawRequests} raw)`)
    t.ok(report.serverAlive, 'the server is still running')
    t.ok(report.otherSessionsUnchanged, 'a session the requests never named is unchanged')
    t.same(report.failures, [], `no failures (seed ${report.seed})`)
    t.ok(report.heapMb.after - report.heapMb.warm < 16,
      `live heap after GC: ${report.heapMb.warm.toFixed(1)} MB after warm-up, ${report.heapMb.after.toFixed(1)} MB at the end`)
    t.ok(report.deliberate500s >= 0, `${report.deliberate500s} deliberate 500s (PATCH /heartbeat)`)
  })
}
