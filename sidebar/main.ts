/**
 * The Pola Layanan sidebar: plain DOM, one state object, one render function.
 * Every value that comes from the sheet is rendered as text through h() (textContent only).
 */
import type {
  CleanResult,
  ErrorCode,
  Lang,
  MappingInput,
  MappingView,
  ReportResult,
  Reply,
  Role,
  Settings,
  SidebarState,
  SummaryResult,
  UndoResult,
} from '../src/shared/api';
import { ROLES } from '../src/shared/api';
import { Child, h } from './dom';
import {
  ageBoundsToText,
  ageGroupLabels,
  formatDateTime,
  formatHour,
  formatMonth,
  formatNumber,
  holidaysToText,
  parseAgeBounds,
  parseHolidays,
  parsePeakThreshold,
  Parsed,
  safeUrl,
} from './format';
import { MsgKey, resolveLang, roleLabel, STATUSES, statusLabel, t } from './i18n';
import { call, hasScriptRun, host, setRpcLang } from './rpc';

/** Executions one Clean & Summarize may take on a very large sheet before the sidebar gives up. */
const MAX_CLEAN_ROUNDS = 50;

// ---------------------------------------------------------------------------------------------
// State

export type StepName = 'membaca' | 'membersihkan' | 'menulis' | 'meringkas';
export type StepState = 'waiting' | 'working' | 'done' | 'failed';
export const STEPS: readonly StepName[] = ['membaca', 'membersihkan', 'menulis', 'meringkas'];
const STEP_KEYS: Record<StepName, MsgKey> = {
  membaca: 'stepMembaca',
  membersihkan: 'stepMembersihkan',
  menulis: 'stepMenulis',
  meringkas: 'stepMeringkas',
};

type Where = 'global' | 'mapping' | 'run' | 'undo' | 'nightly' | 'settings' | 'registered';

interface ErrorBox {
  code: ErrorCode;
  message: string;
  hint: string;
  where: Where;
  returnFocus: string | null;
}

type Confirm = { kind: 'undo' } | { kind: 'drop'; sheetId: number; name: string };

interface MappingDraft {
  roles: Record<string, Role>;
  service: string;
  channel: string;
  serviceTouched: boolean;
  channelTouched: boolean;
}

interface SettingsForm {
  age: string;
  peak: string;
  holidays: string;
}

interface App {
  loading: boolean;
  s: SidebarState | null;
  lang: Lang;
  busy: Where | null;
  steps: Record<StepName, StepState> | null;
  result: { clean: CleanResult; report: ReportResult; summary: SummaryResult } | null;
  error: ErrorBox | null;
  notices: Partial<Record<Where, string>>;
  confirm: Confirm | null;
  undoResult: UndoResult | null;
  draft: MappingDraft;
  settingsOpen: boolean;
  form: SettingsForm | null;
  focusId: string | null;
}

const app: App = {
  loading: false,
  s: null,
  lang: 'id',
  busy: null,
  steps: null,
  result: null,
  error: null,
  notices: {},
  confirm: null,
  undoResult: null,
  draft: { roles: {}, service: '', channel: '', serviceTouched: false, channelTouched: false },
  settingsOpen: false,
  form: null,
  focusId: null,
};

const tr = (key: MsgKey, params?: Record<string, string | number>): string => t(app.lang, key, params);
const num = (n: number): string => formatNumber(n, app.lang);

function resetDraft(view: MappingView | null): void {
  app.draft = {
    roles: {},
    service: view?.constants.service ?? '',
    channel: view?.constants.channel ?? '',
    serviceTouched: false,
    channelTouched: false,
  };
}

function draftDirty(): boolean {
  const d = app.draft;
  return Object.keys(d.roles).length > 0 || d.serviceTouched || d.channelTouched;
}

function formFrom(settings: Settings): SettingsForm {
  return {
    age: ageBoundsToText(settings.ageBounds),
    peak: formatNumber(settings.peakThreshold, app.lang),
    holidays: holidaysToText(settings.holidays),
  };
}

function applyState(s: SidebarState, keepForms: boolean): void {
  const prevSheet = app.s?.active?.sheetId;
  app.s = s;
  app.lang = resolveLang(s.settings.language, s.lang);
  setRpcLang(app.lang);
  if (!keepForms || prevSheet !== s.active?.sheetId) resetDraft(s.active);
  if (!keepForms || !app.form) app.form = formFrom(s.settings);
}

// ---------------------------------------------------------------------------------------------
// Live region

function announce(text: string): void {
  const live = document.getElementById('live');
  if (!live) return;
  // A changing trailing character makes repeated messages announce again.
  live.textContent = live.textContent === text ? `${text}\u00a0` : text;
}

// ---------------------------------------------------------------------------------------------
// Server actions

function showError(where: Where, err: { code: ErrorCode; message: string; hint: string }, returnFocus: string | null): void {
  app.error = { ...err, where, returnFocus };
  announce(err.message);
}

/** Runs one server call with every control disabled, then re-renders. */
async function action<T>(where: Where, fn: () => Promise<Reply<T>>, onOk: (data: T) => void | Promise<void>, focusAfter?: string): Promise<boolean> {
  if (app.busy) return false;
  const prevFocus = (document.activeElement as HTMLElement | null)?.id || null;
  app.busy = where;
  app.error = null;
  app.notices = {};
  render();
  let ok = false;
  try {
    const r = await fn();
    if (r.ok) {
      ok = true;
      await onOk(r.data);
    } else {
      showError(where, r.error, prevFocus);
    }
  } finally {
    app.busy = null;
    app.focusId = focusAfter ?? prevFocus;
    render();
  }
  return ok;
}

async function refreshState(): Promise<void> {
  const r = await call('getSidebarState');
  if (r.ok) applyState(r.data, true);
  else showError('global', r.error, null);
}

async function boot(): Promise<void> {
  app.loading = true;
  app.error = null;
  render();
  const r = await call('getSidebarState');
  app.loading = false;
  if (r.ok) {
    applyState(r.data, false);
  } else {
    showError('global', r.error, null);
  }
  render();
}

function mappingInput(view: MappingView): MappingInput {
  return {
    sheetId: view.sheetId,
    roles: { ...app.draft.roles },
    constants: { service: app.draft.service.trim(), channel: app.draft.channel.trim() },
  };
}

function saveMapping(): void {
  const view = app.s?.active;
  if (!view) return;
  void action('mapping', () => call('saveMapping', mappingInput(view)), (data) => {
    if (app.s) app.s.active = data;
    resetDraft(data);
    app.notices.mapping = tr('mappingSaved');
    announce(tr('mappingSaved'));
  });
}

async function runAll(): Promise<void> {
  const s = app.s;
  const view = s?.active;
  if (!s || !view || app.busy) return;
  const sheetId = view.sheetId;
  app.busy = 'run';
  app.error = null;
  app.notices = {};
  app.result = null;
  app.undoResult = null;
  app.confirm = null;
  const steps: Record<StepName, StepState> = { membaca: 'waiting', membersihkan: 'waiting', menulis: 'waiting', meringkas: 'waiting' };
  app.steps = steps;

  const start = (step: StepName): void => {
    steps[step] = 'working';
    announce(tr('liveStep', { n: STEPS.indexOf(step) + 1, total: STEPS.length, name: tr(STEP_KEYS[step]) }));
    render();
  };
  const fail = (step: StepName, err: { code: ErrorCode; message: string; hint: string }): void => {
    steps[step] = 'failed';
    showError('run', err, 'btn-run');
    announce(tr('liveFailed', { name: tr(STEP_KEYS[step]) }));
  };

  try {
    start('membaca');
    if (draftDirty()) {
      const saved = await call('saveMapping', mappingInput(view));
      if (!saved.ok) return fail('membaca', saved.error);
      s.active = saved.data;
      resetDraft(saved.data);
    }
    const inspected = await call('inspectSheet', sheetId);
    if (!inspected.ok) return fail('membaca', inspected.error);
    s.active = inspected.data;
    resetDraft(inspected.data);
    if (inspected.data.blockers.length) {
      return fail('membaca', { code: 'NO_DATE_COLUMN', message: tr('blockersTitle'), hint: inspected.data.blockers.join(' ') });
    }
    steps.membaca = 'done';

    start('membersihkan');
    // A very large sheet is cleaned over several executions (each within Apps Script's time
    // limit): the server says complete=false and continues where it stopped on the next call.
    let clean = await call('cleanSheet', sheetId);
    let written = clean.ok ? clean.data.cellsWritten : 0;
    for (let round = 1; clean.ok && !clean.data.complete && round < MAX_CLEAN_ROUNDS; round++) {
      announce(tr('liveContinuing', { n: num(written) }));
      clean = await call('cleanSheet', sheetId);
      if (clean.ok) written += clean.data.cellsWritten;
    }
    if (!clean.ok) return fail('membersihkan', clean.error);
    clean.data.cellsWritten = written;
    steps.membersihkan = 'done';

    start('menulis');
    const report = await call('writeReports');
    if (!report.ok) return fail('menulis', report.error);
    steps.menulis = 'done';

    start('meringkas');
    const summary = await call('summarise');
    if (!summary.ok) return fail('meringkas', summary.error);
    steps.meringkas = 'done';

    app.result = { clean: clean.data, report: report.data, summary: summary.data };
    announce(tr('liveDone', { rows: num(clean.data.rowsRead) }));
    render();
    await refreshState();
  } finally {
    app.busy = null;
    app.focusId = 'btn-run';
    render();
  }
}

function undo(): void {
  app.confirm = null;
  void action(
    'undo',
    () => call('undoLastClean'),
    async (data) => {
      app.undoResult = data;
      app.result = null;
      app.steps = null;
      announce(tr('undoDone', { n: num(data.cellsRestored), sheet: data.sheetName }));
      await refreshState();
    },
    'undo-title',
  );
}

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

function setNightly(enabled: boolean, hour: number): void {
  void action('nightly', () => call('setNightly', enabled, hour), (data) => {
    if (app.s) app.s.nightly = data;
    app.notices.nightly = tr('nightlySaved');
    announce(tr('nightlySaved'));
  });
}

function changeLanguage(language: Settings['language']): void {
  const s = app.s;
  if (!s) return;
  const next: Settings = { ...s.settings, language };
  s.settings = next;
  const before = app.lang;
  app.lang = resolveLang(language, s.lang);
  // Re-show the untouched threshold with the new language's decimal mark.
  if (app.form && app.form.peak === formatNumber(next.peakThreshold, before)) app.form.peak = formatNumber(next.peakThreshold, app.lang);
  setRpcLang(app.lang);
  app.focusId = 'lang';
  render();
  void action('settings', () => call('saveSettings', next), (data) => {
    s.settings = data;
    app.notices.settings = tr('settingsSaved');
    announce(tr('settingsSaved'));
  }, 'lang');
}

interface FormCheck {
  age: Parsed<number[]>;
  peak: Parsed<number>;
  holidays: Parsed<string[]>;
}

function checkForm(form: SettingsForm): FormCheck {
  return { age: parseAgeBounds(form.age), peak: parsePeakThreshold(form.peak), holidays: parseHolidays(form.holidays) };
}

function saveSettings(): void {
  const s = app.s;
  const form = app.form;
  if (!s || !form) return;
  const c = checkForm(form);
  if (!c.age.ok || !c.peak.ok || !c.holidays.ok) {
    updateFormMessages();
    const first = !c.age.ok ? 'set-age' : !c.peak.ok ? 'set-peak' : 'set-holidays';
    document.getElementById(first)?.focus();
    announce(tr('fixErrors'));
    return;
  }
  const settings: Settings = { ageBounds: c.age.value, peakThreshold: c.peak.value, holidays: c.holidays.value, language: s.settings.language };
  void action('settings', () => call('saveSettings', settings), (data) => {
    s.settings = data;
    app.form = formFrom(data);
    app.notices.settings = tr('settingsSaved');
    announce(tr('settingsSaved'));
  });
}

// ---------------------------------------------------------------------------------------------
// Targeted updates (no full re-render while the user types, so focus and caret stay put)

function parsedMessage<T>(p: Parsed<T>, ok: (v: T) => string): { text: string; error: boolean } {
  return p.ok ? { text: ok(p.value), error: false } : { text: tr(p.error, p.params), error: true };
}

function setFieldMessage(inputId: string, msg: { text: string; error: boolean }): void {
  const input = document.getElementById(inputId);
  const out = document.getElementById(`${inputId}-msg`);
  if (input) {
    if (msg.error) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  if (out) {
    out.textContent = msg.text;
    out.className = msg.error ? 'msg error' : 'msg gray';
  }
}

function formMessages(form: SettingsForm): Record<'set-age' | 'set-peak' | 'set-holidays', { text: string; error: boolean }> {
  const c = checkForm(form);
  return {
    'set-age': parsedMessage(c.age, (v) => tr('ageGroups', { groups: ageGroupLabels(v).join(', ') })),
    'set-peak': parsedMessage(c.peak, () => ''),
    'set-holidays': parsedMessage(c.holidays, () => ''),
  };
}

function updateFormMessages(): void {
  if (!app.form) return;
  const msgs = formMessages(app.form);
  for (const id of Object.keys(msgs) as (keyof typeof msgs)[]) setFieldMessage(id, msgs[id]);
}

function updateDirtyNote(): void {
  const note = document.getElementById('mapping-dirty');
  if (note) note.hidden = !draftDirty();
}

function sourceText(source: 'sheetName' | 'user' | 'none', touched: boolean): string {
  if (touched) return tr('sourceUser');
  return tr(source === 'sheetName' ? 'sourceSheetName' : source === 'user' ? 'sourceUser' : 'sourceNone');
}

// ---------------------------------------------------------------------------------------------
// Views

function errorBox(where: Where): Child {
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
          render();
        },
      },
      '×',
    ),
    h('p', { id: 'error-message', class: 'alert-message' }, e.message),
    e.hint ? h('p', { id: 'error-hint', class: 'alert-hint' }, e.hint) : null,
    where === 'global' && !app.s && hasScriptRun()
      ? h('button', { id: 'btn-retry', type: 'button', onclick: () => void boot() }, tr('retry'))
      : null,
  );
}

function notice(where: Where): Child {
  const text = app.notices[where];
  return text ? h('p', { class: 'notice', role: 'status', id: `${where}-notice` }, text) : null;
}

function sectionAttrs(id: Where | 'result', extra?: Record<string, string | boolean>): Record<string, string | boolean> {
  return { id, class: 'section', 'aria-labelledby': `${id}-title`, 'aria-busy': app.busy === id ? 'true' : 'false', ...extra };
}

function headerView(): Child {
  const s = app.s;
  return h(
    'header',
    { id: 'hdr', class: 'hdr' },
    h(
      'div',
      { class: 'hdr-top' },
      h('h1', { id: 'hdr-product' }, tr('productName')),
      s
        ? h(
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
          )
        : null,
    ),
    s ? h('div', { id: 'hdr-file', class: 'gray ellipsis', title: s.spreadsheetName }, s.spreadsheetName) : null,
    s
      ? h(
          'div',
          { id: 'hdr-sheet', class: 'ellipsis' },
          h('span', { class: 'gray' }, `${tr('activeSheet')}: `),
          h('strong', { id: 'hdr-sheet-name' }, s.activeSheetName || (s.active ? s.active.sheetName : '—')),
        )
      : null,
  );
}

function mappingView(): Child {
  const s = app.s!;
  const view = s.active;
  const disabled = !!app.busy;
  const body: Child[] = [h('h2', { id: 'mapping-title' }, tr('mappingTitle'))];
  if (!view) {
    body.push(h('p', { id: 'active-note', class: 'note' }, s.activeNote || '—'));
    return h('section', sectionAttrs('mapping'), body);
  }
  body.push(h('p', { class: 'gray small' }, tr('mappingIntro', { row: view.headerRow, rows: num(view.dataRows) })));
  if (!view.saved) body.push(h('p', { class: 'gray small', id: 'mapping-unsaved' }, tr('mappingNotSaved')));
  if (view.blockers.length) {
    body.push(
      h(
        'div',
        { id: 'mapping-blockers', class: 'error-box' },
        h('p', { class: 'error-title' }, tr('blockersTitle')),
        h('ul', null, view.blockers.map((b) => h('li', null, b))),
      ),
    );
  }
  body.push(
    h(
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
    ),
  );
  const constantField = (kind: 'service' | 'channel'): Child => {
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
  };
  body.push(constantField('service'), constantField('channel'));
  body.push(h('p', { id: 'mapping-dirty', class: 'note', hidden: !draftDirty() }, tr('mappingDirty')));
  body.push(
    h('div', { class: 'buttons' }, h('button', { id: 'btn-save-mapping', type: 'button', disabled, onclick: saveMapping }, tr('saveMapping'))),
  );
  body.push(notice('mapping'), errorBox('mapping'));
  return h('section', sectionAttrs('mapping'), body);
}

function stepsView(): Child {
  const steps = app.steps;
  if (!steps) return null;
  const stateKey: Record<StepState, MsgKey> = { waiting: 'stateWaiting', working: 'stateWorking', done: 'stateDone', failed: 'stateFailed' };
  return h(
    'ol',
    { id: 'steps', class: 'steps' },
    STEPS.map((step) =>
      h(
        'li',
        { 'data-step': step, 'data-state': steps[step], class: `step ${steps[step]}`, 'aria-current': steps[step] === 'working' ? 'step' : null },
        h('span', { class: 'step-icon', 'aria-hidden': 'true' }),
        h('span', { class: 'step-name' }, tr(STEP_KEYS[step])),
        h('span', { class: 'step-state' }, tr(stateKey[steps[step]])),
      ),
    ),
  );
}

function runView(): Child {
  const view = app.s?.active;
  const blocked = !view || view.blockers.length > 0;
  return h(
    'section',
    sectionAttrs('run'),
    h('h2', { id: 'run-title', class: 'sr-only' }, tr('runTitle')),
    h(
      'button',
      { id: 'btn-run', class: 'action wide', type: 'button', disabled: !!app.busy || blocked, onclick: () => void runAll() },
      tr('runButton'),
    ),
    stepsView(),
    errorBox('run'),
  );
}

function resultView(): Child {
  const r = app.result;
  if (!r) return null;
  const { clean, report, summary } = r;
  const tabs = summary.tabs.slice();
  if (report.tab && !tabs.some((tab) => tab.sheetId === report.tab.sheetId)) tabs.push(report.tab);
  const looker = safeUrl(summary.lookerStudioUrl);
  return h(
    'section',
    sectionAttrs('result', { class: 'section card' }),
    h('h2', { id: 'result-title', tabindex: '-1' }, tr('resultTitle')),
    h('p', { class: 'gray small', id: 'result-rows' }, tr('resultRows', { rows: num(clean.rowsRead), sheet: clean.sheetName })),
    clean.complete ? null : h('p', { class: 'note', id: 'result-incomplete' }, tr('resultIncomplete')),
    h(
      'table',
      { id: 'result-status', class: 'counts' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, tr('statusCol')), h('th', { scope: 'col', class: 'num' }, tr('countCol')))),
      h(
        'tbody',
        null,
        STATUSES.map((st) =>
          h(
            'tr',
            { 'data-status': st },
            h('th', { scope: 'row' }, h('span', { class: `dot dot-${st}`, 'aria-hidden': 'true' }), statusLabel(app.lang, st)),
            h('td', { class: 'num' }, num(clean.byStatus[st] ?? 0)),
          ),
        ),
      ),
    ),
    report.problems > 0 ? h('p', { class: 'gray small', id: 'result-problems' }, tr('problems', { n: num(report.problems) })) : null,
    h('h3', null, tr('topChanges')),
    clean.topChanges.length
      ? h(
          'ul',
          { id: 'result-changes', class: 'changes' },
          clean.topChanges.map((c) =>
            h(
              'li',
              null,
              h('span', { class: 'change-col' }, c.column),
              h('span', { class: 'change-from' }, c.from === '' ? tr('noSamples') : c.from),
              h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
              h('span', { class: 'sr-only' }, ' → '),
              h('span', { class: 'change-to' }, c.to === '' ? tr('noSamples') : c.to),
              h('span', { class: 'change-count' }, ` ×${num(c.count)}`),
            ),
          ),
        )
      : h('p', { class: 'gray small', id: 'result-changes' }, tr('noChanges')),
    h(
      'p',
      { id: 'result-peaks', class: 'peaks' },
      summary.earlyMonthPeaks.length
        ? tr('earlyPeaks', { months: summary.earlyMonthPeaks.map((m) => formatMonth(m, app.lang)).join(', ') })
        : tr('noEarlyPeaks'),
    ),
    h('h3', null, tr('tabsTitle')),
    h(
      'ul',
      { id: 'result-tabs', class: 'tabs' },
      tabs.map((tab) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              class: 'tab-link',
              href: safeUrl(tab.url) ?? '#',
              target: '_blank',
              rel: 'noopener noreferrer',
              'data-sheet-id': tab.sheetId,
              onclick: (ev: Event) => {
                const me = ev as MouseEvent;
                if (me.ctrlKey || me.metaKey || me.shiftKey || me.button === 1) return; // let the browser open a new tab
                ev.preventDefault();
                void call('openTab', tab.sheetId).then((res) => {
                  if (!res.ok) {
                    showError('run', res.error, null);
                    render();
                  }
                });
              },
            },
            tab.name,
          ),
          h('span', { class: 'gray small' }, ` · ${tr('tabRows', { n: num(tab.rows) })}`),
        ),
      ),
    ),
    looker
      ? h(
          'a',
          { id: 'btn-looker', class: 'button', href: looker, target: '_blank', rel: 'noopener noreferrer' },
          tr('openLooker'),
          h('span', { class: 'sr-only' }, ` ${tr('newTab')}`),
        )
      : null,
  );
}

function confirmView(text: string, onYes: () => void, returnFocus: string): Child {
  const cancel = (): void => {
    app.confirm = null;
    app.focusId = returnFocus;
    render();
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

function undoView(): Child {
  const s = app.s!;
  const u = s.undoAvailable;
  return h(
    'section',
    sectionAttrs('undo'),
    h('h2', { id: 'undo-title', tabindex: '-1' }, tr('undoTitle')),
    h(
      'p',
      { id: 'undo-what', class: 'gray small' },
      u ? tr('undoWhat', { sheet: u.sheetName, at: formatDateTime(u.at, app.lang, s.timeZone) }) : tr('undoNone'),
    ),
    h(
      'button',
      {
        id: 'btn-undo',
        type: 'button',
        disabled: !!app.busy || !u || app.confirm?.kind === 'undo',
        onclick: () => {
          app.confirm = { kind: 'undo' };
          app.focusId = 'btn-confirm-no';
          render();
        },
      },
      tr('undoButton'),
    ),
    app.confirm?.kind === 'undo' && u ? confirmView(tr('undoConfirm', { sheet: u.sheetName }), undo, 'btn-undo') : null,
    app.undoResult
      ? h(
          'p',
          { id: 'undo-result', class: 'notice', role: 'status' },
          tr('undoDone', { n: num(app.undoResult.cellsRestored), sheet: app.undoResult.sheetName }) +
            (app.undoResult.rowsSkipped ? ' ' + tr('undoSkipped', { n: num(app.undoResult.rowsSkipped) }) : ''),
        )
      : null,
    errorBox('undo'),
  );
}

function nightlyView(): Child {
  const s = app.s!;
  const n = s.nightly;
  const disabled = !!app.busy;
  const last = n.lastRun;
  return h(
    'section',
    sectionAttrs('nightly'),
    h('h2', { id: 'nightly-title' }, tr('nightlyTitle')),
    h(
      'div',
      { class: 'switch-row' },
      h('label', { for: 'nightly-switch', class: 'switch-label' }, tr('nightlySwitch')),
      h('input', {
        id: 'nightly-switch',
        type: 'checkbox',
        role: 'switch',
        class: 'switch',
        checked: n.enabled,
        'aria-checked': n.enabled ? 'true' : 'false',
        disabled,
        onchange: (ev: Event) => setNightly((ev.target as HTMLInputElement).checked, n.hour),
      }),
    ),
    h(
      'div',
      { class: 'field inline' },
      h('label', { for: 'nightly-hour' }, tr('nightlyHour')),
      h(
        'select',
        {
          id: 'nightly-hour',
          value: String(n.hour),
          disabled,
          onchange: (ev: Event) => setNightly(n.enabled, Number((ev.target as HTMLSelectElement).value)),
        },
        Array.from({ length: 24 }, (_, hour) => h('option', { value: String(hour) }, formatHour(hour))),
      ),
      h('span', { id: 'nightly-tz', class: 'gray small' }, tr('timeZone', { tz: n.timeZone || s.timeZone })),
    ),
    h(
      'div',
      { id: 'nightly-last', class: 'small', 'data-outcome': last ? (last.ok ? 'ok' : 'failed') : 'none' },
      last
        ? [
            h('span', { class: 'gray' }, tr('nightlyLast', { at: formatDateTime(last.end || last.start, app.lang, n.timeZone || s.timeZone) })),
            ' · ',
            h('span', { class: last.ok ? 'ok-text' : 'error' }, tr(last.ok ? 'nightlyOk' : 'nightlyFailed')),
            last.continued ? h('span', { class: 'gray' }, ` (${tr('nightlyContinued')})`) : null,
            !last.ok && last.error ? h('div', { id: 'nightly-error', class: 'error' }, last.error) : null,
          ]
        : h('span', { class: 'gray' }, tr('nightlyNever')),
    ),
    notice('nightly'),
    errorBox('nightly'),
  );
}

function settingsView(): Child {
  const s = app.s!;
  const form = app.form ?? formFrom(s.settings);
  app.form = form;
  const disabled = !!app.busy;
  const msgs = formMessages(form);
  const field = (id: 'set-age' | 'set-peak' | 'set-holidays', labelKey: MsgKey, control: HTMLElement, help?: string): Child =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, tr(labelKey)),
      help ? h('div', { id: `${id}-help`, class: 'gray small' }, help) : null,
      control,
      h('div', { id: `${id}-msg`, class: msgs[id].error ? 'msg error' : 'msg gray', 'aria-live': 'polite' }, msgs[id].text),
    );
  const onInput = (key: keyof SettingsForm) => (ev: Event): void => {
    form[key] = (ev.target as HTMLInputElement | HTMLTextAreaElement).value;
    updateFormMessages();
  };
  const invalid = (id: keyof typeof msgs): string | null => (msgs[id].error ? 'true' : null);
  return h(
    'details',
    {
      id: 'settings',
      class: 'section',
      open: app.settingsOpen,
      'aria-busy': app.busy === 'settings' ? 'true' : 'false',
      ontoggle: (ev: Event) => {
        app.settingsOpen = (ev.target as HTMLDetailsElement).open;
      },
    },
    h('summary', { id: 'settings-title' }, h('span', { class: 'h2' }, tr('settingsTitle'))),
    field(
      'set-age',
      'ageBounds',
      h('input', { id: 'set-age', type: 'text', inputmode: 'numeric', autocomplete: 'off', value: form.age, disabled, 'aria-invalid': invalid('set-age'), 'aria-describedby': 'set-age-help set-age-msg', oninput: onInput('age') }),
      tr('ageBoundsHelp'),
    ),
    field(
      'set-peak',
      'peakThreshold',
      h('input', { id: 'set-peak', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: form.peak, disabled, 'aria-invalid': invalid('set-peak'), 'aria-describedby': 'set-peak-msg', oninput: onInput('peak') }),
    ),
    field(
      'set-holidays',
      'holidays',
      h('textarea', { id: 'set-holidays', rows: '4', spellcheck: 'false', value: form.holidays, disabled, 'aria-invalid': invalid('set-holidays'), 'aria-describedby': 'set-holidays-msg', oninput: onInput('holidays') }),
    ),
    h('div', { class: 'buttons' }, h('button', { id: 'btn-save-settings', class: 'action', type: 'button', disabled, onclick: saveSettings }, tr('saveSettings'))),
    h(
      'div',
      { class: 'field lang-field' },
      h('label', { for: 'lang' }, tr('language')),
      h(
        'select',
        {
          id: 'lang',
          value: s.settings.language,
          disabled,
          onchange: (ev: Event) => changeLanguage((ev.target as HTMLSelectElement).value as Settings['language']),
        },
        h('option', { value: 'auto' }, tr('langAuto')),
        h('option', { value: 'id', lang: 'id' }, tr('langId')),
        h('option', { value: 'en', lang: 'en' }, tr('langEn')),
      ),
    ),
    notice('settings'),
    errorBox('settings'),
  );
}

function registeredView(): Child {
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
                      render();
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

function footerView(): Child {
  const s = app.s;
  return h(
    'footer',
    { class: 'footer gray small' },
    s ? h('span', { id: 'version' }, tr('version', { v: s.version })) : null,
    h('button', { id: 'btn-close', class: 'link-btn', type: 'button', onclick: () => host.close() }, tr('close')),
  );
}

function view(): Child[] {
  if (!app.s) {
    return [
      headerView(),
      app.loading ? h('p', { id: 'loading', class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), tr('loading')) : null,
      errorBox('global'),
    ];
  }
  return [
    headerView(),
    errorBox('global'),
    mappingView(),
    runView(),
    resultView(),
    undoView(),
    nightlyView(),
    settingsView(),
    registeredView(),
    footerView(),
  ];
}

// ---------------------------------------------------------------------------------------------
// Render with focus / caret / scroll preserved

function render(): void {
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

// ---------------------------------------------------------------------------------------------
// Boot

interface PolaWindow {
  __POLA_BOOT__?: boolean;
  __POLA__?: { boot: () => Promise<void>; app: App; render: () => void };
}

const w = window as unknown as PolaWindow;
w.__POLA__ = { boot, app, render };

function start(): void {
  if (w.__POLA_BOOT__ === false) return;
  if (hasScriptRun()) {
    void boot();
  } else {
    showError('global', { code: 'INTERNAL', message: tr('noRun'), hint: '' }, null);
    render();
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
