import { atResources, onlyFor, requestRule, responseRule, tagged, tagsOf, type CheckTags, type CompletionRule, type RuleContext, type ResponseFacts } from './rule-types.js'

/** the paths (first segment) this file's challenges are about */
const TODO_RESOURCES = ['todo', 'todos']

type Ctx = RuleContext & { response: ResponseFacts }

const INSTANCE = /^todos\/[^/]+$/
const isCollection = ({ request }: RuleContext) => request.path === 'todos'
const isInstance = ({ request }: RuleContext) => INSTANCE.test(request.path)
const hasNoQuery = tagged({ query: 'none' }, ({ request }: RuleContext) => request.rawQuery === '')
const hasQuery = tagged({ query: 'some' }, ({ request }: RuleContext) => request.rawQuery !== '')
const responseType = ({ response }: Ctx) => (response.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
const requestType = ({ request }: RuleContext) => (request.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
const acceptOf = ({ request }: RuleContext) => (request.header('accept') ?? '').toLowerCase()
/** the Accept header lower-cased with its whitespace removed, for the challenges that name an exact value */
const compactAccept = (ctx: RuleContext) => acceptOf(ctx).replace(/\s+/g, '')
const bodyMentions = (ctx: RuleContext, text: string) => ctx.request.rawBody.toLowerCase().includes(text)
const errorSays = ({ response }: Ctx, text: string) => response.body.includes(text)
const isXmlType = (type: string) => type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')

function method(name: string) {
  return onlyFor([name], ({ request }: RuleContext) => request.method === name)
}

/** every check holds; the conjunction carries its checks' tags (a method check: only that method, …) */
function all<C extends RuleContext>(...checks: ((ctx: C) => boolean)[]) {
  const conjunction = (ctx: C) => {
    for (const check of checks) if (!check(ctx)) return false
    return true
  }
  return tagged(Object.assign({}, ...checks.map(tagsOf).reverse()) as CheckTags, conjunction)
}

const status = (expected: number | ((ctx: Ctx) => number)) => (ctx: Ctx) =>
  ctx.response.status === (typeof expected === 'number' ? expected : expected(ctx))
const validationStatus = (ctx: Ctx) => ctx.expected.validation

const getCollection = all<Ctx>(method('GET'), isCollection, hasNoQuery, status(200))
const postCollection = all<RuleContext>(method('POST'), isCollection)
const putInstance = all<RuleContext>(method('PUT'), isInstance)

/** id of the todo a 201's Location names */
function createdTodoId({ response }: Ctx): number | undefined {
  const match = /\/todos\/(\d+)$/.exec(response.header('location') ?? '')
  return match ? Number(match[1]) : undefined
}

/** challenges completed on /todo, /todos and /todos/{id} (todos.md, sessions.md §6.4) */
export const todosRules: readonly CompletionRule[] = atResources(TODO_RESOURCES, [
  // credited before the handler, whatever the outcome
  requestRule('GET_TODOS', all(method('GET'), isCollection, hasNoQuery)),
  responseRule('GET_TODOS_NOT_PLURAL_404', all(method('GET'), ({ request }) => request.path === 'todo', status(404))),
  responseRule('GET_TODO', all(method('GET'), isInstance, status(200))),
  responseRule('GET_TODO_404', all(method('GET'), isInstance, status(404))),
  responseRule('GET_TODOS_FILTERED', all(method('GET'), isCollection, hasQuery, status(200),
    ({ request }) => request.query.get('doneStatus') === 'true',
    (ctx) => { const todos = ctx.todos(); return todos.some((t) => t.doneStatus) && todos.some((t) => !t.doneStatus) })),
  requestRule('GET_HEAD_TODOS', all(method('HEAD'), isCollection, hasNoQuery)),

  responseRule('POST_TODOS', all(postCollection, status(201))),
  responseRule('POST_TODOS_BAD_DONE_STATUS', all(postCollection, status(validationStatus),
    (ctx) => errorSays(ctx, 'Failed Validation: doneStatus should be BOOLEAN'))),
  responseRule('POST_TODOS_TOO_LONG_TITLE_LENGTH', all(method('POST'), ({ request }) => request.path.startsWith('todo'), status(validationStatus),
    (ctx) => errorSays(ctx, 'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50'))),
  responseRule('POST_TODOS_TOO_LONG_DESCRIPTION_LENGTH', all(method('POST'), ({ request }) => request.path.startsWith('todo'), status(validationStatus),
    (ctx) => errorSays(ctx, 'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200'))),
  responseRule('POST_MAX_OUT_TITLE_DESCRIPTION_LENGTH', all(postCollection, status(201), (ctx) => {
    const id = createdTodoId(ctx)
    const todo = ctx.todos().find((candidate) => candidate.id === id)
    return todo !== undefined && todo.title.length === 50 && todo.description.length === 200
  })),
  responseRule('POST_TODOS_TOO_LONG_PAYLOAD_SIZE', all(postCollection, status(413),
    ({ response }) => response.body.toLowerCase().includes('request body too large'))),
  responseRule('POST_TODOS_INVALID_EXTRA_FIELD', all(postCollection, status(validationStatus), (ctx) => errorSays(ctx, 'Could not find field:'))),
  responseRule('POST_ALL_TODOS', all(postCollection, status((ctx) => ctx.expected.maxTodos),
    (ctx) => errorSays(ctx, 'ERROR: Cannot add instance, maximum limit of 20 reached'))),

  responseRule('POST_UPDATE_TODO', all(method('POST'), isInstance, status(200))),
  responseRule('POST_TODOS_404', all(method('POST'), isInstance, status(404),
    ({ response }) => response.body.includes('No such todo entity instance with id =='))),

  responseRule('PUT_TODOS_422', all(putInstance, status(validationStatus), (ctx) => errorSays(ctx, 'Cannot create todo with PUT due to Auto fields id'))),
  responseRule('PUT_TODOS_FULL_200', all(putInstance, status(200), (ctx) => bodyMentions(ctx, 'donestatus') && bodyMentions(ctx, 'description'))),
  responseRule('PUT_TODOS_PARTIAL_200', all(putInstance, status(200), (ctx) => !bodyMentions(ctx, 'donestatus') && !bodyMentions(ctx, 'description'))),
  responseRule('PUT_TODOS_BODY_ID_200', all(method('PUT'), isCollection, status(200), (ctx) => bodyMentions(ctx, '"id"') || bodyMentions(ctx, '<id>'))),
  responseRule('PUT_TODOS_ID_NO_BODY_ID_200', all(putInstance, status(200), (ctx) => !bodyMentions(ctx, '"id"') && !bodyMentions(ctx, '<id>'))),
  responseRule('PUT_TODOS_MISSING_TITLE_422', all(putInstance, status(validationStatus), (ctx) => errorSays(ctx, 'title : field is mandatory'))),
  responseRule('PUT_TODOS_NO_ID_422', all(method('PUT'), isCollection, status(422), (ctx) => errorSays(ctx, 'PUT requires an identifier'))),
  responseRule('PUT_TODOS_ID_NOT_FOUND_404', all(putInstance, status(404))),
  responseRule('PUT_TODOS_422_NO_AMEND_ID', all(putInstance, status(validationStatus), (ctx) => errorSays(ctx, 'Can not amend id from'))),

  responseRule('DELETE_A_TODO', all(method('DELETE'), isInstance, status((ctx) => ctx.expected.delete))),
  responseRule('DELETE_ALL_TODOS', all(method('DELETE'), isInstance, status((ctx) => ctx.expected.delete), (ctx) => ctx.todos().length === 0)),

  responseRule('OPTIONS_TODOS', all(method('OPTIONS'), isCollection, status(200))),

  responseRule('GET_ACCEPT_XML', all(getCollection, (ctx) => acceptOf(ctx).includes('application/xml'), (ctx) => responseType(ctx) === 'application/xml')),
  responseRule('GET_ACCEPT_JSON', all(getCollection, (ctx) => acceptOf(ctx).includes('application/json'), (ctx) => responseType(ctx) === 'application/json')),
  responseRule('GET_ACCEPT_ANY_DEFAULT_JSON', all(getCollection, (ctx) => acceptOf(ctx).trim() === '*/*', (ctx) => responseType(ctx) === 'application/json')),
  responseRule('GET_ACCEPT_XML_PREFERRED', all(getCollection,
    (ctx) => acceptOf(ctx).includes('application/xml') && acceptOf(ctx).includes('application/json'),
    (ctx) => responseType(ctx) === 'application/xml')),
  responseRule('GET_JSON_BY_DEFAULT_NO_ACCEPT', all(getCollection, ({ request }) => request.header('accept') === undefined,
    (ctx) => responseType(ctx) === 'application/json')),
  responseRule('GET_UNSUPPORTED_ACCEPT_406', all(method('GET'), isCollection, status(406))),

  responseRule('POST_CREATE_XML', all(postCollection, status(201), (ctx) => isXmlType(requestType(ctx)), (ctx) => responseType(ctx) === 'application/xml')),
  responseRule('POST_CREATE_JSON', all(postCollection, status(201), (ctx) => requestType(ctx) === 'application/json',
    (ctx) => acceptOf(ctx).includes('application/json'), (ctx) => responseType(ctx) === 'application/json')),
  responseRule('POST_TODOS_415', all(postCollection, status(415))),
  responseRule('POST_CREATE_XML_ACCEPT_JSON', all(postCollection, status(201), (ctx) => isXmlType(requestType(ctx)),
    (ctx) => acceptOf(ctx).includes('application/json'), (ctx) => responseType(ctx) === 'application/json')),
  responseRule('POST_CREATE_JSON_ACCEPT_XML', all(postCollection, status(201), (ctx) => requestType(ctx) === 'application/json',
    (ctx) => isXmlType(responseType(ctx)))),

  ...([['PATCH_TODOS_PARTIAL_200', 'application/json'], ['PATCH_TODOS_MERGE_PATCH_200', 'application/merge-patch+json'],
    ['PATCH_TODOS_JSON_PATCH_200', 'application/json-patch+json']] as const).map(([key, type]) =>
    responseRule(key, all(method('PATCH'), isInstance, status(200), (ctx) => requestType(ctx) === type))),
  responseRule('GET_TODO_ACCEPT_TEXT_CALENDAR', all(method('GET'), isInstance, status(200), (ctx) => responseType(ctx) === 'text/calendar')),
  responseRule('GET_ACCEPT_XML_Q_PREFERRED', all(getCollection, (ctx) => compactAccept(ctx) === 'application/json;q=0.5,application/xml;q=1',
    (ctx) => responseType(ctx) === 'application/xml')),
  responseRule('GET_ACCEPT_JSON_Q_PREFERRED', all(getCollection, (ctx) => compactAccept(ctx) === 'application/xml;q=0.5,application/json;q=1',
    (ctx) => responseType(ctx) === 'application/json')),
  responseRule('GET_ACCEPT_Q_REJECTS_ALL_406', all(method('GET'), isCollection, status(406),
    (ctx) => compactAccept(ctx) === 'application/json;q=0,application/xml;q=0')),
  responseRule('GET_UNSUPPORTED_STRUCTURED_JSON_ACCEPT_406', all(method('GET'), isCollection, status(406),
    (ctx) => ['application/problem+json', 'application/*+json'].includes(compactAccept(ctx)))),
  responseRule('GET_ACCEPT_TEXT_XML', all(getCollection, (ctx) => acceptOf(ctx).includes('text/xml'), (ctx) => responseType(ctx) === 'text/xml')),
  responseRule('GET_ACCEPT_VENDOR_XML', all(getCollection, (ctx) => acceptOf(ctx).includes('application/vnd.apichallenges.todo+xml'),
    (ctx) => responseType(ctx) === 'application/vnd.apichallenges.todo+xml')),
  responseRule('GET_ACCEPT_STRUCTURED_XML_WILDCARD', all(getCollection, (ctx) => acceptOf(ctx).includes('application/*+xml'),
    (ctx) => responseType(ctx) === 'application/todo+xml')),
  responseRule('POST_CREATE_VENDOR_XML', all(postCollection, status(201), (ctx) => requestType(ctx) === 'application/vnd.apichallenges.todo+xml')),
  ...(['csv', 'html', 'tsv'] as const).map((extension) => responseRule(`GET_TODOS_EXPORT_${extension.toUpperCase()}_CONTENT_DISPOSITION`,
    all(method('GET'), ({ request }) => request.path === 'todos/export', status(200), ({ response }) => {
      const disposition = response.header('content-disposition') ?? ''
      return disposition.includes('attachment') && disposition.includes(`filename="todos.${extension}"`)
    }))),
])

/** classic-set replacements for rules above whose trigger differed (classic.md §4) */
export const todosClassicOverrides: readonly CompletionRule[] = atResources(TODO_RESOURCES, [
  // any Accept naming a wildcard counted there, as long as the answer was JSON (curl's default included)
  responseRule('GET_ACCEPT_ANY_DEFAULT_JSON', all(getCollection, (ctx) => /\*\/\*|application\/\*/.test(acceptOf(ctx)),
    (ctx) => responseType(ctx) === 'application/json')),
])
