/**
 * The column mapping of the active sheet. Once confirmed it folds into one line
 * ("8 kolom dikenali · Ubah") so the main button stays in view; it opens by itself when it needs
 * the user: not yet confirmed, or a blocker such as confirmed columns that moved (MAPPING_CHANGED).
 */
import type { MappingInput, MappingView, Role } from '../../src/shared/api';
import { ROLES } from '../../src/shared/api';
import { Child, h } from '../dom';
import { roleLabel } from '../i18n';
import { mappingFolded, recognisedColumns } from '../model';
import { call } from '../rpc';
import { action, announce, app, draftDirty, num, rerender, resetDraft, tr } from '../store';
import { errorBox, notice, sectionAttrs } from './common';

export function mappingInput(view: MappingView): MappingInput {
  return {
    sheetId: view.sheetId,
    roles: { ...app.draft.roles },
    constants: { service: app.draft.service.trim(), channel: app.draft.channel.trim() },
  };
}

function saveMapping(): void {
  const view = app.s?.active;
  if (!view) return;
  void action(
    'mapping',
    () => call('saveMapping', mappingInput(view)),
    (data) => {
      if (app.s) app.s.active = data;
      resetDraft(data);
      // Confirmed: fold back to one line, unless something still needs the user.
      app.mappingOpen = false;
      app.notices.mapping = tr('mappingSaved');
      announce(tr('mappingSaved'));
    },
    () => (app.s?.active && mappingFolded(app.s.active, app.mappingOpen) ? 'btn-mapping-toggle' : 'btn-save-mapping'),
  );
}

/** No full re-render while the user picks roles or types: focus and caret stay put. */
function updateDirtyNote(): void {
  const note = document.getElementById('mapping-dirty');
  if (note) note.hidden = !draftDirty();
}

function sourceText(source: 'sheetName' | 'user' | 'none', touched: boolean): string {
  if (touched) return tr('sourceUser');
  return tr(source === 'sheetName' ? 'sourceSheetName' : source === 'user' ? 'sourceUser' : 'sourceNone');
}

/** The one line a confirmed mapping folds into; also the way back when the user opened it. */
function foldToggle(view: MappingView, folded: boolean): Child {
  const n = num(recognisedColumns(view));
  return h(
    'button',
    {
      id: 'btn-mapping-toggle',
      class: 'fold-toggle',
      type: 'button',
      'aria-expanded': folded ? 'false' : 'true',
      'aria-controls': 'mapping-body',
      'aria-label': `${tr('mappingToggleLabel', { n })} · ${tr(folded ? 'mappingChange' : 'mappingHide')}`,
      disabled: !!app.busy,
      onclick: () => {
        app.mappingOpen = folded;
        app.focusId = 'btn-mapping-toggle';
        rerender();
      },
    },
    h('span', { class: 'fold-count' }, tr('mappingFolded', { n })),
    h('span', { class: 'fold-sep', 'aria-hidden': 'true' }, ' · '),
    h('span', { class: 'fold-action' }, tr(folded ? 'mappingChange' : 'mappingHide')),
  );
}

function blockersView(view: MappingView): Child {
  if (!view.blockers.length) return null;
  return h(
    'div',
    { id: 'mapping-blockers', class: 'error-box' },
    h('p', { class: 'error-title' }, tr('blockersTitle')),
    h('ul', null, view.blockers.map((b) => h('li', null, b))),
    // A confirmed mapping that no longer fits the sheet: say what to do about it.
    view.saved ? h('p', { id: 'mapping-reconfirm', class: 'small' }, tr('mappingReconfirm')) : null,
  );
}

function columnsView(view: MappingView, disabled: boolean): Child {
  return h(
    'div',
    { id: 'columns', class: 'columns' },
    view.columns.map((col) => {
      const selectId = `role-${col.index}`;
      const header = col.header.trim() || tr('untitledColumn', { n: col.index + 1 });
      const value = app.draft.roles[String(col.index)] ?? col.role;
      return h(
        'div',
        { class: 'col', 'data-col': col.index },
        h('label', { for: selectId, class: 'col-head ellipsis', title: header }, header),
        h(
          'select',
          {
            id: selectId,
            'data-col': col.index,
            'aria-describedby': `samples-${col.index}`,
            disabled,
            value,
            onchange: (ev: Event) => {
              const role = (ev.target as HTMLSelectElement).value as Role;
              if (role === col.role) delete app.draft.roles[String(col.index)];
              else app.draft.roles[String(col.index)] = role;
              updateDirtyNote();
            },
          },
          ROLES.map((r) => h('option', { value: r }, roleLabel(app.lang, r))),
        ),
        h(
          'div',
          { id: `samples-${col.index}`, class: 'samples' },
          h('span', { class: 'sr-only' }, `${tr('samples')}: `),
          col.samples.length
            ? col.samples.slice(0, 3).map((v) => h('span', { class: 'sample', title: v }, v === '' ? tr('noSamples') : v))
            : h('span', { class: 'sample empty' }, tr('noSamples')),
        ),
      );
    }),
  );
}

function constantField(view: MappingView, kind: 'service' | 'channel', disabled: boolean): Child {
  const id = `const-${kind}`;
  const touchedKey = kind === 'service' ? 'serviceTouched' : 'channelTouched';
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, tr(kind === 'service' ? 'constService' : 'constChannel')),
    h('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      value: app.draft[kind],
      disabled,
      'aria-describedby': `${id}-src`,
      oninput: (ev: Event) => {
        app.draft[kind] = (ev.target as HTMLInputElement).value;
        app.draft[touchedKey] = true;
        const src = document.getElementById(`${id}-src`);
        if (src) src.textContent = sourceText(view.constantSource[kind], true);
        updateDirtyNote();
      },
    }),
    h('div', { id: `${id}-src`, class: 'gray small' }, sourceText(view.constantSource[kind], app.draft[touchedKey])),
  );
}

function mappingBody(view: MappingView, disabled: boolean): Child {
  return h(
    'div',
    { id: 'mapping-body' },
    h('p', { class: 'gray small' }, tr('mappingIntro', { row: view.headerRow, rows: num(view.dataRows) })),
    view.saved ? null : h('p', { class: 'gray small', id: 'mapping-unsaved' }, tr('mappingNotSaved')),
    blockersView(view),
    columnsView(view, disabled),
    constantField(view, 'service', disabled),
    constantField(view, 'channel', disabled),
    h('p', { id: 'mapping-dirty', class: 'note', hidden: !draftDirty() }, tr('mappingDirty')),
    h('div', { class: 'buttons' }, h('button', { id: 'btn-save-mapping', type: 'button', disabled, onclick: saveMapping }, tr('saveMapping'))),
  );
}

export function mappingView(): Child {
  const s = app.s!;
  const view = s.active;
  if (!view) {
    return h(
      'section',
      sectionAttrs('mapping'),
      h('h2', { id: 'mapping-title' }, tr('mappingTitle')),
      h('p', { id: 'active-note', class: 'note' }, s.activeNote || '—'),
    );
  }
  const folded = mappingFolded(view, app.mappingOpen);
  return h(
    'section',
    sectionAttrs('mapping', { 'data-folded': folded ? 'true' : 'false' }),
    h('h2', { id: 'mapping-title', class: folded ? 'sr-only' : null }, tr('mappingTitle')),
    view.saved && view.blockers.length === 0 ? foldToggle(view, folded) : null,
    folded ? null : mappingBody(view, !!app.busy),
    notice('mapping'),
    errorBox('mapping'),
  );
}
