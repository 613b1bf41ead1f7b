import type { RunMode } from '../challenges/catalogue.js'
import type { ChallengeSet } from '../challenges/sets.js'
import type { Challenger, RestorePayload } from './session-store.js'
import { isUuid } from './run-modes.js'

export const MAX_NOTE_LENGTH = 100

/** the body of GET /challenger/{guid}: exactly these four keys, in this order */
export function progressBody(set: ChallengeSet, mode: RunMode, challenger: Challenger) {
  const challengeStatus: Record<string, boolean> = {}
  for (const listed of set.listed(mode)) challengeStatus[listed.key] = challenger.passed.has(set.internalKey(listed.key))
  return {
    xAuthToken: challenger.authToken,
    xChallenger: challenger.guid,
    secretNote: challenger.secretNote,
    challengeStatus,
  }
}

export type ParsedProgress =
  | { ok: true; xChallenger: string; secretNote: string; xAuthToken: unknown; challengeStatus: Record<string, unknown> }
  | { ok: false; message: string; xChallenger?: string }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** checks the shape of a PUT /challenger/{guid} body (already JSON-parsed, undefined when empty) */
export function parseProgress(body: unknown): ParsedProgress {
  if (body === undefined || body === null) return { ok: false, message: 'Invalid Payload' }
  if (!isObject(body)) return { ok: false, message: 'Invalid Payload: expected a JSON object with xChallenger, secretNote and challengeStatus' }
  if (typeof body.xChallenger !== 'string' || body.xChallenger.trim() === '') {
    return { ok: false, message: 'Invalid Payload: xChallenger must be a non-empty string' }
  }
  const xChallenger = body.xChallenger.trim().toLowerCase()
  if (typeof body.secretNote !== 'string') return { ok: false, message: 'No Note Provided', xChallenger }
  if (!isObject(body.challengeStatus)) {
    return { ok: false, message: 'Invalid Payload: challengeStatus must be an object of challenge names to true or false', xChallenger }
  }
  return { ok: true, xChallenger, secretNote: body.secretNote, xAuthToken: body.xAuthToken, challengeStatus: body.challengeStatus }
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true')
}

/** applies the reference's merge rules to a parsed payload: note truncated, token kept unless a UUID, listed statuses only */
export function restorePayload(set: ChallengeSet, mode: RunMode, parsed: Extract<ParsedProgress, { ok: true }>, currentToken: string): RestorePayload {
  const passed: string[] = []
  for (const listed of set.listed(mode)) {
    const keys = [listed.key, ...set.legacyKeys(listed.key)]
    const value = keys.map((key) => parsed.challengeStatus[key]).find((v) => v !== undefined)
    if (isTrue(value)) passed.push(set.internalKey(listed.key))
  }
  return {
    authToken: typeof parsed.xAuthToken === 'string' && isUuid(parsed.xAuthToken) ? parsed.xAuthToken.toLowerCase() : currentToken,
    secretNote: parsed.secretNote.slice(0, MAX_NOTE_LENGTH),
    passed,
  }
}
