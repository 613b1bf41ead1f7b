// The session store's working set (issue #8): bounded whatever the number of active sessions, least recently
// used out first, and a session created by a request written together with that request's passes.
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { openDatabase } from '../db/connection.js'
import { createChallengersRepository } from '../db/challengers-repository.js'
import { createTodosRepository } from '../db/todos-repository.js'
import { createSessionStore } from '../domain/session-store.js'
import { tempDir } from './helper.js'

const HOUR = 60 * 60_000

function storeOn(t: Test, maxInMemory?: number) {
  const db = openDatabase(join(tempDir(t), 'store.db'))
  t.teardown(() => db.close())
  const challengers = createChallengersRepository(db)
  const store = createSessionStore({ db, challengers, todos: createTodosRepository(db), idleMs: HOUR, retentionMs: 24 * HOUR, maxInMemory })
  return { db, challengers, store }
}

t.test('the working set never holds more than its cap; the least recently used leave first', async (t) => {
  const { store } = storeOn(t, 100)
  const guids = Array.from({ length: 100 }, () => store.create().guid)
  let largest = 0
  for (let i = 0; i < 400; i++) {
    store.create()
    largest = Math.max(largest, store.workingSetSize())
  }
  t.equal(largest, 100, 'bounded by the cap through 400 more creations')
  t.notOk(store.isInMemory(guids[1]!), 'an untouched early session left memory')
  const back = store.find(guids[1]!)
  t.equal(back?.origin, 'loaded', 'and is read back from disk when asked for')
  t.ok(store.workingSetSize() <= 100)
})

t.test('a recently used session outlives newer idle ones', async (t) => {
  const { store } = storeOn(t, 10)
  const kept = store.create()
  for (let i = 0; i < 50; i++) {
    store.create()
    store.touch(kept)
  }
  t.ok(store.isInMemory(kept.guid), 'touched on every round, never the least recently used')
})

t.test('a session created until commit is written with its passes, in one transaction', async (t) => {
  const { challengers, store } = storeOn(t)
  const challenger = store.create(undefined, undefined, { untilCommit: true })
  t.equal(challengers.find(challenger.guid), undefined, 'not on disk before the commit')
  store.commit(challenger, ['CREATE_NEW_CHALLENGER'])
  t.same(challengers.find(challenger.guid)?.passed, ['CREATE_NEW_CHALLENGER'], 'row and pass written')
  t.ok(challenger.passed.has('CREATE_NEW_CHALLENGER'))
  store.commit(challenger, ['CREATE_NEW_CHALLENGER'])
  t.equal(challengers.find(challenger.guid)?.passed.length, 1, 'a pass already recorded is not written again')
})

t.test('a session created until commit is written even if no commit follows', async (t) => {
  const { challengers, store } = storeOn(t)
  const challenger = store.create(undefined, undefined, { untilCommit: true })
  await new Promise((resolve) => setImmediate(resolve))
  t.ok(challengers.find(challenger.guid), 'the safety net wrote it on the next turn of the event loop')
})

t.test('a failed commit changes nothing in memory', async (t) => {
  const { db, store } = storeOn(t)
  const challenger = store.create()
  db.exec("CREATE TRIGGER refuse BEFORE INSERT ON challenge_passes BEGIN SELECT RAISE(ABORT, 'refused'); END")
  t.throws(() => store.commit(challenger, ['GET_TODOS', 'GET_CHALLENGES']), /refused/)
  t.equal(challenger.passed.size, 0, 'no pass kept in memory')
})
