import type { Database } from 'better-sqlite3'

/**
 * Ordered schema changes. The index + 1 is the schema version kept in PRAGMA user_version,
 * so a migration is never edited once released: add a new entry instead.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE challengers (
    guid          TEXT PRIMARY KEY,
    auth_token    TEXT NOT NULL,
    secret_note   TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    last_accessed INTEGER NOT NULL
  );
  CREATE INDEX challengers_by_last_accessed ON challengers (last_accessed);

  CREATE TABLE challenge_passes (
    guid      TEXT NOT NULL REFERENCES challengers (guid) ON DELETE CASCADE,
    challenge TEXT NOT NULL,
    passed_at INTEGER NOT NULL,
    PRIMARY KEY (guid, challenge)
  ) WITHOUT ROWID;

  -- one todo list per challenger; the shared anonymous list has the empty name
  CREATE TABLE todo_lists (
    name    TEXT PRIMARY KEY,
    next_id INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE todos (
    list        TEXT NOT NULL REFERENCES todo_lists (name) ON DELETE CASCADE,
    id          INTEGER NOT NULL,
    title       TEXT NOT NULL,
    done_status INTEGER NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (list, id)
  ) WITHOUT ROWID;
  `,
  // A new list's ten seed todos stay implied until its first change writes them as rows: a new session
  // then costs three small rows instead of thirteen, and reading an unchanged list costs one lookup.
  `
  ALTER TABLE todo_lists ADD COLUMN seed_pending INTEGER NOT NULL DEFAULT 0;
  `,
  // Sessions keyed by their GUID alone (no hidden rowid, so no second B-tree for the key), and no index on
  // last_accessed: only the once-a-minute retention sweep and the facilitator page read it, a scan each.
  // Creating a session now writes two fewer pages to the WAL.
  `
  CREATE TABLE challengers_by_guid (
    guid          TEXT PRIMARY KEY,
    auth_token    TEXT NOT NULL,
    secret_note   TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    last_accessed INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO challengers_by_guid (guid, auth_token, secret_note, created_at, last_accessed)
    SELECT guid, auth_token, secret_note, created_at, last_accessed FROM challengers;
  DROP TABLE challengers;
  ALTER TABLE challengers_by_guid RENAME TO challengers;
  `,
]

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this server knows (${MIGRATIONS.length}); upgrade the server`)
  }
  if (current === MIGRATIONS.length) return
  // A table is rebuilt by copying it and dropping the old one, which must not cascade to the rows that
  // reference it: foreign keys are off while migrating (SQLite ignores that pragma inside a transaction)
  // and every migration is checked for broken references before it commits.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1
  db.pragma('foreign_keys = OFF')
  try {
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[version]!)
        const broken = db.pragma('foreign_key_check') as unknown[]
        if (broken.length > 0) throw new Error(`migration ${version + 1} left ${broken.length} broken references`)
        db.pragma(`user_version = ${version + 1}`)
      })()
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON')
  }
}
