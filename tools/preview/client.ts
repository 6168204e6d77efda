/**
 * Browser-side code of the preview: the google.script shim injected into the sidebar, and the
 * page that hosts the sidebar beside a live view of the emulated workbook.
 *
 * Both are plain ES2019 strings, not compiled functions: a function's toString() after tsx or
 * ts-jest may reference helpers (e.g. esbuild's __name) that do not exist in the browser.
 */

/** Serialises a value for inlining into a <script> (no "</script>", no "<!--"). */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * `google.script.run` / `google.script.host` as HtmlService provides them in Sheets: runners are
 * immutable (each with* call returns a new one), only the script's own functions exist on them,
 * calls are asynchronous and return nothing, and arguments that Apps Script would refuse (Dates,
 * functions, DOM nodes) throw at the call. Results arrive through the success handler as
 * (value, userObject); failures as an Error carrying the server's message.
 */
export function scriptShim(entries: readonly string[]): string {
  return `(function () {
  'use strict';
  var ENTRIES = ${inlineJson(entries)};
  function tell(msg) {
    // The preview page refreshes its workbook view after each call; tabs also close the sidebar.
    try { if (window.parent && window.parent !== window) window.parent.postMessage(Object.assign({ source: 'pola-preview' }, msg), location.origin); } catch (e) { /* not framed */ }
  }
  function check(v, path, seen) {
    if (v === null || v === undefined) return;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return;
    if (t !== 'object' || v instanceof Date || (typeof Node !== 'undefined' && v instanceof Node)) {
      throw new Error('Failed due to illegal value in property: ' + path);
    }
    if (seen.indexOf(v) >= 0) throw new Error('Failed due to illegal value in property: ' + path);
    seen.push(v);
    Object.keys(v).forEach(function (k) { check(v[k], path === '' ? k : path + '.' + k, seen); });
    seen.pop();
  }
  function later(fn, a, b) { if (typeof fn === 'function') setTimeout(function () { fn(a, b); }, 0); }
  function makeRunner(success, failure, userObject) {
    var runner = {
      withSuccessHandler: function (fn) { return makeRunner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return makeRunner(success, fn, userObject); },
      withUserObject: function (obj) { return makeRunner(success, failure, obj); }
    };
    ENTRIES.forEach(function (name) {
      runner[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        args.forEach(function (a, i) { check(a, String(i), []); });
        var body = JSON.stringify({ name: name, args: args });
        fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
          .then(function (res) {
            return res.text().then(function (text) {
              var data;
              try { data = text === '' ? undefined : JSON.parse(text); } catch (e) { data = { error: text }; }
              if (!res.ok) return { ok: false, error: new Error(data && data.error ? data.error : 'HTTP ' + res.status) };
              return { ok: true, value: data };
            });
          }, function (err) {
            return { ok: false, error: new Error('NetworkError: ' + (err && err.message ? err.message : String(err))) };
          })
          .then(function (outcome) {
            tell({ type: 'ran', name: name, ok: outcome.ok });
            // Handlers run outside the promise chain so their own exceptions surface normally.
            if (outcome.ok) later(success, outcome.value, userObject);
            else if (failure) later(failure, outcome.error, userObject);
            else setTimeout(function () { throw outcome.error; }, 0);
          });
      };
    });
    return runner;
  }
  window.google = window.google || {};
  window.google.script = {
    run: makeRunner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () { tell({ type: 'close' }); },
      setHeight: function () { /* a sidebar's size is fixed by Sheets */ },
      setWidth: function () { /* a sidebar's size is fixed by Sheets */ },
      editor: { focus: function () { tell({ type: 'focus-editor' }); } }
    }
  };
})();`;
}

/** Puts `<script>shim</script>` right before the first <script> of the add-on's HTML. */
export function injectShim(html: string, shim: string): string {
  const script = `<script>\n${shim.replace(/<\/(script)/gi, '<\\/$1')}\n</script>\n`;
  const at = html.search(/<script[\s>]/i);
  if (at >= 0) return html.slice(0, at) + script + html.slice(at);
  const head = html.search(/<\/head>/i);
  return head >= 0 ? html.slice(0, head) + script + html.slice(head) : script + html;
}

const PAGE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:flex;font:13px/1.4 Roboto,Arial,sans-serif;color:#202124;background:#fff}
#workbook{flex:1;min-width:0;display:flex;flex-direction:column;border-right:1px solid #dadce0}
#wb-header{display:flex;align-items:baseline;gap:12px;padding:8px 12px;border-bottom:1px solid #dadce0;background:#f8f9fa}
#wb-header h1{font-size:18px;font-weight:400;margin:0}
#wb-meta{color:#5f6368;font-size:12px}
#grid-wrap{flex:1;overflow:auto;position:relative}
#grid.with-charts td{min-width:100px;max-width:100px}
.chart{position:absolute;z-index:2;box-shadow:0 1px 3px rgba(60,64,67,.3)}
#grid{border-collapse:collapse;font-size:12px}
#grid th,#grid td{border:1px solid #e2e3e3;padding:2px 6px;white-space:nowrap;max-width:240px;overflow:hidden;text-overflow:ellipsis;height:21px}
#grid thead th,#grid tbody th{background:#f8f9fa;color:#5f6368;font-weight:400;text-align:center;position:sticky}
#grid thead th{top:0;z-index:1}
#grid tbody th{left:0;min-width:40px}
#grid td.num{text-align:right}
#grid-note{margin:0;padding:4px 12px;color:#5f6368;font-size:12px;border-top:1px solid #dadce0}
#tabs{display:flex;flex-wrap:wrap;gap:2px;padding:4px 8px;background:#f1f3f4;border-top:1px solid #dadce0}
#tabs button{border:0;background:transparent;padding:6px 12px;border-radius:4px 4px 0 0;font:inherit;color:#444;cursor:pointer}
#tabs button:hover{background:#e8eaed}
#tabs button[aria-selected=true]{background:#fff;color:#188038;font-weight:500;box-shadow:inset 0 -2px 0 #188038}
#tabs button.hidden-tab{color:#9aa0a6;font-style:italic;cursor:default}
#sidebar-pane{width:301px;flex:none;display:flex;flex-direction:column;border-left:1px solid #dadce0}
#sidebar-bar{display:flex;align-items:center;justify-content:space-between;height:48px;padding:0 8px 0 16px;font-size:16px;border-bottom:1px solid #dadce0}
#sidebar-bar button{border:0;background:transparent;font-size:20px;color:#5f6368;cursor:pointer;width:32px;height:32px;border-radius:50%}
#sidebar-bar button:hover{background:#f1f3f4}
#sidebar{width:300px;flex:1;border:0;display:block}
#sidebar-closed{padding:16px;color:#5f6368}
`;

const PAGE_JS = `(function () {
  'use strict';
  var version = -1;
  var view = null;
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text; // sheet values are always text, never markup
    return e;
  }
  function colName(i) { var s = ''; i++; while (i > 0) { var m = (i - 1) % 26; s = String.fromCharCode(65 + m) + s; i = Math.floor((i - 1) / 26); } return s; }
  function render() {
    if (!view) return;
    document.getElementById('wb-name').textContent = view.spreadsheetName;
    document.getElementById('wb-meta').textContent = 'Zona waktu ' + view.timeZone + ' · emulator, tanpa login Google';
    var tabs = document.getElementById('tabs');
    tabs.replaceChildren();
    view.sheets.forEach(function (s) {
      var b = el('button', { type: 'button', role: 'tab', 'data-sheet-id': String(s.sheetId), 'aria-selected': s.active ? 'true' : 'false' }, s.name);
      if (s.hidden) { b.className = 'hidden-tab'; b.disabled = true; b.title = 'Tab tersembunyi'; b.textContent = s.name + ' (tersembunyi)'; }
      else b.addEventListener('click', function () { activate(s.sheetId); });
      tabs.appendChild(b);
    });
    var sheet = view.sheets.filter(function (s) { return s.active; })[0];
    var table = document.getElementById('grid');
    table.replaceChildren();
    if (!sheet) return;
    table.setAttribute('data-sheet-id', String(sheet.sheetId));
    table.setAttribute('data-sheet-name', sheet.name);
    // A tab with charts gets Sheets' default column width, so charts cover the cells they cover there.
    table.className = sheet.charts && sheet.charts.length ? 'with-charts' : '';
    var width = sheet.rows.reduce(function (w, r) { return Math.max(w, r.length); }, 0);
    var thead = el('thead'); var hr = el('tr'); hr.appendChild(el('th', null, ''));
    for (var c = 0; c < width; c++) hr.appendChild(el('th', { scope: 'col' }, colName(c)));
    thead.appendChild(hr); table.appendChild(thead);
    var tbody = el('tbody');
    sheet.rows.forEach(function (row, r) {
      var tr = el('tr'); tr.appendChild(el('th', { scope: 'row' }, String(r + 1)));
      for (var c = 0; c < width; c++) {
        var v = row[c] === undefined ? '' : row[c];
        var td = el('td', /^-?\\d+(\\.\\d+)?$/.test(v) ? { class: 'num' } : null, v);
        if (v.length > 30) td.title = v;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    drawCharts(sheet, tbody);
    document.getElementById('grid-note').textContent = sheet.name + ': ' + sheet.totalRows + ' baris × ' + sheet.totalColumns + ' kolom' +
      (sheet.totalRows > sheet.rows.length ? ' (menampilkan ' + sheet.rows.length + ' baris pertama)' : '');
  }
  // Charts float over the grid at their anchor cell plus offset, as in Sheets. The SVG comes
  // from the preview server (tools/preview/charts.ts), which escapes every label.
  function drawCharts(sheet, tbody) {
    var wrap = document.getElementById('grid-wrap');
    Array.prototype.slice.call(wrap.querySelectorAll('.chart')).forEach(function (n) { n.remove(); });
    (sheet.charts || []).forEach(function (c) {
      var tr = tbody.rows[c.anchorRow - 1];
      var cell = tr && tr.cells[c.anchorColumn];
      var div = el('div', { class: 'chart', 'data-chart-id': String(c.chartId) });
      div.style.left = ((cell ? cell.offsetLeft : 40 + (c.anchorColumn - 1) * 100) + c.offsetX) + 'px';
      div.style.top = ((cell ? cell.offsetTop : 22 + (c.anchorRow - 1) * 22) + c.offsetY) + 'px';
      div.style.width = c.width + 'px';
      div.style.height = c.height + 'px';
      div.innerHTML = c.svg;
      wrap.appendChild(div);
    });
  }
  function refresh(force) {
    return fetch('/api/workbook?v=' + (force ? -1 : version)).then(function (r) { return r.json(); }).then(function (data) {
      if (data.unchanged) return;
      view = data; version = data.version; render();
      document.body.setAttribute('data-version', String(version));
    }).catch(function () { /* server stopped; the next poll retries */ });
  }
  function activate(sheetId) {
    return fetch('/api/activate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sheetId: sheetId }) })
      .then(function () { return refresh(true); });
  }
  window.addEventListener('message', function (ev) {
    if (ev.origin !== location.origin || !ev.data || ev.data.source !== 'pola-preview') return;
    if (ev.data.type === 'ran') refresh(false);
    if (ev.data.type === 'close') closeSidebar();
  });
  function closeSidebar() {
    var frame = document.getElementById('sidebar');
    if (!frame) return;
    frame.remove();
    var note = el('div', { id: 'sidebar-closed' }, 'Sidebar ditutup. ');
    var again = el('button', { type: 'button', id: 'sidebar-reopen' }, 'Buka lagi');
    again.addEventListener('click', function () {
      note.remove();
      document.getElementById('sidebar-pane').appendChild(el('iframe', { id: 'sidebar', src: '/sidebar', title: 'Pola Layanan sidebar' }));
    });
    note.appendChild(again);
    document.getElementById('sidebar-pane').appendChild(note);
  }
  document.getElementById('sidebar-x').addEventListener('click', closeSidebar);
  window.__preview = { refresh: refresh, activate: activate };
  refresh(true);
  setInterval(function () { refresh(false); }, 2000);
})();`;

/** The preview page: workbook view on the left, the add-on's sidebar (300 px) on the right. */
export function previewPage(sidebarTitle: string): string {
  const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Pola Layanan — preview</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<section id="workbook" aria-label="Workbook">
<header id="wb-header"><h1 id="wb-name">…</h1><span id="wb-meta"></span></header>
<div id="grid-wrap"><table id="grid"></table></div>
<p id="grid-note"></p>
<nav id="tabs" role="tablist" aria-label="Sheets"></nav>
</section>
<aside id="sidebar-pane" aria-label="Sidebar">
<div id="sidebar-bar"><span id="sidebar-title">${esc(sidebarTitle)}</span><button type="button" id="sidebar-x" aria-label="Close sidebar" title="Close">×</button></div>
<iframe id="sidebar" src="/sidebar" title="${esc(sidebarTitle)} sidebar" width="300"></iframe>
</aside>
<script>${PAGE_JS}</script>
</body>
</html>`;
}
