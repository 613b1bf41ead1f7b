// The classic challenge list as served (classic.md §3): multi-user id, single-user id, challengeStatus key, name.
// Names are exact (clients look challenges up by name); the two restore-existing rows are not listed in classic.
export interface ClassicChallenge { multi: number; single: number | null; key: string; name: string }

export const CLASSIC: readonly ClassicChallenge[] = [
  { multi: 1, single: 1, key: 'CREATE_NEW_CHALLENGER', name: 'POST /challenger (201)' },
  { multi: 2, single: 2, key: 'GET_CHALLENGES', name: 'GET /challenges (200)' },
  { multi: 3, single: 3, key: 'GET_TODOS', name: 'GET /todos (200)' },
  { multi: 4, single: 4, key: 'GET_TODOS_NOT_PLURAL_404', name: 'GET /todo (404) not plural' },
  { multi: 5, single: 5, key: 'GET_TODO', name: 'GET /todos/{id} (200)' },
  { multi: 6, single: 6, key: 'GET_TODO_404', name: 'GET /todos/{id} (404)' },
  { multi: 7, single: 7, key: 'GET_TODOS_FILTERED', name: 'GET /todos (200) ?filter' },
  { multi: 8, single: 8, key: 'GET_HEAD_TODOS', name: 'HEAD /todos (200)' },
  { multi: 9, single: 9, key: 'POST_TODOS', name: 'POST /todos (201)' },
  { multi: 10, single: 10, key: 'POST_TODOS_BAD_DONE_STATUS', name: 'POST /todos (400) doneStatus' },
  { multi: 11, single: 11, key: 'POST_TODOS_TOO_LONG_TITLE_LENGTH', name: 'POST /todos (400) title too long' },
  { multi: 12, single: 12, key: 'POST_TODOS_TOO_LONG_DESCRIPTION_LENGTH', name: 'POST /todos (400) description too long' },
  { multi: 13, single: 13, key: 'POST_MAX_OUT_TITLE_DESCRIPTION_LENGTH', name: 'POST /todos (201) max out content' },
  { multi: 14, single: 14, key: 'POST_TODOS_TOO_LONG_PAYLOAD_SIZE', name: 'POST /todos (413) content too long' },
  { multi: 15, single: 15, key: 'POST_TODOS_INVALID_EXTRA_FIELD', name: 'POST /todos (400) extra' },
  { multi: 16, single: 16, key: 'PUT_TODOS_400', name: 'PUT /todos/{id} (400)' },
  { multi: 17, single: 17, key: 'POST_UPDATE_TODO', name: 'POST /todos/{id} (200)' },
  { multi: 18, single: 18, key: 'POST_TODOS_404', name: 'POST /todos/{id} (404)' },
  { multi: 19, single: 19, key: 'PUT_TODOS_FULL_200', name: 'PUT /todos/{id} full (200)' },
  { multi: 20, single: 20, key: 'PUT_TODOS_PARTIAL_200', name: 'PUT /todos/{id} partial (200)' },
  { multi: 21, single: 21, key: 'PUT_TODOS_MISSING_TITLE_400', name: 'PUT /todos/{id} no title (400)' },
  { multi: 22, single: 22, key: 'PUT_TODOS_400_NO_AMEND_ID', name: 'PUT /todos/{id} no amend id (400)' },
  { multi: 23, single: 23, key: 'DELETE_A_TODO', name: 'DELETE /todos/{id} (200)' },
  { multi: 24, single: 24, key: 'OPTIONS_TODOS', name: 'OPTIONS /todos (200)' },
  { multi: 25, single: 25, key: 'GET_ACCEPT_XML', name: 'GET /todos (200) XML' },
  { multi: 26, single: 26, key: 'GET_ACCEPT_JSON', name: 'GET /todos (200) JSON' },
  { multi: 27, single: 27, key: 'GET_ACCEPT_ANY_DEFAULT_JSON', name: 'GET /todos (200) ANY' },
  { multi: 28, single: 28, key: 'GET_ACCEPT_XML_PREFERRED', name: 'GET /todos (200) XML pref' },
  { multi: 29, single: 29, key: 'GET_JSON_BY_DEFAULT_NO_ACCEPT', name: 'GET /todos (200) no accept' },
  { multi: 30, single: 30, key: 'GET_UNSUPPORTED_ACCEPT_406', name: 'GET /todos (406)' },
  { multi: 31, single: 31, key: 'POST_CREATE_XML', name: 'POST /todos XML' },
  { multi: 32, single: 32, key: 'POST_CREATE_JSON', name: 'POST /todos JSON' },
  { multi: 33, single: 33, key: 'POST_TODOS_415', name: 'POST /todos (415)' },
  { multi: 34, single: 34, key: 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS', name: 'GET /challenger/guid (existing X-CHALLENGER)' },
  { multi: 35, single: 35, key: 'PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS', name: 'PUT /challenger/guid RESTORE' },
  { multi: 36, single: null, key: 'PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS', name: 'PUT /challenger/guid CREATE' },
  { multi: 37, single: 36, key: 'GET_RESTORABLE_TODOS', name: 'GET /challenger/database/guid (200)' },
  { multi: 38, single: 37, key: 'PUT_RESTORABLE_TODOS', name: 'PUT /challenger/database/guid (Update)' },
  { multi: 39, single: 38, key: 'POST_CREATE_XML_ACCEPT_JSON', name: 'POST /todos XML to JSON' },
  { multi: 40, single: 39, key: 'POST_CREATE_JSON_ACCEPT_XML', name: 'POST /todos JSON to XML' },
  { multi: 41, single: 40, key: 'DELETE_HEARTBEAT_405', name: 'DELETE /heartbeat (405)' },
  { multi: 42, single: 41, key: 'PATCH_HEARTBEAT_500', name: 'PATCH /heartbeat (500)' },
  { multi: 43, single: 42, key: 'TRACE_HEARTBEAT_501', name: 'TRACE /heartbeat (501)' },
  { multi: 44, single: 43, key: 'GET_HEARTBEAT_204', name: 'GET /heartbeat (204)' },
  { multi: 45, single: 44, key: 'OVERRIDE_DELETE_HEARTBEAT_405', name: 'POST /heartbeat as DELETE (405)' },
  { multi: 46, single: 45, key: 'OVERRIDE_PATCH_HEARTBEAT_500', name: 'POST /heartbeat as PATCH (500)' },
  { multi: 47, single: 46, key: 'OVERRIDE_TRACE_HEARTBEAT_501', name: 'POST /heartbeat as Trace (501)' },
  { multi: 48, single: 47, key: 'CREATE_SECRET_TOKEN_401', name: 'POST /secret/token (401)' },
  { multi: 49, single: 48, key: 'CREATE_SECRET_TOKEN_201', name: 'POST /secret/token (201)' },
  { multi: 50, single: 49, key: 'GET_SECRET_NOTE_403', name: 'GET /secret/note (403)' },
  { multi: 51, single: 50, key: 'GET_SECRET_NOTE_401', name: 'GET /secret/note (401)' },
  { multi: 52, single: 51, key: 'GET_SECRET_NOTE_200', name: 'GET /secret/note (200)' },
  { multi: 53, single: 52, key: 'POST_SECRET_NOTE_200', name: 'POST /secret/note (200)' },
  { multi: 54, single: 53, key: 'POST_SECRET_NOTE_401', name: 'POST /secret/note (401)' },
  { multi: 55, single: 54, key: 'POST_SECRET_NOTE_403', name: 'POST /secret/note (403)' },
  { multi: 56, single: 55, key: 'GET_SECRET_NOTE_BEARER_200', name: 'GET /secret/note (Bearer)' },
  { multi: 57, single: 56, key: 'POST_SECRET_NOTE_BEARER_200', name: 'POST /secret/note (Bearer)' },
  { multi: 58, single: 57, key: 'DELETE_ALL_TODOS', name: 'DELETE /todos/{id} (200) all' },
  { multi: 59, single: 58, key: 'POST_ALL_TODOS', name: 'POST /todos (201) all' },
]

/** the challengeStatus keys of a mode */
export function classicKeys(mode: 'multi' | 'single'): string[] {
  return CLASSIC.filter((c) => mode === 'multi' || c.single !== null).map((c) => c.key)
}

/** a whole challengeStatus map with exactly `done` true */
export function statusMap(done: readonly string[], mode: 'multi' | 'single' = 'multi'): Record<string, boolean> {
  const unknown = done.filter((key) => !classicKeys(mode).includes(key))
  if (unknown.length > 0) throw new Error(`not classic ${mode} keys: ${unknown.join(', ')}`)
  return Object.fromEntries(classicKeys(mode).map((key) => [key, done.includes(key)]))
}

/** the GET /challenges list of a mode, with every status false except `done` (descriptions are not compared) */
export function challengeList(done: readonly string[], mode: 'multi' | 'single' = 'multi'): { id: number; name: string; status: boolean }[] {
  return CLASSIC.filter((c) => mode === 'multi' || c.single !== null)
    .map((c) => ({ id: (mode === 'multi' ? c.multi : c.single) as number, name: c.name, status: done.includes(c.key) }))
}

/** the ten todos every new classic database starts with (ids 1..10) */
export const SEED_TITLES = ['scan paperwork', 'file paperwork', 'process payments', 'escalate late payments', 'pay invoices',
  'process payroll', 'train staff', 'schedule meeting', 'tidy meeting room', 'install webcam'] as const

export interface Todo { id: number | string; title: string; doneStatus: boolean; description: string }

/** the seed todos as GET /todos shows them */
export function seeds(): Todo[] {
  return SEED_TITLES.map((title, i) => ({ id: i + 1, title, doneStatus: false, description: '' }))
}

/** the seed todos as the database export shows them: the reference leaves out fields never assigned (S13) */
export function seedsExport(): { id: number; title: string }[] {
  return SEED_TITLES.map((title, i) => ({ id: i + 1, title }))
}

/** a classic XML todo list, elements in the reference's order */
export function todosXml(todos: readonly Todo[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `<todos>${todos.map((todo) => `<todo><doneStatus>${todo.doneStatus}</doneStatus>${
    todo.description === '' ? '<description/>' : `<description>${escape(todo.description)}</description>`
  }<id>${todo.id}</id><title>${escape(todo.title)}</title></todo>`).join('')}</todos>`
}

/** the classic XML form of a GET /challenges list (element order name, description, id, status: classic.md S14) */
export function challengesXml(list: readonly { id: number; name: string; status: boolean }[]): string {
  return `<challenges>${list.map((c) =>
    `<challenge><name>${c.name}</name><description></description><id>${c.id}</id><status>${c.status}</status></challenge>`).join('')}</challenges>`
}
