import { randomUUID } from 'node:crypto'
import type { SqliteDatabase } from '../db/connection.js'
import type { ChallengersRepository, ChallengerRecord } from '../db/challengers-repository.js'
import type { Todo, TodosRepository } from '../db/todos-repository.js'

/** where the in-memory copy came from: 'loaded' is the reference's LOADED_FROM_PERSISTENCE */
export type ChallengerOrigin = 'new' | 'loaded'

export interface Challenger {
  readonly guid: string
  authToken: string
  secretNote: string
  readonly passed: Set<string>
  origin: ChallengerOrigin
  lastAccessed: number
  /** last access time written to disk; access times are flushed lazily, see touch() */
  persistedAccess: number
}

export interface SessionStoreOptions {
  db: SqliteDatabase
  challengers: ChallengersRepository
  todos: TodosRepository
  idleMs: number
  retentionMs: number
  /** sessions retention never deletes (the single-user built-in one) */
  keep?: ReadonlySet<string>
  now?: () => number
  /** most sessions kept in memory at once (default MAX_SESSIONS_IN_MEMORY) */
  maxInMemory?: number
}

/**
 * The working set's hard size: under 1 KB a fresh session, about 3.8 KB one that has completed every
 * challenge, so at most ~75 MB of heap however many sessions are active within the idle period, well
 * inside the old-space cap `npm start` sets (192 MB). Past it the least recently used session leaves
 * memory (it stays on disk and is read back, "loaded from persistence", on its next request).
 */
export const MAX_SESSIONS_IN_MEMORY = 20_000
/** the share of the working set one eviction pass frees */
const EVICTION_BATCH = 0.05

export interface RestorePayload {
  authToken: string
  secretNote: string
  passed: readonly string[]
}

/** access times only matter to retention (days), so a write per request is not worth it */
const ACCESS_FLUSH_MS = 60_000

/**
 * The working set of challengers: SQLite is the truth, memory holds the recently active ones.
 * Every change a client could observe is committed before the call returns, except a session created
 * `untilCommit`, which the creating request's commit() writes before its reply.
 */
export function createSessionStore(options: SessionStoreOptions) {
  const { db, challengers, todos } = options
  const now = options.now ?? Date.now
  // in least-recently-used order: touch() moves a session to the end, admit() evicts from the front
  const working = new Map<string, Challenger>()
  const maxInMemory = options.maxInMemory ?? MAX_SESSIONS_IN_MEMORY
  // sessions created by the request being answered: written with its passes, in one commit (see commit())
  const unsaved = new Map<string, ChallengerRecord>()

  // eviction works in batches: one pass over the oldest entries per EVICTION_BATCH admissions, not one per admission
  const evictDownTo = Math.max(1, maxInMemory - Math.max(1, Math.floor(maxInMemory * EVICTION_BATCH)))

  function admit(challenger: Challenger): void {
    working.set(challenger.guid, challenger)
    if (working.size <= maxInMemory) return
    for (const [guid, oldest] of working) {
      if (working.size <= evictDownTo) break
      if (options.keep?.has(guid) || oldest === challenger || unsaved.has(guid)) continue
      store.flushAccess(oldest)
      working.delete(guid)
    }
  }

  function fromRecord(record: ChallengerRecord, origin: ChallengerOrigin): Challenger {
    return {
      guid: record.guid,
      authToken: record.authToken,
      secretNote: record.secretNote,
      passed: new Set(record.passed),
      origin,
      lastAccessed: record.lastAccessed,
      persistedAccess: record.lastAccessed,
    }
  }

  // new session rows (with any restored passes; their todo lists stay implied until a first change) and one
  // session's new passes, in one transaction
  const commitWrites = db.transaction((records: readonly ChallengerRecord[], guid: string | undefined, keys: readonly string[], at: number) => {
    for (const record of records) challengers.insert(record)
    if (guid !== undefined) for (const key of keys) challengers.recordPass(guid, key, at)
  })

  const deleteWithTodos = db.transaction((guid: string) => {
    challengers.delete(guid)
    todos.drop(guid)
  })

  const replaceList = db.transaction((list: string, replacement: readonly Todo[]) => {
    todos.clear(list)
    for (const todo of replacement) todos.insertWithId(list, todo)
  })

  const store = {
    /**
     * A brand-new challenger with a fresh todo list, committed before it is returned; with `untilCommit`, it is
     * written by the next commit() instead (the one that records the creating request's passes, before its reply).
     */
    create(guid: string = randomUUID(), payload?: RestorePayload, { untilCommit = false } = {}): Challenger {
      const at = now()
      const record: ChallengerRecord = {
        guid,
        authToken: payload?.authToken ?? randomUUID(),
        secretNote: payload?.secretNote ?? '',
        createdAt: at,
        lastAccessed: at,
        passed: [...(payload?.passed ?? [])],
      }
      if (untilCommit) {
        unsaved.set(guid, record)
        // a request always commits before its reply; this only guards against a path that would not
        setImmediate(() => {
          try {
            store.commit(undefined, [])
          } catch {
            // still in `unsaved`: the next commit writes it
          }
        })
      } else {
        commitWrites([record], undefined, [], at)
      }
      const challenger = fromRecord(record, 'new')
      admit(challenger)
      return challenger
    },

    /** the challenger in memory, or read back from disk (then marked 'loaded') */
    find(guid: string): Challenger | undefined {
      const inMemory = working.get(guid)
      if (inMemory) return inMemory
      const record = challengers.find(guid)
      if (!record) return undefined
      const challenger = fromRecord(record, 'loaded')
      admit(challenger)
      return challenger
    },

    isInMemory(guid: string): boolean {
      return working.has(guid)
    },

    touch(challenger: Challenger): void {
      const at = now()
      challenger.lastAccessed = at
      if (working.get(challenger.guid) === challenger) {
        working.delete(challenger.guid)
        working.set(challenger.guid, challenger)
      }
      if (at - challenger.persistedAccess >= ACCESS_FLUSH_MS) {
        challengers.touch(challenger.guid, at)
        challenger.persistedAccess = at
      }
    },

    /**
     * Records the challenger's new passes and writes the sessions created since the last commit, in one
     * transaction; memory changes only once it has committed. Passes already recorded are ignored.
     */
    commit(challenger: Challenger | undefined, keys: readonly string[]): void {
      const fresh = challenger ? keys.filter((key) => !challenger.passed.has(key)) : []
      if (fresh.length === 0 && unsaved.size === 0) return
      commitWrites([...unsaved.values()], challenger?.guid, fresh, now())
      unsaved.clear()
      for (const key of fresh) challenger!.passed.add(key)
    },

    setNote(challenger: Challenger, note: string): void {
      challengers.setNote(challenger.guid, note)
      challenger.secretNote = note
    },

    /** PUT /challenger/{guid} onto an existing challenger: token, note and passes replaced */
    overwrite(challenger: Challenger, payload: RestorePayload): void {
      challengers.overwrite(challenger.guid, payload.authToken, payload.secretNote, payload.passed, now())
      challenger.authToken = payload.authToken
      challenger.secretNote = payload.secretNote
      challenger.passed.clear()
      for (const key of payload.passed) challenger.passed.add(key)
    },

    /** PUT /challenger/{guid} of a GUID not in memory: a fresh challenger from the payload, replacing any copy on disk */
    replaceWithNew(guid: string, payload: RestorePayload): Challenger {
      deleteWithTodos(guid)
      working.delete(guid)
      return store.create(guid, { ...payload, authToken: payload.authToken || randomUUID() })
    },

    /** PUT /challenger/database/{guid}: the whole list replaced in one transaction */
    replaceTodos(list: string, replacement: readonly Todo[]): void {
      replaceList(list, replacement)
    },

    /** drops idle challengers from memory (they stay on disk); returns how many left */
    evictIdle(): number {
      const cutoff = now() - options.idleMs
      let evicted = 0
      for (const [guid, challenger] of working) {
        if (challenger.lastAccessed < cutoff) {
          store.flushAccess(challenger)
          working.delete(guid)
          evicted++
        }
      }
      return evicted
    },

    /** deletes from disk the challengers idle longer than the retention period (never the kept ones) */
    purgeExpired(): number {
      const keep = options.keep ?? new Set<string>()
      for (const challenger of working.values()) store.flushAccess(challenger)
      const cutoff = now() - options.retentionMs
      let purged = 0
      for (const guid of challengers.idleSince(cutoff)) {
        if (keep.has(guid)) continue
        deleteWithTodos(guid)
        working.delete(guid)
        purged++
      }
      return purged
    },

    flushAccess(challenger: Challenger): void {
      if (challenger.persistedAccess !== challenger.lastAccessed) {
        challengers.touch(challenger.guid, challenger.lastAccessed)
        challenger.persistedAccess = challenger.lastAccessed
      }
    },

    /** writes pending access times; called on shutdown */
    flushAll(): void {
      for (const challenger of working.values()) store.flushAccess(challenger)
    },

    workingSetSize(): number {
      return working.size
    },
  }
  return store
}

export type SessionStore = ReturnType<typeof createSessionStore>
