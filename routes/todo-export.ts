import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { ErrorMessages } from '../schemas/common.js'
import { registerMethodStubs } from './method-stubs.js'
import { ApiError } from '../domain/errors.js'
import type { Format } from '../domain/accept.js'
import { renderTodoCollection } from '../domain/representations.js'

interface ExportFormat { names: readonly string[]; format: Format; mediaType: string; extension: string }

/** `?format=` values of GET /todos/export (todos.md §6.14) */
const EXPORT_FORMATS: readonly ExportFormat[] = [
  { names: ['json'], format: 'json', mediaType: 'application/json', extension: 'json' },
  { names: ['xml'], format: 'xml', mediaType: 'application/xml', extension: 'xml' },
  { names: ['text-xml', 'txml'], format: 'xml', mediaType: 'text/xml', extension: 'xml' },
  { names: ['csv'], format: 'csv', mediaType: 'text/csv', extension: 'csv' },
  { names: ['text', 'txt', 'plain'], format: 'text', mediaType: 'text/plain', extension: 'txt' },
  { names: ['html'], format: 'html', mediaType: 'text/html', extension: 'html' },
  { names: ['ndjson'], format: 'ndjson', mediaType: 'application/x-ndjson', extension: 'ndjson' },
  { names: ['jsonl'], format: 'jsonl', mediaType: 'application/jsonl', extension: 'jsonl' },
  { names: ['json-seq', 'jsonseq'], format: 'json-seq', mediaType: 'application/json-seq', extension: 'json-seq' },
  { names: ['tsv', 'tab', 'tabs', 'tab-delimited', 'tab-separated'], format: 'tsv', mediaType: 'text/tab-separated-values', extension: 'tsv' },
]
const UNSUPPORTED = 'Unsupported export format. Use one of: json, xml, text-xml, csv, text, html, ndjson, jsonl, json-seq, tsv'
/** the export reads like an unfiltered first page of GET /todos */
const EXPORT_ROWS = 10

export function findExportFormat(value: string | undefined): ExportFormat | undefined {
  const name = value?.trim().toLowerCase()
  return EXPORT_FORMATS.find((candidate) => name !== undefined && candidate.names.includes(name))
}

export default function registerExport(app: FastifyInstance, helpers: { listOf(request: FastifyRequest): string }): void {
  const repository = app.repositories.todos
  app.get('/todos/export', {
    exposeHeadRoute: false,
    schema: {
      tags: ['Todos'],
      summary: 'Download your todos as a file (the format parameter wins over Accept)',
      querystring: Type.Object({ format: Type.Optional(Type.String({ description: 'json, xml, text-xml, csv, text, html, ndjson, jsonl, json-seq or tsv' })) }),
      response: { 400: ErrorMessages },
    },
  }, async (request, reply) => {
    const chosen = findExportFormat((request.query as { format?: string }).format)
    reply.header('x-robots-tag', 'noindex')
    if (!chosen) throw new ApiError(400, UNSUPPORTED)
    const todos = repository.all(helpers.listOf(request)).slice(0, EXPORT_ROWS)
    reply.header('content-disposition', `attachment; filename="todos.${chosen.extension}"`)
    return reply.sendBody(chosen.mediaType, renderTodoCollection(todos, chosen.format))
  })
  registerMethodStubs(app, '/todos/export', {
    options: { status: 204, allow: 'GET, OPTIONS' },
    notAllowed: ['HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'QUERY'],
  })
}
