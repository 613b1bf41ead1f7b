import { createHash, timingSafeEqual } from 'node:crypto'

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/**
 * Constant-time comparison of a presented secret with the expected one. Both sides are hashed first, so
 * the buffers always have equal length and a length mismatch does not answer faster.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}
