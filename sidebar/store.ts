/**
 * The sidebar's one state object and the helpers every view shares: translation, the live
 * region, errors, and `action` (one server call with every control disabled, then a re-render).
 *
 * Views never call each other's render code; they change `app` and ask for a re-render through
 * `rerender()`, which the entry module wires to the real render function (no import cycle).
 */
import type { CleanResult, ErrorCode, Lang, MappingView, ReportResult, Reply, Role, Settings, SidebarState, SummaryResult, UndoResult } from '../src/shared/api';
import { ageBoundsToText, formatNumber, holidaysToText } from './format';
import { MsgKey, resolveLang, t } from './i18n';
import { call, setRpcLang } from './rpc';

export type StepName = 'membaca' | 'membersihkan' | 'menulis' | 'meringkas';
export type StepState = 'waiting' | 'working' | 'done' | 'failed';
export const STEPS: readonly StepName[] = ['membaca', 'membersihkan', 'menulis', 'meringkas'];

/** The part of the sidebar an error, a notice or a busy call belongs to. */
export type Where = 'global' | 'mapping' | 'run' | 'state' | 'undo' | 'nightly' | 'settings' | 'registered';

export interface ErrorBox {
  code: ErrorCode;
  message: string;
  hint: string;
  where: Where;
  returnFocus: string | null;
}

export type Confirm = { kind: 'undo'; entryId: string } | { kind: 'drop'; sheetId: number; name: string };

export interface MappingDraft {
  roles: Record<string, Role>;
  service: string;
  channel: string;
  serviceTouched: boolean;
  channelTouched: boolean;
}

export interface SettingsForm {
  age: string;
  peak: string;
  holidays: string;
}

export interface RunOutcome {
  clean: CleanResult;
  report: ReportResult;
  summary: SummaryResult;
}

export interface App {
  loading: boolean;
  s: SidebarState | null;
  lang: Lang;
  busy: Where | null;
  steps: Record<StepName, StepState> | null;
  result: RunOutcome | null;
  error: ErrorBox | null;
  notices: Partial<Record<Where, string>>;
  confirm: Confirm | null;
  undoResult: UndoResult | null;
  draft: MappingDraft;
  /** The user unfolded a confirmed mapping ("Ubah"); reset when another sheet becomes active. */
  mappingOpen: boolean;
  settingsOpen: boolean;
  form: SettingsForm | null;
  focusId: string | null;
}

export const app: App = {
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
  mappingOpen: false,
  settingsOpen: false,
  form: null,
  focusId: null,
};

export const tr = (key: MsgKey, params?: Record<string, string | number>): string => t(app.lang, key, params);
export const num = (n: number): string => formatNumber(n, app.lang);

// ---------------------------------------------------------------------------------------------
// Re-rendering and boot, wired by the entry module

const wiring: { render: () => void; boot: () => Promise<void> } = {
  render: () => undefined,
  boot: async () => undefined,
};

export function wire(render: () => void, boot: () => Promise<void>): void {
  wiring.render = render;
  wiring.boot = boot;
}

export function rerender(): void {
  wiring.render();
}

export function reboot(): Promise<void> {
  return wiring.boot();
}

// ---------------------------------------------------------------------------------------------
// State from the server

export function resetDraft(view: MappingView | null): void {
  app.draft = {
    roles: {},
    service: view?.constants.service ?? '',
    channel: view?.constants.channel ?? '',
    serviceTouched: false,
    channelTouched: false,
  };
}

export function draftDirty(): boolean {
  const d = app.draft;
  return Object.keys(d.roles).length > 0 || d.serviceTouched || d.channelTouched;
}

export function formFrom(settings: Settings): SettingsForm {
  return {
    age: ageBoundsToText(settings.ageBounds),
    peak: formatNumber(settings.peakThreshold, app.lang),
    holidays: holidaysToText(settings.holidays),
  };
}

/** Takes a fresh SidebarState; `keepForms` keeps what the user is typing when the sheet is the same. */
export function applyState(s: SidebarState, keepForms: boolean): void {
  const prevSheet = app.s?.active?.sheetId;
  app.s = s;
  app.lang = resolveLang(s.settings.language, s.lang);
  setRpcLang(app.lang);
  const sameSheet = prevSheet === s.active?.sheetId;
  if (!keepForms || !sameSheet) resetDraft(s.active);
  if (!sameSheet) app.mappingOpen = false;
  if (!keepForms || !app.form) app.form = formFrom(s.settings);
}

// ---------------------------------------------------------------------------------------------
// Live region and errors

export function announce(text: string): void {
  const live = document.getElementById('live');
  if (!live) return;
  // A changing trailing character makes repeated messages announce again.
  live.textContent = live.textContent === text ? `${text}\u00a0` : text;
}

export function showError(where: Where, err: { code: ErrorCode; message: string; hint: string }, returnFocus: string | null): void {
  app.error = { ...err, where, returnFocus };
  announce(err.message);
}

// ---------------------------------------------------------------------------------------------
// Server calls

/** Runs one server call with every control disabled, then re-renders. */
export async function action<T>(
  where: Where,
  fn: () => Promise<Reply<T>>,
  onOk: (data: T) => void | Promise<void>,
  focusAfter?: string | (() => string),
): Promise<boolean> {
  if (app.busy) return false;
  const prevFocus = (document.activeElement as HTMLElement | null)?.id || null;
  app.busy = where;
  app.error = null;
  app.notices = {};
  rerender();
  let ok = false;
  try {
    const r = await fn();
    if (r.ok) {
      ok = true;
      await onOk(r.data);
    } else {
      showError(where, r.error, prevFocus);
      // These errors change what the sidebar shows (a banner, an unfolded mapping): fetch it.
      if (r.error.code === 'STATE_UNREADABLE' || r.error.code === 'MAPPING_CHANGED') await refreshState();
    }
  } finally {
    app.busy = null;
    app.focusId = (typeof focusAfter === 'function' ? focusAfter() : focusAfter) ?? prevFocus;
    rerender();
  }
  return ok;
}

export async function refreshState(): Promise<void> {
  const r = await call('getSidebarState');
  if (r.ok) applyState(r.data, true);
  else if (!app.error) showError('global', r.error, null);
}

/** True while the state tab is missing or damaged: nothing that writes may run. */
export function stateBroken(): boolean {
  return !!app.s?.stateProblem;
}
