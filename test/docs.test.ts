// API documentation: Swagger UI served locally at /docs and /api/docs, and the OpenAPI 3 document
// describing the challenger and challenges endpoints with their response codes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { build, type TestApp } from './helper.js'

interface OpenApi {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, {
    responses?: Record<string, unknown>
    parameters?: { name: string; in: string }[]
  }>>
}

const EXPECTED_RESPONSES: [string, string, string[]][] = [
  ['/api/challenger', 'post', ['200', '201', '404']],
  ['/api/challenger/{guid}', 'get', ['200', '404']],
  ['/api/challenger/{guid}', 'put', ['200', '201', '400', '409']],
  ['/api/challenger/database/{guid}', 'get', ['200', '400', '404']],
  ['/api/challenger/database/{guid}', 'put', ['204', '400', '404']],
  ['/api/challenges', 'get', ['200', '406']],
]

function assetsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
}

async function checkUi(t: Test, app: TestApp, prefix: string) {
  const page = await app.inject({ method: 'GET', url: prefix })
  t.equal(page.statusCode, 200, `${prefix}: 200`)
  t.match(String(page.headers['content-type']), /^text\/html/, `${prefix}: HTML`)
  t.match(page.body, /<div id="swagger-ui">/, `${prefix}: the Swagger UI mount point`)
  t.match(page.body, /swagger-ui-bundle\.js/, `${prefix}: loads the Swagger UI bundle`)

  const assets = assetsOf(page.body)
  t.ok(assets.length >= 3, `${prefix}: references its scripts and styles`)
  for (const asset of assets) {
    t.notMatch(asset, /^(?:[a-z]+:)?\/\//i, `${prefix}: ${asset} is served by this server, not a CDN`)
    const url = asset.startsWith('/') ? asset : `${prefix}/${asset}`
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 200, `${url} loads`)
    t.ok(res.rawPayload.length > 0, `${url} is not empty`)
    if (url.endsWith('.js')) t.match(String(res.headers['content-type']), /javascript/, `${url}: JavaScript`)
    if (url.endsWith('.css')) t.match(String(res.headers['content-type']), /^text\/css/, `${url}: CSS`)
  }
  t.ok(assets.some((asset) => asset.endsWith('swagger-initializer.js')), `${prefix}: has an initializer`)
  const initializer = await app.inject({ method: 'GET', url: `${prefix}/static/swagger-initializer.js` })
  t.equal(initializer.statusCode, 200)
  t.match(initializer.body, /json/, 'the initializer points Swagger UI at the JSON document')
}

t.test('Swagger UI at /docs and /api/docs, assets served locally', async (t) => {
  const app = await build(t, { mode: 'multi' })
  await checkUi(t, app, '/docs')
  await checkUi(t, app, '/api/docs')
})

t.test('the OpenAPI document', async (t) => {
  const app = await build(t, { mode: 'multi' })
  const res = await app.inject({ method: 'GET', url: '/docs/json' })
  t.equal(res.statusCode, 200)
  t.match(String(res.headers['content-type']), /^application\/json/)
  const doc = JSON.parse(res.body) as OpenApi
  t.match(doc.openapi, /^3\.\d+\.\d+$/, 'an OpenAPI 3 document')
  t.ok(doc.info.title.length > 0, 'has a title')
  t.ok(doc.info.version.length > 0, 'has a version')

  for (const [path, method, codes] of EXPECTED_RESPONSES) {
    const operation = doc.paths[path]?.[method]
    t.ok(operation, `${method.toUpperCase()} ${path} is documented`)
    const documented = Object.keys(operation?.responses ?? {})
    for (const code of codes) t.ok(documented.includes(code), `${method.toUpperCase()} ${path} documents ${code} (has ${documented.join(', ')})`)
    if (path.includes('{guid}')) {
      t.ok(operation?.parameters?.some((p) => p.name === 'guid' && p.in === 'path'), `${method.toUpperCase()} ${path}: guid path parameter`)
    }
  }

  const api = await app.inject({ method: 'GET', url: '/api/docs/json' })
  t.equal(api.statusCode, 200, '/api/docs/json answers too')
  t.same(JSON.parse(api.body), doc, 'the same document under both prefixes')
})

t.test('the docs do not depend on the mode or the challenge set', async (t) => {
  for (const challengeSet of ['current', 'classic'] as const) {
    for (const mode of ['single', 'multi'] as const) {
      const app = await build(t, { mode, challengeSet })
      t.equal((await app.inject({ method: 'GET', url: '/docs' })).statusCode, 200, `${challengeSet} ${mode}: /docs`)
      const doc = JSON.parse((await app.inject({ method: 'GET', url: '/docs/json' })).body) as OpenApi
      t.ok(doc.paths['/api/challenger'], `${challengeSet} ${mode}: document lists /api/challenger`)
    }
  }
})

t.test('the Docker image runs the server with the same V8 flags as npm start', async (t) => {
  const root = join(import.meta.dirname, '..')
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { config: { nodeFlags: string }; scripts: { start: string } }
  t.match(manifest.scripts.start, /^node \$npm_package_config_nodeFlags dist\/server\.js$/)
  const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1]
  t.same(JSON.parse(cmd ?? '[]'), ['node', ...manifest.config.nodeFlags.split(' '), 'dist/server.js'])
})
