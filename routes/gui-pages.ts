import type { ChallengeSetName, RunMode } from '../challenges/catalogue.js'
import { html, type SafeHtml } from './gui-html.js'
import { SCRIPT_FILE, STYLESHEET } from './gui-assets.js'

/** what every page says about the running server */
export interface SiteInfo {
  readonly mode: RunMode
  readonly setName: ChallengeSetName
  readonly challengeCount: number
  /** the mount the set's challenge names use: '/api' (current) or '' (classic) */
  readonly apiBase: string
  readonly builtInGuid: string | undefined
  readonly facilitatorEnabled: boolean
}

export interface ChallengeRowView {
  readonly id: number
  readonly name: string
  readonly description: string
  readonly done: boolean
}

export interface SectionView {
  readonly index: number
  readonly title: string
  readonly challenges: readonly ChallengeRowView[]
}

export interface ProgressView {
  /** the session the page shows, polls and saves (single-user: the built-in one) */
  readonly guid: string
  readonly known: boolean
  /** the id is one the API accepts, so saving and restoring can work */
  readonly restorable: boolean
  readonly sections: readonly SectionView[]
  readonly doneCount: number
  readonly totalCount: number
  readonly percent: number
}

export interface FacilitatorSessionView {
  readonly guid: string
  readonly doneCount: number
  readonly percent: number
  readonly lastActivity: number
  readonly createdAt: number
  readonly latest: string | null
}

export interface HardChallengeView {
  readonly id: number
  readonly name: string
  readonly section: string
  readonly completions: number
  readonly percent: number
}

export interface FacilitatorView {
  readonly now: number
  readonly totalSessions: number
  readonly activeSessions: number
  readonly activeMinutes: number
  readonly sessions: readonly FacilitatorSessionView[]
  readonly hardest: readonly HardChallengeView[]
}

type NavKey = 'home' | 'challenges' | 'facilitator' | 'none'

const SET_BLURB: Readonly<Record<ChallengeSetName, string>> = {
  current: 'the current set, with every API path also under /api',
  classic: 'the classic set that most published client suites were written against',
}

function modeName(mode: RunMode): string {
  return mode === 'multi' ? 'multi-user' : 'single-user'
}

function navLink(href: string, label: string, key: NavKey, current: NavKey): SafeHtml {
  return html`<li><a href="${href}"${current === key ? html` aria-current="page"` : ''}>${label}</a></li>`
}

function layout(site: SiteInfo, title: string, current: NavKey, main: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} | API Challenges</title>
<link rel="stylesheet" href="${STYLESHEET.url}">
<script src="${SCRIPT_FILE.url}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="site"><div class="bar">
<a class="brand" href="/">API Challenges</a>
<nav aria-label="Site"><ul>
${navLink('/', 'Home', 'home', current)}
${navLink('/gui/challenges', 'Challenges', 'challenges', current)}
${navLink('/docs', 'API docs', 'none', current)}
</ul></nav>
</div></header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site"><p>${modeName(site.mode)} mode · ${site.setName} challenge set (${site.challengeCount} challenges) ·
<a href="/docs">Swagger UI</a> · <a href="/docs/json">OpenAPI document</a></p></footer>
</body>
</html>
`.value
}

function howToStart(site: SiteInfo, origin: string): SafeHtml {
  const base = site.apiBase
  if (site.mode === 'single') {
    return html`<ol>
<li>This server runs in <strong>single-user mode</strong>: every request counts for one built-in session,
<code>${site.builtInGuid}</code>, so you need no header.</li>
<li>Start with <code>POST ${base}/challenger</code> (no body): it answers <code>201 Created</code> and points
<code>Location</code> at the challenges page.</li>
<li>Ask for the list with <code>GET ${base}/challenges</code>, then work through it with any HTTP client or
your own test code. The <a href="/gui/challenges">challenges page</a> turns each completed challenge green.</li>
</ol>
<pre><code>curl -i -X POST ${origin}${base}/challenger
curl ${origin}${base}/challenges</code></pre>`
  }
  return html`<ol>
<li>Create your session: send <code>POST ${base}/challenger</code> with no body. The answer is
<code>201 Created</code>, with your session id in the <code>X-CHALLENGER</code> header and the address of your
progress page in <code>Location</code>.</li>
<li>Send that id as the <code>X-CHALLENGER</code> header on every later request: the server only counts what it
can tell is yours.</li>
<li>Ask for the list with <code>GET ${base}/challenges</code>, then work through it with any HTTP client or your
own test code. Your progress page, <code>/gui/challenges/&lt;your id&gt;</code>, turns each completed challenge
green as you go.</li>
</ol>
<pre><code>curl -i -X POST ${origin}${base}/challenger
curl -H "X-CHALLENGER: &lt;your id&gt;" ${origin}${base}/challenges</code></pre>`
}

function rememberedSession(): SafeHtml {
  return html`<p id="remembered-session" hidden>Your last session in this browser:
<a id="remembered-link" href="/gui/challenges">open it</a>.</p>`
}

export function landingPage(site: SiteInfo, origin: string): string {
  const main = html`<h1>API Challenges</h1>
<p>A practice server for learning HTTP and API testing. It hosts a small todo API and ${site.challengeCount}
challenges, each one a request for you to work out and send: list, filter, create, update and delete todos,
negotiate content types, provoke the right error codes, authenticate and more. The server notices each
challenge you complete and shows your progress.</p>
<dl class="facts">
<dt>Mode</dt><dd>${modeName(site.mode)}${site.mode === 'multi' ? ' (every learner creates their own session)' : ' (one built-in session)'}</dd>
<dt>Challenge set</dt><dd>${site.setName}: ${site.challengeCount} challenges, ${SET_BLURB[site.setName]}</dd>
</dl>
<h2>How to start</h2>
${howToStart(site, origin)}
${site.mode === 'multi' ? rememberedSession() : ''}
<h2>Where to go next</h2>
<ul>
<li><a href="/gui/challenges">The challenges and your progress</a></li>
<li><a href="/docs">API documentation (Swagger UI)</a></li>
<li><a href="/docs/json">The OpenAPI document (JSON)</a></li>
${site.facilitatorEnabled ? html`<li><a href="/gui/facilitator">Facilitator page</a> (needs the admin token)</li>` : ''}
</ul>`
  return layout(site, 'Home', 'home', main)
}

function sectionSlug(index: number): string {
  return `section-${index}`
}

function challengeTables(sections: readonly SectionView[]): SafeHtml {
  const toc = html`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Sections</h2><ul>
${sections.map((s) => {
    const done = s.challenges.filter((c) => c.done).length
    return html`<li><a id="toc-${s.index}" href="#${sectionSlug(s.index)}"${done === s.challenges.length ? html` class="complete"` : ''}>${s.title}
<span class="count" data-section-count="${s.index}">${done} / ${s.challenges.length}</span></a></li>
`
  })}</ul></nav>`
  const tables = sections.map((s) => {
    const done = s.challenges.filter((c) => c.done).length
    return html`<section class="challenge-section" aria-labelledby="${sectionSlug(s.index)}">
<h2 id="${sectionSlug(s.index)}">${s.title} <span class="count" data-section-count="${s.index}">${done} / ${s.challenges.length}</span></h2>
<table class="challenges responsive">
<thead><tr><th scope="col">ID</th><th scope="col">Challenge</th><th scope="col">Done</th><th scope="col">Description</th></tr></thead>
<tbody>
${s.challenges.map((c) => html`<tr id="challenge-${c.id}" class="${c.done ? 'done' : 'not-done'}" data-id="${c.id}" data-section="${s.index}">\
<td class="id" data-label="ID">${c.id}</td>\
<td class="name" data-label="Challenge">${c.name}</td>\
<td class="status" data-label="Done"><span class="mark" aria-hidden="true"></span><span class="value">${c.done ? 'true' : 'false'}</span></td>\
<td class="description" data-label="Description">${c.description}</td></tr>
`)}</tbody>
</table>
</section>
`
  })
  return html`${toc}
${tables}`
}

function summaryBlock(view: ProgressView): SafeHtml {
  return html`<div class="summary">
<p id="summary-text"><strong><span id="done-count">${view.doneCount}</span> of <span id="total-count">${view.totalCount}</span></strong>
challenges done (<span id="percent">${view.percent}%</span>)</p>
<progress id="progress-bar" max="${view.totalCount}" value="${view.doneCount}" aria-labelledby="summary-text">${view.percent}%</progress>
</div>`
}

function saveRestorePanel(view: ProgressView): SafeHtml {
  const intro = view.known
    ? html`<p>Keep a copy of this session's progress and todos in this browser, and put it back later, for example
after the server was reset. The buttons use the API (<code>GET</code> and <code>PUT /challenger/{guid}</code> and
<code>/challenger/database/{guid}</code>), so they count towards the restore challenges.</p>`
    : html`<p>If you saved this session in this browser before, you can put it back on the server: restoring sends
the saved copy with <code>PUT /challenger/{guid}</code> and <code>PUT /challenger/database/{guid}</code>.</p>`
  return html`<section class="panel" aria-labelledby="save-title">
<h2 id="save-title">Save and restore</h2>
${intro}
<div class="buttons">
${view.known ? html`<button type="button" id="save-button">Save progress in this browser</button>` : ''}
<button type="button" class="secondary" id="restore-button" disabled>Restore saved progress</button>
</div>
<p id="saved-info" class="muted"></p>
<p id="save-status" class="live" role="status" aria-live="polite"></p>
<noscript><p>Saving and restoring need JavaScript.</p></noscript>
</section>`
}

export function progressPage(site: SiteInfo, view: ProgressView): string {
  const who = site.builtInGuid
    ? html`<p>Single-user mode: every request counts for the built-in session <code>${view.guid}</code>.</p>`
    : html`<p>Session <code>${view.guid}</code></p>`
  const unknown = view.known ? '' : html`<div class="notice" role="note">
<p><strong>This server knows no session with that id.</strong> Check the id in the <code>X-CHALLENGER</code>
header your client received, or create a session with <code>POST ${site.apiBase}/challenger</code>.
Sessions unused for longer than the server's retention period are deleted.</p>
</div>`
  const main = html`<h1>Challenge progress</h1>
<section id="progress" aria-labelledby="summary-text" data-guid="${view.guid}" data-known="${String(view.known)}"
 data-status-url="/gui/challenge-status/${encodeURIComponent(view.guid)}" data-total="${view.totalCount}">
${who}
${unknown}
${summaryBlock(view)}
<p class="muted">${view.known ? 'This page follows your progress by itself: there is no need to reload it.' : 'This page notices by itself when the session appears.'}${view.restorable && view.known
    ? html` You can also <a href="#save-title">save this session in your browser</a>.` : ''}</p>
<p id="live-status" class="live" role="status" aria-live="polite"></p>
</section>
${view.restorable && !view.known ? saveRestorePanel(view) : ''}
${challengeTables(view.sections)}
${view.restorable && view.known ? saveRestorePanel(view) : ''}`
  return layout(site, view.known ? `(${view.doneCount}/${view.totalCount}) Challenge progress` : 'Unknown session', 'challenges', main)
}

/** multi-user /gui/challenges without an id: how to get one, and the challenges to come */
export function chooseSessionPage(site: SiteInfo, sections: readonly SectionView[], origin: string, error?: string): string {
  const main = html`<h1>Challenges</h1>
<p>This server runs in multi-user mode, so progress belongs to a session. Open your session's page to follow
yours.</p>
${rememberedSession()}
<section class="panel" aria-labelledby="open-title">
<h2 id="open-title">Open your progress page</h2>
<form class="inline" method="get" action="/gui/challenges">
<div class="field"><label for="guid">Your session id (the <code>X-CHALLENGER</code> value)</label>
<input type="text" id="guid" name="guid" required autocomplete="off" spellcheck="false"
 inputmode="text" pattern="\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*"
 placeholder="e.g. 6f1c2a3b-…"${error ? html` aria-invalid="true" aria-describedby="guid-error"` : ''}></div>
<button type="submit">Show progress</button>
</form>
${error ? html`<p id="guid-error" class="error" role="alert">${error}</p>` : ''}
</section>
<h2>No session yet?</h2>
${howToStart(site, origin)}
<p>The challenges, all still to do:</p>
${challengeTables(sections)}`
  return layout(site, 'Challenges', 'challenges', main)
}

export function notFoundPage(site: SiteInfo, path: string): string {
  const main = html`<h1>Not found</h1>
<p>There is nothing at <code>/${path}</code>${path ? '' : ' that you asked for'}. The API answered your browser
with this page instead of an error body.</p>
<p>A few things to check: the todo collection is <code>/todos</code> (plural), ids are numbers, and every API
route also answers under <code>/api</code>.</p>
<ul>
<li><a href="/gui/challenges">The challenges and your progress</a></li>
<li><a href="/docs">API documentation (Swagger UI)</a></li>
<li><a href="/">Home</a></li>
</ul>`
  return layout(site, 'Not found', 'none', main)
}

export function facilitatorLoginPage(site: SiteInfo, error?: string): string {
  const main = html`<h1>Facilitator</h1>
<p>This page lists every session on the server, so it needs the admin token the server was started with
(<code>ADMIN_TOKEN</code>). Tools can send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<form class="panel" method="post" action="/gui/facilitator/login">
<h2>Sign in</h2>
<div class="field"><label for="token">Admin token</label>
<input type="password" id="token" name="token" required autocomplete="current-password"${error ? html` aria-invalid="true" aria-describedby="token-error"` : ''}></div>
${error ? html`<p id="token-error" class="error" role="alert">${error}</p>` : ''}
<div class="buttons"><button type="submit">Sign in</button></div>
</form>`
  return layout(site, 'Facilitator sign-in', 'facilitator', main)
}

function ago(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000))
  if (seconds < 60) return 'just now'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h ago`
  return `${Math.round(hours / 24)} days ago`
}

function timeTag(at: number, now: number): SafeHtml {
  const iso = new Date(at).toISOString()
  return html`<time datetime="${iso}" title="${iso}">${ago(at, now)}</time>`
}

export function facilitatorPage(site: SiteInfo, view: FacilitatorView): string {
  const sessionRows = view.sessions.map((s) => html`<tr>\
<td data-label="Session"><a href="/gui/challenges/${encodeURIComponent(s.guid)}"><code>${s.guid}</code></a></td>\
<td data-label="Progress"><div class="meter"><progress max="100" value="${s.percent}" aria-label="${s.guid}: ${s.percent}% done">${s.percent}%</progress>\
<span>${s.doneCount} / ${site.challengeCount} (${s.percent}%)</span></div></td>\
<td data-label="Last activity">${timeTag(s.lastActivity, view.now)}</td>\
<td data-label="Latest completed">${s.latest ?? html`<span class="muted">none yet</span>`}</td>\
<td data-label="Started">${timeTag(s.createdAt, view.now)}</td></tr>
`)
  const hardRows = view.hardest.map((c) => html`<tr>\
<td data-label="ID">${c.id}</td>\
<td data-label="Challenge">${c.name}</td>\
<td data-label="Section">${c.section}</td>\
<td data-label="Completed by" class="numeric">${c.completions} of ${view.totalSessions} (${c.percent}%)</td></tr>
`)
  const shown = view.sessions.length < view.totalSessions ? html` The ${view.sessions.length} most recently active are listed.` : ''
  const main = html`<h1>Facilitator</h1>
<p><strong>${view.totalSessions}</strong> ${view.totalSessions === 1 ? 'session is' : 'sessions are'} stored,
<strong>${view.activeSessions}</strong> active in the last ${view.activeMinutes} minutes.${shown}
Updated ${timeTag(view.now, view.now)}.</p>
<div class="buttons">
<a class="button" href="/gui/facilitator">Refresh</a>
<form method="post" action="/gui/facilitator/logout"><button type="submit" class="secondary">Sign out</button></form>
</div>
<p class="check"><input type="checkbox" id="auto-refresh"><label for="auto-refresh">Refresh every 30 seconds</label></p>
<h2 id="hardest-title">Hardest challenges</h2>
<p class="muted">The challenges the fewest sessions have completed.</p>
<table class="responsive" aria-labelledby="hardest-title">
<thead><tr><th scope="col">ID</th><th scope="col">Challenge</th><th scope="col">Section</th><th scope="col">Completed by</th></tr></thead>
<tbody>
${hardRows}</tbody>
</table>
<h2 id="sessions-title">Sessions</h2>
${view.sessions.length === 0
    ? html`<p>No sessions yet. Learners create one with <code>POST ${site.apiBase}/challenger</code>.</p>`
    : html`<table class="responsive" aria-labelledby="sessions-title">
<thead><tr><th scope="col">Session</th><th scope="col">Progress</th><th scope="col">Last activity</th><th scope="col">Latest completed</th><th scope="col">Started</th></tr></thead>
<tbody>
${sessionRows}</tbody>
</table>`}`
  return layout(site, 'Facilitator', 'facilitator', main)
}
