import { Type, type Static } from 'typebox'

export const ChallengeStatus = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  status: Type.Boolean(),
})

export const ChallengeList = Type.Object({
  challenges: Type.Array(ChallengeStatus),
}, { description: 'the challenges of the active set with this session\'s status; XML: <challenges><challenge>…' })
export type ChallengeList = Static<typeof ChallengeList>

export const ChallengesQuery = Type.Object({
  id: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  status: Type.Optional(Type.String({ description: 'true or false' })),
  _sortBy: Type.Optional(Type.String({ description: 'e.g. -id (current set only)' })),
}, { additionalProperties: true })
