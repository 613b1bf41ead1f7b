import { JSONPath } from 'jsonpath-plus'
import type { Todo } from '../db/todos-repository.js'
import { ApiError } from './errors.js'

const WHOLE_TODO = /^\/todos\/(\d+)$/
/** filters, wildcards, slices, unions and recursive descent may legitimately select nothing */
const INDEFINITE = /\?\(|\*|\.\.|:|,/

const notWholeTodos = () => new ApiError(422, 'JSONPath query must select complete resource objects from the collection')

const CLOSING: Readonly<Record<string, string>> = { '[': ']', '(': ')' }

/** jsonpath-plus forgives an unclosed bracket; the reference's compiler did not */
function unbalancedAt(expression: string): number | undefined {
  const open: string[] = []
  let quote: string | undefined
  for (let index = 0; index < expression.length; index++) {
    const char = expression[index]!
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
    } else if (char === "'" || char === '"') quote = char
    else if (char in CLOSING) open.push(CLOSING[char]!)
    else if ((char === ']' || char === ')') && open.pop() !== char) return index
  }
  return open.length > 0 || quote ? expression.length : undefined
}

/** evaluates a JSONPath expression over {"todos":[…]}; every selection must be a whole todo of that array */
export function selectWithJsonPath(expression: string, todos: readonly Todo[]): Todo[] {
  if (expression.trim() === '') throw new ApiError(400, 'Missing JSONPath expression for QUERY request')
  const unbalanced = unbalancedAt(expression.trim())
  if (unbalanced !== undefined) throw new ApiError(400, `Invalid JSONPath expression: unbalanced brackets or quotes at character ${unbalanced}`)
  let pointers: string[]
  try {
    const results = JSONPath({ path: expression.trim(), json: { todos: [...todos] }, resultType: 'pointer', wrap: true, eval: 'safe' }) as unknown
    pointers = Array.isArray(results) ? results.map(String) : []
  } catch (error) {
    throw new ApiError(400, `Invalid JSONPath expression: ${(error as Error).message}`)
  }
  if (pointers.length === 0 && !INDEFINITE.test(expression)) throw notWholeTodos()
  // `$` and `$.todos` select the whole collection
  if (pointers.length === 1 && (pointers[0] === '' || pointers[0] === '/todos')) return [...todos]
  return pointers.map((pointer) => {
    const match = WHOLE_TODO.exec(pointer)
    if (!match) throw notWholeTodos()
    return todos[Number(match[1])]!
  })
}
