import { atResources, requestRule, responseRule, type CompletionRule } from './rule-types.js'

/** the paths (first segment) this file's challenges are about */
const CHALLENGER_RESOURCES = ['challenger', 'challenges']

const CHALLENGER_PATH = /^challenger\/(?!database\/)[^/]+$/
const DATABASE_PATH = /^challenger\/database\/[^/]+$/

/** challenges completed on /challenger, /challenger/{guid}, /challenger/database/{guid} and /challenges */
export const challengerRules: readonly CompletionRule[] = atResources(CHALLENGER_RESOURCES, [
  responseRule('CREATE_NEW_CHALLENGER', ({ request, response }) =>
    request.method === 'POST' && request.path === 'challenger' && response.status === 201),

  // credited before the handler runs, so the very response already lists it as done
  requestRule('GET_CHALLENGES', ({ request }) => request.method === 'GET' && request.path === 'challenges'),

  requestRule('GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS', ({ request, challenger }) =>
    request.method === 'GET' && request.path === `challenger/${challenger.guid}`),

  responseRule('GET_RESTORE_EXISTING_CHALLENGER', ({ request, response, challenger }) =>
    request.method === 'GET' && CHALLENGER_PATH.test(request.path) && response.status === 200 && challenger.origin === 'loaded'),

  responseRule('POST_RESTORE_EXISTING_CHALLENGER', ({ request, response, challenger }) =>
    request.method === 'POST' && request.path === 'challenger' && response.status === 200 && challenger.origin === 'loaded'),

  responseRule('PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS', ({ request, response }) =>
    request.method === 'PUT' && CHALLENGER_PATH.test(request.path) && response.status === 200),

  responseRule('PUT_CHALLENGER_GUID_MISMATCH_409', ({ request, response }) =>
    request.method === 'PUT' && CHALLENGER_PATH.test(request.path) && response.status === 409 &&
    response.body.includes('URL GUID does not match payload X-CHALLENGER')),

  responseRule('PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS', ({ request, response }) =>
    request.method === 'PUT' && CHALLENGER_PATH.test(request.path) && response.status === 201),

  responseRule('GET_RESTORABLE_TODOS', ({ request, response }) =>
    request.method === 'GET' && DATABASE_PATH.test(request.path) && response.status === 200),

  responseRule('PUT_RESTORABLE_TODOS', ({ request, response }) =>
    request.method === 'PUT' && DATABASE_PATH.test(request.path) && response.status === 204),
])

/** classic-set replacements for rules above whose trigger differed (classic.md §4) */
export const challengerClassicOverrides: readonly CompletionRule[] = atResources(CHALLENGER_RESOURCES, [])
