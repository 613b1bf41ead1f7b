import { Type, type Static } from 'typebox'

export const ErrorMessages = Type.Object({
  errorMessages: Type.Array(Type.String()),
}, { $id: 'ErrorMessages', description: 'every error; XML: <errorMessages><errorMessage>…</errorMessage></errorMessages>' })
export type ErrorMessages = Static<typeof ErrorMessages>

export const EmptyBody = Type.Null({ description: 'no body' })

export const ChallengerGuidParams = Type.Object({
  guid: Type.String({ description: 'challenger GUID (a UUID in multi-user mode)' }),
})
export type ChallengerGuidParams = Static<typeof ChallengerGuidParams>
