import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import {
  CHALLENGES,
  CLASSIC_SECTIONS,
  CURRENT_SECTIONS,
  listChallenges,
  type ChallengeSetName,
  type ListedChallenge,
  type RunMode,
} from '../../challenges/catalogue.js'

const TRANSCRIPTS_DIR = join(import.meta.dirname, '../../../shared/spec/classic-transcripts')

interface ServedChallenge {
  id: number
  name: string
}

function readServedList(fileName: string): ServedChallenge[] {
  const parsed = JSON.parse(readFileSync(join(TRANSCRIPTS_DIR, fileName), 'utf8')) as {
    challenges: ServedChallenge[]
  }
  return parsed.challenges.map(({ id, name }) => ({ id, name }))
}

function idOf(list: readonly ListedChallenge[], key: string): number | undefined {
  return list.find((challenge) => challenge.key === key)?.id
}

const SETS_AND_MODES: ReadonlyArray<[ChallengeSetName, RunMode]> = [
  ['current', 'multi'],
  ['current', 'single'],
  ['classic', 'multi'],
  ['classic', 'single'],
]

t.test('list sizes per set and mode', async (t) => {
  t.equal(CHALLENGES.length, 99)
  t.equal(listChallenges('current', 'multi').length, 99)
  t.equal(listChallenges('current', 'single').length, 96)
  t.equal(listChallenges('classic', 'multi').length, 59)
  t.equal(listChallenges('classic', 'single').length, 58)
  t.equal(CURRENT_SECTIONS.length, 26)
  t.equal(CLASSIC_SECTIONS.length, 19)
})

t.test('single mode leaves out the challenges that need several challengers', async (t) => {
  const singleKeys = listChallenges('current', 'single').map((challenge) => challenge.key)
  for (const key of [
    'GET_RESTORE_EXISTING_CHALLENGER',
    'POST_RESTORE_EXISTING_CHALLENGER',
    'PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS',
  ]) {
    t.notOk(singleKeys.includes(key), key)
  }
  const classicMultiKeys = listChallenges('classic', 'multi').map((challenge) => challenge.key)
  t.notOk(classicMultiKeys.includes('GET_RESTORE_EXISTING_CHALLENGER'))
  t.notOk(classicMultiKeys.includes('POST_RESTORE_EXISTING_CHALLENGER'))
  t.ok(classicMultiKeys.includes('PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS'))
})

t.test('classic lists match the served transcripts exactly', async (t) => {
  t.ok(existsSync(TRANSCRIPTS_DIR), `transcripts folder exists at ${TRANSCRIPTS_DIR}`)
  const served: Array<[RunMode, string]> = [
    ['multi', 'challenges-multi-59.json'],
    ['single', 'challenges-single-58.json'],
  ]
  for (const [mode, fileName] of served) {
    const expected = readServedList(fileName)
    const actual = listChallenges('classic', mode).map(({ id, name }) => ({ id, name }))
    t.same(actual, expected, fileName)
  }
})

t.test('classic keys, names, sections and descriptions', async (t) => {
  const classicMulti = listChallenges('classic', 'multi')
  const keys = classicMulti.map((challenge) => challenge.key)
  for (const key of ['PUT_TODOS_400', 'PUT_TODOS_MISSING_TITLE_400', 'PUT_TODOS_400_NO_AMEND_ID']) {
    t.ok(keys.includes(key), `classic lists ${key}`)
  }
  for (const key of ['PUT_TODOS_422', 'PUT_TODOS_MISSING_TITLE_422', 'PUT_TODOS_422_NO_AMEND_ID']) {
    t.notOk(keys.includes(key), `classic does not list ${key}`)
  }
  t.equal(idOf(classicMulti, 'PUT_TODOS_400'), 16)
  t.equal(idOf(classicMulti, 'GET_RESTORABLE_TODOS'), 37)
  t.equal(idOf(listChallenges('classic', 'single'), 'GET_RESTORABLE_TODOS'), 36)

  const filtered = classicMulti.find((challenge) => challenge.key === 'GET_TODOS_FILTERED')
  t.equal(filtered?.section, 'GET Challenges')

  for (const challenge of classicMulti) {
    t.notOk(challenge.name.includes('/api'), `${challenge.key} name has no /api`)
    t.notOk(challenge.description.includes('/api'), `${challenge.key} description has no /api`)
  }
})

t.test('legacy keys feed the renamed PUT challenges', async (t) => {
  const legacyOf = (key: string): readonly string[] | undefined =>
    CHALLENGES.find((challenge) => challenge.key === key)?.legacyKeys
  t.same(legacyOf('PUT_TODOS_422'), ['PUT_TODOS_400'])
  t.same(legacyOf('PUT_TODOS_MISSING_TITLE_422'), ['PUT_TODOS_MISSING_TITLE_400'])
  t.same(legacyOf('PUT_TODOS_422_NO_AMEND_ID'), ['PUT_TODOS_400_NO_AMEND_ID'])
})

t.test('current ids follow the catalogue table', async (t) => {
  const multi = listChallenges('current', 'multi')
  const single = listChallenges('current', 'single')
  t.equal(idOf(multi, 'CREATE_NEW_CHALLENGER'), 1)
  t.equal(idOf(multi, 'GET_TODOS_EXPORT_TSV_CONTENT_DISPOSITION'), 69)
  t.equal(idOf(multi, 'GET_RESTORE_EXISTING_CHALLENGER'), 70)
  t.equal(idOf(multi, 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS'), 72)
  t.equal(idOf(multi, 'PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS'), 75)
  t.equal(idOf(multi, 'X_CHALLENGER_TOO_LONG_431'), 84)
  t.equal(idOf(multi, 'POST_ALL_TODOS'), 99)
  t.equal(idOf(single, 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS'), 70)
  t.equal(idOf(single, 'GET_RESTORABLE_TODOS'), 73)
  t.equal(idOf(single, 'POST_ALL_TODOS'), 96)
  t.equal(multi[0]?.name, 'POST /api/challenger (201)')
  t.equal(multi[98]?.name, 'POST /api/todos (409) max todos')
})

t.test('ids run from 1 without gaps in every list', async (t) => {
  for (const [set, mode] of SETS_AND_MODES) {
    const ids = listChallenges(set, mode).map((challenge) => challenge.id)
    t.same(
      ids,
      ids.map((_, index) => index + 1),
      `${set} ${mode}`,
    )
  }
})

t.test('keys and names are unique', async (t) => {
  const currentKeys = CHALLENGES.map((challenge) => challenge.key)
  t.equal(new Set(currentKeys).size, currentKeys.length, 'current keys')
  const everyKey = CHALLENGES.flatMap((challenge) => [
    challenge.key,
    ...(challenge.classicKey === undefined ? [] : [challenge.classicKey]),
  ])
  t.equal(new Set(everyKey).size, everyKey.length, 'no classic key collides with a current key')
  for (const [set, mode] of SETS_AND_MODES) {
    const names = listChallenges(set, mode).map((challenge) => challenge.name)
    t.equal(new Set(names).size, names.length, `${set} ${mode} names`)
  }
})

t.test('sections are known and appear in their listed order', async (t) => {
  const sectionOrders: Array<[ChallengeSetName, readonly string[]]> = [
    ['current', CURRENT_SECTIONS],
    ['classic', CLASSIC_SECTIONS],
  ]
  for (const [set, sections] of sectionOrders) {
    const listed = listChallenges(set, 'multi')
    const positions = listed.map((challenge) => sections.indexOf(challenge.section))
    t.notOk(positions.includes(-1), `${set}: every section is a known title`)
    const nonDecreasing = positions.every((position, index) => index === 0 || position >= (positions[index - 1] ?? 0))
    t.ok(nonDecreasing, `${set}: sections follow the title order`)
    t.same(new Set(listed.map((challenge) => challenge.section)), new Set(sections), `${set}: every title is used`)
  }
})

t.test('descriptions are our own, one sentence each', async (t) => {
  for (const challenge of CHALLENGES) {
    t.ok(challenge.description.trim().length > 0, `${challenge.key} has a description`)
    t.notOk(/eviltester/i.test(challenge.description), `${challenge.key} mentions no eviltester`)
    t.ok(challenge.description.includes('/api/'), `${challenge.key} names its /api path`)
    t.match(challenge.description, /^[A-Z][^]*\.$/, `${challenge.key} reads as a sentence`)
    t.notOk(challenge.description.includes('. '), `${challenge.key} is a single sentence`)
    t.ok(challenge.modes.length > 0, `${challenge.key} is listed in some mode`)
  }
})
