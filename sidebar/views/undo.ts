/**
 * The undo history: every run the server can restore, newest first, each with its own
 * "Urungkan". Undo goes newest-first per sheet, so only the newest entry of a sheet has an
 * enabled button; each asks for a confirmation inside the sidebar first.
 */
import type { UndoEntryView } from '../../src/shared/api';
import { Child, h } from '../dom';
import { undoEntryText, undoSkippedText } from '../model';
import { formatHour } from '../format';
import { call } from '../rpc';
import { action, announce, app, num, refreshState, rerender, stateBroken, tr } from '../store';
import { confirmView, errorBox, sectionAttrs } from './common';

function undo(entryId: string): void {
  app.confirm = null;
  void action(
    'undo',
    () => call('undoLastClean', entryId),
    async (data) => {
      app.undoResult = data;
      app.result = null;
      app.steps = null;
      announce(`${tr('undoDone', { n: num(data.cellsRestored), sheet: data.sheetName })} ${undoSkippedText(app.lang, data.rowsSkipped, data.cellsKept)}`);
      await refreshState();
    },
    'undo-title',
  );
}

function entryView(entry: UndoEntryView, index: number): Child {
  const s = app.s!;
  const text = undoEntryText(app.lang, entry, s.timeZone);
  const buttonId = `btn-undo-${index}`;
  const confirming = app.confirm?.kind === 'undo' && app.confirm.entryId === entry.id;
  return h(
    'li',
    { class: 'undo-entry', 'data-entry-id': entry.id, 'data-undoable': entry.undoable ? 'true' : 'false' },
    h(
      'div',
      { class: 'undo-row' },
      h(
        'div',
        { class: 'undo-text' },
        h('div', { class: 'undo-sheet ellipsis', title: text.sheet }, text.sheet),
        h('div', { class: 'undo-when gray small' }, text.when),
        h('div', { class: 'undo-what gray small' }, text.what),
        entry.undoable ? null : h('div', { class: 'undo-older gray small' }, tr('undoOlder')),
      ),
      h(
        'button',
        {
          id: buttonId,
          class: 'btn-undo small-btn',
          type: 'button',
          'aria-label': text.buttonLabel,
          disabled: !!app.busy || !entry.undoable || confirming || stateBroken(),
          onclick: () => {
            app.confirm = { kind: 'undo', entryId: entry.id };
            app.focusId = 'btn-confirm-no';
            rerender();
          },
        },
        tr('undoEntryButton'),
      ),
    ),
    confirming ? confirmView(text.confirm, () => undo(entry.id), buttonId) : null,
  );
}

function undoResultView(): Child {
  const r = app.undoResult;
  if (!r) return null;
  return h(
    'div',
    { id: 'undo-done', class: 'notice', role: 'status' },
    h('p', { id: 'undo-result' }, tr('undoDone', { n: num(r.cellsRestored), sheet: r.sheetName })),
    h('p', { id: 'undo-skipped', 'data-rows': r.rowsSkipped }, undoSkippedText(app.lang, r.rowsSkipped, r.cellsKept)),
    // The nightly refresh cleans every registered sheet: said here, or the undo is gone by morning.
    app.s?.nightly.enabled && app.s.registered.some((s) => s.name === r.sheetName)
      ? h('p', { id: 'undo-nightly', class: 'note' }, tr('undoNightly', { sheet: r.sheetName, hour: formatHour(app.s.nightly.hour) }))
      : null,
  );
}

export function undoView(): Child {
  const history = app.s!.undoHistory;
  return h(
    'section',
    sectionAttrs('undo'),
    h('h2', { id: 'undo-title', tabindex: '-1' }, tr('undoTitle')),
    undoResultView(),
    history.length
      ? [
          history.length > 1 ? h('p', { class: 'gray small' }, tr('undoHistoryIntro')) : null,
          h('ul', { id: 'undo-list', class: 'undo-list' }, history.map(entryView)),
        ]
      : h('p', { id: 'undo-none', class: 'gray small' }, tr('undoNone')),
    errorBox('undo'),
  );
}
