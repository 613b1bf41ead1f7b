/**
 * Decides the outcome of todo write requests (create, amend, replace) without touching storage.
 *
 * Everything that differs between the `current` and `classic` challenge sets (statuses, message
 * texts, check order, how loosely values are typed) lives in the two exported rule values, so the
 * functions below never ask which set they are running for.
 *
 * How a route uses it (`rules` is the configured set's value, `urlId` the path segment as sent):
 *
 *   POST /todos        validateCreate(rules, body, countInStore, maxTodos)  → 201, store value, new id
 *   POST /todos/{id}   key = todoKey(urlId); existing = key === undefined ? undefined : store.get(key)
 *                      validateAmend(rules, existing, urlId, body)          → 200 with value
 *   PUT  /todos/{id}   key = targetTodoKey(urlId, body); existing = … as above
 *   PUT  /todos        key = targetTodoKey(undefined, body)  (the id comes from the body)
 *                      validateReplace(rules, existing, urlId, body)        → 200 with value
 *
 * On `{ ok: false }` answer `error.status` with `{"errorMessages": error.messages}`.
 * The body is the parsed JSON/XML object in body-key order; nothing here mutates it.
 */

import type { Todo } from '../schemas/todos.js';

export type { Todo };

export type TodoFields = Omit<Todo, 'id'>;

export interface WriteError {
  status: number;
  messages: string[];
}

export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; error: WriteError };

/** the declared type of a todo field, as named in type-error messages */
export type DeclaredType = 'STRING' | 'BOOLEAN' | 'AUTO_INCREMENT';

/** the type a body value arrived as, as named in type-error messages */
export type SourceType = 'STRING' | 'BOOLEAN' | 'INTEGER' | 'NUMERIC' | 'OBJECT' | 'ARRAY' | 'NULL';

export type WriteKind = 'create' | 'amend' | 'replace';

export type TodoFieldName = 'doneStatus' | 'description' | 'id' | 'title';

export interface TypeMismatch {
  readonly field: TodoFieldName;
  readonly expected: DeclaredType;
  readonly source: SourceType;
  readonly value: unknown;
}

/**
 * One check of a write request. Each rule set lists, per write kind, the checks it runs and their
 * order; the first failing check decides the response.
 * - identifier: PUT without URL id needs an id in the body
 * - types: declared types of the known fields (all of them on create, all but id otherwise)
 * - idInBody: create must not carry an id
 * - exists: the todo must exist (amend → 404, replace → "cannot create with PUT")
 * - idChange: a body id must equal the todo's id
 * - fields: per supplied field (unknown name, empty title, too long), first failing field wins
 * - limit: the store must have room for one more todo
 * - titleMandatory: a title must be supplied
 */
export type CreateCheck = 'types' | 'idInBody' | 'fields' | 'limit' | 'titleMandatory';
export type AmendCheck = 'types' | 'exists' | 'idChange' | 'fields';
export type ReplaceCheck = 'identifier' | 'types' | 'exists' | 'idChange' | 'fields' | 'titleMandatory';
type WriteCheck = CreateCheck | AmendCheck | ReplaceCheck;

/** every text a write can answer with; each builder returns one complete error message */
export interface TodoWriteMessages {
  readonly typeMismatches: (kind: WriteKind, mismatches: readonly TypeMismatch[]) => string;
  readonly createWithId: string;
  readonly unknownField: (name: string) => string;
  /** failures of one known field's rules (e.g. empty and too long), already worded */
  readonly fieldRuleFailures: (failures: readonly string[]) => string;
  readonly titleEmpty: string;
  readonly tooLong: (field: TodoFieldName, maximum: number) => string;
  readonly maxTodosReached: (maximum: number) => string;
  readonly titleMandatory: Readonly<Record<'create' | 'replace', string>>;
  readonly amendNotFound: (urlId: string) => string;
  readonly replaceNotFound: (urlId: string) => string;
  readonly replaceWouldCreate: string;
  readonly replaceNeedsIdentifier: string;
  readonly idChange: (from: string, to: string) => string;
}

/** per-set wording, statuses and strictness; callers never branch on the set name */
export interface TodoWriteRules {
  /** status of every validation failure (type, unknown field, lengths, id, mandatory, PUT create) */
  readonly validationStatus: number;
  /** status when the store already holds maxTodos todos */
  readonly maxTodosStatus: number;
  /** status of the amend 404 and of the PUT-missing-todo rewrite */
  readonly notFoundStatus: number;
  /** classic drops `null` values as if the key were absent; current reports them as type NULL */
  readonly nullMeansAbsent: boolean;
  /** how a number is named as a source type */
  readonly numberSource: (value: number) => 'INTEGER' | 'NUMERIC';
  /** source types each declared type accepts (classic accepts numbers and booleans for strings) */
  readonly accepts: Readonly<Record<DeclaredType, readonly SourceType[]>>;
  /** how an accepted number is stored in a string field (classic: Java double text, "12.0") */
  readonly numberText: (value: number) => string;
  /** the order in which supplied keys are checked by the `fields` check */
  readonly fieldCheckOrder: (keys: readonly string[]) => string[];
  /** the name reported for an unknown key (current: dotted leaf names of nested objects) */
  readonly unknownFieldName: (key: string, value: unknown) => string;
  /** PUT /todos/{id} to a missing todo without a body id: 404 (current) or the create error (classic) */
  readonly missingPutWithoutBodyIdIsNotFound: boolean;
  readonly createChecks: readonly CreateCheck[];
  readonly amendChecks: readonly AmendCheck[];
  readonly replaceChecks: readonly ReplaceCheck[];
  readonly messages: TodoWriteMessages;
}

// ---------------------------------------------------------------------------------------------
// The todo entity

interface FieldDefinition {
  readonly type: DeclaredType;
  readonly maxLength?: number;
  readonly notBlank?: boolean;
}

const TODO_FIELDS: Readonly<Record<TodoFieldName, FieldDefinition>> = {
  doneStatus: { type: 'BOOLEAN' },
  description: { type: 'STRING', maxLength: 200 },
  id: { type: 'AUTO_INCREMENT' },
  title: { type: 'STRING', maxLength: 50, notBlank: true },
};

/** the reference validates known fields in this (hash-map) order */
const REFERENCE_FIELD_ORDER: readonly TodoFieldName[] = ['doneStatus', 'description', 'id', 'title'];

function isTodoField(key: string): key is TodoFieldName {
  return Object.hasOwn(TODO_FIELDS, key);
}

// ---------------------------------------------------------------------------------------------
// Value helpers shared by both rule sets

const FAILED_VALIDATION = 'Failed Validation: ';

/** Java's Double.toString: 12 → "12.0", 1.5 → "1.5", 1e7 → "1.0E7", 0.0001 → "1.0E-4" */
export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(value);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sourceTypeOf(rules: TodoWriteRules, value: unknown): SourceType {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  switch (typeof value) {
    case 'string':
      return 'STRING';
    case 'boolean':
      return 'BOOLEAN';
    case 'number':
      return rules.numberSource(value);
    default:
      return 'OBJECT';
  }
}

/** a value as it reads inside a message */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return javaDoubleText(value);
  return JSON.stringify(value) ?? String(value);
}

/** Java String.trim(): strips code units up to U+0020 at both ends */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** text of an id value, with numeric ids normalised (2, "2", "002" → "2") */
function idText(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value.replace(/^0+(?=\d)/, '');
  return valueText(value);
}

/**
 * The id a body carries, normalised as text (numbers and digit strings compare equal), or
 * undefined when the body has no `id` (a `null` id counts as none).
 */
export function bodyId(body: Record<string, unknown>): string | undefined {
  const value = Object.hasOwn(body, 'id') ? body.id : undefined;
  return value === undefined || value === null ? undefined : idText(value);
}

/** The store key an id text names, or undefined when it cannot name a todo ("abc", "2.5", "0"). */
export function todoKey(idTextValue: string | undefined): number | undefined {
  if (idTextValue === undefined || !/^[1-9]\d*$/.test(idTextValue)) return undefined;
  const key = Number(idTextValue);
  return Number.isSafeInteger(key) ? key : undefined;
}

/**
 * The todo a write targets: the URL id when there is one, else the body id (PUT /todos).
 * Look the todo up with this key and pass the result (or undefined) as `existing`.
 */
export function targetTodoKey(urlId: string | undefined, body: Record<string, unknown>): number | undefined {
  return todoKey(urlId ?? bodyId(body));
}

// ---------------------------------------------------------------------------------------------
// The two rule sets

const integerOrNumeric = (value: number): 'INTEGER' | 'NUMERIC' =>
  Number.isInteger(value) ? 'INTEGER' : 'NUMERIC';

const shouldBeText = (mismatch: TypeMismatch): string =>
  `${mismatch.field} should be ${mismatch.expected} but was ${mismatch.source}`;

/** classic amend/replace word a bad boolean as the older engine did */
const classicMismatchText = (kind: WriteKind, mismatch: TypeMismatch): string =>
  kind !== 'create' && mismatch.expected === 'BOOLEAN'
    ? `${mismatch.field} : ${valueText(mismatch.value)} does not match type BOOLEAN (true, false)`
    : shouldBeText(mismatch);

/** known fields first, in the reference's order, then unknown keys in body order */
function knownFieldsFirst(keys: readonly string[]): string[] {
  const known = REFERENCE_FIELD_ORDER.filter((field) => keys.includes(field));
  return [...known, ...keys.filter((key) => !isTodoField(key))];
}

/** nested objects are reported by their first dotted leaf name (`meta.a`) */
function firstDottedName(key: string, value: unknown): string {
  if (!isPlainObject(value)) return key;
  const [firstKey] = Object.keys(value);
  return firstKey === undefined ? key : firstDottedName(`${key}.${firstKey}`, value[firstKey]);
}

const sharedMessages = {
  titleEmpty: 'title : can not be empty',
  tooLong: (field: TodoFieldName, maximum: number) =>
    `Maximum allowable length exceeded for ${field} - maximum allowed is ${maximum}`,
  fieldRuleFailures: (failures: readonly string[]) => FAILED_VALIDATION + failures.join(', '),
  maxTodosReached: (maximum: number) => `ERROR: Cannot add instance, maximum limit of ${maximum} reached`,
  amendNotFound: (urlId: string) => `No such todo entity instance with id == ${urlId} found`,
  replaceNotFound: (urlId: string) => `No such todo entity instance with id == ${urlId}`,
  replaceWouldCreate: 'Cannot create todo with PUT due to Auto fields id',
  replaceNeedsIdentifier: 'PUT requires an identifier in the URI or payload',
  idChange: (from: string, to: string) => `Can not amend id from ${from} to ${to}`,
} as const;

export const currentTodoWriteRules: TodoWriteRules = {
  validationStatus: 422,
  maxTodosStatus: 409,
  notFoundStatus: 404,
  nullMeansAbsent: false,
  numberSource: integerOrNumeric,
  accepts: { STRING: ['STRING'], BOOLEAN: ['BOOLEAN'], AUTO_INCREMENT: ['INTEGER'] },
  numberText: String,
  fieldCheckOrder: knownFieldsFirst,
  unknownFieldName: firstDottedName,
  missingPutWithoutBodyIdIsNotFound: true,
  createChecks: ['types', 'idInBody', 'fields', 'limit', 'titleMandatory'],
  amendChecks: ['types', 'exists', 'idChange', 'fields'],
  replaceChecks: ['identifier', 'types', 'exists', 'idChange', 'fields', 'titleMandatory'],
  messages: {
    ...sharedMessages,
    typeMismatches: (kind, mismatches) =>
      (kind === 'create' ? FAILED_VALIDATION : '') + mismatches.map(shouldBeText).join(', '),
    createWithId: `${FAILED_VALIDATION}Invalid Creation: Not allowed to create with id`,
    unknownField: (name) => `${FAILED_VALIDATION}Could not find field: ${name}`,
    titleMandatory: {
      create: 'title : field is mandatory',
      replace: `${FAILED_VALIDATION}title : field is mandatory`,
    },
  },
};

export const classicTodoWriteRules: TodoWriteRules = {
  validationStatus: 400,
  maxTodosStatus: 400,
  notFoundStatus: 404,
  nullMeansAbsent: true,
  numberSource: () => 'NUMERIC',
  accepts: {
    STRING: ['STRING', 'NUMERIC', 'BOOLEAN'],
    BOOLEAN: ['BOOLEAN'],
    AUTO_INCREMENT: ['NUMERIC', 'STRING'],
  },
  numberText: javaDoubleText,
  fieldCheckOrder: (keys) => [...keys],
  unknownFieldName: (key) => key,
  missingPutWithoutBodyIdIsNotFound: false,
  createChecks: ['idInBody', 'types', 'fields', 'limit', 'titleMandatory'],
  amendChecks: ['exists', 'types', 'idChange', 'fields'],
  replaceChecks: ['identifier', 'exists', 'types', 'idChange', 'fields', 'titleMandatory'],
  messages: {
    ...sharedMessages,
    typeMismatches: (kind, mismatches) =>
      FAILED_VALIDATION + mismatches.map((mismatch) => classicMismatchText(kind, mismatch)).join(', '),
    createWithId: `Invalid Creation: ${FAILED_VALIDATION}Not allowed to create with id`,
    unknownField: (name) => `Could not find field: ${name}`,
    titleMandatory: {
      create: 'title : field is mandatory',
      replace: 'title : field is mandatory',
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Reading the body under a rule set

interface WriteRequest {
  readonly rules: TodoWriteRules;
  readonly kind: WriteKind;
  readonly body: Record<string, unknown>;
  readonly existing: Todo | undefined;
  readonly urlId: string | undefined;
  readonly currentCount: number;
  readonly maxTodos: number;
}

/** the value supplied for a key, or undefined when the key is absent (or null in classic) */
function supplied(request: WriteRequest, key: string): unknown {
  if (!Object.hasOwn(request.body, key)) return undefined;
  const value = request.body[key];
  return value === null && request.rules.nullMeansAbsent ? undefined : value;
}

function suppliedKeys(request: WriteRequest): string[] {
  return Object.keys(request.body).filter((key) => supplied(request, key) !== undefined);
}

function accepted(rules: TodoWriteRules, field: TodoFieldName, value: unknown): boolean {
  return rules.accepts[TODO_FIELDS[field].type].includes(sourceTypeOf(rules, value));
}

/** the text stored for an accepted string-field value */
function storedText(rules: TodoWriteRules, value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return rules.numberText(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

function suppliedText(request: WriteRequest, field: 'title' | 'description'): string | undefined {
  const value = supplied(request, field);
  return value !== undefined && accepted(request.rules, field, value)
    ? storedText(request.rules, value)
    : undefined;
}

function suppliedDoneStatus(request: WriteRequest): boolean | undefined {
  const value = supplied(request, 'doneStatus');
  return typeof value === 'boolean' ? value : undefined;
}

function invalid(rules: TodoWriteRules, message: string): WriteError {
  return { status: rules.validationStatus, messages: [message] };
}

// ---------------------------------------------------------------------------------------------
// The checks

function typeMismatches(request: WriteRequest): TypeMismatch[] {
  const checked = REFERENCE_FIELD_ORDER.filter((field) => request.kind === 'create' || field !== 'id');
  const mismatches: TypeMismatch[] = [];
  for (const field of checked) {
    const value = supplied(request, field);
    if (value === undefined || accepted(request.rules, field, value)) continue;
    const source = sourceTypeOf(request.rules, value);
    mismatches.push({ field, expected: TODO_FIELDS[field].type, source, value });
  }
  return mismatches;
}

function valuesMustHaveDeclaredTypes(request: WriteRequest): WriteError | undefined {
  const mismatches = typeMismatches(request);
  if (mismatches.length === 0) return undefined;
  return invalid(request.rules, request.rules.messages.typeMismatches(request.kind, mismatches));
}

function createMustNotCarryId(request: WriteRequest): WriteError | undefined {
  return supplied(request, 'id') === undefined
    ? undefined
    : invalid(request.rules, request.rules.messages.createWithId);
}

function putNeedsIdentifier(request: WriteRequest): WriteError | undefined {
  return request.urlId === undefined && bodyId(request.body) === undefined
    ? invalid(request.rules, request.rules.messages.replaceNeedsIdentifier)
    : undefined;
}

function todoMustExist(request: WriteRequest): WriteError | undefined {
  return request.existing === undefined ? missingTodo(request) : undefined;
}

/** the answer for a write whose target todo does not exist */
function missingTodo(request: WriteRequest): WriteError {
  const { rules } = request;
  if (request.kind === 'amend') {
    return { status: rules.notFoundStatus, messages: [rules.messages.amendNotFound(request.urlId ?? '')] };
  }
  return invalid(rules, rules.messages.replaceWouldCreate);
}

function idMustNotChange(request: WriteRequest): WriteError | undefined {
  const to = bodyId(request.body);
  if (to === undefined || request.existing === undefined) return undefined;
  const from = String(request.existing.id);
  return to === from ? undefined : invalid(request.rules, request.rules.messages.idChange(from, to));
}

/** rule failures of one string field, worded; empty when the value passes */
function stringRuleFailures(rules: TodoWriteRules, field: TodoFieldName, text: string): string[] {
  const definition = TODO_FIELDS[field];
  const failures: string[] = [];
  if (definition.notBlank === true && javaTrim(text) === '') failures.push(rules.messages.titleEmpty);
  if (definition.maxLength !== undefined && text.length > definition.maxLength) {
    failures.push(rules.messages.tooLong(field, definition.maxLength));
  }
  return failures;
}

/** the message for one supplied key, or undefined when it passes */
function fieldFailure(request: WriteRequest, key: string): string | undefined {
  const { rules } = request;
  if (!isTodoField(key)) return rules.messages.unknownField(rules.unknownFieldName(key, request.body[key]));
  if (key !== 'title' && key !== 'description') return undefined;
  const text = suppliedText(request, key);
  if (text === undefined) return undefined;
  const failures = stringRuleFailures(rules, key, text);
  return failures.length === 0 ? undefined : rules.messages.fieldRuleFailures(failures);
}

function firstFieldFailure(request: WriteRequest): WriteError | undefined {
  for (const key of request.rules.fieldCheckOrder(suppliedKeys(request))) {
    const message = fieldFailure(request, key);
    if (message !== undefined) return invalid(request.rules, message);
  }
  return undefined;
}

function storeMustHaveRoom(request: WriteRequest): WriteError | undefined {
  if (request.currentCount < request.maxTodos) return undefined;
  const { rules } = request;
  return { status: rules.maxTodosStatus, messages: [rules.messages.maxTodosReached(request.maxTodos)] };
}

function titleMustBeSupplied(request: WriteRequest): WriteError | undefined {
  if (supplied(request, 'title') !== undefined) return undefined;
  const wording = request.kind === 'create' ? 'create' : 'replace';
  return invalid(request.rules, request.rules.messages.titleMandatory[wording]);
}

const CHECKS: Readonly<Record<WriteCheck, (request: WriteRequest) => WriteError | undefined>> = {
  identifier: putNeedsIdentifier,
  types: valuesMustHaveDeclaredTypes,
  idInBody: createMustNotCarryId,
  exists: todoMustExist,
  idChange: idMustNotChange,
  fields: firstFieldFailure,
  limit: storeMustHaveRoom,
  titleMandatory: titleMustBeSupplied,
};

function firstFailure(request: WriteRequest, checks: readonly WriteCheck[]): WriteError | undefined {
  for (const check of checks) {
    const error = CHECKS[check](request);
    if (error !== undefined) return error;
  }
  return undefined;
}

/**
 * PUT /todos/{id} to a missing todo without a body id: in the current set any validation failure
 * is answered as a 404 instead (the reference's response hook does this).
 */
function missingPutAnswer(request: WriteRequest, error: WriteError): WriteError {
  const { rules } = request;
  const rewrite =
    rules.missingPutWithoutBodyIdIsNotFound &&
    request.urlId !== undefined &&
    request.existing === undefined &&
    bodyId(request.body) === undefined &&
    error.status === rules.validationStatus;
  return rewrite
    ? { status: rules.notFoundStatus, messages: [rules.messages.replaceNotFound(request.urlId ?? '')] }
    : error;
}

// ---------------------------------------------------------------------------------------------
// Public decisions

function failed<T>(error: WriteError): WriteOutcome<T> {
  return { ok: false, error };
}

type RequestContext = Partial<Pick<WriteRequest, 'existing' | 'urlId' | 'currentCount' | 'maxTodos'>>;

function writeRequest(
  rules: TodoWriteRules,
  kind: WriteKind,
  body: Record<string, unknown>,
  context: RequestContext,
): WriteRequest {
  const { existing, urlId, currentCount = 0, maxTodos = Infinity } = context;
  return { rules, kind, body, existing, urlId, currentCount, maxTodos };
}

/**
 * POST /todos. `currentCount` is the number of todos in the store now; `maxTodos` the cap
 * (20; pass Infinity for an unlimited server). On success the caller allocates the id.
 */
export function validateCreate(
  rules: TodoWriteRules,
  body: Record<string, unknown>,
  currentCount: number,
  maxTodos: number,
): WriteOutcome<TodoFields> {
  const request = writeRequest(rules, 'create', body, { currentCount, maxTodos });
  const error = firstFailure(request, rules.createChecks);
  if (error !== undefined) return failed(error);
  return {
    ok: true,
    value: {
      title: suppliedText(request, 'title') ?? '',
      doneStatus: suppliedDoneStatus(request) ?? false,
      description: suppliedText(request, 'description') ?? '',
    },
  };
}

/**
 * POST /todos/{id}: merges the supplied fields into `existing`, the todo found under
 * `todoKey(urlId)` (undefined when there is none). `urlId` is the path segment as sent.
 */
export function validateAmend(
  rules: TodoWriteRules,
  existing: Todo | undefined,
  urlId: string,
  body: Record<string, unknown>,
): WriteOutcome<Todo> {
  const request = writeRequest(rules, 'amend', body, { existing, urlId });
  const error = firstFailure(request, rules.amendChecks);
  if (error !== undefined) return failed(error);
  if (existing === undefined) return failed(missingTodo(request));
  return {
    ok: true,
    value: {
      id: existing.id,
      title: suppliedText(request, 'title') ?? existing.title,
      doneStatus: suppliedDoneStatus(request) ?? existing.doneStatus,
      description: suppliedText(request, 'description') ?? existing.description,
    },
  };
}

/**
 * PUT /todos/{id} (urlId given, as sent) and PUT /todos (urlId undefined, the id comes from the
 * body): a full replace of `existing`, the todo found under `targetTodoKey(urlId, body)`
 * (undefined when there is none). Omitted doneStatus becomes false and omitted description "".
 */
export function validateReplace(
  rules: TodoWriteRules,
  existing: Todo | undefined,
  urlId: string | undefined,
  body: Record<string, unknown>,
): WriteOutcome<Todo> {
  const request = writeRequest(rules, 'replace', body, { existing, urlId });
  const error = firstFailure(request, rules.replaceChecks);
  if (error !== undefined) return failed(missingPutAnswer(request, error));
  if (existing === undefined) return failed(missingPutAnswer(request, missingTodo(request)));
  return {
    ok: true,
    value: {
      id: existing.id,
      title: suppliedText(request, 'title') ?? '',
      doneStatus: suppliedDoneStatus(request) ?? false,
      description: suppliedText(request, 'description') ?? '',
    },
  };
}
