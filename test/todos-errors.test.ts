// HTTP tests for the todo API's validation and error catalogue (issue #3; todos.md §4, §6, §9):
// every catalogued message with its exact text and status, as {"errorMessages":[…]} and in its XML
// form, the validation order inside the handlers, and no framework (Fastify/Ajv) wording leaking out.
import t, { type Test } from 'tap'
import { build, newChallenger, type TestApp } from './helper.js'

type Headers = Record<string, string>

interface Res {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

type Call = (method: string, url: string, headers?: Headers, payload?: string) => Promise<Res>

const JSON_TYPE = { 'content-type': 'application/json' }
const XML_TYPE = { 'content-type': 'application/xml' }
const MERGE_TYPE = { 'content-type': 'application/merge-patch+json' }
const JSON_PATCH_TYPE = { 'content-type': 'application/json-patch+json' }
const ACCEPT_PATCH = 'application/json, application/merge-patch+json, application/json-patch+json'
const ACCEPT_QUERY = 'application/x-www-form-urlencoded, application/jsonpath, application/vnd.thingifier.query+json'
const TOO_LARGE = 'Error: request body too large, max allowed is 5000 bytes'
const NO_SESSION = 'Cannot amend details. Missing a valid X-CHALLENGER header.'
const EXPORT_FORMATS = 'Unsupported export format. Use one of: json, xml, text-xml, csv, text, html, ndjson, jsonl, json-seq, tsv'
const BIG_BODY = JSON.stringify({ title: 'big', description: 'x'.repeat(5000) })

/** text that only a framework (Fastify, Ajv, TypeBox) would have written */
const FRAMEWORK_TEXT = [/FST_/, /"statusCode"/, /"code":/, /querystring/, /\bbody\//, /params\//, /must be (string|integer|boolean|object|array|number)/,
  /must have required property/, /must NOT have/, /additional properties/i, /Route (GET|POST|PUT|DELETE|PATCH):/, /Unsupported Media Type/]

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

function sessionCaller(app: TestApp, guid: string): Call {
  return (method, url, headers = {}, payload) =>
    app.inject({ method: method as 'GET', url, headers: { 'x-challenger': guid, ...headers }, ...(payload === undefined ? {} : { payload }) })
}

async function fill(call: Call, upTo = 20): Promise<void> {
  for (let id = 11; id <= upTo; id++) {
    const res = await call('POST', '/todos', JSON_TYPE, JSON.stringify({ title: `filler ${id}` }))
    if (res.statusCode !== 201) throw new Error(`setup create answered ${res.statusCode}`)
  }
}

function noFrameworkText(t: Test, res: Res, label: string): void {
  for (const pattern of FRAMEWORK_TEXT) t.notMatch(res.body, pattern, `${label}: no framework text ${pattern}`)
}

interface ErrorCase {
  label: string
  method: string
  url: string
  headers?: Headers
  payload?: string
  status: number
  /** the one expected message, exact */
  message?: string
  /** when the catalogue gives only the start of the message (e.g. parser detail) */
  prefix?: string
  /** extra response headers expected */
  responseHeaders?: Record<string, string>
  /** the request's own Accept decides the format (406, text/calendar): no XML variant */
  fixedFormat?: boolean
  /** state the case needs, made through the API */
  setup?: (call: Call) => Promise<void>
  /** send without X-CHALLENGER */
  anonymous?: boolean
}

const CASES: ErrorCase[] = [
  // ---- 400: paging (GET/QUERY)
  { label: 'GET _limit over 20', method: 'GET', url: '/todos?_limit=21', status: 400, message: '_limit must be no more than 20' },
  { label: 'GET /api _limit over 20 (checked before Accept)', method: 'GET', url: '/api/todos?_limit=100', status: 400, message: '_limit must be no more than 20' },
  { label: 'GET negative _limit', method: 'GET', url: '/todos?_limit=-1', status: 400, message: '_limit must be a non-negative integer' },
  { label: 'GET non-integer _limit', method: 'GET', url: '/todos?_limit=abc', status: 400, message: '_limit must be a non-negative integer' },
  { label: 'GET _limit with an operator', method: 'GET', url: '/todos?_limit>5', status: 400, message: '_limit must be a non-negative integer' },
  { label: 'GET negative _offset', method: 'GET', url: '/todos?_offset=-3', status: 400, message: '_offset must be a non-negative integer' },
  { label: 'GET non-integer _offset', method: 'GET', url: '/todos?_offset=1.5', status: 400, message: '_offset must be a non-negative integer' },
  { label: 'QUERY form body negative _limit', method: 'QUERY', url: '/todos', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '_limit=-1', status: 400, message: '_limit must be a non-negative integer' },
  { label: 'QUERY URL _offset not an integer', method: 'QUERY', url: '/todos?_offset=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'doneStatus=true', status: 400, message: '_offset must be a non-negative integer' },
  { label: 'GET bad boolean filter value (exception text)', method: 'GET', url: '/todos?doneStatus=maybe', status: 400, message: 'maybe is not boolean' },

  // ---- 400: body type and syntax (POST/PUT)
  { label: 'POST /todos without Content-Type', method: 'POST', url: '/todos', payload: '{"title":"x"}', status: 400, message: 'Unknown content Type: API cannot parse ' },
  { label: 'POST /todos/{id} without Content-Type', method: 'POST', url: '/todos/1', payload: '{"title":"x"}', status: 400, message: 'Unknown content Type: API cannot parse ' },
  { label: 'PUT /todos/{id} without Content-Type', method: 'PUT', url: '/todos/1', payload: '{"title":"x"}', status: 400, message: 'Unknown content Type: API cannot parse ' },
  { label: 'PUT /todos without Content-Type', method: 'PUT', url: '/api/todos', payload: '{"id":1,"title":"x"}', status: 400, message: 'Unknown content Type: API cannot parse ' },
  { label: 'POST /todos bad JSON', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":', status: 400, message: 'Invalid Json Payload: please check the syntax of the request body' },
  { label: 'POST /todos/{id} bad JSON', method: 'POST', url: '/todos/1', headers: JSON_TYPE, payload: '{title}', status: 400, message: 'Invalid Json Payload: please check the syntax of the request body' },
  { label: 'PUT /todos/{id} bad JSON', method: 'PUT', url: '/api/todos/1', headers: JSON_TYPE, payload: '{"title":"x",}', status: 400, message: 'Invalid Json Payload: please check the syntax of the request body' },
  { label: 'PUT /todos bad JSON', method: 'PUT', url: '/todos', headers: JSON_TYPE, payload: 'nope', status: 400, message: 'Invalid Json Payload: please check the syntax of the request body' },
  { label: 'POST /todos JSON array body', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '[{"title":"x"}]', status: 400, message: 'JSON document must be an object' },
  { label: 'POST /todos JSON string body', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '"title"', status: 400, message: 'JSON document must be an object' },
  { label: 'POST /todos bad XML', method: 'POST', url: '/todos', headers: XML_TYPE, payload: '<todo><title>x</title>', status: 400, prefix: 'Invalid XML Payload: ' },
  { label: 'PUT /todos/{id} bad XML', method: 'PUT', url: '/todos/1', headers: { 'content-type': 'text/xml' }, payload: 'not xml at all', status: 400, prefix: 'Invalid XML Payload: ' },

  // ---- 400: export
  { label: 'export with an unknown format', method: 'GET', url: '/todos/export?format=pdf', status: 400, message: EXPORT_FORMATS },
  { label: 'export without a format', method: 'GET', url: '/api/todos/export', status: 400, message: EXPORT_FORMATS },

  // ---- 401
  { label: 'POST /todos without X-CHALLENGER', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":"x"}', status: 401, message: NO_SESSION, anonymous: true },
  { label: 'DELETE /api/todos/{id} without X-CHALLENGER', method: 'DELETE', url: '/api/todos/1', status: 401, message: NO_SESSION, anonymous: true },

  // ---- 404
  { label: 'GET missing todo', method: 'GET', url: '/todos/99', status: 404, message: 'Could not find an instance with todos/99' },
  { label: 'GET missing todo on /api', method: 'GET', url: '/api/todos/abc', status: 404, message: 'Could not find an instance with todos/abc' },
  { label: 'POST amend of a missing todo', method: 'POST', url: '/todos/99', headers: JSON_TYPE, payload: '{"title":"x"}', status: 404, message: 'No such todo entity instance with id == 99 found' },
  { label: 'POST amend of a missing todo whose body names the same id', method: 'POST', url: '/api/todos/2004567', headers: JSON_TYPE, payload: '{"id":2004567,"title":"x"}', status: 404, message: 'No such todo entity instance with id == 2004567 found' },
  { label: 'PATCH of a missing todo', method: 'PATCH', url: '/todos/99', headers: JSON_TYPE, payload: '{"title":"x"}', status: 404, message: 'No such todo entity instance with id == 99 found' },
  { label: 'PATCH merge of a missing todo (checked first)', method: 'PATCH', url: '/todos/98', headers: MERGE_TYPE, payload: '[]', status: 404, message: 'No such todo entity instance with id == 98 found' },
  { label: 'PUT of a missing todo without body id', method: 'PUT', url: '/todos/99', headers: JSON_TYPE, payload: '{"title":"x"}', status: 404, message: 'No such todo entity instance with id == 99' },
  { label: 'PUT of a missing todo on /api without body id', method: 'PUT', url: '/api/todos/77', headers: JSON_TYPE, payload: '{"title":"x","doneStatus":true}', status: 404, message: 'No such todo entity instance with id == 77' },
  { label: 'text/calendar of a missing todo', method: 'GET', url: '/todos/99', headers: { accept: 'text/calendar' }, status: 404, message: 'No such todo entity instance with id == 99', fixedFormat: true },
  { label: 'DELETE of a missing todo', method: 'DELETE', url: '/todos/99', status: 404, message: 'Could not find any instances with todos/99' },
  { label: 'DELETE of a missing todo on /api', method: 'DELETE', url: '/api/todos/55', status: 404, message: 'Could not find any instances with todos/55' },

  // ---- 406 (rendered as JSON whatever was asked)
  { label: 'GET with only unsupported types', method: 'GET', url: '/todos', headers: { accept: 'application/gzip' }, status: 406, message: 'Unrecognised Accept Type', fixedFormat: true },
  { label: 'GET /todos/{id} with only unsupported types', method: 'GET', url: '/todos/1', headers: { accept: 'image/png' }, status: 406, message: 'Unrecognised Accept Type', fixedFormat: true },
  { label: 'GET where every supported type has q=0', method: 'GET', url: '/todos', headers: { accept: 'application/json;q=0, application/xml;q=0' }, status: 406, message: 'No acceptable response type supported', fixedFormat: true },
  { label: 'POST with an unsupported Accept', method: 'POST', url: '/todos', headers: { ...JSON_TYPE, accept: 'application/gzip' }, payload: '{"title":"x"}', status: 406, message: 'Unrecognised Accept Type', fixedFormat: true },
  { label: 'DELETE with an unsupported Accept', method: 'DELETE', url: '/todos/1', headers: { accept: 'application/problem+json' }, status: 406, message: 'Unrecognised Accept Type', fixedFormat: true },

  // ---- 409
  { label: 'the 21st todo', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":"21st"}', status: 409, message: 'ERROR: Cannot add instance, maximum limit of 20 reached', setup: (call) => fill(call) },
  { label: 'a title-less create at the limit (limit before mandatory)', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{}', status: 409, message: 'ERROR: Cannot add instance, maximum limit of 20 reached', setup: (call) => fill(call) },
  { label: 'a failing JSON Patch test operation', method: 'PATCH', url: '/todos/1', headers: JSON_PATCH_TYPE, payload: '[{"op":"test","path":"/title","value":"not it"}]', status: 409, message: 'JSON Patch could not be applied' },

  // ---- 413 (any verb)
  { label: 'POST /todos body over 5000', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: BIG_BODY, status: 413, message: TOO_LARGE },
  { label: 'POST /todos/{id} body over 5000', method: 'POST', url: '/todos/1', headers: JSON_TYPE, payload: BIG_BODY, status: 413, message: TOO_LARGE },
  { label: 'PUT /todos/{id} body over 5000', method: 'PUT', url: '/api/todos/1', headers: JSON_TYPE, payload: BIG_BODY, status: 413, message: TOO_LARGE },
  { label: 'PUT /todos body over 5000', method: 'PUT', url: '/todos', headers: JSON_TYPE, payload: BIG_BODY, status: 413, message: TOO_LARGE },
  { label: 'PATCH body over 5000', method: 'PATCH', url: '/todos/1', headers: JSON_TYPE, payload: BIG_BODY, status: 413, message: TOO_LARGE },
  { label: 'DELETE body over 5000', method: 'DELETE', url: '/todos/1', headers: JSON_TYPE, payload: BIG_BODY, status: 413, message: TOO_LARGE },
  { label: 'QUERY body over 5000', method: 'QUERY', url: '/todos', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `title=${'x'.repeat(5000)}`, status: 413, message: TOO_LARGE },
  { label: 'POST /todos body far over the transport cap', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: 'x'.repeat(2 * 1024 * 1024), status: 413, message: TOO_LARGE },

  // ---- 415
  { label: 'POST text/plain', method: 'POST', url: '/todos', headers: { 'content-type': 'text/plain' }, payload: '{"title":"x"}', status: 415, message: 'Unsupported Content Type - text/plain' },
  { label: 'POST value echoed lower-cased', method: 'POST', url: '/todos', headers: { 'content-type': 'Bob' }, payload: '{"title":"x"}', status: 415, message: 'Unsupported Content Type - bob' },
  { label: 'POST form-encoded', method: 'POST', url: '/api/todos', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=x', status: 415, message: 'Unsupported Content Type - application/x-www-form-urlencoded' },
  { label: 'POST merge-patch', method: 'POST', url: '/todos', headers: MERGE_TYPE, payload: '{"title":"x"}', status: 415, message: 'Unsupported Content Type - application/merge-patch+json' },
  { label: 'PUT json-patch', method: 'PUT', url: '/todos/1', headers: JSON_PATCH_TYPE, payload: '[]', status: 415, message: 'Unsupported Content Type - application/json-patch+json' },
  { label: 'POST /todos/{id} octet-stream', method: 'POST', url: '/todos/1', headers: { 'content-type': 'application/octet-stream' }, payload: 'x', status: 415, message: 'Unsupported Content Type - application/octet-stream' },
  { label: 'PUT /todos problem+xml', method: 'PUT', url: '/todos', headers: { 'content-type': 'application/problem+xml' }, payload: '<todo/>', status: 415, message: 'Unsupported Content Type - application/problem+xml' },
  { label: 'PATCH text/plain', method: 'PATCH', url: '/todos/1', headers: { 'content-type': 'text/plain' }, payload: '{}', status: 415, message: 'Unsupported Content Type - text/plain' },
  { label: 'PATCH with XML', method: 'PATCH', url: '/todos/1', headers: XML_TYPE, payload: '<todo><title>x</title></todo>', status: 415, message: 'Unsupported PATCH Content Type', responseHeaders: { 'accept-patch': ACCEPT_PATCH } },
  { label: 'PATCH without Content-Type', method: 'PATCH', url: '/api/todos/1', payload: '{"title":"x"}', status: 415, message: 'Unsupported PATCH Content Type', responseHeaders: { 'accept-patch': ACCEPT_PATCH } },

  // ---- 422: create (POST /todos), in the handler's order
  { label: 'create: doneStatus a string', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":"x","doneStatus":"true"}', status: 422, message: 'Failed Validation: doneStatus should be BOOLEAN but was STRING' },
  { label: 'create: doneStatus null', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":"x","doneStatus":null}', status: 422, message: 'Failed Validation: doneStatus should be BOOLEAN but was NULL' },
  { label: 'create: title a number', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":5}', status: 422, message: 'Failed Validation: title should be STRING but was INTEGER' },
  { label: 'create: description a decimal', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":"x","description":1.5}', status: 422, message: 'Failed Validation: description should be STRING but was NUMERIC' },
  { label: 'create: title an object', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":{"a":1}}', status: 422, message: 'Failed Validation: title should be STRING but was OBJECT' },
  { label: 'create: type errors come before too-long and unknown fields', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: `{"title":"${'x'.repeat(60)}","priority":1,"doneStatus":"no"}`, status: 422, message: 'Failed Validation: doneStatus should be BOOLEAN but was STRING' },
  { label: 'create: with an id', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"id":3,"title":"x"}', status: 422, message: 'Failed Validation: Invalid Creation: Not allowed to create with id' },
  { label: 'create: unknown field', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":"x","priority":"high"}', status: 422, message: 'Failed Validation: Could not find field: priority' },
  { label: 'create: nested unknown field is dotted', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"meta":{"a":1},"title":"x"}', status: 422, message: 'Failed Validation: Could not find field: meta.a' },
  { label: 'create: empty title', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":""}', status: 422, message: 'Failed Validation: title : can not be empty' },
  { label: 'create: whitespace title', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"title":"  \\t "}', status: 422, message: 'Failed Validation: title : can not be empty' },
  { label: 'create: title too long', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: JSON.stringify({ title: 'x'.repeat(51) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50' },
  { label: 'create: description too long', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: JSON.stringify({ title: 'x', description: 'y'.repeat(201) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200' },
  { label: 'create: both too long reports the description', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: JSON.stringify({ title: 'x'.repeat(51), description: 'y'.repeat(201) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200' },
  { label: 'create: no title', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{"doneStatus":true}', status: 422, message: 'title : field is mandatory' },
  { label: 'create: empty object', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '{}', status: 422, message: 'title : field is mandatory' },
  { label: 'create: empty JSON body', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: '', status: 422, message: 'title : field is mandatory' },
  { label: 'create: over-long title at the limit is 422, not 409', method: 'POST', url: '/todos', headers: JSON_TYPE, payload: JSON.stringify({ title: 'x'.repeat(51) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50', setup: (call) => fill(call) },

  // ---- 422: amend (POST /todos/{id})
  { label: 'amend: doneStatus a string (no prefix)', method: 'POST', url: '/todos/1', headers: JSON_TYPE, payload: '{"doneStatus":"x"}', status: 422, message: 'doneStatus should be BOOLEAN but was STRING' },
  { label: 'amend: type check comes before existence', method: 'POST', url: '/todos/999', headers: JSON_TYPE, payload: '{"doneStatus":"x"}', status: 422, message: 'doneStatus should be BOOLEAN but was STRING' },
  { label: 'amend: id change', method: 'POST', url: '/todos/3', headers: JSON_TYPE, payload: '{"id":4}', status: 422, message: 'Can not amend id from 3 to 4' },
  { label: 'amend: unknown field', method: 'POST', url: '/todos/1', headers: JSON_TYPE, payload: '{"priority":1}', status: 422, message: 'Failed Validation: Could not find field: priority' },
  { label: 'amend: empty title', method: 'POST', url: '/todos/1', headers: JSON_TYPE, payload: '{"title":" "}', status: 422, message: 'Failed Validation: title : can not be empty' },
  { label: 'amend: title too long', method: 'POST', url: '/api/todos/1', headers: JSON_TYPE, payload: JSON.stringify({ title: 'x'.repeat(51) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50' },
  { label: 'amend: description too long', method: 'POST', url: '/todos/1', headers: JSON_TYPE, payload: JSON.stringify({ description: 'y'.repeat(201) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200' },

  // ---- 422: replace (PUT /todos/{id}, PUT /todos)
  { label: 'replace: doneStatus a string (no prefix)', method: 'PUT', url: '/todos/1', headers: JSON_TYPE, payload: '{"title":"x","doneStatus":"yes"}', status: 422, message: 'doneStatus should be BOOLEAN but was STRING' },
  { label: 'replace: id change', method: 'PUT', url: '/todos/2', headers: JSON_TYPE, payload: '{"id":5,"title":"x"}', status: 422, message: 'Can not amend id from 2 to 5' },
  { label: 'replace: no title (prefix present)', method: 'PUT', url: '/todos/2', headers: JSON_TYPE, payload: '{"doneStatus":true,"description":"d"}', status: 422, message: 'Failed Validation: title : field is mandatory' },
  { label: 'replace: unknown field', method: 'PUT', url: '/todos/2', headers: JSON_TYPE, payload: '{"title":"x","extra":1}', status: 422, message: 'Failed Validation: Could not find field: extra' },
  { label: 'replace: empty title', method: 'PUT', url: '/api/todos/2', headers: JSON_TYPE, payload: '{"title":""}', status: 422, message: 'Failed Validation: title : can not be empty' },
  { label: 'replace: title too long', method: 'PUT', url: '/todos/2', headers: JSON_TYPE, payload: JSON.stringify({ title: 'x'.repeat(51) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50' },
  { label: 'replace: description too long', method: 'PUT', url: '/todos/2', headers: JSON_TYPE, payload: JSON.stringify({ title: 'x', description: 'y'.repeat(201) }), status: 422, message: 'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200' },
  { label: 'replace: missing todo with the same id in the body', method: 'PUT', url: '/todos/99', headers: JSON_TYPE, payload: '{"id":99,"title":"x"}', status: 422, message: 'Cannot create todo with PUT due to Auto fields id' },
  { label: 'PUT /todos: body id of a missing todo', method: 'PUT', url: '/todos', headers: JSON_TYPE, payload: '{"id":99,"title":"x"}', status: 422, message: 'Cannot create todo with PUT due to Auto fields id' },
  { label: 'PUT /todos: no id at all', method: 'PUT', url: '/api/todos', headers: JSON_TYPE, payload: '{"title":"x"}', status: 422, message: 'PUT requires an identifier in the URI or payload' },

  // ---- PATCH (§6.9)
  { label: 'PATCH partial: malformed', method: 'PATCH', url: '/todos/1', headers: JSON_TYPE, payload: '{x', status: 400, message: 'Malformed JSON document' },
  { label: 'PATCH partial: not an object', method: 'PATCH', url: '/todos/1', headers: JSON_TYPE, payload: '[]', status: 400, message: 'PATCH partial JSON update document must be an object' },
  { label: 'PATCH partial: id change', method: 'PATCH', url: '/todos/1', headers: JSON_TYPE, payload: '{"id":7}', status: 422, message: 'Can not amend id from 1 to 7' },
  { label: 'PATCH merge: malformed', method: 'PATCH', url: '/todos/1', headers: MERGE_TYPE, payload: '{x', status: 400, message: 'Malformed JSON Merge Patch document' },
  { label: 'PATCH merge: not an object', method: 'PATCH', url: '/todos/1', headers: MERGE_TYPE, payload: '[]', status: 422, message: 'JSON Merge Patch for entity resources must be an object' },
  { label: 'PATCH merge: removing the title', method: 'PATCH', url: '/todos/1', headers: MERGE_TYPE, payload: '{"title":null}', status: 422, message: 'Failed Validation: title : field is mandatory' },
  { label: 'PATCH merge: id change', method: 'PATCH', url: '/todos/3', headers: MERGE_TYPE, payload: '{"id":5}', status: 422, message: 'Can not amend id from 3 to 5' },
  { label: 'PATCH json-patch: malformed', method: 'PATCH', url: '/todos/1', headers: JSON_PATCH_TYPE, payload: '[{', status: 400, message: 'Malformed JSON Patch document' },
  { label: 'PATCH json-patch: not an array', method: 'PATCH', url: '/todos/1', headers: JSON_PATCH_TYPE, payload: '{}', status: 400, message: 'JSON Patch document must be an array of operations' },
  { label: 'PATCH json-patch: result not an object', method: 'PATCH', url: '/todos/1', headers: JSON_PATCH_TYPE, payload: '[{"op":"replace","path":"","value":[1]}]', status: 422, message: 'PATCH result for entity resources must be an object' },

  // ---- QUERY (§8)
  { label: 'QUERY JSONPath selecting fields', method: 'QUERY', url: '/todos', headers: { 'content-type': 'application/jsonpath' }, payload: '$.todos[*].title', status: 422, message: 'JSONPath query must select complete resource objects from the collection', responseHeaders: { 'accept-query': ACCEPT_QUERY } },
  { label: 'QUERY structured: unknown key', method: 'QUERY', url: '/todos', headers: { 'content-type': 'application/vnd.thingifier.query+json' }, payload: '{"bogus":1}', status: 422, message: 'Unknown structured query field bogus' },
  { label: 'QUERY structured: sort not an array', method: 'QUERY', url: '/todos', headers: { 'content-type': 'application/vnd.thingifier.query+json' }, payload: '{"sort":{}}', status: 422, message: 'sort must be an array' },
  { label: 'QUERY without Content-Type', method: 'QUERY', url: '/todos', payload: 'doneStatus=true', status: 400, message: 'Missing Content-Type for QUERY request', responseHeaders: { 'accept-query': ACCEPT_QUERY } },
  { label: 'QUERY unsupported type', method: 'QUERY', url: '/todos', headers: { 'content-type': 'text/plain' }, payload: 'x', status: 415, message: 'Unsupported QUERY Content Type - text/plain', responseHeaders: { 'accept-query': ACCEPT_QUERY, accept: ACCEPT_QUERY } },
  { label: 'QUERY empty JSONPath', method: 'QUERY', url: '/todos', headers: { 'content-type': 'application/jsonpath' }, payload: '', status: 400, message: 'Missing JSONPath expression for QUERY request' },
  { label: 'QUERY malformed structured JSON', method: 'QUERY', url: '/todos', headers: { 'content-type': 'application/vnd.thingifier.query+json' }, payload: '{x', status: 400, message: 'Malformed JSON query body' },
]

t.test('error catalogue (todos.md §9): exact status and message, JSON and XML forms', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  for (const c of CASES) {
    const guid = await newChallenger(app)
    const call = sessionCaller(app, guid)
    if (c.setup) await c.setup(call)
    const send = (accept: Headers) =>
      app.inject({
        method: c.method as 'GET',
        url: c.url,
        headers: { ...(c.anonymous ? {} : { 'x-challenger': guid }), ...c.headers, ...accept },
        ...(c.payload === undefined ? {} : { payload: c.payload }),
      })

    const json = await send({})
    t.equal(json.statusCode, c.status, `${c.label}: status`)
    t.equal(json.headers['content-type'], 'application/json', `${c.label}: JSON without charset`)
    const parsed = JSON.parse(json.body) as { errorMessages: string[] }
    t.same(Object.keys(parsed), ['errorMessages'], `${c.label}: only errorMessages`)
    t.equal(parsed.errorMessages.length, 1, `${c.label}: one message`)
    if (c.message !== undefined) t.equal(parsed.errorMessages[0], c.message, `${c.label}: message`)
    if (c.prefix !== undefined) {
      t.ok(parsed.errorMessages[0]?.startsWith(c.prefix), `${c.label}: message starts "${c.prefix}"`)
      t.ok((parsed.errorMessages[0]?.length ?? 0) > c.prefix.length, `${c.label}: with some detail`)
    }
    for (const [name, value] of Object.entries(c.responseHeaders ?? {})) t.equal(json.headers[name], value, `${c.label}: ${name}`)
    noFrameworkText(t, json, c.label)

    if (c.fixedFormat) continue
    const xml = await send({ accept: 'application/xml' })
    t.equal(xml.statusCode, c.status, `${c.label} (XML): status`)
    t.equal(xml.headers['content-type'], 'application/xml', `${c.label} (XML): type`)
    if (c.message !== undefined) {
      t.equal(xml.body, `<errorMessages><errorMessage>${esc(c.message)}</errorMessage></errorMessages>`, `${c.label} (XML): body`)
    } else {
      t.ok(xml.body.startsWith(`<errorMessages><errorMessage>${esc(c.prefix ?? '')}`), `${c.label} (XML): body start`)
      t.ok(xml.body.endsWith('</errorMessage></errorMessages>'), `${c.label} (XML): body end`)
    }
  }
})

t.test('a failed write leaves the todo untouched', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const call = sessionCaller(app, await newChallenger(app))
  const before = (await call('GET', '/todos/2')).body
  const failures: [string, string, Headers, string][] = [
    ['POST', '/todos/2', JSON_TYPE, '{"title":"changed","priority":1}'],
    ['POST', '/todos/2', JSON_TYPE, '{"title":"changed","description":"' + 'y'.repeat(201) + '"}'],
    ['PUT', '/todos/2', JSON_TYPE, '{"title":"changed","doneStatus":"true"}'],
    ['PUT', '/todos/2', JSON_TYPE, '{"doneStatus":true}'],
    ['PUT', '/todos/2', JSON_TYPE, '{"id":3,"title":"changed"}'],
    ['PUT', '/todos', JSON_TYPE, '{"id":2,"title":""}'],
    ['POST', '/todos/2', { 'content-type': 'text/plain' }, '{"title":"changed"}'],
    ['PATCH', '/todos/2', MERGE_TYPE, '{"title":null}'],
  ]
  for (const [method, url, headers, payload] of failures) {
    const res = await call(method, url, headers, payload)
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url} ${payload.slice(0, 40)} refused (${res.statusCode})`)
  }
  t.equal((await call('GET', '/todos/2')).body, before, 'todo 2 unchanged')
})

t.test('HEAD of a missing todo: 404 like GET, empty body', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const call = sessionCaller(app, await newChallenger(app))
  for (const url of ['/todos/99', '/api/todos/abc']) {
    const res = await call('HEAD', url)
    t.equal(res.statusCode, 404, url)
    t.equal(res.body, '')
  }
})

t.test('several type errors are all reported in one message, joined by ", "', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const call = sessionCaller(app, await newChallenger(app))
  const create = await call('POST', '/todos', JSON_TYPE, '{"title":"x","doneStatus":null,"description":1.5}')
  t.equal(create.statusCode, 422)
  const [createMessage = ''] = (JSON.parse(create.body) as { errorMessages: string[] }).errorMessages
  t.ok(createMessage.startsWith('Failed Validation: '), 'create: one prefix')
  t.same(createMessage.slice('Failed Validation: '.length).split(', ').sort(),
    ['description should be STRING but was NUMERIC', 'doneStatus should be BOOLEAN but was NULL'])

  const replace = await call('PUT', '/todos/1', JSON_TYPE, '{"title":[1],"description":{}}')
  t.equal(replace.statusCode, 422)
  const [replaceMessage = ''] = (JSON.parse(replace.body) as { errorMessages: string[] }).errorMessages
  t.same(replaceMessage.split(', ').sort(), ['description should be STRING but was OBJECT', 'title should be STRING but was ARRAY'], 'replace: no prefix')
})

t.test('no framework wording leaks from odd requests', async (t) => {
  const app = await build(t, { mode: 'multi', challengeSet: 'current' })
  const call = sessionCaller(app, await newChallenger(app))
  const cases: [string, string, Headers, string | undefined, number][] = [
    ['GET', '/todos?title=%ZZ', {}, undefined, 400],
    ['GET', '/todos/99999999999999999999', {}, undefined, 404],
    ['GET', '/todos/%20', {}, undefined, 404],
    ['POST', '/todos', JSON_TYPE, 'null', 400],
    ['POST', '/todos', JSON_TYPE, '123', 400],
    ['POST', '/todos', JSON_TYPE, '{"title":{"deep":{"deeper":[1,2,{"x":null}]}}}', 422],
    ['POST', '/todos', { 'content-type': 'application/json; charset=utf-8' }, '{"title":"x","doneStatus":1}', 422],
    ['POST', '/todos/1', JSON_TYPE, '{"id":"one"}', 422],
    ['PUT', '/todos/1', JSON_TYPE, '{"id":1.5,"title":"x"}', 422],
    ['PUT', '/todos', JSON_TYPE, '[]', 400],
    ['POST', '/todos', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=b', 415],
    ['POST', '/todos', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--', 415],
    ['DELETE', '/todos/1', JSON_TYPE, '{not json', 204],
    ['POST', '/todos/2', { 'x-http-method-override': 'PATCH', 'content-type': 'application/xml' }, '<todo/>', 415],
  ]
  for (const [method, url, headers, payload, status] of cases) {
    const res = await call(method, url, headers, payload)
    const label = `${method} ${url} ${payload ?? ''}`
    t.equal(res.statusCode, status, label)
    noFrameworkText(t, res, label)
    if (res.body !== '') {
      const parsed = JSON.parse(res.body) as Record<string, unknown>
      t.same(Object.keys(parsed), ['errorMessages'], `${label}: errorMessages body`)
    }
  }
})
