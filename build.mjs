// `npm run build`: bundles the server into one ES module, dist/server.js. Node then loads one file instead
// of several hundred (typebox alone is over a hundred), which halves the start-up time. Type checking is
// `npm run typecheck` (part of `npm test`); esbuild only strips the types.
//
//   node build.mjs [--outfile=PATH]
import { build } from 'esbuild'

const outfile = process.argv.find((arg) => arg.startsWith('--outfile='))?.slice('--outfile='.length) ?? 'dist/server.js'

await build({
  entryPoints: ['server.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  // the native addon, and packages that read their own files at run time (Swagger UI's assets, pino's
  // worker-thread transports such as pino-pretty): they stay in node_modules
  external: ['better-sqlite3', '@fastify/swagger-ui', 'pino', 'pino-pretty', 'thread-stream'],
  // the bundled CommonJS dependencies (fastify and its plugins) call require()
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
})
