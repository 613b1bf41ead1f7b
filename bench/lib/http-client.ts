// A small HTTP client on node:http for the durability and fuzz runs: any method token, any header bytes,
// a per-run keep-alive agent (so a killed server's pooled sockets are never reused), and a hard timeout.
import http from 'node:http'

export interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export interface CallOptions {
  method: string
  path: string
  headers?: Record<string, string | string[]>
  body?: string | Buffer
  timeoutMs?: number
}

export class Client {
  readonly agent: http.Agent

  /** keepAlive false: one connection per request, so a connection the server closes is charged to its own request */
  constructor(readonly host: string, readonly port: number, maxSockets = 16, keepAlive = true) {
    this.agent = new http.Agent({ keepAlive, maxSockets })
  }

  call(options: CallOptions): Promise<Answer> {
    // node frames a body only for methods it expects one on; a GET, HEAD, DELETE or OPTIONS body needs its length
    const headers = options.body === undefined || Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'content-length')
      ? options.headers
      : { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) }
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: this.host,
        port: this.port,
        agent: this.agent,
        method: options.method,
        path: options.path,
        headers,
        // the fuzzer sends what a careless or hostile client would; let node's own checks not stand in the way
        insecureHTTPParser: true,
      }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', reject)
      })
      request.setTimeout(options.timeoutMs ?? 15_000, () => request.destroy(new Error(`timeout: ${options.method} ${options.path}`)))
      request.on('error', reject)
      if (options.body !== undefined) request.end(options.body)
      else request.end()
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
