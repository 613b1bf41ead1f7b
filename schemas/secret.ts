import { Type, type Static } from 'typebox'

/** longest note POST /secret/note accepts (a longer one is a validation error, not truncated) */
export const MAX_NOTE_LENGTH = 100

export const SecretNote = Type.Object({
  note: Type.String({ maxLength: MAX_NOTE_LENGTH, description: `at most ${MAX_NOTE_LENGTH} characters` }),
}, { description: 'your secret note; XML: <secretnote><note>…</note></secretnote>' })
export type SecretNote = Static<typeof SecretNote>

export const SecretToken = Type.Object({
  token: Type.String({ description: 'the value to send as X-AUTH-TOKEN (or Authorization: Bearer) to /secret/note' }),
})
export type SecretToken = Static<typeof SecretToken>

const CHALLENGER_HEADER = Type.Optional(Type.String({ description: 'your challenger GUID' }))

export const SecretTokenHeaders = Type.Object({
  authorization: Type.Optional(Type.String({ description: 'Basic credentials: admin / password' })),
  'x-challenger': CHALLENGER_HEADER,
})

export const SecretNoteHeaders = Type.Object({
  'x-auth-token': Type.Optional(Type.String({ description: 'the token POST /secret/token returned' })),
  authorization: Type.Optional(Type.String({ description: 'Bearer <token>, used instead of X-AUTH-TOKEN when present' })),
  'x-challenger': CHALLENGER_HEADER,
})

// ---------------------------------------------------------------------------
// Authorization header syntax, as the reference reads it (sessions.md §7.1, §7.2).
// Shared by the secret routes and the secret challenges' completion rules.
// ---------------------------------------------------------------------------

/** space-separated words of an Authorization header, runs of spaces ignored */
function wordsOf(header: string | undefined): string[] {
  return (header ?? '').split(' ').filter((word) => word.trim() !== '')
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

export interface BasicCredentials {
  user: string
  password: string
}

/**
 * `Basic <base64 user:password>`: scheme in any case, exactly two words, both parts non-empty
 * (split at the first colon). Undefined for anything else.
 */
export function basicCredentialsOf(header: string | undefined): BasicCredentials | undefined {
  const words = wordsOf(header)
  if (words.length !== 2 || words[0]!.toLowerCase() !== 'basic' || !BASE64.test(words[1]!)) return undefined
  const decoded = Buffer.from(words[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0 || colon === decoded.length - 1) return undefined
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** the token of a syntactically valid `Bearer <token>` header (scheme in any case), else undefined */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const words = wordsOf(header)
  return words.length >= 2 && words[0]!.toLowerCase() === 'bearer' ? words[1] : undefined
}
