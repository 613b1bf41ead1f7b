export type JsonParse = { ok: true; value: unknown } | { ok: false }

/** an empty body parses to undefined; anything else must be valid JSON */
export function parseJsonBody(raw: unknown): JsonParse {
  const text = typeof raw === 'string' ? raw : ''
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

export const INVALID_JSON_MESSAGE = 'Invalid Json Payload: please check the syntax of the request body'
