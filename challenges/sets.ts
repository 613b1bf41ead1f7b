import { CHALLENGES, listChallenges, type ChallengeSetName, type ListedChallenge, type RunMode } from './catalogue.js'
import type { ChallengeSet, SetDefinition } from './set-types.js'
import { currentSet } from './current-set.js'
import { classicSet } from './classic-set.js'

export type * from './set-types.js'

function buildSet(name: ChallengeSetName, definition: SetDefinition): ChallengeSet {
  const lists: Record<RunMode, readonly ListedChallenge[]> = {
    single: listChallenges(name, 'single'),
    multi: listChallenges(name, 'multi'),
  }
  const toInternal = new Map<string, string>()
  const legacy = new Map<string, readonly string[]>()
  for (const challenge of CHALLENGES) {
    const setKey = name === 'classic' ? challenge.classicKey ?? challenge.key : challenge.key
    toInternal.set(setKey, challenge.key)
    legacy.set(setKey, name === 'classic' ? [] : challenge.legacyKeys ?? [])
  }
  return {
    name,
    listed: (mode) => lists[mode],
    internalKey: (setKey) => toInternal.get(setKey) ?? setKey,
    legacyKeys: (setKey) => legacy.get(setKey) ?? [],
    ...definition,
    expected: {
      validation: definition.todos.writeRules.validationStatus,
      maxTodos: definition.todos.writeRules.maxTodosStatus,
      delete: definition.todos.deleteStatus,
    },
  }
}

export const CHALLENGE_SETS: Readonly<Record<ChallengeSetName, ChallengeSet>> = {
  current: buildSet('current', currentSet),
  classic: buildSet('classic', classicSet),
}
