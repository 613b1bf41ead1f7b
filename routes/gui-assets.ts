import { createHash } from 'node:crypto'

/*
 * The pages' only stylesheet and script, kept as strings so `tsc` ships them in dist/ and the server
 * needs no file on disk and nothing from the network. Pages link them with a content hash in the
 * query string, so browsers may cache them for good.
 */

/** the colour a completed challenge row must have (palegreen): public client suites check it */
export const DONE_ROW_COLOUR = 'rgb(152, 251, 152)'

const CSS = `
:root {
  color-scheme: light;
  --text: #1d2125;
  --muted: #4d565f;
  --line: #c4cad0;
  --panel: #f3f5f7;
  --link: #0b4fa8;
  --focus: #c2410c;
  --done: ${DONE_ROW_COLOUR};
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5;
  color: var(--text);
  background: #fff;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
pre { background: var(--panel); border: 1px solid var(--line); padding: 0.75rem; overflow-x: auto; }
pre code { overflow-wrap: normal; }
.skip { position: absolute; left: 0.5rem; top: -3rem; background: #fff; padding: 0.5rem 0.75rem; z-index: 10; border: 2px solid var(--focus); }
.skip:focus { top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
header.site { background: #17324d; color: #fff; }
header.site .bar { max-width: 72rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
header.site a { color: #fff; }
header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
header.site nav a { display: inline-block; padding: 0.35rem 0.1rem; }
header.site nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
header.site :focus-visible { outline-color: #ffd27a; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; line-height: 1.25; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); }
footer.site p { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 1rem 1rem; margin: 1rem 0; }
.panel > h2:first-child { margin-top: 0.75rem; }
.notice { border-left: 6px solid #b45309; background: #fff7ed; padding: 0.6rem 1rem; margin: 1rem 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.muted { color: var(--muted); }
button, .button {
  font: inherit; min-height: 2.75rem; padding: 0.45rem 1rem; border-radius: 6px; cursor: pointer;
  border: 2px solid #17324d; background: #17324d; color: #fff; text-decoration: none; display: inline-block;
}
button.secondary { background: #fff; color: #17324d; }
button:disabled { opacity: 0.55; cursor: not-allowed; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0.75rem 0; }
form.inline { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
label { font-weight: 600; display: block; margin-bottom: 0.25rem; }
input[type="text"], input[type="password"] {
  font: inherit; min-height: 2.75rem; padding: 0.4rem 0.6rem; border: 2px solid #5b6670; border-radius: 6px; width: min(100%, 26rem);
}
.field { display: flex; flex-direction: column; }
.check { display: flex; align-items: center; gap: 0.5rem; }
.check input { width: 1.25rem; height: 1.25rem; margin: 0; }
.check label { display: inline; margin: 0; }
.error { color: #a4161a; font-weight: 600; }
.summary { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; }
.summary p { margin: 0; font-size: 1.15rem; }
progress { width: min(100%, 24rem); height: 1.25rem; accent-color: #2f855a; }
.live { margin: 0.75rem 0 0; font-weight: 600; min-height: 1.5em; }
.toc ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; }
.toc li a { display: inline-block; padding: 0.2rem 0.55rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
.toc li a.complete { background: var(--done); }
.count { font-weight: 400; color: var(--muted); font-size: 0.95rem; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #e7ebef; }
table.challenges td.id { width: 3.5rem; white-space: nowrap; }
table.challenges td.name { width: 30%; font-weight: 600; overflow-wrap: anywhere; }
table.challenges td.status { width: 5.5rem; white-space: nowrap; }
table.challenges tr.done { background-color: var(--done); }
.mark::before { content: "\\25CB\\00a0" / ""; }
tr.done .mark::before { content: "\\2714\\00a0" / ""; }
.numeric { text-align: right; white-space: nowrap; }
.meter { display: flex; align-items: center; gap: 0.5rem; }
.meter progress { width: 8rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.5rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
  table.responsive thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.responsive, table.responsive tbody, table.responsive tr, table.responsive td { display: block; width: auto !important; }
  table.responsive tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 0.6rem; padding: 0.25rem 0; }
  table.responsive td { border: 0; padding: 0.2rem 0.75rem; }
  table.responsive td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  table.challenges td.name { font-size: 1.05rem; }
  table.challenges td.name::before { content: none; }
}
@media (prefers-reduced-motion: no-preference) {
  table.challenges tr { transition: background-color 0.4s ease-in; }
}
`

/** the browser side: remembered GUID, live progress, save/restore, facilitator auto-refresh */
const SCRIPT = String.raw`
(function () {
  'use strict';
  var GUID_KEY = 'apichallenges.guid';
  var SAVE_PREFIX = 'apichallenges.saved.';
  var POLL_MS = 2000;
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  function byId(id) { return document.getElementById(id); }
  function storage() {
    try { var s = window.localStorage; s.getItem(GUID_KEY); return s; } catch (e) { return null; }
  }
  function say(el, text) { if (el) { el.textContent = ''; el.textContent = text; } }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function rememberedSession() {
    var box = byId('remembered-session');
    var ls = storage();
    var guid = ls && ls.getItem(GUID_KEY);
    if (!box || !guid || !UUID.test(guid)) return;
    var link = byId('remembered-link');
    link.href = '/gui/challenges/' + encodeURIComponent(guid);
    link.textContent = guid;
    box.hidden = false;
  }

  function requestJson(method, url, body) {
    var init = { method: method, cache: 'no-store', headers: { accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) {
          var detail = '';
          try { detail = ': ' + JSON.parse(text).errorMessages.join('; '); } catch (e) { /* no JSON body */ }
          throw new Error(method + ' ' + url + ' answered ' + response.status + detail);
        });
      }
      return response.status === 204 ? null : response.text().then(function (text) { return text ? JSON.parse(text) : null; });
    });
  }

  function progressPage() {
    var root = byId('progress');
    if (!root) return;
    var guid = root.getAttribute('data-guid');
    var known = root.getAttribute('data-known') === 'true';
    var statusUrl = root.getAttribute('data-status-url');
    var live = byId('live-status');
    var ls = storage();
    if (known && ls && UUID.test(guid)) ls.setItem(GUID_KEY, guid);

    var rows = {};
    Array.prototype.forEach.call(document.querySelectorAll('tr[data-id]'), function (tr) { rows[tr.getAttribute('data-id')] = tr; });

    function setRow(tr, done) {
      tr.classList.toggle('done', done);
      tr.classList.toggle('not-done', !done);
      var cell = tr.querySelector('td.status .value');
      if (cell) cell.textContent = done ? 'true' : 'false';
    }

    function refreshCounts(doneCount, total, percent) {
      say(byId('done-count'), String(doneCount));
      say(byId('percent'), percent + '%');
      var bar = byId('progress-bar');
      if (bar) bar.value = doneCount;
      document.title = '(' + doneCount + '/' + total + ') ' + document.title.replace(/^\(\d+\/\d+\) /, '');
      var perSection = {};
      Object.keys(rows).forEach(function (id) {
        var section = rows[id].getAttribute('data-section');
        var entry = perSection[section] || (perSection[section] = { done: 0, total: 0 });
        entry.total++;
        if (rows[id].classList.contains('done')) entry.done++;
      });
      Object.keys(perSection).forEach(function (section) {
        var entry = perSection[section];
        Array.prototype.forEach.call(document.querySelectorAll('[data-section-count="' + section + '"]'), function (el) {
          el.textContent = entry.done + ' / ' + entry.total;
        });
        var tocLink = byId('toc-' + section);
        if (tocLink) tocLink.classList.toggle('complete', entry.done === entry.total);
      });
    }

    function apply(status) {
      if (!status.known) {
        if (known) {
          known = false;
          say(live, 'This session is no longer on the server. If you saved it in this browser, restore it below.');
        }
        return;
      }
      if (!known) { window.location.reload(); return; }
      var done = {};
      status.done.forEach(function (id) { done[String(id)] = true; });
      var newly = [];
      Object.keys(rows).forEach(function (id) {
        var was = rows[id].classList.contains('done');
        var now = done[id] === true;
        if (was !== now) setRow(rows[id], now);
        if (!was && now) newly.push(rows[id].querySelector('td.name').textContent);
      });
      refreshCounts(status.summary.doneCount, status.summary.totalCount, status.summary.percentComplete);
      if (newly.length) say(live, 'Completed: ' + newly.join(', '));
    }

    var delay = POLL_MS;
    var timer = null;
    var inFlight = false;
    function schedule(ms) { clearTimeout(timer); timer = setTimeout(poll, ms); }
    function poll() {
      if (document.hidden || inFlight) return;
      inFlight = true;
      requestJson('GET', statusUrl).then(function (status) {
        delay = POLL_MS;
        apply(status);
      }, function () {
        delay = Math.min(delay * 2, 30000);
      }).then(function () {
        inFlight = false;
        schedule(delay);
      });
    }
    document.addEventListener('visibilitychange', function () { if (!document.hidden) schedule(0); });
    schedule(POLL_MS);

    // save and restore through the API, the copy kept in localStorage
    var saveButton = byId('save-button');
    var restoreButton = byId('restore-button');
    var savedInfo = byId('saved-info');
    var saveStatus = byId('save-status');
    if (!restoreButton) return;
    if (!ls) {
      say(savedInfo, 'This browser does not allow local storage here, so progress cannot be saved in it.');
      if (saveButton) saveButton.disabled = true;
      restoreButton.disabled = true;
      return;
    }
    var key = SAVE_PREFIX + guid;
    var base = root.getAttribute('data-api-base') || '';
    var progressUrl = base + '/challenger/' + encodeURIComponent(guid);
    var databaseUrl = base + '/challenger/database/' + encodeURIComponent(guid);

    function savedCopy() {
      try {
        var copy = JSON.parse(ls.getItem(key) || 'null');
        return copy && copy.progress && copy.progress.challengeStatus ? copy : null;
      } catch (e) { return null; }
    }
    function countDone(progress) {
      var statuses = progress.challengeStatus;
      return Object.keys(statuses).filter(function (k) { return statuses[k] === true; }).length;
    }
    function describe(copy) {
      var todos = copy.todos && copy.todos.todos ? copy.todos.todos.length : 0;
      return plural(countDone(copy.progress), 'completed challenge', 'completed challenges') + ' and ' + plural(todos, 'todo', 'todos');
    }
    function showSaved() {
      var copy = savedCopy();
      restoreButton.disabled = !copy;
      say(savedInfo, copy
        ? 'Saved in this browser on ' + new Date(copy.savedAt).toLocaleString() + ': ' + describe(copy) + '.'
        : 'Nothing saved in this browser for this session yet.');
    }
    function busy(on) {
      if (saveButton) saveButton.disabled = on;
      restoreButton.disabled = on || !savedCopy();
      root.setAttribute('aria-busy', on ? 'true' : 'false');
    }
    showSaved();

    if (saveButton) saveButton.addEventListener('click', function () {
      busy(true);
      say(saveStatus, 'Saving…');
      Promise.all([requestJson('GET', progressUrl), requestJson('GET', databaseUrl)]).then(function (results) {
        var copy = { savedAt: Date.now(), progress: results[0], todos: results[1] };
        ls.setItem(key, JSON.stringify(copy));
        ls.setItem(GUID_KEY, guid);
        say(saveStatus, 'Saved ' + describe(copy) + ' in this browser.');
      }).catch(function (error) {
        say(saveStatus, 'Could not save: ' + error.message);
      }).then(function () {
        busy(false);
        showSaved();
      });
    });

    restoreButton.addEventListener('click', function () {
      var copy = savedCopy();
      if (!copy) return;
      var question = 'Replace the progress and todos of this session on the server with the copy saved on ' +
        new Date(copy.savedAt).toLocaleString() + '?';
      if (!window.confirm(question)) return;
      busy(true);
      say(saveStatus, 'Restoring…');
      requestJson('PUT', progressUrl, copy.progress).then(function () {
        return copy.todos ? requestJson('PUT', databaseUrl, copy.todos) : null;
      }).then(function () {
        say(saveStatus, 'Restored ' + describe(copy) + '.');
        ls.setItem(GUID_KEY, guid);
        if (!known) window.location.reload();
        else schedule(0);
      }).catch(function (error) {
        say(saveStatus, 'Could not restore: ' + error.message);
      }).then(function () {
        busy(false);
      });
    });
  }

  function facilitatorPage() {
    var box = byId('auto-refresh');
    if (!box) return;
    var ls = storage();
    var PREF = 'apichallenges.facilitator.autoRefresh';
    var timer = null;
    function arm() {
      clearTimeout(timer);
      if (box.checked) timer = setTimeout(function () { window.location.reload(); }, 30000);
    }
    box.checked = !!ls && ls.getItem(PREF) === 'on';
    box.addEventListener('change', function () {
      if (ls) ls.setItem(PREF, box.checked ? 'on' : 'off');
      arm();
    });
    arm();
  }

  rememberedSession();
  progressPage();
  facilitatorPage();
})();
`

export interface Asset {
  readonly path: string
  readonly contentType: string
  readonly body: string
  /** the path with a content hash, as pages link it */
  readonly url: string
}

function asset(path: string, contentType: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
  return { path, contentType, body, url: `${path}?v=${hash}` }
}

export const STYLESHEET = asset('/gui/assets/site.css', 'text/css; charset=utf-8', CSS)
export const SCRIPT_FILE = asset('/gui/assets/site.js', 'text/javascript; charset=utf-8', SCRIPT)
export const ASSETS: readonly Asset[] = [STYLESHEET, SCRIPT_FILE]
