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

export function createTodosRepository(db: SqliteDatabase) {
  const insertList = db.prepare<[string]>('INSERT OR IGNORE INTO todo_lists (name, next_id) VALUES (?, 1)')
  const selectList = db.prepare<[string], { next_id: number; seed_pending: number }>('SELECT next_id, seed_pending FROM todo_lists WHERE name = ?')
  const insertPendingList = db.prepare<[string, number]>('INSERT INTO todo_lists (name, next_id, seed_pending) VALUES (?, ?, 1)')
  const clearPending = db.prepare<[string]>('UPDATE todo_lists SET seed_pending = 0 WHERE name = ?')
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

  /** true while the list's seed todos are implied (no change yet) */
  function seedPending(list: string): boolean {
    return selectList.get(list)?.seed_pending === 1
  }

  /** writes a list's implied seed todos as rows, before its first change */
  function materialise(list: string): void {
    if (!seedPending(list)) return
    SEED_TITLES.forEach((title, index) => insert(list, index + 1, { title, doneStatus: false, description: '' }))
    clearPending.run(list)
  }

  function nextId(list: string): number {
    return selectList.get(list)?.next_id ?? 1
  }

  function insert(list: string, id: number, fields: TodoFields): Todo {
    insertTodo.run(list, id, fields.title, fields.doneStatus ? 1 : 0, fields.description)
    return { id, ...fields }
  }

  const repository = {
    exists(list: string): boolean {
      return selectList.get(list) !== undefined
    },
    /** creates the list with the seed todos unless it already exists */
    ensureSeeded(list: string): void {
      if (repository.exists(list)) return
      // the seed todos stay implied until the list's first change (materialise)
      insertPendingList.run(list, SEED_TITLES.length + 1)
    },
    all(list: string): Todo[] {
      return seedPending(list) ? seedTodos() : selectAll.all(list).map(toTodo)
    },
    find(list: string, id: number): Todo | undefined {
      if (seedPending(list)) return seedTodos().find((todo) => todo.id === id)
      const row = selectOne.get(list, id)
      return row ? toTodo(row) : undefined
    },
    count(list: string): number {
      return seedPending(list) ? SEED_TITLES.length : countTodos.get(list)!.n
    },
    create: db.transaction((list: string, fields: TodoFields): Todo => {
      insertList.run(list)
      materialise(list)
      const id = nextId(list)
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
      insertList.run(list)
      clearPending.run(list)
      deleteAllTodos.run(list)
    },
    /** inserts with an explicit id and moves the counter past it */
    insertWithId(list: string, todo: Todo): void {
      insertList.run(list)
      materialise(list)
      insert(list, todo.id, todo)
      if (todo.id >= nextId(list)) setNextId.run(todo.id + 1, list)
    },
    drop(list: string): void {
      deleteList.run(list)
    },
  }
  return repository
}

export type TodosRepository = ReturnType<typeof createTodosRepository>
