// Parsers shared by several test files

/** RFC 4180 style: quoted fields may hold commas, quotes (doubled) and line breaks; records end at LF */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') { row.push(field); field = '' } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = '' } else field += c
  }
  row.push(field)
  rows.push(row)
  return rows
}

export function tableCells(markdown: string, heading: string): string[][] {
  const lines = markdown.slice(markdown.indexOf(heading)).split('\n')
  const rows: string[][] = []
  let inTable = false
  for (const line of lines.slice(1)) {
    if (line.startsWith('|')) {
      inTable = true
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim())
      if (/^\d+$|^–$/.test(cells[0] ?? '')) rows.push(cells)
    } else if (inTable) {
      break
    }
  }
  return rows
}
