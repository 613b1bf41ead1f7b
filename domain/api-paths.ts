const API_SEGMENTS = new Set(['challenger', 'todo', 'todos', 'challenges', 'heartbeat', 'secret'])

/** path without query, leading '/' and one optional 'api/' prefix: '/api/todos/3?x' → 'todos/3' */
export function normalisePath(url: string): string {
  const withoutQuery = url.split('?', 1)[0]!
  const relative = withoutQuery.replace(/^\//, '')
  return relative.startsWith('api/') ? relative.slice(4) : relative
}

/** the normalised path when the request is for the challenges API, else null */
export function apiPathOf(url: string): string | null {
  const path = normalisePath(url)
  const firstSegment = path.split('/', 1)[0]!
  return API_SEGMENTS.has(firstSegment) ? path : null
}

export function rawQueryOf(url: string): string {
  const index = url.indexOf('?')
  return index === -1 ? '' : url.slice(index + 1)
}
