// Preloaded into a child server (`node --expose-gc --import ./bench/lib/memory-probe.mjs …`) by the fuzz
// and scale runs: on SIGWINCH (ignored by default, and not one of the signals close-with-grace shuts down on) it runs a full GC and prints one `MEMORY {json}` line to stderr, so a test can
// compare the live heap before and after a load without touching the server's own code.
// Plain JavaScript so it also preloads into the compiled server (dist/), where no TypeScript loader runs.
import { writeSync } from 'node:fs'

const gc = globalThis.gc

process.on('SIGWINCH', () => {
  if (gc) { gc(); gc() }
  const usage = process.memoryUsage()
  const line = { gc: Boolean(gc), rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, arrayBuffers: usage.arrayBuffers }
  writeSync(2, `MEMORY ${JSON.stringify(line)}\n`)
})
