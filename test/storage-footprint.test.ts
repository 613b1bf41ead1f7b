// What a session costs on disk (issue #8): a new session is one row, its todo list stays implied (the ten
// seed todos) until its first change, and that change writes the whole list. Observed through the API and
// the real SQLite file, across a restart.
import { join } from 'node:path'
import t from 'tap'
import { build, newChallenger, tempDir, type TestApp } from './helper.js'

function rows(app: TestApp, table: string, where = '1'): number {
  return app.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number
}

async function titles(app: TestApp, guid: string): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: '/todos', headers: { 'x-challenger': guid } })
  return (JSON.parse(response.body) as { todos: { id: number; title: string }[] }).todos.map((todo) => `${todo.id} ${todo.title}`)
}

t.test('a new session is one row; its list is written at its first change', async (t) => {
  const dbFile = join(tempDir(t), 'footprint.db')
  let app = await build(t, { mode: 'multi', dbFile })
  const guid = await newChallenger(app)
  const quoted = `'${guid}'`
  t.equal(rows(app, 'challengers', `guid = ${quoted}`), 1)
  t.equal(rows(app, 'todo_lists', `name = ${quoted}`), 0, 'no list row yet')
  t.equal(rows(app, 'todos', `list = ${quoted}`), 0, 'no todo rows yet')
  const seeded = await titles(app, guid)
  t.equal(seeded.length, 10)
  t.equal(seeded[0], '1 scan paperwork')
  t.equal((await app.inject({ method: 'GET', url: '/todos/3', headers: { 'x-challenger': guid } })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/todos/11', headers: { 'x-challenger': guid } })).statusCode, 404)

  const deleted = await app.inject({ method: 'DELETE', url: '/todos/2', headers: { 'x-challenger': guid } })
  t.equal(deleted.statusCode, 204)
  t.equal(rows(app, 'todo_lists', `name = ${quoted} AND seed_pending = 0`), 1, 'the first change writes the list row')
  t.equal(rows(app, 'todos', `list = ${quoted}`), 9, 'and its nine remaining todos')
  const created = await app.inject({ method: 'POST', url: '/todos', headers: { 'x-challenger': guid, 'content-type': 'application/json' },
    payload: '{"title":"first of my own"}' })
  t.equal(created.headers.location, '/todos/11', 'ids continue after the seed todos')

  await app.close()
  app = await build(t, { mode: 'multi', dbFile })
  const after = await titles(app, guid)
  t.equal(after.length, 10)
  t.notOk(after.includes('2 file paperwork'), 'the deleted seed todo stays deleted after a restart')
  t.equal(after.at(-1), '11 first of my own')
})

t.test('a restored database replaces the implied list and keeps the counter', async (t) => {
  const app = await build(t, { mode: 'multi' })
  const guid = await newChallenger(app)
  const restored = await app.inject({ method: 'PUT', url: `/challenger/database/${guid}`, headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ todos: [{ id: 4, title: 'kept four', doneStatus: true, description: '' }] }) })
  t.equal(restored.statusCode, 204)
  t.same(await titles(app, guid), ['4 kept four'], 'the seed todos are gone, the restored one is the list')
  const created = await app.inject({ method: 'POST', url: '/todos', headers: { 'x-challenger': guid, 'content-type': 'application/json' },
    payload: '{"title":"next"}' })
  t.equal(created.headers.location, '/todos/11', 'the counter of the fresh list (past the seed ids) is kept')
})

t.test('the shared anonymous list is implied too, and changes only when written', async (t) => {
  const app = await build(t, { mode: 'multi' })
  t.equal((await titles(app, '')).length, 10)
  t.equal(rows(app, 'todo_lists'), 0, 'no list rows at all before a change')
})
