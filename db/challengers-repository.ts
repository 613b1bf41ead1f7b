import type { SqliteDatabase } from './connection.js'

export interface ChallengerRecord {
  guid: string
  authToken: string
  secretNote: string
  createdAt: number
  lastAccessed: number
  /** current-set keys of the challenges this challenger has passed */
  passed: string[]
}

interface ChallengerRow {
  guid: string
  auth_token: string
  secret_note: string
  created_at: number
  last_accessed: number
}

export function createChallengersRepository(db: SqliteDatabase) {
  const insertChallenger = db.prepare<[string, string, string, number, number]>(
    'INSERT INTO challengers (guid, auth_token, secret_note, created_at, last_accessed) VALUES (?, ?, ?, ?, ?)')
  const selectChallenger = db.prepare<[string], ChallengerRow>('SELECT * FROM challengers WHERE guid = ?')
  const selectPasses = db.prepare<[string], { challenge: string }>(
    'SELECT challenge FROM challenge_passes WHERE guid = ? ORDER BY passed_at, challenge')
  const insertPass = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO challenge_passes (guid, challenge, passed_at) VALUES (?, ?, ?)')
  const deletePasses = db.prepare<[string]>('DELETE FROM challenge_passes WHERE guid = ?')
  const updateProfile = db.prepare<[string, string, string]>(
    'UPDATE challengers SET auth_token = ?, secret_note = ? WHERE guid = ?')
  const updateNote = db.prepare<[string, string]>('UPDATE challengers SET secret_note = ? WHERE guid = ?')
  const updateLastAccessed = db.prepare<[number, string]>(
    'UPDATE challengers SET last_accessed = max(last_accessed, ?) WHERE guid = ?')
  const selectIdle = db.prepare<[number], { guid: string }>(
    'SELECT guid FROM challengers WHERE last_accessed < ?')
  const deleteChallenger = db.prepare<[string]>('DELETE FROM challengers WHERE guid = ?')
  const countChallengers = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM challengers')

  function toRecord(row: ChallengerRow): ChallengerRecord {
    return {
      guid: row.guid,
      authToken: row.auth_token,
      secretNote: row.secret_note,
      createdAt: row.created_at,
      lastAccessed: row.last_accessed,
      passed: selectPasses.all(row.guid).map((p) => p.challenge),
    }
  }

  return {
    insert(record: ChallengerRecord): void {
      insertChallenger.run(record.guid, record.authToken, record.secretNote, record.createdAt, record.lastAccessed)
      for (const key of record.passed) insertPass.run(record.guid, key, record.createdAt)
    },
    find(guid: string): ChallengerRecord | undefined {
      const row = selectChallenger.get(guid)
      return row ? toRecord(row) : undefined
    },
    recordPass(guid: string, challenge: string, at: number): void {
      insertPass.run(guid, challenge, at)
    },
    /** replaces token, note and the whole set of passes (PUT /challenger restore) */
    overwrite(guid: string, authToken: string, secretNote: string, passed: readonly string[], at: number): void {
      updateProfile.run(authToken, secretNote, guid)
      deletePasses.run(guid)
      for (const key of passed) insertPass.run(guid, key, at)
    },
    setNote(guid: string, note: string): void {
      updateNote.run(note, guid)
    },
    touch(guid: string, at: number): void {
      updateLastAccessed.run(at, guid)
    },
    idleSince(cutoff: number): string[] {
      return selectIdle.all(cutoff).map((r) => r.guid)
    },
    delete(guid: string): void {
      deleteChallenger.run(guid)
    },
    count(): number {
      return countChallengers.get()!.n
    },
  }
}

export type ChallengersRepository = ReturnType<typeof createChallengersRepository>
