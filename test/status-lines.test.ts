// Status lines and headers as they go over a real socket (README decision 7, classic.md §2.1 and
// §5.11: Jetty's reason phrases, e.g. `500 Server Error`), for /heartbeat, the method override and
// the secret routes. Requests are written by hand with node:net so nothing between the client and
// the server (inject, an HTTP client library) can rewrite or hide the status line, and so TRACE is
// sent exactly as a client would send it.
import { connect } from 'node:net'
import t, { type Test } from 'tap'
import { build, newChallenger, type TestApp } from './helper.js'

const SETS = ['current', 'classic'] as const
type SetName = (typeof SETS)[number]

const ADMIN = 'Basic YWRtaW46cGFzc3dvcmQ='

interface RawResponse {
  statusLine: string
  headers: Record<string, string>
  body: string
}

/** writes one request on a fresh connection and reads until the server closes it */
function rawRequest(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    socket.setEncoding('latin1')
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')))
    socket.on('data', (chunk: string) => { data += chunk })
    socket.on('error', reject)
    socket.on('close', () => {
      const split = data.indexOf('\r\n\r\n')
      const head = split === -1 ? data : data.slice(0, split)
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({ statusLine, headers, body: split === -1 ? '' : data.slice(split + 4) })
    })
    socket.write(request)
  })
}

function requestText(method: string, path: string, headers: Record<string, string> = {}, body?: string): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: x', 'Connection: close']
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`
}

async function listening(t: Test, set: SetName): Promise<{ app: TestApp; port: number; guid: string }> {
  const app = await build(t, { challengeSet: set, mode: 'multi' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port')
  return { app, port: address.port, guid: await newChallenger(app) }
}

for (const set of SETS) {
  t.test(`${set}: heartbeat status lines over a socket`, async (t) => {
    const { port, guid } = await listening(t, set)
    const me = { 'X-CHALLENGER': guid }
    const cases: ReadonlyArray<[string, string, Record<string, string>, string]> = [
      ['GET', '/heartbeat', me, 'HTTP/1.1 204 No Content'],
      ['HEAD', '/api/heartbeat', me, 'HTTP/1.1 204 No Content'],
      ['OPTIONS', '/heartbeat', me, 'HTTP/1.1 204 No Content'],
      ['POST', '/heartbeat', me, 'HTTP/1.1 405 Method Not Allowed'],
      ['PUT', '/heartbeat', me, 'HTTP/1.1 405 Method Not Allowed'],
      ['DELETE', '/heartbeat', me, 'HTTP/1.1 405 Method Not Allowed'],
      ['PATCH', '/heartbeat', me, 'HTTP/1.1 500 Server Error'],
      ['TRACE', '/heartbeat', me, 'HTTP/1.1 501 Not Implemented'],
      ['TRACE', '/api/heartbeat', {}, 'HTTP/1.1 501 Not Implemented'],
      ['POST', '/heartbeat', { ...me, 'X-HTTP-Method-Override': 'DELETE' }, 'HTTP/1.1 405 Method Not Allowed'],
      ['POST', '/heartbeat', { ...me, 'X-HTTP-Method-Override': 'PATCH' }, 'HTTP/1.1 500 Server Error'],
      ['POST', '/api/heartbeat', { ...me, 'X-HTTP-Method-Override': 'trace' }, 'HTTP/1.1 501 Not Implemented'],
      ['GET', '/heartbeat/', { Accept: 'application/json' }, 'HTTP/1.1 404 Not Found'],
    ]
    for (const [method, path, headers, statusLine] of cases) {
      const response = await rawRequest(port, requestText(method, path, headers))
      t.equal(response.statusLine, statusLine, `${method} ${path} ${JSON.stringify(headers)}`)
    }
  })

  t.test(`${set}: TRACE /heartbeat over a socket is a bodiless 501 with the usual headers`, async (t) => {
    const { port, guid } = await listening(t, set)
    const response = await rawRequest(port, requestText('TRACE', '/heartbeat', { 'X-CHALLENGER': guid, Accept: 'application/xml' }))
    t.equal(response.statusLine, 'HTTP/1.1 501 Not Implemented')
    t.equal(response.headers['content-type'], 'application/xml')
    t.equal(response.headers['x-challenger'], guid)
    t.equal(response.headers['access-control-allow-origin'], '*')
    t.equal(response.body, '', 'TRACE does not echo the request')
    const patch = await rawRequest(port, requestText('PATCH', '/heartbeat', { 'X-CHALLENGER': guid }))
    t.equal(patch.statusLine, 'HTTP/1.1 500 Server Error')
    t.equal(patch.headers['content-type'], 'application/json')
    t.equal(patch.body, '')
    const get = await rawRequest(port, requestText('GET', '/heartbeat', { 'X-CHALLENGER': guid }))
    t.equal(get.headers['content-type'], set === 'current' ? undefined : 'application/json', 'GET 204 Content-Type')
    t.equal(get.body, '')
  })

  t.test(`${set}: X-CHALLENGER length over a socket`, async (t) => {
    const { port, guid } = await listening(t, set)
    const response = await rawRequest(port, requestText('GET', '/heartbeat', { 'X-CHALLENGER': guid + 'x'.repeat(80) }))
    if (set === 'current') {
      t.equal(response.statusLine, 'HTTP/1.1 431 Request Header Fields Too Large')
      t.equal(response.headers['x-challenger'], guid)
      t.equal(response.body, '{"errorMessages":["X-CHALLENGER header is too large, maximum allowed is 100 characters"]}')
    } else {
      t.equal(response.statusLine, 'HTTP/1.1 204 No Content', 'classic has no 431 for X-CHALLENGER')
    }
  })

  t.test(`${set}: secret status lines over a socket`, async (t) => {
    const { app, port, guid } = await listening(t, set)
    const token = (await app.inject({ method: 'POST', url: '/secret/token', headers: { 'x-challenger': guid, authorization: ADMIN } })).headers['x-auth-token'] as string
    const me = { 'X-CHALLENGER': guid }
    const json = { ...me, 'Content-Type': 'application/json' }
    const cases: ReadonlyArray<[string, string, Record<string, string>, string | undefined, string]> = [
      ['POST', '/secret/token', me, undefined, 'HTTP/1.1 401 Unauthorized'],
      ['POST', '/secret/token', { ...me, Authorization: ADMIN }, undefined, 'HTTP/1.1 201 Created'],
      ['GET', '/secret/token', me, undefined, set === 'current' ? 'HTTP/1.1 401 Unauthorized' : 'HTTP/1.1 405 Method Not Allowed'],
      ['OPTIONS', '/secret/token', me, undefined, 'HTTP/1.1 204 No Content'],
      ['GET', '/secret/note', me, undefined, 'HTTP/1.1 401 Unauthorized'],
      ['GET', '/secret/note', { ...me, 'X-AUTH-TOKEN': 'bob' }, undefined, 'HTTP/1.1 403 Forbidden'],
      ['GET', '/secret/note', { ...me, 'X-AUTH-TOKEN': token, Accept: 'application/gzip' }, undefined, 'HTTP/1.1 406 Not Acceptable'],
      ['GET', '/secret/note', { ...me, 'X-AUTH-TOKEN': token }, undefined, 'HTTP/1.1 200 OK'],
      ['POST', '/secret/note', { ...me, 'X-AUTH-TOKEN': token }, '{"note":"x"}', 'HTTP/1.1 415 Unsupported Media Type'],
      ['POST', '/secret/note', { ...json, 'X-AUTH-TOKEN': token }, '{"note":', 'HTTP/1.1 400 Bad Request'],
      ['POST', '/secret/note', { ...json, 'X-AUTH-TOKEN': token }, '{}', set === 'current' ? 'HTTP/1.1 422 Unprocessable Entity' : 'HTTP/1.1 400 Bad Request'],
      ['POST', '/secret/note', { ...json, 'X-AUTH-TOKEN': token }, '{"note":"over the wire"}', 'HTTP/1.1 200 OK'],
      ['DELETE', '/secret/note', me, undefined, 'HTTP/1.1 405 Method Not Allowed'],
      ['TRACE', '/secret/note', me, undefined, 'HTTP/1.1 405 Method Not Allowed'],
    ]
    for (const [method, path, headers, body, statusLine] of cases) {
      const response = await rawRequest(port, requestText(method, path, headers, body))
      t.equal(response.statusLine, statusLine, `${method} ${path} ${JSON.stringify(headers)} ${body ?? ''}`)
    }
    const created = await rawRequest(port, requestText('POST', '/secret/token', { ...me, Authorization: ADMIN }))
    t.equal(created.headers['x-auth-token'], token, 'the token travels in X-AUTH-TOKEN')
    const note = await rawRequest(port, requestText('GET', '/secret/note', { ...me, Authorization: `Bearer ${token}` }))
    t.equal(note.body, '{"note":"over the wire"}')
  })
}
