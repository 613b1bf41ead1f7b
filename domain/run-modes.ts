import type { RunMode } from '../challenges/catalogue.js'
import type { Challenger, SessionStore } from './session-store.js'

export const SINGLE_PLAYER_GUID = 'rest-api-challenges-single-player'
export const UNKNOWN_CHALLENGER = 'UNKNOWN CHALLENGER - Challenger not found'

export type PostChallengerOutcome =
  | { status: 201 | 200; challenger: Challenger }
  | { status: 404 }

/** everything that differs between single-user and multi-user runs, in one place */
export interface RunModeBehaviour {
  readonly mode: RunMode
  /** the challenger an X-CHALLENGER request value names (header already trimmed and lower-cased) */
  resolve(store: SessionStore, header: string | undefined): Challenger | undefined
  /** POST /challenger */
  postChallenger(store: SessionStore, header: string | undefined): PostChallengerOutcome
  /** the progress page sent as Location */
  progressPage(guid: string): string
  /** challenger routes reject a path GUID that is not a UUID (400) */
  readonly validatesGuids: boolean
  /** PUT /challenger/{guid} of a challenger not in memory creates it (201) */
  readonly putCreates: boolean
  /** todo writes need a known X-CHALLENGER */
  readonly anonymousWritesAllowed: boolean
  /** the GUID whose progress the built-in session keeps, if any */
  readonly builtInGuid: string | undefined
}

const singleUser: RunModeBehaviour = {
  mode: 'single',
  resolve: (store) => store.find(SINGLE_PLAYER_GUID),
  postChallenger(store) {
    const challenger = store.find(SINGLE_PLAYER_GUID)!
    return { status: 201, challenger }
  },
  progressPage: () => '/gui/challenges',
  validatesGuids: false,
  putCreates: false,
  anonymousWritesAllowed: true,
  builtInGuid: SINGLE_PLAYER_GUID,
}

const multiUser: RunModeBehaviour = {
  mode: 'multi',
  resolve: (store, header) => (header ? store.find(header) : undefined),
  postChallenger(store, header) {
    // written with the passes this request earns, in the commit before the reply
    if (!header) return { status: 201, challenger: store.create(undefined, undefined, { untilCommit: true }) }
    const known = store.find(header)
    if (!known) return { status: 404 }
    return { status: 200, challenger: known }
  },
  progressPage: (guid) => `/gui/challenges/${guid}`,
  validatesGuids: true,
  putCreates: true,
  anonymousWritesAllowed: false,
  builtInGuid: undefined,
}

export const RUN_MODES: Readonly<Record<RunMode, RunModeBehaviour>> = { single: singleUser, multi: multiUser }

/** X-CHALLENGER values are matched case-insensitively with surrounding spaces ignored */
export function normaliseChallengerHeader(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value
  const trimmed = raw?.trim().toLowerCase()
  return trimmed ? trimmed : undefined
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value)
}
