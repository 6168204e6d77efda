/**
 * Draws the whole sidebar from `app` and keeps focus, caret and scroll where the user had them.
 * Order matters (#14.6): the main button comes first, so it is in view at 300 × 600 px.
 */
import { Child, h } from './dom';
import { t } from './i18n';
import { app, tr } from './store';
import { errorBox } from './views/common';
import { footerView } from './views/footer';
import { headerView, titleView } from './views/header';
import { mappingView } from './views/mapping';
import { nightlyView } from './views/nightly';
import { registeredView } from './views/registered';
import { resultView } from './views/result';
import { runView } from './views/run';
import { settingsView } from './views/settings';
import { undoView } from './views/undo';

function view(): Child[] {
  if (!app.s) {
    return [
      headerView(),
      app.loading ? h('p', { id: 'loading', class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), tr('loading')) : null,
      errorBox('global'),
    ];
  }
  return [
    titleView(false),
    runView(),
    errorBox('global'),
    headerView(),
    mappingView(),
    resultView(),
    undoView(),
    nightlyView(),
    settingsView(),
    registeredView(),
    footerView(),
  ];
}

export function render(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const active = document.activeElement as HTMLElement | null;
  const activeId = active && root.contains(active) ? active.id : '';
  const focusId = app.focusId ?? activeId;
  let caret: [number | null, number | null] | null = null;
  if (!app.focusId && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) {
    try {
      caret = [active.selectionStart, active.selectionEnd];
    } catch {
      caret = null;
    }
  }
  const scrollY = window.scrollY;
  document.documentElement.lang = app.lang;
  document.title = t(app.lang, 'productName');
  root.setAttribute('aria-busy', app.busy || app.loading ? 'true' : 'false');
  const nodes: Node[] = [];
  const collect = (c: Child): void => {
    if (c == null || c === false) return;
    if (Array.isArray(c)) c.forEach(collect);
    else nodes.push(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  };
  view().forEach(collect);
  root.replaceChildren(...nodes);
  app.focusId = null;
  if (focusId) {
    const el = document.getElementById(focusId);
    if (el && !(el as HTMLButtonElement).disabled) {
      el.focus({ preventScroll: true });
      if (caret && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
        try {
          el.setSelectionRange(caret[0], caret[1]);
        } catch {
          /* not a text control */
        }
      }
    }
  }
  window.scrollTo(0, scrollY);
}
