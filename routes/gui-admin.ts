import { createHmac } from 'node:crypto'
import { sameSecret } from '../domain/secrets.js'

/** name of the HttpOnly cookie the facilitator login sets */
export const ADMIN_COOKIE = 'apichallenges_facilitator'
/** how long a facilitator login lasts */
export const ADMIN_COOKIE_MAX_AGE_SECONDS = 12 * 60 * 60

/** the value of `Authorization: Bearer <token>`, if the header has that form */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}

/** cookies of a request, first value of each name */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    const name = part.slice(0, eq).trim()
    if (!name || cookies.has(name)) continue
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1)
    try {
      cookies.set(name, decodeURIComponent(value))
    } catch {
      cookies.set(name, value)
    }
  }
  return cookies
}

/**
 * The login cookie holds its issue time and an HMAC of it keyed by the admin token, never the token
 * itself: it expires on its own, and changing ADMIN_TOKEN signs every facilitator out.
 */
export function createAdminGate(adminToken: string, now: () => number = Date.now) {
  function sign(issuedAt: number): string {
    return createHmac('sha256', adminToken).update(`facilitator:${issuedAt}`).digest('base64url')
  }

  function cookieValid(value: string | undefined): boolean {
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '')
    if (!match) return false
    const issuedAt = Number(match[1])
    const age = now() - issuedAt
    if (age < 0 || age > ADMIN_COOKIE_MAX_AGE_SECONDS * 1000) return false
    return sameSecret(match[2]!, sign(issuedAt))
  }

  return {
    tokenMatches(given: string): boolean {
      return sameSecret(given, adminToken)
    },

    /** a fresh cookie value for a successful login */
    issueCookie(): string {
      const issuedAt = now()
      return `${issuedAt}.${sign(issuedAt)}`
    },

    cookieValid,

    /** Bearer header or login cookie */
    authorised(authorization: string | undefined, cookieHeader: string | undefined): boolean {
      const bearer = bearerToken(authorization)
      if (bearer !== undefined && sameSecret(bearer, adminToken)) return true
      return cookieValid(parseCookies(cookieHeader).get(ADMIN_COOKIE))
    },
  }
}

export type AdminGate = ReturnType<typeof createAdminGate>
