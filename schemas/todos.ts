import { Type, type Static } from 'typebox'

export const Todo = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  title: Type.String({ minLength: 1, maxLength: 50 }),
  doneStatus: Type.Boolean(),
  description: Type.String({ maxLength: 200 }),
}, { description: 'XML: <todo><doneStatus/><description/><id/><title/></todo>' })
export type Todo = Static<typeof Todo>

export const TodoList = Type.Object({
  todos: Type.Array(Todo),
}, { description: 'a collection (GET /todos/{id} answers a collection of one); XML: <todos><todo>…</todo></todos>' })

export const CreateTodoBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 50 }),
  doneStatus: Type.Optional(Type.Boolean({ default: false })),
  description: Type.Optional(Type.String({ maxLength: 200, default: '' })),
}, { additionalProperties: false, description: 'JSON, or XML <todo><title>…</title></todo>; at most 5000 characters' })

export const AmendTodoBody = Type.Object({
  id: Type.Optional(Type.Integer({ description: 'must equal the id in the URL' })),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  doneStatus: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false })

export const ReplaceTodoBody = Type.Object({
  id: Type.Optional(Type.Integer({ description: 'required on PUT /todos, else must equal the id in the URL' })),
  title: Type.String({ minLength: 1, maxLength: 50 }),
  doneStatus: Type.Optional(Type.Boolean({ default: false })),
  description: Type.Optional(Type.String({ maxLength: 200, default: '' })),
}, { additionalProperties: false })

export const TodoIdParams = Type.Object({
  id: Type.String({ description: 'todo id' }),
})

/** a query parameter may be repeated (repeated _sortBy values concatenate) */
const Repeatable = (description: string) => Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description }))

export const TodoListQuery = Type.Object({
  _sortBy: Repeatable('fields, comma separated, - for descending: -id,title'),
  _limit: Repeatable('page size (default 10, at most 20)'),
  _offset: Repeatable('rows to skip'),
}, { additionalProperties: true, description: 'filters: field=value, field>value, field~=regex, field*=wild*card, field%=text …' })
