/** a failure a route wants rendered as the reference's `errorMessages` body, in the negotiated format */
export class ApiError extends Error {
  readonly statusCode: number
  readonly messages: readonly string[]
  /** extra response headers, e.g. Accept-Patch on a 415 */
  readonly headers: Readonly<Record<string, string>>

  /** raised outside the todo engine's own checks (see HttpProfile.untypedErrorContentType) */
  readonly untyped: boolean

  constructor(statusCode: number, messages: string | readonly string[], headers: Record<string, string> = {}, untyped = false) {
    const list = typeof messages === 'string' ? [messages] : messages
    super(list.join('; '))
    this.statusCode = statusCode
    this.messages = list
    this.headers = headers
    this.untyped = untyped
  }
}
