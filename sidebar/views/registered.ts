/** The sheets in the summaries, each of which can be taken out (after a confirmation). */
import { Child, h } from '../dom';
import { call } from '../rpc';
import { action, announce, app, refreshState, rerender, tr } from '../store';
import { confirmView, errorBox, notice, sectionAttrs } from './common';

function drop(sheetId: number, name: string): void {
  app.confirm = null;
  void action(
    'registered',
    () => call('dropSheet', sheetId),
    async (data) => {
      if (app.s) app.s.registered = data;
      app.notices.registered = tr('dropped', { sheet: name });
      announce(app.notices.registered);
      await refreshState();
    },
    'registered-title',
  );
}

export function registeredView(): Child {
  const s = app.s!;
  const disabled = !!app.busy;
  return h(
    'section',
    sectionAttrs('registered'),
    h('h2', { id: 'registered-title', tabindex: '-1' }, tr('registeredTitle')),
    s.registered.length
      ? h(
          'ul',
          { id: 'registered-list', class: 'registered' },
          s.registered.map((sheet) => {
            const confirming = app.confirm?.kind === 'drop' && app.confirm.sheetId === sheet.sheetId;
            return h(
              'li',
              { 'data-sheet-id': sheet.sheetId },
              h(
                'div',
                { class: 'reg-row' },
                h('span', { class: 'reg-name ellipsis', title: sheet.name }, sheet.name),
                h(
                  'button',
                  {
                    id: `drop-${sheet.sheetId}`,
                    class: 'btn-drop small-btn',
                    type: 'button',
                    'aria-label': tr('dropLabel', { sheet: sheet.name }),
                    disabled: disabled || confirming,
                    onclick: () => {
                      app.confirm = { kind: 'drop', sheetId: sheet.sheetId, name: sheet.name };
                      app.focusId = 'btn-confirm-no';
                      rerender();
                    },
                  },
                  tr('dropButton'),
                ),
              ),
              confirming ? confirmView(tr('dropConfirm', { sheet: sheet.name }), () => drop(sheet.sheetId, sheet.name), `drop-${sheet.sheetId}`) : null,
            );
          }),
        )
      : h('p', { id: 'registered-none', class: 'gray small' }, tr('registeredNone')),
    notice('registered'),
    errorBox('registered'),
  );
}
