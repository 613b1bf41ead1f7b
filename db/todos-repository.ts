import type { SqliteDatabase } from './connection.js'

import type { Todo } from '../schemas/todos.js'

export type { Todo }
export type TodoFields = Omit<Todo, 'id'>

interface TodoRow {
  id: number
  title: string
  done_status: number
  description: string
}

/** the ten todos every new list starts with, in id order */
export const SEED_TITLES: readonly string[] = [
  'scan paperwork', 'file paperwork', 'process payments', 'escalate late payments', 'pay invoices',
  'process payroll', 'train staff', 'schedule meeting', 'tidy meeting room', 'install webcam',
]

/** the seed list as fresh objects (callers may change them) */
function seedTodos(): Todo[] {
  return SEED_TITLES.map((title, index) => ({ id: index + 1, title, doneStatus: false, description: '' }))
}

function toTodo(row: TodoRow): Todo {
  return { id: row.id, title: row.title, doneStatus: row.done_status === 1, description: row.description }
}

interface ListState {
  nextId: number
  /** the seed todos are implied: the list has not changed since it was created */
  seedPending: boolean
}

/**
 * Every list starts as the ten seed todos, and a list without a row is exactly that: creating a session
 * writes nothing here, and reading an unchanged list costs one lookup. The first change writes the list's
 * row and its seed todos (materialise), then the todos table holds the whole list.
 */
const FRESH_LIST: ListState = { nextId: SEED_TITLES.length + 1, seedPending: true }

export function createTodosRepository(db: SqliteDatabase) {
  const selectList = db.prepare<[string], { next_id: number; seed_pending: number }>('SELECT next_id, seed_pending FROM todo_lists WHERE name = ?')
  const upsertList = db.prepare<[string, number]>(
    'INSERT INTO todo_lists (name, next_id, seed_pending) VALUES (?, ?, 0) ON CONFLICT (name) DO UPDATE SET seed_pending = 0')
  const setNextId = db.prepare<[number, string]>('UPDATE todo_lists SET next_id = ? WHERE name = ?')
  const deleteList = db.prepare<[string]>('DELETE FROM todo_lists WHERE name = ?')
  const selectAll = db.prepare<[string], TodoRow>('SELECT id, title, done_status, description FROM todos WHERE list = ? ORDER BY id')
  const selectOne = db.prepare<[string, number], TodoRow>('SELECT id, title, done_status, description FROM todos WHERE list = ? AND id = ?')
  const countTodos = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM todos WHERE list = ?')
  const insertTodo = db.prepare<[string, number, string, number, string]>(
    'INSERT INTO todos (list, id, title, done_status, description) VALUES (?, ?, ?, ?, ?)')
  const updateTodo = db.prepare<[string, number, string, string, number]>(
    'UPDATE todos SET title = ?, done_status = ?, description = ? WHERE list = ? AND id = ?')
  const deleteTodo = db.prepare<[string, number]>('DELETE FROM todos WHERE list = ? AND id = ?')
  const deleteAllTodos = db.prepare<[string]>('DELETE FROM todos WHERE list = ?')

  function stateOf(list: string): ListState {
    const row = selectList.get(list)
    return row ? { nextId: row.next_id, seedPending: row.seed_pending === 1 } : FRESH_LIST
  }

  /** gives the list a row of its own and, unless `withoutSeeds`, writes its implied seed todos as rows */
  function materialise(list: string, withoutSeeds = false): ListState {
    const state = stateOf(list)
    if (!state.seedPending) return state
    upsertList.run(list, state.nextId)
    if (!withoutSeeds) SEED_TITLES.forEach((title, index) => insert(list, index + 1, { title, doneStatus: false, description: '' }))
    return { nextId: state.nextId, seedPending: false }
  }

  function insert(list: string, id: number, fields: TodoFields): Todo {
    insertTodo.run(list, id, fields.title, fields.doneStatus ? 1 : 0, fields.description)
    return { id, ...fields }
  }

  return {
    all(list: string): Todo[] {
      return stateOf(list).seedPending ? seedTodos() : selectAll.all(list).map(toTodo)
    },
    find(list: string, id: number): Todo | undefined {
      if (stateOf(list).seedPending) return seedTodos().find((todo) => todo.id === id)
      const row = selectOne.get(list, id)
      return row ? toTodo(row) : undefined
    },
    count(list: string): number {
      return stateOf(list).seedPending ? SEED_TITLES.length : countTodos.get(list)!.n
    },
    create: db.transaction((list: string, fields: TodoFields): Todo => {
      const id = materialise(list).nextId
      setNextId.run(id + 1, list)
      return insert(list, id, fields)
    }),
    update: db.transaction((list: string, todo: Todo): void => {
      materialise(list)
      updateTodo.run(todo.title, todo.doneStatus ? 1 : 0, todo.description, list, todo.id)
    }),
    delete: db.transaction((list: string, id: number): boolean => {
      materialise(list)
      return deleteTodo.run(list, id).changes > 0
    }),
    /** empties the list, keeping its id counter (restore fills it again with explicit ids) */
    clear(list: string): void {
      materialise(list, true)
      deleteAllTodos.run(list)
    },
    /** inserts with an explicit id and moves the counter past it */
    insertWithId(list: string, todo: Todo): void {
      const { nextId } = materialise(list)
      insert(list, todo.id, todo)
      if (todo.id >= nextId) setNextId.run(todo.id + 1, list)
    },
    /** back to a fresh list of seed todos */
    drop(list: string): void {
      deleteList.run(list)
    },
  }
}

export type TodosRepository = ReturnType<typeof createTodosRepository>
