export type RunMode = 'single' | 'multi'
export type ChallengeSetName = 'current' | 'classic'

export interface ChallengeDefinition {
  /** enum key used by the current set, e.g. 'PUT_TODOS_422' */
  readonly key: string
  /** key used by the classic set's challengeStatus when it differs (e.g. 'PUT_TODOS_400'), else omitted */
  readonly classicKey?: string
  /** older keys accepted when restoring a challenger payload (e.g. ['PUT_TODOS_400'] for PUT_TODOS_422) */
  readonly legacyKeys?: readonly string[]
  /** section title in the current set (one of CURRENT_SECTIONS) */
  readonly section: string
  /** section title in the classic set when it differs (GET_TODOS_FILTERED sits in 'GET Challenges' there) */
  readonly classicSection?: string
  /** exact name in the current set, e.g. 'GET /api/todos (200)' */
  readonly name: string
  /** exact name in the classic set, e.g. 'GET /todos (200)'; null when not in the classic 59/58 lists */
  readonly classicName: string | null
  /** one sentence, our own words, naming current paths with /api (e.g. "Send a GET request to /api/todos ...") */
  readonly description: string
  /** which run modes list it */
  readonly modes: readonly RunMode[]
}

export interface ListedChallenge {
  id: number
  key: string
  name: string
  description: string
  section: string
}

export const CURRENT_SECTIONS: readonly string[] = [
  'Getting Started',
  'First Real Challenge',
  'GET Challenges',
  'GET Filter Challenges',
  'GET Sorted Challenges',
  'GET Pagination Challenges',
  'HEAD Challenges',
  'Creation Challenges with POST',
  'Creation Challenges with PUT',
  'Update Challenges with POST',
  'Update Challenges with PUT',
  'DELETE Challenges',
  'QUERY Challenges',
  'PATCH Challenges',
  'OPTIONS Challenges',
  'Accept Challenges',
  'Advanced Accept Challenges',
  'Content-Type Challenges',
  'Content-Disposition Challenges',
  'Fancy a Break? Restore your session',
  'Mix Accept and Content-Type Challenges',
  'Status Code Challenges',
  'HTTP Method Override Challenges',
  'Authentication Challenges',
  'Authorization Challenges',
  'Miscellaneous Challenges',
]

export const CLASSIC_SECTIONS: readonly string[] = [
  'Getting Started',
  'First Real Challenge',
  'GET Challenges',
  'HEAD Challenges',
  'Creation Challenges with POST',
  'Creation Challenges with PUT',
  'Update Challenges with POST',
  'Update Challenges with PUT',
  'DELETE Challenges',
  'OPTIONS Challenges',
  'Accept Challenges',
  'Content-Type Challenges',
  'Fancy a Break? Restore your session',
  'Mix Accept and Content-Type Challenges',
  'Status Code Challenges',
  'HTTP Method Override Challenges',
  'Authentication Challenges',
  'Authorization Challenges',
  'Miscellaneous Challenges',
]

const ALL_MODES: readonly RunMode[] = ['single', 'multi']
const MULTI_ONLY: readonly RunMode[] = ['multi']
const NOT_IN_CLASSIC = null

/**
 * A challenge as written inside its section. `classicName` left out means the classic name is the
 * current name without the `/api` prefix, which holds for most challenges; `modes` left out means both.
 */
type SectionEntry = Omit<ChallengeDefinition, 'section' | 'classicName' | 'modes'> & {
  readonly classicName?: string | null
  readonly modes?: readonly RunMode[]
}

function inSection(section: string, entries: readonly SectionEntry[]): ChallengeDefinition[] {
  return entries.map((entry) => ({
    ...entry,
    section,
    classicName: entry.classicName === undefined ? entry.name.replace('/api/', '/') : entry.classicName,
    modes: entry.modes ?? ALL_MODES,
  }))
}

/*
 * Descriptions of challenges whose expected status differs between the current and classic sets
 * (400 vs 422, 200 vs 204, the todo limit) deliberately name no status code, because the classic
 * description is derived from the current one by path rewriting alone.
 */
export const CHALLENGES: readonly ChallengeDefinition[] = [
  ...inSection('Getting Started', [
    {
      key: 'CREATE_NEW_CHALLENGER',
      name: 'POST /api/challenger (201)',
      description:
        'Send a POST request with an empty body to /api/challenger and receive a 201 response whose X-CHALLENGER header holds your new challenger id, then send that header on every later request.',
    },
  ]),
  ...inSection('First Real Challenge', [
    {
      key: 'GET_CHALLENGES',
      name: 'GET /api/challenges (200)',
      description:
        'Send a GET request to /api/challenges and receive a 200 response listing every challenge together with whether you have completed it yet.',
    },
  ]),
  ...inSection('GET Challenges', [
    {
      key: 'GET_TODOS',
      name: 'GET /api/todos (200)',
      description:
        'Send a GET request to /api/todos without any query parameters and receive a 200 response containing the todo list.',
    },
    {
      key: 'GET_TODOS_NOT_PLURAL_404',
      name: 'GET /api/todo (404) not plural',
      description:
        'Send a GET request to the singular path /api/todo and receive a 404 response, since only the plural collection exists.',
    },
    {
      key: 'GET_TODO',
      name: 'GET /api/todos/{id} (200)',
      description:
        'Send a GET request to /api/todos/{id} with the id of a todo that exists and receive a 200 response containing just that todo.',
    },
    {
      key: 'GET_TODO_404',
      name: 'GET /api/todos/{id} (404)',
      description:
        'Send a GET request to /api/todos/{id} with an id that no todo has and receive a 404 response.',
    },
  ]),
  ...inSection('GET Filter Challenges', [
    {
      key: 'GET_TODOS_FILTERED',
      classicSection: 'GET Challenges',
      name: 'GET /api/todos (200) ?filter',
      description:
        'With at least one done and one not-done todo stored, send a GET request to /api/todos?doneStatus=true and receive a 200 response that contains only the done todos.',
    },
    {
      key: 'GET_TODOS_FILTERED_ID_GREATER_THAN',
      name: 'GET /api/todos (200) ?filter id greater than',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with a greater-than filter on id, such as ?id>5, and receive a 200 response holding some but not all todos, each with an id above the value.',
    },
    {
      key: 'GET_TODOS_FILTERED_ID_LESS_THAN',
      name: 'GET /api/todos (200) ?filter id less than',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with a less-than filter on id, such as ?id<6, and receive a 200 response holding some but not all todos, each with an id below the value.',
    },
    {
      key: 'GET_TODOS_FILTERED_ID_SINGLE_RESULT',
      name: 'GET /api/todos (200) ?filter id single result',
      classicName: NOT_IN_CLASSIC,
      description:
        'While more than one todo is stored, send a GET request to /api/todos with an exact id filter, such as ?id=3, and receive a 200 response containing only that one todo.',
    },
    {
      key: 'GET_TODOS_FILTERED_DESCRIPTION_REGEX',
      name: 'GET /api/todos (200) ?filter description regex',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with a regular-expression filter on description (the ~= operator) and receive a 200 response whose todos all have a non-empty description matching the whole pattern.',
    },
    {
      key: 'GET_TODOS_FILTERED_DESCRIPTION_WILDCARD',
      name: 'GET /api/todos (200) ?filter description wildcard',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with a wildcard filter on description (the *= operator with * or ?) and receive a 200 response whose todos all have a non-empty description matching the pattern.',
    },
  ]),
  ...inSection('GET Sorted Challenges', [
    {
      key: 'GET_TODOS_SORTED_ASCENDING',
      name: 'GET /api/todos (200) ?_sortBy ascending',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with _sortBy naming a single todo field in ascending order (field or +field) and receive a 200 response in that order.',
    },
    {
      key: 'GET_TODOS_SORTED_DESCENDING',
      name: 'GET /api/todos (200) ?_sortBy descending',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with _sortBy naming a single todo field prefixed by a minus sign and receive a 200 response in descending order of that field.',
    },
    {
      key: 'GET_TODOS_SORTED_MULTIPLE_FIELDS',
      name: 'GET /api/todos (200) ?_sortBy multiple',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with _sortBy listing two or more comma-separated todo fields and receive a 200 response ordered by them in turn.',
    },
    {
      key: 'GET_TODOS_FILTERED_AND_SORTED',
      name: 'GET /api/todos (200) ?filter&_sortBy',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos that combines a filter on a todo field with a valid _sortBy and receive a 200 response with the matching todos in the requested order.',
    },
  ]),
  ...inSection('GET Pagination Challenges', [
    {
      key: 'GET_TODOS_PAGINATED_LIMIT',
      name: 'GET /api/todos (200) ?_limit',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos?_limit=8 and receive a 200 response holding no more than eight todos.',
    },
    {
      key: 'GET_TODOS_PAGINATED_LIMIT_OFFSET',
      name: 'GET /api/todos (200) ?_limit&_offset',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos?_limit=5&_offset=5 and receive a 200 response holding the second page of up to five todos.',
    },
    {
      key: 'GET_TODOS_PAGINATED_LIMIT_TOO_HIGH',
      name: 'GET /api/todos (400) ?_limit too high',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with a _limit above 20 and receive a 400 response explaining that the limit is too large.',
    },
    {
      key: 'GET_TODOS_PAGINATED_SORTED',
      name: 'GET /api/todos (200) ?_sortBy&_limit&_offset',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos?_sortBy=-id&_limit=5&_offset=5 and receive a 200 response holding the second page of todos in descending id order.',
    },
    {
      key: 'GET_TODOS_PAGINATED_FILTERED',
      name: 'GET /api/todos (200) ?filter&_limit&_offset',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos?doneStatus=false&_limit=2&_offset=1 and receive a 200 response holding a page of not-done todos only.',
    },
  ]),
  ...inSection('HEAD Challenges', [
    {
      key: 'GET_HEAD_TODOS',
      name: 'HEAD /api/todos (200)',
      description:
        'Send a HEAD request to /api/todos and receive a 200 response carrying the headers of the todo list but no body.',
    },
  ]),
  ...inSection('Creation Challenges with POST', [
    {
      key: 'POST_TODOS',
      name: 'POST /api/todos (201)',
      description:
        'Send a POST request to /api/todos with a valid todo in the body and receive a 201 response describing the newly created todo.',
    },
    {
      key: 'POST_TODOS_BAD_DONE_STATUS',
      name: 'POST /api/todos (422) doneStatus',
      classicName: 'POST /todos (400) doneStatus',
      description:
        'Send a POST request to /api/todos whose doneStatus is not a boolean and receive a validation error saying doneStatus must be BOOLEAN.',
    },
    {
      key: 'POST_TODOS_TOO_LONG_TITLE_LENGTH',
      name: 'POST /api/todos (422) title too long',
      classicName: 'POST /todos (400) title too long',
      description:
        'Send a POST request to /api/todos with a title longer than 50 characters and receive a validation error about the maximum title length.',
    },
    {
      key: 'POST_TODOS_TOO_LONG_DESCRIPTION_LENGTH',
      name: 'POST /api/todos (422) description too long',
      classicName: 'POST /todos (400) description too long',
      description:
        'Send a POST request to /api/todos with a description longer than 200 characters and receive a validation error about the maximum description length.',
    },
    {
      key: 'POST_MAX_OUT_TITLE_DESCRIPTION_LENGTH',
      name: 'POST /api/todos (201) max out content',
      description:
        'Send a POST request to /api/todos with a title of exactly 50 characters and a description of exactly 200 characters and receive a 201 response for the created todo.',
    },
    {
      key: 'POST_TODOS_TOO_LONG_PAYLOAD_SIZE',
      name: 'POST /api/todos (413) content too long',
      description:
        'Send a POST request to /api/todos with a body larger than 5000 bytes and receive a 413 response saying the request body is too large.',
    },
    {
      key: 'POST_TODOS_INVALID_EXTRA_FIELD',
      name: 'POST /api/todos (422) extra',
      classicName: 'POST /todos (400) extra',
      description:
        'Send a POST request to /api/todos that includes a field todos do not have and receive a validation error saying that field could not be found.',
    },
  ]),
  ...inSection('Creation Challenges with PUT', [
    {
      key: 'PUT_TODOS_422',
      classicKey: 'PUT_TODOS_400',
      legacyKeys: ['PUT_TODOS_400'],
      name: 'PUT /api/todos/{id} (422)',
      classicName: 'PUT /todos/{id} (400)',
      description:
        'Send a PUT request to /api/todos/{id} for an id that does not exist, repeating that id in the body, and receive an error explaining that todos cannot be created with PUT because ids are generated.',
    },
  ]),
  ...inSection('Update Challenges with POST', [
    {
      key: 'POST_UPDATE_TODO',
      name: 'POST /api/todos/{id} (200)',
      description:
        'Send a POST request to /api/todos/{id} for an existing todo with some changed fields and receive a 200 response showing the amended todo.',
    },
    {
      key: 'POST_TODOS_404',
      name: 'POST /api/todos/{id} (404)',
      description:
        'Send a POST request to /api/todos/{id} for an id that no todo has and receive a 404 response saying there is no such todo.',
    },
  ]),
  ...inSection('Update Challenges with PUT', [
    {
      key: 'PUT_TODOS_FULL_200',
      name: 'PUT /api/todos/{id} full (200)',
      description:
        'Send a PUT request to /api/todos/{id} for an existing todo with every field (title, doneStatus and description) supplied and receive a 200 response showing the replaced todo.',
    },
    {
      key: 'PUT_TODOS_PARTIAL_200',
      name: 'PUT /api/todos/{id} partial (200)',
      description:
        'Send a PUT request to /api/todos/{id} for an existing todo supplying only the title and receive a 200 response, noting that the fields you left out fall back to their defaults.',
    },
    {
      key: 'PUT_TODOS_BODY_ID_200',
      name: 'PUT /api/todos body id (200)',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PUT request to /api/todos with no id in the path but the id of an existing todo in the body and receive a 200 response updating that todo.',
    },
    {
      key: 'PUT_TODOS_ID_NO_BODY_ID_200',
      name: 'PUT /api/todos/{id} no body id (200)',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PUT request to /api/todos/{id} for an existing todo without any id in the body and receive a 200 response updating the todo named in the path.',
    },
    {
      key: 'PUT_TODOS_MISSING_TITLE_422',
      classicKey: 'PUT_TODOS_MISSING_TITLE_400',
      legacyKeys: ['PUT_TODOS_MISSING_TITLE_400'],
      name: 'PUT /api/todos/{id} no title (422)',
      classicName: 'PUT /todos/{id} no title (400)',
      description:
        'Send a PUT request to /api/todos/{id} for an existing todo with no title in the body and receive an error saying the title field is mandatory.',
    },
    {
      key: 'PUT_TODOS_NO_ID_422',
      name: 'PUT /api/todos no id (422)',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PUT request to /api/todos with no id in either the path or the body and receive a 422 response because the server cannot tell which todo to update.',
    },
    {
      key: 'PUT_TODOS_ID_NOT_FOUND_404',
      name: 'PUT /api/todos/{id} not found (404)',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PUT request to /api/todos/{id} for an id that no todo has, leaving the id out of the body, and receive a 404 response saying there is no such todo.',
    },
    {
      key: 'PUT_TODOS_422_NO_AMEND_ID',
      classicKey: 'PUT_TODOS_400_NO_AMEND_ID',
      legacyKeys: ['PUT_TODOS_400_NO_AMEND_ID'],
      name: 'PUT /api/todos/{id} no amend id (422)',
      classicName: 'PUT /todos/{id} no amend id (400)',
      description:
        'Send a PUT request to /api/todos/{id} for an existing todo with a different id in the body and receive an error saying a todo id cannot be amended.',
    },
  ]),
  ...inSection('DELETE Challenges', [
    {
      key: 'DELETE_A_TODO',
      name: 'DELETE /api/todos/{id} (204)',
      classicName: 'DELETE /todos/{id} (200)',
      description:
        'Send a DELETE request to /api/todos/{id} for an existing todo and receive a success response with no body, after which that todo can no longer be found.',
    },
  ]),
  ...inSection('QUERY Challenges', [
    {
      key: 'QUERY_TODOS_FILTERED',
      name: 'QUERY /api/todos (200)',
      classicName: NOT_IN_CLASSIC,
      description:
        'With both done and not-done todos stored, send a QUERY request to /api/todos with a form-encoded body of doneStatus=true and receive a 200 response listing only the done todos.',
    },
    {
      key: 'QUERY_TODOS_JSONPATH_FILTERED',
      name: 'QUERY /api/todos (200) JSONPath',
      classicName: NOT_IN_CLASSIC,
      description:
        'With both done and not-done todos stored, send a QUERY request to /api/todos with Content-Type application/jsonpath and a JSONPath expression selecting done todos, and receive a 200 response listing only those.',
    },
    {
      key: 'QUERY_TODOS_STRUCTURED_JSON_FILTERED',
      name: 'QUERY /api/todos (200) Structured JSON',
      classicName: NOT_IN_CLASSIC,
      description:
        'With both done and not-done todos stored, send a QUERY request to /api/todos with Content-Type application/vnd.thingifier.query+json and the body {"filter":{"doneStatus":true}}, and receive a 200 response listing only the done todos.',
    },
  ]),
  ...inSection('PATCH Challenges', [
    {
      key: 'PATCH_TODOS_PARTIAL_200',
      name: 'PATCH /api/todos/{id} (200) partial',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PATCH request to /api/todos/{id} for an existing todo with Content-Type application/json and only the fields to change, and receive a 200 response showing the updated todo.',
    },
    {
      key: 'PATCH_TODOS_MERGE_PATCH_200',
      name: 'PATCH /api/todos/{id} (200) merge-patch',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PATCH request to /api/todos/{id} for an existing todo with Content-Type application/merge-patch+json and a JSON merge patch body, and receive a 200 response showing the merged todo.',
    },
    {
      key: 'PATCH_TODOS_JSON_PATCH_200',
      name: 'PATCH /api/todos/{id} (200) json-patch',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PATCH request to /api/todos/{id} for an existing todo with Content-Type application/json-patch+json and a list of JSON Patch operations, and receive a 200 response showing the patched todo.',
    },
  ]),
  ...inSection('OPTIONS Challenges', [
    {
      key: 'OPTIONS_TODOS',
      name: 'OPTIONS /api/todos (200)',
      description:
        'Send an OPTIONS request to /api/todos and receive a 200 response whose Allow header lists the methods the endpoint accepts.',
    },
  ]),
  ...inSection('Accept Challenges', [
    {
      key: 'GET_ACCEPT_XML',
      name: 'GET /api/todos (200) XML',
      description:
        'Send a GET request to /api/todos with Accept: application/xml and receive a 200 response with the todo list rendered as XML.',
    },
    {
      key: 'GET_ACCEPT_JSON',
      name: 'GET /api/todos (200) JSON',
      description:
        'Send a GET request to /api/todos with Accept: application/json and receive a 200 response with the todo list rendered as JSON.',
    },
    {
      key: 'GET_ACCEPT_ANY_DEFAULT_JSON',
      name: 'GET /api/todos (200) ANY',
      description:
        'Send a GET request to /api/todos with Accept: */* and receive a 200 response in JSON, the format the server picks when any type will do.',
    },
    {
      key: 'GET_ACCEPT_XML_PREFERRED',
      name: 'GET /api/todos (200) XML pref',
      description:
        'Send a GET request to /api/todos with an Accept header that lists both XML and JSON with XML as the preference and receive a 200 response in XML.',
    },
    {
      key: 'GET_JSON_BY_DEFAULT_NO_ACCEPT',
      name: 'GET /api/todos (200) no accept',
      description:
        'Send a GET request to /api/todos with no Accept header at all and receive a 200 response in JSON, the default format.',
    },
    {
      key: 'GET_UNSUPPORTED_ACCEPT_406',
      name: 'GET /api/todos (406)',
      description:
        'Send a GET request to /api/todos with an Accept header naming a format the server cannot produce, such as application/gzip, and receive a 406 response.',
    },
    {
      key: 'GET_TODO_ACCEPT_TEXT_CALENDAR',
      name: 'GET /api/todos/{id} (200) text/calendar',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos/{id} for an existing todo with text/calendar as the most preferred Accept type and receive a 200 response holding the todo as a calendar entry.',
    },
  ]),
  ...inSection('Advanced Accept Challenges', [
    {
      key: 'GET_ACCEPT_XML_Q_PREFERRED',
      name: 'GET /api/todos (200) q XML preferred',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with Accept: application/json;q=0.5, application/xml;q=1 and receive a 200 response in XML because its quality value is higher.',
    },
    {
      key: 'GET_ACCEPT_JSON_Q_PREFERRED',
      name: 'GET /api/todos (200) q JSON preferred',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with Accept: application/xml;q=0.5, application/json;q=1 and receive a 200 response in JSON because its quality value is higher.',
    },
    {
      key: 'GET_ACCEPT_Q_REJECTS_ALL_406',
      name: 'GET /api/todos (406) q rejects all',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with Accept: application/json;q=0, application/xml;q=0 and receive a 406 response, since a quality of zero rules out both formats.',
    },
    {
      key: 'GET_UNSUPPORTED_STRUCTURED_JSON_ACCEPT_406',
      name: 'GET /api/todos (406) unsupported +json',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos asking only for a JSON-suffixed type the server does not offer, such as application/problem+json, and receive a 406 response.',
    },
    {
      key: 'GET_ACCEPT_TEXT_XML',
      name: 'GET /api/todos (200) text/xml',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with Accept: text/xml and receive a 200 response whose Content-Type is text/xml.',
    },
    {
      key: 'GET_ACCEPT_VENDOR_XML',
      name: 'GET /api/todos (200) vendor XML',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with Accept: application/vnd.apichallenges.todo+xml and receive a 200 response using that same vendor XML type.',
    },
    {
      key: 'GET_ACCEPT_STRUCTURED_XML_WILDCARD',
      name: 'GET /api/todos (200) structured XML wildcard',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos with Accept: application/*+xml and receive a 200 response whose Content-Type is application/todo+xml.',
    },
  ]),
  ...inSection('Content-Type Challenges', [
    {
      key: 'POST_CREATE_XML',
      name: 'POST /api/todos XML',
      description:
        'Send a POST request to /api/todos with an XML todo body, Content-Type application/xml and an Accept asking for XML, and receive a 201 response in XML.',
    },
    {
      key: 'POST_CREATE_JSON',
      name: 'POST /api/todos JSON',
      description:
        'Send a POST request to /api/todos with a JSON todo body, Content-Type application/json and an Accept asking for JSON, and receive a 201 response in JSON.',
    },
    {
      key: 'POST_CREATE_VENDOR_XML',
      name: 'POST /api/todos vendor XML',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a POST request to /api/todos with an XML todo body and Content-Type application/vnd.apichallenges.todo+xml and receive a 201 response for the created todo.',
    },
    {
      key: 'POST_TODOS_415',
      name: 'POST /api/todos (415)',
      description:
        'Send a POST request to /api/todos with a Content-Type the server cannot read and receive a 415 response.',
    },
  ]),
  ...inSection('Content-Disposition Challenges', [
    {
      key: 'GET_TODOS_EXPORT_CSV_CONTENT_DISPOSITION',
      name: 'GET /api/todos/export (200) CSV download',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos/export asking for CSV and receive a 200 response whose Content-Disposition header marks it as an attachment named todos.csv.',
    },
    {
      key: 'GET_TODOS_EXPORT_HTML_CONTENT_DISPOSITION',
      name: 'GET /api/todos/export (200) HTML download',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos/export asking for HTML and receive a 200 response whose Content-Disposition header marks it as an attachment named todos.html.',
    },
    {
      key: 'GET_TODOS_EXPORT_TSV_CONTENT_DISPOSITION',
      name: 'GET /api/todos/export (200) tab-delimited download',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/todos/export asking for tab-separated values and receive a 200 response whose Content-Disposition header marks it as an attachment named todos.tsv.',
    },
  ]),
  ...inSection('Fancy a Break? Restore your session', [
    {
      key: 'GET_RESTORE_EXISTING_CHALLENGER',
      name: 'GET /api/challenger/guid (200)',
      // listed only when sessions are saved to storage, which the classic 59/58 lists were not
      classicName: NOT_IN_CLASSIC,
      modes: MULTI_ONLY,
      description:
        'Once your challenger has dropped out of memory, send a GET request to /api/challenger/{guid} with your saved id and receive a 200 response as your session is reloaded from storage.',
    },
    {
      key: 'POST_RESTORE_EXISTING_CHALLENGER',
      name: 'POST /api/challenger (existing X-CHALLENGER)',
      classicName: NOT_IN_CLASSIC,
      modes: MULTI_ONLY,
      description:
        'Once your challenger has dropped out of memory, send a POST request to /api/challenger with your saved id in the X-CHALLENGER header and receive a 200 response as that session is reloaded instead of a new one being created.',
    },
    {
      key: 'GET_RESTORABLE_CHALLENGER_PROGRESS_STATUS',
      name: 'GET /api/challenger/guid (existing X-CHALLENGER)',
      description:
        'Send a GET request to /api/challenger/{guid} with your own challenger id in both the path and the X-CHALLENGER header and receive a 200 response holding a progress payload you can keep for later.',
    },
    {
      key: 'PUT_RESTORABLE_CHALLENGER_PROGRESS_STATUS',
      name: 'PUT /api/challenger/guid RESTORE',
      description:
        'Send a PUT request to /api/challenger/{guid} with a saved progress payload for a challenger the server still holds and receive a 200 response showing the restored progress.',
    },
    {
      key: 'PUT_CHALLENGER_GUID_MISMATCH_409',
      name: 'PUT /api/challenger/guid (409) mismatch',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a PUT request to /api/challenger/{guid} whose payload xChallenger differs from the id in the path and receive a 409 response refusing the mismatch.',
    },
    {
      key: 'PUT_NEW_RESTORED_CHALLENGER_PROGRESS_STATUS',
      name: 'PUT /api/challenger/guid CREATE',
      modes: MULTI_ONLY,
      description:
        'Send a PUT request to /api/challenger/{guid} with a saved progress payload for a challenger the server does not currently hold and receive a 201 response as it is recreated from that payload.',
    },
    {
      key: 'GET_RESTORABLE_TODOS',
      name: 'GET /api/challenger/database/guid (200)',
      description:
        'Send a GET request to /api/challenger/database/{guid} and receive a 200 response containing your todos in a form that can be restored later.',
    },
    {
      key: 'PUT_RESTORABLE_TODOS',
      name: 'PUT /api/challenger/database/guid (Update)',
      description:
        'Send a PUT request to /api/challenger/database/{guid} with a saved todos payload and receive a 204 response once your todos have been replaced by it.',
    },
  ]),
  ...inSection('Mix Accept and Content-Type Challenges', [
    {
      key: 'POST_CREATE_XML_ACCEPT_JSON',
      name: 'POST /api/todos XML to JSON',
      description:
        'Send a POST request to /api/todos with an XML body and Content-Type application/xml but Accept: application/json, and receive a 201 response in JSON.',
    },
    {
      key: 'POST_CREATE_JSON_ACCEPT_XML',
      name: 'POST /api/todos JSON to XML',
      description:
        'Send a POST request to /api/todos with a JSON body and Content-Type application/json but Accept: application/xml, and receive a 201 response in XML.',
    },
  ]),
  ...inSection('Status Code Challenges', [
    {
      key: 'DELETE_HEARTBEAT_405',
      name: 'DELETE /api/heartbeat (405)',
      description:
        'Send a DELETE request to /api/heartbeat and receive a 405 response because that method is not allowed there.',
    },
    {
      key: 'PATCH_HEARTBEAT_500',
      name: 'PATCH /api/heartbeat (500)',
      description:
        'Send a PATCH request to /api/heartbeat and receive a 500 response, a deliberately triggered server error.',
    },
    {
      key: 'TRACE_HEARTBEAT_501',
      name: 'TRACE /api/heartbeat (501)',
      description:
        'Send a TRACE request to /api/heartbeat and receive a 501 response because the server does not implement that method.',
    },
    {
      key: 'GET_HEARTBEAT_204',
      name: 'GET /api/heartbeat (204)',
      description:
        'Send a GET request to /api/heartbeat and receive a 204 response with no body, showing that the server is up.',
    },
    {
      key: 'X_CHALLENGER_TOO_LONG_431',
      name: 'GET /api/heartbeat (431) X-CHALLENGER too long',
      classicName: NOT_IN_CLASSIC,
      description:
        'Send a GET request to /api/heartbeat with an X-CHALLENGER header longer than 100 characters that starts with your challenger id and receive a 431 response.',
    },
  ]),
  ...inSection('HTTP Method Override Challenges', [
    {
      key: 'OVERRIDE_DELETE_HEARTBEAT_405',
      name: 'POST /api/heartbeat as DELETE (405)',
      description:
        'Send a POST request to /api/heartbeat with the header X-HTTP-Method-Override: DELETE and receive the same 405 response a real DELETE gets.',
    },
    {
      key: 'OVERRIDE_PATCH_HEARTBEAT_500',
      name: 'POST /api/heartbeat as PATCH (500)',
      description:
        'Send a POST request to /api/heartbeat with the header X-HTTP-Method-Override: PATCH and receive the same 500 response a real PATCH gets.',
    },
    {
      key: 'OVERRIDE_TRACE_HEARTBEAT_501',
      name: 'POST /api/heartbeat as Trace (501)',
      description:
        'Send a POST request to /api/heartbeat with the header X-HTTP-Method-Override: TRACE and receive the same 501 response a real TRACE gets.',
    },
  ]),
  ...inSection('Authentication Challenges', [
    {
      key: 'CREATE_SECRET_TOKEN_401',
      name: 'POST /api/secret/token (401)',
      description:
        'Send a POST request to /api/secret/token with Basic authentication using wrong credentials and receive a 401 response.',
    },
    {
      key: 'CREATE_SECRET_TOKEN_201',
      name: 'POST /api/secret/token (201)',
      description:
        'Send a POST request to /api/secret/token with Basic authentication for admin:password and receive a 201 response whose X-AUTH-TOKEN header holds your secret token.',
    },
  ]),
  ...inSection('Authorization Challenges', [
    {
      key: 'GET_SECRET_NOTE_403',
      name: 'GET /api/secret/note (403)',
      description:
        'Send a GET request to /api/secret/note with an X-AUTH-TOKEN header holding a wrong token and receive a 403 response.',
    },
    {
      key: 'GET_SECRET_NOTE_401',
      name: 'GET /api/secret/note (401)',
      description:
        'Send a GET request to /api/secret/note without any X-AUTH-TOKEN header and receive a 401 response.',
    },
    {
      key: 'GET_SECRET_NOTE_200',
      name: 'GET /api/secret/note (200)',
      description:
        'Send a GET request to /api/secret/note with your valid token in the X-AUTH-TOKEN header and receive a 200 response containing your secret note.',
    },
    {
      key: 'POST_SECRET_NOTE_200',
      name: 'POST /api/secret/note (200)',
      description:
        'Send a POST request to /api/secret/note with your valid token in the X-AUTH-TOKEN header and a body holding a note, and receive a 200 response showing the saved note.',
    },
    {
      key: 'POST_SECRET_NOTE_401',
      name: 'POST /api/secret/note (401)',
      description:
        'Send a POST request to /api/secret/note with a note in the body but no X-AUTH-TOKEN header and receive a 401 response.',
    },
    {
      key: 'POST_SECRET_NOTE_403',
      name: 'POST /api/secret/note (403)',
      description:
        'Send a POST request to /api/secret/note with a note in the body and an X-AUTH-TOKEN header holding a wrong token, and receive a 403 response.',
    },
    {
      key: 'GET_SECRET_NOTE_BEARER_200',
      name: 'GET /api/secret/note (Bearer)',
      description:
        'Send a GET request to /api/secret/note with your valid token in an Authorization: Bearer header instead of X-AUTH-TOKEN and receive a 200 response containing your note.',
    },
    {
      key: 'POST_SECRET_NOTE_BEARER_200',
      name: 'POST /api/secret/note (Bearer)',
      description:
        'Send a POST request to /api/secret/note with your valid token in an Authorization: Bearer header and a body holding a note, and receive a 200 response showing the saved note.',
    },
  ]),
  ...inSection('Miscellaneous Challenges', [
    {
      key: 'DELETE_ALL_TODOS',
      name: 'DELETE /api/todos/{id} (204) all',
      classicName: 'DELETE /todos/{id} (200) all',
      description:
        'Send DELETE requests to /api/todos/{id} for every todo in turn until the todo list is completely empty.',
    },
    {
      key: 'POST_ALL_TODOS',
      name: 'POST /api/todos (409) max todos',
      classicName: 'POST /todos (201) all',
      description:
        'Keep sending POST requests to /api/todos until the list is full, then send one more and see it refused with an error saying the maximum number of todos has been reached.',
    },
  ]),
]

function isListed(challenge: ChallengeDefinition, set: ChallengeSetName, mode: RunMode): boolean {
  return challenge.modes.includes(mode) && (set === 'current' || challenge.classicName !== null)
}

/** The challenges listed for a set and mode, numbered from 1 in list order, using that set's keys, names and sections. */
export function listChallenges(set: ChallengeSetName, mode: RunMode): ListedChallenge[] {
  const listed: ListedChallenge[] = []
  for (const challenge of CHALLENGES) {
    if (!isListed(challenge, set, mode)) continue
    const id = listed.length + 1
    if (set === 'current') {
      listed.push({
        id,
        key: challenge.key,
        name: challenge.name,
        description: challenge.description,
        section: challenge.section,
      })
    } else {
      listed.push({
        id,
        key: challenge.classicKey ?? challenge.key,
        name: challenge.classicName ?? challenge.name,
        description: challenge.description.replaceAll('/api/', '/'),
        section: challenge.classicSection ?? challenge.section,
      })
    }
  }
  return listed
}
