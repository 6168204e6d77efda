/**
 * The context line under the main button: which spreadsheet and sheet the button works on, and
 * ↻ to re-read the active sheet after switching tabs in Sheets (the sidebar is not told).
 */
import { Child, h } from '../dom';
import { call } from '../rpc';
import { action, app, applyState, tr } from '../store';

/** The product name: visible while loading, for screen readers only once the button leads. */
export function titleView(visible: boolean): Child {
  return h('h1', { id: 'hdr-product', class: visible ? 'hdr-title' : 'sr-only' }, tr('productName'));
}

export function headerView(): Child {
  const s = app.s;
  if (!s) return h('header', { id: 'hdr', class: 'hdr' }, titleView(true));
  return h(
    'header',
    { id: 'hdr', class: 'hdr' },
    h(
      'div',
      { class: 'hdr-top' },
      h(
        'div',
        { id: 'hdr-sheet', class: 'ellipsis' },
        h('span', { class: 'gray' }, `${tr('activeSheet')}: `),
        h('strong', { id: 'hdr-sheet-name' }, s.activeSheetName || (s.active ? s.active.sheetName : '—')),
      ),
      h(
        'button',
        {
          id: 'btn-refresh',
          class: 'icon-btn',
          type: 'button',
          'aria-label': tr('refresh'),
          title: tr('refresh'),
          disabled: !!app.busy,
          onclick: () => void action('global', () => call('getSidebarState'), (d) => applyState(d, true), 'btn-refresh'),
        },
        '↻',
      ),
    ),
    h('div', { id: 'hdr-file', class: 'gray ellipsis', title: s.spreadsheetName }, s.spreadsheetName),
  );
}
