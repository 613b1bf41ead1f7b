function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** the HTML page an unrouted API path answers to a browser (classic set) */
export function notFoundPage(path: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>` +
    `<body><h1>404 Not Found</h1><p>There is no API resource at <code>/${escapeHtml(path)}</code>.</p>` +
    `<p><a href="/gui/challenges">Back to the challenges</a></p></body></html>`
}
