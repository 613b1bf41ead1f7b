// Schema migrations: a database written by an older server opens in this one with every session, pass and
// todo intact, and a migration that would break a reference is rolled back.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import t from 'tap'
import { MIGRATIONS, migrate } from '../db/migrations.js'
import { build, challengeStatus, tempDir } from './helper.js'

const GUID = '0f8c2b4e-5d6a-4c3b-9e1f-2a3b4c5d6e7f'

/** a database file at the given schema version, as a server of that version left it */
function databaseAtVersion(file: string, version: number, fill: (db: Database.Database) => void): void {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration)
  db.pragma(`user_version = ${version}`)
  fill(db)
  db.close()
}

t.test('a version 1 database (seed todos as rows, challengers with a rowid) opens with its data intact', async (t) => {
  const file = join(tempDir(t), 'v1.db')
  databaseAtVersion(file, 1, (db) => {
    db.prepare('INSERT INTO challengers (guid, auth_token, secret_note, created_at, last_accessed) VALUES (?, ?, ?, ?, ?)')
      .run(GUID, 'a-token', 'kept note', Date.now(), Date.now())
    db.prepare('INSERT INTO challenge_passes (guid, challenge, passed_at) VALUES (?, ?, ?)').run(GUID, 'CREATE_NEW_CHALLENGER', Date.now())
    db.prepare('INSERT INTO todo_lists (name, next_id) VALUES (?, 13)').run(GUID)
    db.prepare('INSERT INTO todos (list, id, title, done_status, description) VALUES (?, ?, ?, ?, ?)').run(GUID, 12, 'older todo', 1, 'from v1')
  })

  const app = await build(t, { mode: 'multi', dbFile: file })
  const status = await challengeStatus(app, GUID)
  t.equal(status.CREATE_NEW_CHALLENGER, true, 'the pass survived the table rebuild (no cascade on the old table\'s drop)')
  const progress = JSON.parse((await app.inject({ method: 'GET', url: `/challenger/${GUID}` })).body) as { secretNote: string; xAuthToken: string }
  t.same([progress.secretNote, progress.xAuthToken], ['kept note', 'a-token'])
  const todos = JSON.parse((await app.inject({ method: 'GET', url: '/todos', headers: { 'x-challenger': GUID } })).body) as { todos: unknown[] }
  t.same(todos.todos, [{ id: 12, title: 'older todo', doneStatus: true, description: 'from v1' }], 'rows written before lazy seeding are the list')
  const created = await app.inject({ method: 'POST', url: '/todos', headers: { 'x-challenger': GUID, 'content-type': 'application/json' },
    payload: JSON.stringify({ title: 'after the upgrade' }) })
  t.equal(created.headers.location, '/todos/13', 'the id counter carried over')

  const schema = app.db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'challengers'").get()!.sql
  t.match(schema, /WITHOUT ROWID/)
  t.equal(app.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'challengers_by_last_accessed'").pluck().get(), 0, 'index dropped')
  t.equal(app.db.pragma('user_version', { simple: true }), MIGRATIONS.length)
  t.equal(app.db.pragma('foreign_keys', { simple: true }), 1, 'references are enforced again after migrating')

  app.db.prepare('DELETE FROM challengers WHERE guid = ?').run(GUID)
  t.equal(app.db.prepare('SELECT count(*) FROM challenge_passes WHERE guid = ?').pluck().get(GUID), 0,
    'deleting a session still cascades to its passes')
})

t.test('a migration that would leave broken references is rolled back', async (t) => {
  const file = join(tempDir(t), 'broken.db')
  databaseAtVersion(file, 2, (db) => {
    // a pass whose session is gone: foreign keys were off when it was written
    db.pragma('foreign_keys = OFF')
    db.prepare('INSERT INTO challenge_passes (guid, challenge, passed_at) VALUES (?, ?, ?)').run(GUID, 'CREATE_NEW_CHALLENGER', 1)
  })
  const db = new Database(file)
  t.teardown(() => db.close())
  t.throws(() => migrate(db), /migration 3 left 1 broken references/)
  t.equal(db.pragma('user_version', { simple: true }), 2, 'the version did not move')
  t.match(db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'challengers'").get()!.sql, /^CREATE TABLE challengers \(/)
  t.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'challengers_by_guid'").pluck().get(), 0, 'nothing half-done')
})
