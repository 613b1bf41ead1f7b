import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import { buildApp, type BuildOptions } from '../app.js'
import { defaultConfig, type AppConfig } from '../config.js'

export type TestApp = Awaited<ReturnType<typeof buildApp>>

/** request headers of an inject call */
export type Headers = Record<string, string>

/** what the todo tests read of an inject response */
export interface Res {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

/** GET /challenger/{guid}: a session's progress, as saved and PUT back */
export interface Progress {
  xAuthToken: string
  xChallenger: string
  secretNote: string
  challengeStatus: Record<string, boolean>
}

/** a todo of GET /challenger/database/{guid} (fields may be absent in a restored payload) */
export interface ExportedTodo {
  id: number
  title: string
  doneStatus?: boolean
  description?: string
}

/** a todo as the JSON API shows it */
export interface Todo {
  id: number
  title: string
  doneStatus: boolean
  description: string
}

/** the real app on an in-memory SQLite database (or the file given), closed when the test ends */
export async function build(t: Test, overrides: Partial<AppConfig> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const app = await buildApp({ ...defaultConfig, dbFile: ':memory:', logLevel: 'silent', ...overrides }, options)
  t.teardown(() => app.close())
  return app
}

/** a temporary folder removed when the test ends */
export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'apichallenges-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** POST /challenger on a multi-user app; returns the new GUID */
export async function newChallenger(app: TestApp): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/challenger' })
  if (response.statusCode !== 201) throw new Error(`POST /challenger answered ${response.statusCode}`)
  return response.headers['x-challenger'] as string
}

/** keys of the challenges GET /challenges reports as done for this session, by name */
export async function completedNames(app: TestApp, guid?: string): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: '/challenges', headers: guid ? { 'x-challenger': guid } : {} })
  const body = JSON.parse(response.body) as { challenges: { name: string; status: boolean }[] }
  return body.challenges.filter((c) => c.status).map((c) => c.name)
}

/** the challengeStatus map of GET /challenger/{guid} */
export async function challengeStatus(app: TestApp, guid: string): Promise<Record<string, boolean>> {
  const response = await app.inject({ method: 'GET', url: `/challenger/${guid}` })
  return (JSON.parse(response.body) as { challengeStatus: Record<string, boolean> }).challengeStatus
}
