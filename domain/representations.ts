/**
 * Response bodies for todos, errors and generic XML (todos.md §3, §6.11, §6.13).
 * Pure string builders: no I/O, no framework types.
 */
import type { Format } from './accept.js'

import type { Todo } from '../schemas/todos.js'

type Row = readonly string[]

/** Column order of every tabular format (and of JSON). */
const TODO_COLUMNS = ['id', 'title', 'doneStatus', 'description'] as const
const RECORD_SEPARATOR = '\u001E'

// ---------------------------------------------------------------------------
// Generic XML
// ---------------------------------------------------------------------------

export interface XmlOptions {
  /** element name for the items of an array held under the given key (or root name) */
  arrayItemNames?: Record<string, string>
}

const DEFAULT_ARRAY_ITEM_NAME = 'item'

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  throw new TypeError(`cannot render ${typeof value} as XML`)
}

function xmlElement(name: string, value: unknown, options: XmlOptions): string {
  if (value === null || value === undefined) return `<${name}/>`
  if (Array.isArray(value)) {
    const itemName = options.arrayItemNames?.[name] ?? DEFAULT_ARRAY_ITEM_NAME
    // A container is never self-closed: an empty collection is `<todos></todos>`.
    return `<${name}>${value.map((item) => xmlElement(itemName, item, options)).join('')}</${name}>`
  }
  if (isPlainObject(value)) {
    const children = Object.entries(value).map(([key, child]) => xmlElement(key, child, options))
    return `<${name}>${children.join('')}</${name}>`
  }
  const text = scalarText(value)
  return text === '' ? `<${name}/>` : `<${name}>${escapeXml(text)}</${name}>`
}

/**
 * Compact XML without a declaration. Children follow the key order of the given objects;
 * an array becomes a wrapper element whose items are named by `arrayItemNames[key]`.
 */
export function toXml(rootName: string, value: unknown, options: XmlOptions = {}): string {
  return xmlElement(rootName, value, options)
}

// ---------------------------------------------------------------------------
// Field-level helpers
// ---------------------------------------------------------------------------

/** Rebuilds the todo so JSON key order is always id, title, doneStatus, description. */
function todoAsJsonObject(todo: Todo): Todo {
  return { id: todo.id, title: todo.title, doneStatus: todo.doneStatus, description: todo.description }
}

/** The reference's JSON-to-XML conversion happened to emit todo fields in this order. */
function todoAsXmlObject(todo: Todo): Record<string, unknown> {
  return { doneStatus: todo.doneStatus, description: todo.description, id: todo.id, title: todo.title }
}

function todoRow(todo: Todo): Row {
  return [String(todo.id), todo.title, String(todo.doneStatus), todo.description]
}

function escapeCsvValue(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function escapeBackslashesAndLineBreaks(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n')
}

function escapeTsvValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n')
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

// ---------------------------------------------------------------------------
// Format writers shared by todos and errors
// ---------------------------------------------------------------------------

function delimitedTable(header: Row, rows: readonly Row[], escape: (value: string) => string, delimiter: string): string {
  return [header, ...rows].map((row) => row.map(escape).join(delimiter)).join('\n')
}

function csvTable(header: Row, rows: readonly Row[]): string {
  return delimitedTable(header, rows, escapeCsvValue, ',')
}

function tsvTable(header: Row, rows: readonly Row[]): string {
  return delimitedTable(header, rows, escapeTsvValue, '\t')
}

function plainTextLines(header: Row, rows: readonly Row[]): string {
  return rows
    .map((row) => header.map((name, index) => `${name}=${escapeBackslashesAndLineBreaks(row[index] ?? '')}`).join(', '))
    .join('\n')
}

function htmlTable(header: Row, rows: readonly Row[]): string {
  const headCells = header.map((name) => `<th>${escapeHtml(name)}</th>`).join('')
  const bodyRows = rows.map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(value)}</td>`).join('')}</tr>`)
  return `<table><thead><tr>${headCells}</tr></thead><tbody>${bodyRows.join('')}</tbody></table>`
}

function jsonLines(records: readonly unknown[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('')
}

function jsonSequence(records: readonly unknown[]): string {
  return records.map((record) => `${RECORD_SEPARATOR}${JSON.stringify(record)}\n`).join('')
}

/** Body formats that depend only on the record list: tabular and streaming JSON. */
function renderRecords(format: Exclude<Format, 'json' | 'xml' | 'calendar'>, header: Row, rows: readonly Row[], records: readonly unknown[]): string {
  switch (format) {
    case 'csv':
      return csvTable(header, rows)
    case 'tsv':
      return tsvTable(header, rows)
    case 'text':
      return plainTextLines(header, rows)
    case 'html':
      return htmlTable(header, rows)
    case 'ndjson':
    case 'jsonl':
      return jsonLines(records)
    case 'json-seq':
      return jsonSequence(records)
  }
}

// ---------------------------------------------------------------------------
// Todos
// ---------------------------------------------------------------------------

/** Body for GET/QUERY /todos and GET /todos/{id} (a collection of one). */
export function renderTodoCollection(todos: readonly Todo[], format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ todos: todos.map(todoAsJsonObject) })
    case 'xml':
      return toXml('todos', todos.map(todoAsXmlObject), { arrayItemNames: { todos: 'todo' } })
    case 'calendar':
      throw new Error('text/calendar is only available for a single todo')
    default:
      return renderRecords(format, TODO_COLUMNS, todos.map(todoRow), todos.map(todoAsJsonObject))
  }
}

/** Body for a bare todo (create, amend, replace, patch). */
export function renderTodo(todo: Todo, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(todoAsJsonObject(todo))
    case 'xml':
      return toXml('todo', todoAsXmlObject(todo))
    case 'calendar':
      return renderCalendar(todo)
    default:
      return renderRecords(format, TODO_COLUMNS, [todoRow(todo)], [todoAsJsonObject(todo)])
  }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

const ERROR_COLUMNS = ['errorMessage'] as const

/** Error body in the negotiated format; a calendar request gets JSON errors (todos.md §6.11). */
export function renderErrors(messages: readonly string[], format: Format): string {
  switch (format) {
    case 'json':
    case 'calendar':
      return JSON.stringify({ errorMessages: messages })
    case 'xml':
      return toXml('errorMessages', messages, { arrayItemNames: { errorMessages: 'errorMessage' } })
    case 'text':
      return messages.map(escapeBackslashesAndLineBreaks).join('\n')
    case 'html':
      return `<ul>${messages.map((message) => `<li>${escapeHtml(message)}</li>`).join('')}</ul>`
    default:
      return renderRecords(
        format,
        ERROR_COLUMNS,
        messages.map((message) => [message]),
        messages.map((message) => ({ errorMessage: message })),
      )
  }
}

const UNKNOWN_RESOURCE_MESSAGE = '404 resource Unknown'

/** Body of the 404 for unrouted API paths (todos.md §6.13); note the XML child is `message`. */
export function renderUnknownResource(format: 'json' | 'xml'): string {
  return format === 'json'
    ? JSON.stringify({ errorMessages: [UNKNOWN_RESOURCE_MESSAGE] })
    : toXml('errorMessages', { message: UNKNOWN_RESOURCE_MESSAGE })
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

/** iCalendar TEXT escaping after folding every line break to LF (todos.md §6.11). */
function escapeCalendarText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\n/g, '\\n')
}

export function renderCalendar(todo: Todo): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//EvilTester//API Challenges//EN',
    'BEGIN:VTODO',
    `UID:todo-${todo.id}@apichallenges`,
    `SUMMARY:${escapeCalendarText(todo.title)}`,
    `DESCRIPTION:${escapeCalendarText(todo.description)}`,
    `STATUS:${todo.doneStatus ? 'COMPLETED' : 'NEEDS-ACTION'}`,
    'END:VTODO',
    'END:VCALENDAR',
  ].join('\r\n')
}
