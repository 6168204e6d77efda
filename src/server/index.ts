/**
 * The public surface of the add-on: every function Apps Script must see as a global. The build
 * turns each export of this module into a top-level `function` declaration in dist/Code.js
 * (tools/build.ts), so menus, triggers and google.script.run can call them by name.
 *
 * Sidebar functions answer with the Reply envelope: errors arrive translated, with a next step.
 */
import type {
  CleanResult,
  Lang,
  MappingInput,
  MappingView,
  NightlyStatus,
  RegisteredSheet,
  Reply,
  ReportResult,
  RunResult,
  Settings,
  SidebarState,
  SummaryResult,
  UndoResult,
} from '../shared/api';
import { errorText, langOfLocale, t } from '../core/i18n';
import { SettingsError, validateSettings } from '../core/settings';
import { VERSION } from '../core/version';
import { runReview } from '../core/clean';
import { CleanPlan } from '../core/clean';
import { checkMappingInput, pendingFor, pendingWithout, runVerdict } from '../core/plan';
import { UserError } from './errors';
import { RunContext, markFinished, saveState, withRunLock } from './lock';
import { DocState, markLog, readState, readStateChecked, stateFromMarkers, unmarkLog, writeState } from './state';
import { DEFAULT_BUDGET_MS, Deadline } from './clock';
import { findSheetById, isOwnTab, startExecution } from './sheets';
import {
  Env,
  cleanSheetFlow,
  envOf,
  logSheets,
  confirmedMapping,
  mappingView,
  planRegistered,
  recordRunInInfo,
  runRecord,
  summariseFlow,
  undoFlow,
  undoHistoryView,
  writeReportsFlow,
} from './app';

const NIGHTLY_HANDLER = 'nightlyRefresh';
const LANGUAGE_KEY = 'pola.language';
const TRIGGER_DOC_PREFIX = 'pola.trigger.';
const TRIGGER_KIND_PREFIX = 'pola.triggerKind.';

// ---------------------------------------------------------------------------------------------
// Helpers

const userProperties = (): GoogleAppsScript.Properties.Properties => PropertiesService.getUserProperties();

function userLanguage(): Settings['language'] {
  const v = userProperties().getProperty(LANGUAGE_KEY);
  return v === 'id' || v === 'en' ? v : 'auto';
}

function currentLang(): Lang {
  const pref = userLanguage();
  return pref === 'auto' ? langOfLocale(Session.getActiveUserLocale()) : pref;
}

function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new Error('no active spreadsheet');
  return ss;
}

/** Runs a sidebar request and wraps its answer or error in the Reply envelope. */
function reply<T>(fn: () => T): Reply<T> {
  let lang: Lang = 'id';
  startExecution();
  try {
    lang = currentLang();
    return { ok: true, data: fn() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: { code: e.code, ...errorText(lang, e.code, e.params) } };
    if (e instanceof SettingsError) return { ok: false, error: { code: 'BAD_INPUT', ...errorText(lang, 'BAD_INPUT', { detail: e.field }) } };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'INTERNAL', ...errorText(lang, 'INTERNAL', { detail }) } };
  }
}

function withEnv<T>(fn: (ctx: RunContext, env: Env) => T): T {
  const ss = activeSpreadsheet();
  return withRunLock(ss, (ctx) => fn(ctx, envOf(ss, ctx.state, currentLang(), userLanguage())));
}

/** A sidebar request that runs under the run lock: reply(() => withEnv(fn)). */
function replyWithEnv<T>(fn: (ctx: RunContext, env: Env) => T): Reply<T> {
  return reply(() => withEnv(fn));
}

/** A refusal of what the sidebar sent, naming the field. */
const badInput = (detail: string): UserError => new UserError('BAD_INPUT', { detail });

function sheetOrThrow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetId: number): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = typeof sheetId === 'number' ? findSheetById(ss, sheetId) : null;
  if (!sheet) throw badInput('sheetId');
  return sheet;
}

/** The sheet with this id, refused when it is one of the add-on's own tabs (not a log). */
function logSheetOrThrow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tabs: Record<string, number>, sheetId: number): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = sheetOrThrow(ss, sheetId);
  if (isOwnTab(ss, tabs, sheet)) throw new UserError('NOT_A_LOG', { sheet: sheet.getName() });
  return sheet;
}

/** The registered sheets that still exist, with their names. */
function registeredSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: readonly number[]): RegisteredSheet[] {
  const out: RegisteredSheet[] = [];
  for (const id of ids) {
    const s = findSheetById(ss, id);
    if (s) out.push({ sheetId: id, name: s.getName() });
  }
  return out;
}

function deadlineOf(state: DocState): Deadline {
  return new Deadline(state.budgetMs && state.budgetMs > 0 ? state.budgetMs : DEFAULT_BUDGET_MS);
}

function nightlyStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: DocState): NightlyStatus {
  return { enabled: state.nightly.enabled, hour: state.nightly.hour, timeZone: ss.getSpreadsheetTimeZone(), lastRun: state.lastRun };
}

// ---------------------------------------------------------------------------------------------
// Menu and sidebar

/**
 * Builds the add-on menu. Runs in AuthMode.NONE before the add-on is used in a document, so it
 * touches nothing that needs authorisation (no properties, no sheets): labels are Indonesian.
 * @param {Object} e The onOpen event.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t('id', 'menu.open'), 'showSidebar')
    .addToUi();
}

/**
 * Runs when the add-on is installed (AuthMode.FULL): shows the menu without a reload.
 * @param {Object} e The onInstall event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Opens the sidebar (menu item "Buka Pola Layanan"). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(currentLang(), 'sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

export function getSidebarState(): Reply<SidebarState> {
  return reply(() => {
    const ss = activeSpreadsheet();
    const { state, problem } = readStateChecked(ss);
    const lang = currentLang();
    const env = envOf(ss, state, lang, userLanguage());
    const sheet = ss.getActiveSheet();
    let active: MappingView | null = null;
    let activeNote = '';
    if (isOwnTab(ss, state.tabs, sheet)) activeNote = t(lang, 'note.summaryTab');
    else active = mappingView(state, sheet, env);
    // An execution cut off while swapping the nightly trigger can leave none: put it back.
    if (!problem && state.nightly.enabled && !ScriptApp.getUserTriggers(ss).some((tr) => tr.getHandlerFunction() === NIGHTLY_HANDLER)) {
      installNightlyTrigger(ss, { hour: state.nightly.hour });
    }
    const history = undoHistoryView(ss, state);
    const newest = history.find((e) => e.undoable);
    const registered = registeredSheets(ss, state.registered);
    return {
      lang,
      spreadsheetName: ss.getName(),
      activeSheetName: sheet.getName(),
      timeZone: ss.getSpreadsheetTimeZone(),
      active,
      activeNote,
      registered,
      settings: env.settings,
      nightly: nightlyStatus(ss, state),
      undoAvailable: newest ? { sheetName: newest.sheetName, at: newest.at } : null,
      undoHistory: history,
      stateProblem: problem ? errorText(lang, 'STATE_UNREADABLE').message : '',
      version: VERSION,
    };
  });
}

export function inspectSheet(sheetId: number): Reply<MappingView> {
  return reply(() => {
    const ss = activeSpreadsheet();
    const state = readState(ss);
    const sheet = logSheetOrThrow(ss, state.tabs, sheetId);
    return mappingView(state, sheet, envOf(ss, state, currentLang(), userLanguage()));
  });
}

export function saveMapping(input: MappingInput): Reply<MappingView> {
  return replyWithEnv((ctx, env) => {
    const sheet = logSheetOrThrow(ctx.ss, ctx.state.tabs, input && input.sheetId);
    const checked = checkMappingInput(input);
    if (!checked.ok) throw badInput(checked.detail);
    const { roles, constants } = checked;
    const confirmed = confirmedMapping(ctx.state, sheet, roles, constants);
    ctx.state.mappings[String(sheet.getSheetId())] = confirmed;
    if (ctx.state.registered.includes(sheet.getSheetId())) markLog(sheet, confirmed);
    saveState(ctx);
    return mappingView(ctx.state, sheet, env);
  });
}

// ---------------------------------------------------------------------------------------------
// Clean & Summarize, as the sidebar runs it: separate calls so it can show each step.

/** Step "membersihkan". Call again while `complete` is false (a very large sheet). */
export function cleanSheet(sheetId: number): Reply<CleanResult> {
  return replyWithEnv((ctx, env) => {
    const sheet = sheetOrThrow(ctx.ss, sheetId);
    const start = new Date();
    const { result } = cleanSheetFlow(ctx, env, sheet, deadlineOf(ctx.state));
    const review = runReview([{ sheetName: result.sheetName, plan: result }]);
    ctx.state.lastRun = runRecord('clean', start, true, result.rowsRead, '', !result.complete, review);
    markFinished(ctx);
    return result;
  });
}

/**
 * Bersihkan & Ringkas, in one execution: the sheet is cleaned in place, then masalah_data and
 * every summary tab are written from the same plans, so each log is read once. The sidebar
 * shows the steps; call again while `complete` is false (a very large sheet).
 */
export function cleanAndSummarise(sheetId: number): Reply<RunResult> {
  return replyWithEnv((ctx, env) => {
    logSheetOrThrow(ctx.ss, ctx.state.tabs, sheetId);
    const run = runAll(ctx, env, 'clean', [sheetId], sheetId);
    return {
      clean: run.cleaned.find((c) => c.sheetId === sheetId) ?? null,
      report: run.report,
      summary: run.summary,
      complete: run.complete,
      blocked: run.complete && !run.summary ? run.error : '',
    };
  });
}

/** Step "menulis": the masalah_data tab. */
export function writeReports(): Reply<ReportResult> {
  return replyWithEnv((ctx, env) => writeReportsFlow(ctx, planRegistered(ctx, env)));
}

/** Step "meringkas": every summary tab. */
export function summarise(): Reply<SummaryResult> {
  return replyWithEnv((ctx, env) => {
    const start = new Date();
    const skipped: string[] = [];
    const plans = planRegistered(ctx, env, new Map(), skipped);
    const rows = plans.reduce((n, p) => n + p.plan.rowsRead, 0);
    const record = runRecord('summarise', start, true, rows, skipped.join('; '), false, runReview(plans));
    const result = summariseFlow(ctx, env, plans, record);
    ctx.state.lastRun = record;
    markFinished(ctx);
    return result;
  });
}

export function undoLastClean(entryId?: string): Reply<UndoResult> {
  return replyWithEnv((ctx) => {
    if (entryId !== undefined && entryId !== null && (typeof entryId !== 'string' || entryId.length > 64)) throw badInput('entryId');
    const start = new Date();
    const result = undoFlow(ctx, entryId ?? undefined);
    ctx.state.lastRun = runRecord('undo', start, true, 0);
    markFinished(ctx);
    return result;
  });
}

export function saveSettings(settings: Settings): Reply<Settings> {
  return reply(() => {
    const valid = validateSettings(settings ?? {});
    userProperties().setProperty(LANGUAGE_KEY, valid.language);
    return withEnv((ctx) => {
      const { language: _language, ...docSettings } = valid;
      void _language;
      ctx.state.settings = docSettings;
      saveState(ctx);
      return valid;
    });
  });
}

export function dropSheet(sheetId: number): Reply<RegisteredSheet[]> {
  return replyWithEnv((ctx) => {
    ctx.state.registered = ctx.state.registered.filter((id) => id !== sheetId);
    const dropped = findSheetById(ctx.ss, sheetId);
    if (dropped) unmarkLog(dropped);
    ctx.state.pending = pendingWithout(ctx.state.pending, sheetId);
    saveState(ctx);
    return registeredSheets(ctx.ss, ctx.state.registered);
  });
}

/** Activates one of the tabs a result card links to; never a hidden tab (the state, the undo history). */
export function openTab(sheetId: number): Reply<boolean> {
  return reply(() => {
    const ss = activeSpreadsheet();
    const sheet = sheetOrThrow(ss, sheetId);
    if (sheet.isSheetHidden()) throw badInput('sheetId');
    ss.setActiveSheet(sheet);
    return true;
  });
}

/**
 * Rebuilds a missing or damaged state tab from what the document still holds: the markers of
 * the add-on's tabs, the logs marked as registered (with their confirmed mappings), and this
 * user's nightly trigger. Settings go back to their defaults; the sidebar says so.
 */
export function rebuildState(): Reply<boolean> {
  return reply(() => {
    const ss = activeSpreadsheet();
    const lock = LockService.getDocumentLock() ?? LockService.getUserLock();
    if (!lock.tryLock(10000)) throw new UserError('BUSY');
    try {
      if (!readStateChecked(ss).problem) return false;
      const state = stateFromMarkers(ss);
      const daily = ScriptApp.getUserTriggers(ss)
        .filter((tr) => tr.getHandlerFunction() === NIGHTLY_HANDLER)
        .map((tr) => userProperties().getProperty(TRIGGER_KIND_PREFIX + tr.getUniqueId()) ?? '')
        .find((k) => k.startsWith('daily@'));
      if (daily) state.nightly = { enabled: true, hour: Number(daily.slice(6)) };
      writeState(ss, state);
      return true;
    } finally {
      lock.releaseLock();
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Nightly refresh

function removeNightlyTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const props = userProperties();
  for (const trigger of ScriptApp.getUserTriggers(ss)) {
    if (trigger.getHandlerFunction() !== NIGHTLY_HANDLER) continue;
    props.deleteProperty(TRIGGER_DOC_PREFIX + trigger.getUniqueId());
    props.deleteProperty(TRIGGER_KIND_PREFIX + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
}

type TriggerWhen = { hour: number } | { afterMs: number };

/** The trigger's schedule as recorded when it was installed ('daily@2', 'once'), or ''. */
function triggerKindOf(when: TriggerWhen): string {
  return 'hour' in when ? 'daily@' + when.hour : 'once';
}

/**
 * Installs the one clock trigger this add-on may have in a document for this user: daily at
 * `hour` in the spreadsheet's zone, or (to continue a run cut at its deadline) once, soon.
 * The document id is stored against the trigger id so the handler can open the file when
 * Apps Script gives it no active spreadsheet. A daily trigger already in place at that hour is
 * kept as it is: every removal and re-creation is a chance to end up with none.
 */
function installNightlyTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, when: TriggerWhen): void {
  const props = userProperties();
  const kind = triggerKindOf(when);
  const existing = ScriptApp.getUserTriggers(ss).filter((tr) => tr.getHandlerFunction() === NIGHTLY_HANDLER);
  const only = existing.length === 1 ? existing[0] : undefined;
  if (kind !== 'once' && only && props.getProperty(TRIGGER_KIND_PREFIX + only.getUniqueId()) === kind) return;
  removeNightlyTriggers(ss);
  const builder = ScriptApp.newTrigger(NIGHTLY_HANDLER).timeBased();
  const trigger = 'hour' in when ? builder.atHour(when.hour).everyDays(1).inTimezone(ss.getSpreadsheetTimeZone()).create() : builder.after(when.afterMs).create();
  props.setProperty(TRIGGER_DOC_PREFIX + trigger.getUniqueId(), ss.getId());
  props.setProperty(TRIGGER_KIND_PREFIX + trigger.getUniqueId(), kind);
}

export function setNightly(enabled: boolean, hour: number): Reply<NightlyStatus> {
  return reply(() => {
    if (typeof enabled !== 'boolean' || !Number.isInteger(hour) || hour < 0 || hour > 23) throw badInput('hour');
    return withEnv((ctx) => {
      if (enabled) installNightlyTrigger(ctx.ss, { hour });
      else removeNightlyTriggers(ctx.ss);
      ctx.state.nightly = { enabled, hour };
      saveState(ctx);
      return nightlyStatus(ctx.ss, ctx.state);
    });
  });
}

/**
 * Pause between a run cut at its deadline and its continuation. Add-ons may fire a time-driven
 * trigger at most once an hour, so a very large log is finished over a few hours of the night.
 */
const CONTINUE_AFTER_MS = 60 * 60 * 1000;

/**
 * The clock trigger's handler: cleans what changed in every registered sheet, then rebuilds
 * the reports and summaries. On failure the previous summary tabs stay as they were (they are
 * only written after every sheet is clean) and the error is recorded for the sidebar.
 * @param {Object} e The time-driven event ({triggerUid, …}).
 */
export function nightlyRefresh(e?: { triggerUid?: string }): void {
  startExecution();
  let ss = SpreadsheetApp.getActive();
  if (!ss && e && e.triggerUid) {
    const id = userProperties().getProperty(TRIGGER_DOC_PREFIX + e.triggerUid);
    if (id) ss = SpreadsheetApp.openById(id);
  }
  if (!ss) return;
  const doc = ss;
  try {
    runNightlyLocked(doc);
  } catch (e) {
    // Another run holds the document: keep a trigger that comes back (the one that fired may
    // have been a one-off continuation), then report the failure to Apps Script's log.
    if (e instanceof UserError && e.code === 'BUSY') {
      const state = readState(doc);
      rearmTrigger(doc, !!state.pending, state.nightly);
    }
    // No trustworthy state: nothing was written and the trigger stays as it is; the failure is
    // recorded where staff look (info_ringkasan, found by its marker), and the sidebar offers
    // to rebuild the state.
    if (e instanceof UserError && e.code === 'STATE_UNREADABLE') {
      const now = new Date();
      recordRunInInfo(doc, {}, { kind: 'nightly', start: now.toISOString(), end: now.toISOString(), ok: false, rowsProcessed: 0, error: errorText(currentLang(), e.code).message, continued: false });
    }
    throw e;
  }
}

/**
 * Installs the trigger that comes back: a continuation soon when a run is to go on, else the
 * daily one when the nightly refresh is on. False (nothing installed) otherwise.
 */
function rearmTrigger(doc: GoogleAppsScript.Spreadsheet.Spreadsheet, continuing: boolean, nightly: DocState['nightly']): boolean {
  if (continuing) installNightlyTrigger(doc, { afterMs: CONTINUE_AFTER_MS });
  else if (nightly.enabled) installNightlyTrigger(doc, { hour: nightly.hour });
  else return false;
  return true;
}

function runNightlyLocked(doc: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  // The trigger exists only because a state did: a missing state tab is a lost one.
  withRunLock(doc, (ctx) => {
    let complete = true;
    try {
      complete = runAll(ctx, envOf(doc, ctx.state, currentLang(), userLanguage()), 'nightly', ctx.state.registered.slice()).complete;
    } finally {
      // Whatever happened, leave exactly one trigger: a continuation, or the daily one.
      if (!rearmTrigger(doc, !complete, ctx.state.nightly)) removeNightlyTriggers(doc);
    }
  }, { usedBefore: true });
}

interface RunAllResult {
  complete: boolean;
  cleaned: CleanResult[];
  report: ReportResult | null;
  summary: SummaryResult | null;
  problems: number;
  error: string;
}

/**
 * Cleans `sheetIds` (or continues what a previous execution left pending), then writes reports
 * and summaries from the plans already made, so each log is read once. Records the outcome.
 * `active`: the sheet the user asked for; its refusal is the run's error (the others are
 * skipped or block the summaries, and the run says which).
 */
function runAll(ctx: RunContext, env: Env, kind: 'nightly' | 'clean', sheetIds: number[], active?: number): RunAllResult {
  const start = new Date();
  const deadline = deadlineOf(ctx.state);
  const cleaned: CleanResult[] = [];
  const plans = new Map<number, CleanPlan>();
  const skipped: string[] = [];
  const blocked: string[] = [];
  const stopped = (): RunAllResult => {
    ctx.state.lastRun = runRecord(kind, start, true, cleaned.reduce((n, c) => n + c.rowsRead, 0), '', true);
    markFinished(ctx);
    return { complete: false, cleaned, report: null, summary: null, problems: 0, error: '' };
  };
  try {
    if (!ctx.state.pending || active !== undefined) {
      ctx.state.pending = pendingFor(ctx.state.pending, kind, ctx.state.pending ? [] : sheetIds, start.toISOString());
      if (active !== undefined) ctx.state.pending = pendingFor(ctx.state.pending, kind, [active], start.toISOString());
      saveState(ctx);
    }
    while (ctx.state.pending && ctx.state.pending.sheetIds.length > 0) {
      // Each execution cleans at least one sheet (or part of one); past the budget the next
      // sheet waits for the follow-up execution.
      if (cleaned.length > 0 && deadline.passed()) return stopped();
      const [id] = ctx.state.pending.sheetIds;
      if (id === undefined) break;
      const sheet = findSheetById(ctx.ss, id);
      if (!sheet) {
        ctx.state.pending = pendingWithout(ctx.state.pending, id);
        continue;
      }
      let outcome;
      try {
        outcome = cleanSheetFlow(ctx, env, sheet, deadline);
      } catch (e) {
        // A registered sheet that is no longer a log is skipped and named; the others go on.
        // One whose confirmed columns moved, or that is protected, blocks the summaries (they
        // would silently lose its visits): its log is left as it is, the others are cleaned.
        if (!(e instanceof UserError) || e.code === 'BUSY' || e.code === 'TOO_LARGE' || id === active) throw e;
        const message = `${sheet.getName()}: ${errorText(env.lang, e.code, e.params).message}`;
        if (e.code === 'MAPPING_CHANGED' || e.code === 'PROTECTED') blocked.push(message);
        else skipped.push(message);
        ctx.state.pending = pendingWithout(ctx.state.pending, id);
        saveState(ctx);
        continue;
      }
      const { result, plan } = outcome;
      cleaned.push(result);
      // Rows staff edited during the write were skipped: that sheet is read again for the
      // summaries, so they count what the sheet holds, not what the plan expected.
      if (result.rowsEditedDuringRun === 0) plans.set(id, plan);
      if (!result.complete) return stopped();
    }
    ctx.state.pending = null;
    const all = blocked.length ? [] : planRegistered(ctx, env, plans, skipped, blocked);
    const verdict = runVerdict(blocked, skipped);
    if (!verdict.summarise) {
      // The summaries keep their last good content; the run says why it did not refresh them.
      const rows = cleaned.reduce((n, c) => n + c.rowsRead, 0);
      ctx.state.lastRun = runRecord(kind, start, verdict.ok, rows, verdict.note);
      saveState(ctx);
      recordRunInInfo(ctx.ss, ctx.state.tabs, ctx.state.lastRun);
      markFinished(ctx);
      return { complete: true, cleaned, report: null, summary: null, problems: 0, error: ctx.state.lastRun.error };
    }
    const rows = all.reduce((n, p) => n + p.plan.rowsRead, 0);
    const report = writeReportsFlow(ctx, all);
    const review = runReview(all);
    const record = runRecord(kind, start, true, rows, verdict.note, false, review);
    const summary = summariseFlow(ctx, env, all, record);
    ctx.state.lastRun = runRecord(kind, start, true, rows, verdict.note, false, review);
    markFinished(ctx);
    return { complete: true, cleaned, report, summary, problems: report.problems, error: '' };
  } catch (err) {
    const message = err instanceof UserError ? errorText(env.lang, err.code, err.params).message : err instanceof Error ? err.message : String(err);
    // A failed run is over; what it wrote to the sheet that failed was rolled back.
    ctx.state.pending = null;
    ctx.state.lastRun = runRecord(kind, start, false, 0, message);
    saveState(ctx);
    recordRunInInfo(ctx.ss, ctx.state.tabs, ctx.state.lastRun);
    throw err;
  }
}

/**
 * The local runner's entry (`npm run analyze`): registers every sheet that looks like a service
 * log, then cleans and summarises them in one execution, as Bersihkan & Ringkas would one by
 * one. Returns complete=false when it stopped at its deadline; call again to continue.
 */
export function analyzeAll(): Reply<RunAllResult> {
  return replyWithEnv((ctx, env) => {
    const ids = ctx.state.pending ? ctx.state.pending.sheetIds : logSheets(ctx.ss, ctx.state.tabs).map((s) => s.getSheetId());
    if (ids.length === 0 && ctx.state.registered.length === 0) {
      throw new UserError('NO_DATE_COLUMN', { sheet: ctx.ss.getSheets().map((s) => s.getName()).join('", "') });
    }
    for (const id of ids) if (!ctx.state.registered.includes(id)) ctx.state.registered.push(id);
    return runAll(ctx, env, 'clean', ids.slice());
  });
}
