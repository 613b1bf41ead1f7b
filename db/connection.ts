import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from './migrations.js'

export type SqliteDatabase = Database.Database

const IN_MEMORY = ':memory:'

export function openDatabase(file: string): SqliteDatabase {
  if (file !== IN_MEMORY) mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  // The server is the file's only user: holding the lock for the connection's life spares every statement the
  // shared-memory locking WAL mode otherwise does (about 10% of a simple request). Another process cannot
  // open the file while the server runs; commits, WAL crash recovery and the checkpoint on close are unchanged.
  if (file !== IN_MEMORY) db.pragma('locking_mode = EXCLUSIVE')
  db.pragma('journal_mode = WAL')
  // NORMAL with WAL keeps every committed transaction across a process crash (kill -9);
  // only an OS crash or power loss can drop the last commits.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // 16 MB of page cache (the default is 2 MB): the lists of the sessions active at once stay in memory
  db.pragma('cache_size = -16384')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}
