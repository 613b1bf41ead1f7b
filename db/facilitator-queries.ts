import type { SqliteDatabase } from './connection.js'

/** one session as the facilitator page lists it; times are epoch milliseconds */
export interface SessionSummaryRow {
  guid: string
  createdAt: number
  lastAccessed: number
  /** passes among the challenges counted (the listed ones of the running set and mode) */
  doneCount: number
  /** the counted challenge passed most recently, if any */
  lastPassed: string | null
  lastPassedAt: number | null
}

interface SessionRow {
  guid: string
  created_at: number
  last_accessed: number
  done_count: number
  last_passed: string | null
  last_passed_at: number | null
}

/**
 * Read-only queries behind the facilitator page. Challenge keys are passed as one JSON array so a
 * single prepared statement serves any set and mode (`json_each` is part of SQLite's core).
 */
export function createFacilitatorQueries(db: SqliteDatabase) {
  const selectSessions = db.prepare<[string, string, string, number], SessionRow>(`
    SELECT c.guid, c.created_at, c.last_accessed,
      (SELECT count(*) FROM challenge_passes p
        WHERE p.guid = c.guid AND p.challenge IN (SELECT value FROM json_each(?))) AS done_count,
      (SELECT p.challenge FROM challenge_passes p
        WHERE p.guid = c.guid AND p.challenge IN (SELECT value FROM json_each(?))
        ORDER BY p.passed_at DESC, p.challenge LIMIT 1) AS last_passed,
      (SELECT max(p.passed_at) FROM challenge_passes p
        WHERE p.guid = c.guid AND p.challenge IN (SELECT value FROM json_each(?))) AS last_passed_at
    FROM challengers c
    ORDER BY c.last_accessed DESC, c.guid
    LIMIT ?`)
  const countSessions = db.prepare<[number], { total: number; active: number }>(
    'SELECT count(*) AS total, count(CASE WHEN last_accessed >= ? THEN 1 END) AS active FROM challengers')
  const selectPassCounts = db.prepare<[], { challenge: string; n: number }>(
    'SELECT challenge, count(*) AS n FROM challenge_passes GROUP BY challenge')

  return {
    /** the most recently active sessions first, at most `limit` */
    sessions(countedKeys: readonly string[], limit: number): SessionSummaryRow[] {
      const keys = JSON.stringify(countedKeys)
      return selectSessions.all(keys, keys, keys, limit).map((row) => ({
        guid: row.guid,
        createdAt: row.created_at,
        lastAccessed: row.last_accessed,
        doneCount: row.done_count,
        lastPassed: row.last_passed,
        lastPassedAt: row.last_passed_at,
      }))
    },

    /** every stored session, and those whose stored last access is at or after `activeSince` */
    sessionCounts(activeSince: number): { total: number; active: number } {
      return countSessions.get(activeSince)!
    },

    /** how many sessions passed each challenge key (keys nobody passed are absent) */
    passCounts(): Map<string, number> {
      return new Map(selectPassCounts.all().map((row) => [row.challenge, row.n]))
    },
  }
}

export type FacilitatorQueries = ReturnType<typeof createFacilitatorQueries>
