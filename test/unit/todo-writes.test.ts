import t from 'tap';
import {
  bodyId,
  classicTodoWriteRules,
  currentTodoWriteRules,
  javaDoubleText,
  targetTodoKey,
  todoKey,
  validateAmend,
  validateCreate,
  validateReplace,
} from '../../domain/todo-writes.js';
import type { Todo, TodoFields, TodoWriteRules, WriteOutcome } from '../../domain/todo-writes.js';

// ---------------------------------------------------------------------------------------------
// Table helpers: every row states the expected outcome for both rule sets.

type SetName = 'current' | 'classic';
type Expected<T> = { value: T } | { status: number; message: string };

interface Row<T> {
  readonly name: string;
  readonly run: (rules: TodoWriteRules) => WriteOutcome<T>;
  readonly current: Expected<T>;
  readonly classic: Expected<T>;
}

const RULES: Readonly<Record<SetName, TodoWriteRules>> = {
  current: currentTodoWriteRules,
  classic: classicTodoWriteRules,
};

function outcomeFor<T>(expected: Expected<T>): WriteOutcome<T> {
  return 'value' in expected
    ? { ok: true, value: expected.value }
    : { ok: false, error: { status: expected.status, messages: [expected.message] } };
}

function runRows<T>(section: string, rows: readonly Row<T>[]): void {
  t.test(section, async (t) => {
    for (const row of rows) {
      for (const set of ['current', 'classic'] as const) {
        t.test(`${row.name} [${set}]`, async (t) => {
          t.strictSame(row.run(RULES[set]), outcomeFor(row[set]));
        });
      }
    }
  });
}

const e422 = (message: string) => ({ status: 422, message });
const e400 = (message: string) => ({ status: 400, message });
const e404 = (message: string) => ({ status: 404, message });
const e409 = (message: string) => ({ status: 409, message });

const chars = (count: number, char = 't') => char.repeat(count);
const TITLE_51 = chars(51);
const TITLE_50 = chars(50);
const DESCRIPTION_201 = chars(201, 'd');
const DESCRIPTION_200 = chars(200, 'd');

const TITLE_TOO_LONG =
  'Failed Validation: Maximum allowable length exceeded for title - maximum allowed is 50';
const DESCRIPTION_TOO_LONG =
  'Failed Validation: Maximum allowable length exceeded for description - maximum allowed is 200';
const TITLE_EMPTY = 'Failed Validation: title : can not be empty';
const LIMIT = 'ERROR: Cannot add instance, maximum limit of 20 reached';
const MANDATORY = 'title : field is mandatory';
const PUT_CREATE = 'Cannot create todo with PUT due to Auto fields id';
const PUT_NEEDS_ID = 'PUT requires an identifier in the URI or payload';

const fields = (over: Partial<TodoFields> = {}): TodoFields => ({
  title: 'new todo',
  doneStatus: false,
  description: '',
  ...over,
});

const create = (body: Record<string, unknown>, count = 10, max = 20) => (rules: TodoWriteRules) =>
  validateCreate(rules, body, count, max);

// ---------------------------------------------------------------------------------------------
// §6.4 POST /todos (create), classic §2.9

runRows<TodoFields>('POST /todos create', [
  {
    name: 'title only: defaults doneStatus false and description ""',
    run: create({ title: 'new todo' }),
    current: { value: fields() },
    classic: { value: fields() },
  },
  {
    name: 'all fields supplied',
    run: create({ title: 'full todo', doneStatus: true, description: 'a desc' }),
    current: { value: fields({ title: 'full todo', doneStatus: true, description: 'a desc' }) },
    classic: { value: fields({ title: 'full todo', doneStatus: true, description: 'a desc' }) },
  },
  {
    name: 'title is stored as given, surrounding spaces kept',
    run: create({ title: '  spaced  ' }),
    current: { value: fields({ title: '  spaced  ' }) },
    classic: { value: fields({ title: '  spaced  ' }) },
  },
  {
    name: 'row 1: doneStatus "bob" is a type error',
    run: create({ title: 'x', doneStatus: 'bob' }),
    current: e422('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
    classic: e400('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
  },
  {
    name: 'row 1: doneStatus "true" (a string) is a type error',
    run: create({ title: 'x', doneStatus: 'true' }),
    current: e422('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
    classic: e400('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
  },
  {
    name: 'row 1: doneStatus 1 (integer number)',
    run: create({ title: 'x', doneStatus: 1 }),
    current: e422('Failed Validation: doneStatus should be BOOLEAN but was INTEGER'),
    classic: e400('Failed Validation: doneStatus should be BOOLEAN but was NUMERIC'),
  },
  {
    name: 'row 1: doneStatus 1.5 (fractional number)',
    run: create({ title: 'x', doneStatus: 1.5 }),
    current: e422('Failed Validation: doneStatus should be BOOLEAN but was NUMERIC'),
    classic: e400('Failed Validation: doneStatus should be BOOLEAN but was NUMERIC'),
  },
  {
    name: 'row 1: object and array values',
    run: create({ title: 'x', description: { a: 1 }, doneStatus: [true] }),
    current: e422(
      'Failed Validation: doneStatus should be BOOLEAN but was ARRAY, description should be STRING but was OBJECT',
    ),
    classic: e400(
      'Failed Validation: doneStatus should be BOOLEAN but was ARRAY, description should be STRING but was OBJECT',
    ),
  },
  {
    name: 'row 1: all offending fields joined in reference order; classic accepts number/boolean strings',
    run: create({ title: 5, description: false, doneStatus: 'x' }),
    current: e422(
      'Failed Validation: doneStatus should be BOOLEAN but was STRING, description should be STRING but was BOOLEAN, title should be STRING but was INTEGER',
    ),
    classic: e400('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
  },
  {
    name: 'row 1: null title is a type error (current) / absent so mandatory (classic)',
    run: create({ title: null }),
    current: e422('Failed Validation: title should be STRING but was NULL'),
    classic: e400(MANDATORY),
  },
  {
    name: 'row 1: null doneStatus is a type error (current) / default false (classic)',
    run: create({ title: 'x', doneStatus: null }),
    current: e422('Failed Validation: doneStatus should be BOOLEAN but was NULL'),
    classic: { value: fields({ title: 'x' }) },
  },
  {
    name: 'row 1 before row 3: title 51 + description 201 + bad doneStatus reports only the type',
    run: create({ title: TITLE_51, description: DESCRIPTION_201, doneStatus: 'bob' }),
    current: e422('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
    classic: e400('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
  },
  {
    name: 'classic: title given as a JSON number is stored as Java double text',
    run: create({ title: 12 }),
    current: e422('Failed Validation: title should be STRING but was INTEGER'),
    classic: { value: fields({ title: '12.0' }) },
  },
  {
    name: 'classic: fractional and boolean titles are stored as text',
    run: create({ title: 1.5, description: true }),
    current: e422(
      'Failed Validation: description should be STRING but was BOOLEAN, title should be STRING but was NUMERIC',
    ),
    classic: { value: fields({ title: '1.5', description: 'true' }) },
  },
  {
    name: 'row 1: id of the wrong type',
    run: create({ id: 'abc', title: 'x' }),
    current: e422('Failed Validation: id should be AUTO_INCREMENT but was STRING'),
    classic: e400('Invalid Creation: Failed Validation: Not allowed to create with id'),
  },
  {
    name: 'row 2: id present in body',
    run: create({ id: 55, title: 'with id' }),
    current: e422('Failed Validation: Invalid Creation: Not allowed to create with id'),
    classic: e400('Invalid Creation: Failed Validation: Not allowed to create with id'),
  },
  {
    name: 'row 1 vs row 2 order: id and a bad doneStatus',
    run: create({ id: 55, title: 'x', doneStatus: 'bob' }),
    current: e422('Failed Validation: doneStatus should be BOOLEAN but was STRING'),
    classic: e400('Invalid Creation: Failed Validation: Not allowed to create with id'),
  },
  {
    name: 'row 2 before row 3: id with an unknown field',
    run: create({ priority: 'high', id: 55, title: 'x' }),
    current: e422('Failed Validation: Invalid Creation: Not allowed to create with id'),
    classic: e400('Invalid Creation: Failed Validation: Not allowed to create with id'),
  },
  {
    name: 'row 3: unknown field',
    run: create({ title: 'x', priority: 'high' }),
    current: e422('Failed Validation: Could not find field: priority'),
    classic: e400('Could not find field: priority'),
  },
  {
    name: 'row 3: two unknown fields report the first',
    run: create({ title: 'x', priority: 'high', owner: 'bob' }),
    current: e422('Failed Validation: Could not find field: priority'),
    classic: e400('Could not find field: priority'),
  },
  {
    name: 'row 3: nested unknown field (XML root not <todo>)',
    run: create({ bob: { title: 'x' } }),
    current: e422('Failed Validation: Could not find field: bob.title'),
    classic: e400('Could not find field: bob'),
  },
  {
    name: 'row 3: deeper nesting is dotted',
    run: create({ title: 'x', meta: { a: { b: 1 } } }),
    current: e422('Failed Validation: Could not find field: meta.a.b'),
    classic: e400('Could not find field: meta'),
  },
  {
    name: 'row 3: unknown field name echoed verbatim',
    run: create({ title: 'x', 'a=b': 1 }),
    current: e422('Failed Validation: Could not find field: a=b'),
    classic: e400('Could not find field: a=b'),
  },
  {
    name: 'row 3: empty title',
    run: create({ title: '' }),
    current: e422(TITLE_EMPTY),
    classic: e400(TITLE_EMPTY),
  },
  {
    name: 'row 3: whitespace-only title',
    run: create({ title: '   ' }),
    current: e422(TITLE_EMPTY),
    classic: e400(TITLE_EMPTY),
  },
  {
    name: 'row 3: title > 50',
    run: create({ title: TITLE_51 }),
    current: e422(TITLE_TOO_LONG),
    classic: e400(TITLE_TOO_LONG),
  },
  {
    name: 'row 3: description > 200',
    run: create({ title: 'x', description: DESCRIPTION_201 }),
    current: e422(DESCRIPTION_TOO_LONG),
    classic: e400(DESCRIPTION_TOO_LONG),
  },
  {
    name: 'row 3: title 50 and description 200 are allowed',
    run: create({ title: TITLE_50, description: DESCRIPTION_200 }),
    current: { value: fields({ title: TITLE_50, description: DESCRIPTION_200 }) },
    classic: { value: fields({ title: TITLE_50, description: DESCRIPTION_200 }) },
  },
  {
    name: 'row 3: within one field all failures are joined (51 spaces)',
    run: create({ title: chars(51, ' ') }),
    current: e422(
      'Failed Validation: title : can not be empty, Maximum allowable length exceeded for title - maximum allowed is 50',
    ),
    classic: e400(
      'Failed Validation: title : can not be empty, Maximum allowable length exceeded for title - maximum allowed is 50',
    ),
  },
  {
    name: 'row 3 note: long title and long description report the description first (current key order)',
    run: create({ title: TITLE_51, description: DESCRIPTION_201 }),
    current: e422(DESCRIPTION_TOO_LONG),
    classic: e400(TITLE_TOO_LONG),
  },
  {
    name: 'row 3: known fields are checked before unknown ones (current)',
    run: create({ priority: 'high', title: '' }),
    current: e422(TITLE_EMPTY),
    classic: e400('Could not find field: priority'),
  },
  {
    name: '§2.1 lengths count UTF-16 code units: 25 emoji = 50 units allowed',
    run: create({ title: chars(25, '😀') }),
    current: { value: fields({ title: chars(25, '😀') }) },
    classic: { value: fields({ title: chars(25, '😀') }) },
  },
  {
    name: '§2.1 lengths count UTF-16 code units: 26 emoji = 52 units too long',
    run: create({ title: chars(26, '😀') }),
    current: e422(TITLE_TOO_LONG),
    classic: e400(TITLE_TOO_LONG),
  },
  {
    name: 'row 4: store already holds 20 todos',
    run: create({ title: 'one too many' }, 20),
    current: e409(LIMIT),
    classic: e400(LIMIT),
  },
  {
    name: 'row 4: 19 todos still leave room',
    run: create({ title: 'twentieth' }, 19),
    current: { value: fields({ title: 'twentieth' }) },
    classic: { value: fields({ title: 'twentieth' }) },
  },
  {
    name: 'row 4 note: over-long title at the limit is a validation error, not the limit',
    run: create({ title: TITLE_51 }, 20),
    current: e422(TITLE_TOO_LONG),
    classic: e400(TITLE_TOO_LONG),
  },
  {
    name: 'row 4 order: unknown field at the limit is a validation error',
    run: create({ title: 'x', priority: 1 }, 20),
    current: e422('Failed Validation: Could not find field: priority'),
    classic: e400('Could not find field: priority'),
  },
  {
    name: 'row 4 note: title-less POST at the limit gets the limit error',
    run: create({ description: 'no title' }, 20),
    current: e409(LIMIT),
    classic: e400(LIMIT),
  },
  {
    name: 'row 4: the cap comes from maxTodos (unlimited server)',
    run: create({ title: 'x' }, 500, Infinity),
    current: { value: fields({ title: 'x' }) },
    classic: { value: fields({ title: 'x' }) },
  },
  {
    name: 'row 5: title missing (no prefix on create)',
    run: create({ description: 'no title' }),
    current: e422(MANDATORY),
    classic: e400(MANDATORY),
  },
  {
    name: 'row 5: body {} or empty body',
    run: create({}),
    current: e422(MANDATORY),
    classic: e400(MANDATORY),
  },
  {
    name: 'row 3 before row 5: unknown field without a title',
    run: create({ priority: 'high' }),
    current: e422('Failed Validation: Could not find field: priority'),
    classic: e400('Could not find field: priority'),
  },
]);

// ---------------------------------------------------------------------------------------------
// §6.7 POST /todos/{id} (amend), classic §2.10

const TODO_1: Todo = { id: 1, title: 'scan paperwork', doneStatus: false, description: '' };
const TODO_2: Todo = { id: 2, title: 'file paperwork', doneStatus: true, description: 'filed' };

/** `existing: null` stands for "no such todo" (undefined would pick the default) */
const amend = (body: Record<string, unknown>, existing: Todo | null = TODO_1, urlId = '1') =>
  (rules: TodoWriteRules) => validateAmend(rules, existing ?? undefined, urlId, body);

const todo1 = (over: Partial<Todo> = {}): Todo => ({ ...TODO_1, ...over });

runRows<Todo>('POST /todos/{id} amend', [
  {
    name: 'supplied title merged, other fields kept',
    run: amend({ title: 'amended' }),
    current: { value: todo1({ title: 'amended' }) },
    classic: { value: todo1({ title: 'amended' }) },
  },
  {
    name: 'doneStatus and description merged',
    run: amend({ doneStatus: true, description: 'amend desc' }),
    current: { value: todo1({ doneStatus: true, description: 'amend desc' }) },
    classic: { value: todo1({ doneStatus: true, description: 'amend desc' }) },
  },
  {
    name: '{} leaves the todo unchanged',
    run: amend({}),
    current: { value: todo1() },
    classic: { value: todo1() },
  },
  {
    name: 'row 1: type error without prefix (current); classic "does not match type" text',
    run: amend({ doneStatus: 'bob' }),
    current: e422('doneStatus should be BOOLEAN but was STRING'),
    classic: e400('Failed Validation: doneStatus : bob does not match type BOOLEAN (true, false)'),
  },
  {
    name: 'row 1: numeric doneStatus',
    run: amend({ doneStatus: 1 }),
    current: e422('doneStatus should be BOOLEAN but was INTEGER'),
    classic: e400('Failed Validation: doneStatus : 1.0 does not match type BOOLEAN (true, false)'),
  },
  {
    name: 'row 1: several type errors joined',
    run: amend({ title: ['x'], doneStatus: 'no' }),
    current: e422('doneStatus should be BOOLEAN but was STRING, title should be STRING but was ARRAY'),
    classic: e400(
      'Failed Validation: doneStatus : no does not match type BOOLEAN (true, false), title should be STRING but was ARRAY',
    ),
  },
  {
    name: 'row 1: null description is a type error (current) / ignored (classic)',
    run: amend({ description: null }),
    current: e422('description should be STRING but was NULL'),
    classic: { value: todo1() },
  },
  {
    name: 'row 1: id is not type-checked on amend',
    run: amend({ id: 'abc' }),
    current: e422('Can not amend id from 1 to abc'),
    classic: e400('Can not amend id from 1 to abc'),
  },
  {
    name: 'row 2: todo not found',
    run: amend({ title: 'nope' }, null, '999'),
    current: e404('No such todo entity instance with id == 999 found'),
    classic: e404('No such todo entity instance with id == 999 found'),
  },
  {
    name: 'row 2: non-numeric id not found',
    run: amend({ title: 'nope' }, null, 'abc'),
    current: e404('No such todo entity instance with id == abc found'),
    classic: e404('No such todo entity instance with id == abc found'),
  },
  {
    name: 'row 1 before row 2 (current): bad type on a missing todo',
    run: amend({ doneStatus: 'bob' }, null, '999'),
    current: e422('doneStatus should be BOOLEAN but was STRING'),
    classic: e404('No such todo entity instance with id == 999 found'),
  },
  {
    name: 'row 2 before row 3: POST-404 payload carrying the same id',
    run: amend({ id: 2004567, title: 'x', doneStatus: true }, null, '2004567'),
    current: e404('No such todo entity instance with id == 2004567 found'),
    classic: e404('No such todo entity instance with id == 2004567 found'),
  },
  {
    name: 'row 3: body id differs from URL id',
    run: amend({ id: 2, title: 'other id' }),
    current: e422('Can not amend id from 1 to 2'),
    classic: e400('Can not amend id from 1 to 2'),
  },
  {
    name: 'row 3: same id as number is accepted and ignored',
    run: amend({ id: 1, title: 'same id' }),
    current: { value: todo1({ title: 'same id' }) },
    classic: { value: todo1({ title: 'same id' }) },
  },
  {
    name: 'row 3: same id as a string is normalised',
    run: amend({ id: '1', title: 'same id' }),
    current: { value: todo1({ title: 'same id' }) },
    classic: { value: todo1({ title: 'same id' }) },
  },
  {
    name: 'row 3 before row 4: id change with an unknown field',
    run: amend({ priority: 1, id: 2 }),
    current: e422('Can not amend id from 1 to 2'),
    classic: e400('Can not amend id from 1 to 2'),
  },
  {
    name: 'row 4: unknown field',
    run: amend({ priority: 1 }),
    current: e422('Failed Validation: Could not find field: priority'),
    classic: e400('Could not find field: priority'),
  },
  {
    name: 'row 4: empty title',
    run: amend({ title: '' }),
    current: e422(TITLE_EMPTY),
    classic: e400(TITLE_EMPTY),
  },
  {
    name: 'row 4: title too long',
    run: amend({ title: TITLE_51 }),
    current: e422(TITLE_TOO_LONG),
    classic: e400(TITLE_TOO_LONG),
  },
  {
    name: 'row 4: description too long',
    run: amend({ description: DESCRIPTION_201 }),
    current: e422(DESCRIPTION_TOO_LONG),
    classic: e400(DESCRIPTION_TOO_LONG),
  },
  {
    name: 'classic: numeric title on amend stored as Java double text',
    run: amend({ title: 7 }),
    current: e422('title should be STRING but was INTEGER'),
    classic: { value: todo1({ title: '7.0' }) },
  },
]);

// ---------------------------------------------------------------------------------------------
// §6.8 PUT /todos/{id} (full replace), classic §2.10 and T14

/** `existing: null` stands for "no such todo"; `urlId: null` for PUT /todos */
const replace =
  (body: Record<string, unknown>, existing: Todo | null = TODO_2, urlId: string | null = '2') =>
  (rules: TodoWriteRules) => validateReplace(rules, existing ?? undefined, urlId ?? undefined, body);

const todo2 = (over: Partial<Todo>): Todo => ({
  id: 2,
  title: '',
  doneStatus: false,
  description: '',
  ...over,
});

runRows<Todo>('PUT /todos/{id} replace', [
  {
    name: 'full replace',
    run: replace({ title: 'put full', doneStatus: true, description: 'put desc' }),
    current: { value: todo2({ title: 'put full', doneStatus: true, description: 'put desc' }) },
    classic: { value: todo2({ title: 'put full', doneStatus: true, description: 'put desc' }) },
  },
  {
    name: 'title only resets doneStatus to false and description to ""',
    run: replace({ title: 'put partial' }),
    current: { value: todo2({ title: 'put partial' }) },
    classic: { value: todo2({ title: 'put partial' }) },
  },
  {
    name: 'matching body id (number)',
    run: replace({ id: 2, title: 'put with id' }),
    current: { value: todo2({ title: 'put with id' }) },
    classic: { value: todo2({ title: 'put with id' }) },
  },
  {
    name: 'matching body id (string)',
    run: replace({ id: '2', title: 'put with id str' }),
    current: { value: todo2({ title: 'put with id str' }) },
    classic: { value: todo2({ title: 'put with id str' }) },
  },
  {
    name: 'type error in a non-id field',
    run: replace({ title: 'x', doneStatus: 'bob' }),
    current: e422('doneStatus should be BOOLEAN but was STRING'),
    classic: e400('Failed Validation: doneStatus : bob does not match type BOOLEAN (true, false)'),
  },
  {
    name: 'body id differs from URL id',
    run: replace({ id: 3, title: 'change id' }),
    current: e422('Can not amend id from 2 to 3'),
    classic: e400('Can not amend id from 2 to 3'),
  },
  {
    name: 'title missing (prefix in current)',
    run: replace({ doneStatus: true }),
    current: e422('Failed Validation: title : field is mandatory'),
    classic: e400(MANDATORY),
  },
  {
    name: 'empty body',
    run: replace({}),
    current: e422('Failed Validation: title : field is mandatory'),
    classic: e400(MANDATORY),
  },
  {
    name: 'null title: type error (current) / mandatory (classic)',
    run: replace({ title: null }),
    current: e422('title should be STRING but was NULL'),
    classic: e400(MANDATORY),
  },
  {
    name: 'unknown field',
    run: replace({ title: 'x', priority: 1 }),
    current: e422('Failed Validation: Could not find field: priority'),
    classic: e400('Could not find field: priority'),
  },
  {
    name: 'empty title',
    run: replace({ title: ' ' }),
    current: e422(TITLE_EMPTY),
    classic: e400(TITLE_EMPTY),
  },
  {
    name: 'title too long',
    run: replace({ title: TITLE_51 }),
    current: e422(TITLE_TOO_LONG),
    classic: e400(TITLE_TOO_LONG),
  },
  {
    name: 'field checks come before the mandatory title',
    run: replace({ description: DESCRIPTION_201 }),
    current: e422(DESCRIPTION_TOO_LONG),
    classic: e400(DESCRIPTION_TOO_LONG),
  },
  {
    name: 'id change comes before field checks',
    run: replace({ id: 3, priority: 1 }),
    current: e422('Can not amend id from 2 to 3'),
    classic: e400('Can not amend id from 2 to 3'),
  },
  {
    name: 'todo missing and body contains id',
    run: replace({ id: 999, title: 'create via put' }, null, '999'),
    current: e422(PUT_CREATE),
    classic: e400(PUT_CREATE),
  },
  {
    name: 'todo missing, no body id: 404 rewrite (current) / create error (classic)',
    run: replace({ title: 'create via put' }, null, '999'),
    current: e404('No such todo entity instance with id == 999'),
    classic: e400(PUT_CREATE),
  },
  {
    name: 'todo missing, no body id, no title',
    run: replace({ doneStatus: true }, null, '999'),
    current: e404('No such todo entity instance with id == 999'),
    classic: e400(PUT_CREATE),
  },
  {
    name: 'todo missing, no body id, type error: still 404 (current)',
    run: replace({ doneStatus: 'bob' }, null, '999'),
    current: e404('No such todo entity instance with id == 999'),
    classic: e400(PUT_CREATE),
  },
  {
    name: 'todo missing, body id and a type error: the type error (current)',
    run: replace({ id: 999, title: 'x', doneStatus: 'bob' }, null, '999'),
    current: e422('doneStatus should be BOOLEAN but was STRING'),
    classic: e400(PUT_CREATE),
  },
  {
    name: 'non-numeric URL id',
    run: replace({ title: 'x' }, null, 'abc'),
    current: e404('No such todo entity instance with id == abc'),
    classic: e400(PUT_CREATE),
  },
  {
    name: 'classic: numeric title stored as Java double text',
    run: replace({ title: 12 }),
    current: e422('title should be STRING but was INTEGER'),
    classic: { value: todo2({ title: '12.0' }) },
  },
]);

// ---------------------------------------------------------------------------------------------
// §6.5 PUT /todos (identifier in body)

const TODO_3: Todo = { id: 3, title: 'process payments', doneStatus: true, description: 'due' };
const putCollection = (body: Record<string, unknown>, existing: Todo | null = TODO_3) =>
  replace(body, existing, null);

runRows<Todo>('PUT /todos (id in body)', [
  {
    name: 'body has no id',
    run: putCollection({ title: 'x' }, null),
    current: e422(PUT_NEEDS_ID),
    classic: e400(PUT_NEEDS_ID),
  },
  {
    name: 'body has no id: checked before type errors',
    run: putCollection({ doneStatus: 'bob' }, null),
    current: e422(PUT_NEEDS_ID),
    classic: e400(PUT_NEEDS_ID),
  },
  {
    name: 'a null body id counts as none',
    run: putCollection({ id: null, title: 'x' }, null),
    current: e422(PUT_NEEDS_ID),
    classic: e400(PUT_NEEDS_ID),
  },
  {
    name: 'body id matches an existing todo: full replace',
    run: putCollection({ id: 3, title: 'replaced' }),
    current: { value: { id: 3, title: 'replaced', doneStatus: false, description: '' } },
    classic: { value: { id: 3, title: 'replaced', doneStatus: false, description: '' } },
  },
  {
    name: 'body id matches: replace-style errors apply',
    run: putCollection({ id: 3 }),
    current: e422('Failed Validation: title : field is mandatory'),
    classic: e400(MANDATORY),
  },
  {
    name: 'body id does not exist: create error, no 404 rewrite',
    run: putCollection({ id: 99, title: 'x' }, null),
    current: e422(PUT_CREATE),
    classic: e400(PUT_CREATE),
  },
]);

// ---------------------------------------------------------------------------------------------
// Helpers for the caller

t.test('bodyId normalises numeric ids and ignores absent or null ids', async (t) => {
  t.equal(bodyId({ id: 3 }), '3');
  t.equal(bodyId({ id: '3' }), '3');
  t.equal(bodyId({ id: '003' }), '3');
  t.equal(bodyId({ id: 'abc' }), 'abc');
  t.equal(bodyId({ id: 2.5 }), '2.5');
  t.equal(bodyId({ id: null }), undefined);
  t.equal(bodyId({ title: 'x' }), undefined);
});

t.test('todoKey accepts only canonical positive integers', async (t) => {
  t.equal(todoKey('7'), 7);
  t.equal(todoKey('abc'), undefined);
  t.equal(todoKey('0'), undefined);
  t.equal(todoKey('07'), undefined);
  t.equal(todoKey('2.5'), undefined);
  t.equal(todoKey('99999999999999999999'), undefined);
  t.equal(todoKey(undefined), undefined);
});

t.test('targetTodoKey prefers the URL id, else the body id', async (t) => {
  t.equal(targetTodoKey('5', { id: 6 }), 5);
  t.equal(targetTodoKey(undefined, { id: 6 }), 6);
  t.equal(targetTodoKey(undefined, { id: '6' }), 6);
  t.equal(targetTodoKey(undefined, { title: 'x' }), undefined);
  t.equal(targetTodoKey('abc', {}), undefined);
});

t.test('javaDoubleText formats like Java Double.toString', async (t) => {
  t.equal(javaDoubleText(12), '12.0');
  t.equal(javaDoubleText(1.5), '1.5');
  t.equal(javaDoubleText(0), '0.0');
  t.equal(javaDoubleText(-3), '-3.0');
  t.equal(javaDoubleText(1234567), '1234567.0');
  t.equal(javaDoubleText(12345678), '1.2345678E7');
  t.equal(javaDoubleText(1e21), '1.0E21');
  t.equal(javaDoubleText(0.0001), '1.0E-4');
  t.equal(javaDoubleText(0.001), '0.001');
});

t.test('rule values carry the per-set statuses', async (t) => {
  t.equal(currentTodoWriteRules.validationStatus, 422);
  t.equal(currentTodoWriteRules.maxTodosStatus, 409);
  t.equal(classicTodoWriteRules.validationStatus, 400);
  t.equal(classicTodoWriteRules.maxTodosStatus, 400);
});

t.test('inputs are not mutated', async (t) => {
  const body = { title: 'x', doneStatus: true };
  const existing = { ...TODO_1 };
  validateAmend(currentTodoWriteRules, existing, '1', body);
  validateReplace(currentTodoWriteRules, existing, '1', body);
  t.strictSame(body, { title: 'x', doneStatus: true });
  t.strictSame(existing, TODO_1);
});
