/** Pieces every section uses: its attributes, its error box, its notice and the in-sidebar confirmation. */
import { Child, h } from '../dom';
import { hasScriptRun } from '../rpc';
import { app, reboot, rerender, tr, Where } from '../store';

export function sectionAttrs(id: Where | 'result', extra?: Record<string, string | boolean>): Record<string, string | boolean> {
  return { id, class: 'section', 'aria-labelledby': `${id}-title`, 'aria-busy': app.busy === id ? 'true' : 'false', ...extra };
}

export function errorBox(where: Where): Child {
  const e = app.error;
  if (!e || e.where !== where) return null;
  return h(
    'div',
    { id: 'error', class: 'alert', role: 'alert', 'data-code': e.code },
    h(
      'button',
      {
        id: 'btn-error-close',
        class: 'alert-close',
        type: 'button',
        'aria-label': tr('dismiss'),
        title: tr('dismiss'),
        onclick: () => {
          const back = e.returnFocus;
          app.error = null;
          app.focusId = back;
          rerender();
        },
      },
      '×',
    ),
    h('p', { id: 'error-message', class: 'alert-message' }, e.message),
    e.hint ? h('p', { id: 'error-hint', class: 'alert-hint' }, e.hint) : null,
    where === 'global' && !app.s && hasScriptRun() ? h('button', { id: 'btn-retry', type: 'button', onclick: () => void reboot() }, tr('retry')) : null,
  );
}

export function notice(where: Where): Child {
  const text = app.notices[where];
  return text ? h('p', { class: 'notice', role: 'status', id: `${where}-notice` }, text) : null;
}

/** A yes/cancel question inside the sidebar (Escape cancels); focus returns to `returnFocus`. */
export function confirmView(text: string, onYes: () => void, returnFocus: string): Child {
  const cancel = (): void => {
    app.confirm = null;
    app.focusId = returnFocus;
    rerender();
  };
  return h(
    'div',
    {
      id: 'confirm',
      class: 'confirm',
      role: 'group',
      'aria-labelledby': 'confirm-text',
      onkeydown: (ev: Event) => {
        if ((ev as KeyboardEvent).key === 'Escape') {
          ev.preventDefault();
          cancel();
        }
      },
    },
    h('p', { id: 'confirm-text' }, text),
    h(
      'div',
      { class: 'buttons' },
      h('button', { id: 'btn-confirm-yes', class: 'action', type: 'button', disabled: !!app.busy, onclick: onYes }, tr('confirmYes')),
      h('button', { id: 'btn-confirm-no', type: 'button', onclick: cancel }, tr('confirmNo')),
    ),
  );
}
