// Minimal typings for the parts of autocannon 9 the benchmarks use (the package ships none).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    type Context = Record<string, unknown>

    interface RawRequest {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string | Buffer
    }

    interface RequestSpec extends RawRequest {
      setupRequest?: (request: RawRequest, context: Context) => RawRequest | false | undefined | null
      onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void
    }

    interface Options {
      url: string
      connections?: number
      duration?: number
      amount?: number
      timeout?: number
      pipelining?: number
      method?: string
      headers?: Record<string, string>
      body?: string | Buffer
      requests?: RequestSpec[]
      initialContext?: Context
      title?: string
      workers?: number
      bailout?: number
      excludeErrorStats?: boolean
    }

    interface Histogram {
      average: number
      mean: number
      stddev: number
      min: number
      max: number
      total: number
      sent?: number
      p0_001: number
      p2_5: number
      p50: number
      p90: number
      p97_5: number
      p99: number
      p99_9: number
    }

    interface Result {
      title?: string
      url: string
      requests: Histogram
      latency: Histogram
      throughput: Histogram
      duration: number
      errors: number
      timeouts: number
      mismatches: number
      non2xx: number
      resets: number
      '1xx': number
      '2xx': number
      '3xx': number
      '4xx': number
      '5xx': number
      statusCodeStats: Record<string, { count: number }>
      start: Date
      finish: Date
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance
  export default autocannon
}
