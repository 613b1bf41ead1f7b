import { Type, type Static } from 'typebox'

export const ChallengerProgress = Type.Object({
  xAuthToken: Type.String({ description: 'the token POST /secret/token hands out' }),
  xChallenger: Type.String({ description: 'the challenger GUID' }),
  secretNote: Type.String({ maxLength: 100 }),
  challengeStatus: Type.Record(Type.String(), Type.Boolean(), { description: 'challenge key → completed' }),
}, { description: 'a challenger\'s progress; PUT it back to restore a session' })
export type ChallengerProgress = Static<typeof ChallengerProgress>

export const TodoRecord = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  title: Type.String({ minLength: 1, maxLength: 50 }),
  doneStatus: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String({ maxLength: 200 })),
})

export const TodoDatabase = Type.Object({
  todos: Type.Array(TodoRecord, { maxItems: 20 }),
}, { description: 'a challenger\'s todo list; PUT it back to restore the list (ids kept)' })
export type TodoDatabase = Static<typeof TodoDatabase>
