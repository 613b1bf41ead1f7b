import { XMLParser, XMLValidator } from 'fast-xml-parser'

export type XmlParse = { ok: true; value: Record<string, unknown> } | { ok: false; message: string }

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
})

/** 'true'/'false' in any case become booleans and digit strings numbers, as the reference's XML reader does */
function inferScalar(text: string): unknown {
  const lower = text.toLowerCase()
  if (lower === 'true' || lower === 'false') return lower === 'true'
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  return text
}

function infer(value: unknown): unknown {
  if (typeof value === 'string') return inferScalar(value)
  if (Array.isArray(value)) return value.map(infer)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, infer(child)]))
  }
  return value
}

/**
 * Parses an XML request body into field → value. A root element named in `unwrap` is dropped
 * (`<todo><title>x</title></todo>` → {title:'x'}); any other root stays as a field of its own.
 * Document types are refused outright, so no entity can be declared, expanded or fetched.
 */
export function parseXmlBody(raw: string, unwrap: readonly string[]): XmlParse {
  if (/<!DOCTYPE/i.test(raw) || /<!ENTITY/i.test(raw)) {
    return { ok: false, message: 'Invalid XML Payload: DOCTYPE and ENTITY declarations are not allowed' }
  }
  const valid = XMLValidator.validate(raw)
  if (valid !== true) {
    const where = valid.err.line ? ` (line ${valid.err.line}${valid.err.col ? `, column ${valid.err.col}` : ''})` : ''
    return { ok: false, message: `Invalid XML Payload: ${valid.err.msg}${where}` }
  }
  const document = parser.parse(raw) as Record<string, unknown>
  const roots = Object.keys(document)
  if (roots.length === 1 && unwrap.includes(roots[0]!)) {
    const inner = document[roots[0]!]
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) return { ok: true, value: infer(inner) as Record<string, unknown> }
    return { ok: true, value: {} }
  }
  return { ok: true, value: infer(document) as Record<string, unknown> }
}
