/**
 * Runs the exact bundle clasp pushes (dist/Code.js) against the emulator, the way Apps Script
 * would: a fresh V8 context holding only the service globals, entry points called as the sidebar
 * calls them (one execution each) or as the nightly trigger fires (no active spreadsheet, no UI).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { Emulator, EmuSpreadsheet, callEntry, runInContext } from '../emulator';
import { build, buildIsStale, DIST } from '../build';
import { InputError, appendCsv, loadInput, writeOutputs, OutputFiles, RunnerLocale } from './io';
import { redact } from '../../src/core/text';
import { ROLES, type MappingView, type Role } from '../../src/shared/api';

export type RunMode = 'clean' | 'nightly';

export interface AnalyzeOptions {
  input: string;
  out?: string;
  append?: { file: string; sheet: string };
  mode?: RunMode;
  /** Shortens the add-on's per-execution time budget (tests of continuation). */
  budgetMs?: number;
  /** Simulated Apps Script latency, so budgets see realistic service time. */
  latency?: { perCallMs: number; perCellMs: number };
  /** Skip writing outputs (benchmarks). */
  writeFiles?: boolean;
  /** The spreadsheet's locale (id_ID or en_US), which the add-on uses to read ambiguous dates. */
  locale?: RunnerLocale;
  /** Column roles saved through the add-on's saveMapping before the run: role → header text. */
  mappings?: ColumnMapping[];
}

/** One `--map role=Header`. */
export interface ColumnMapping {
  role: Role;
  header: string;
}

/** Parses `role=Header` (the header as the sheet spells it; case and outer spaces do not matter). */
export function parseColumnMapping(spec: string): ColumnMapping {
  const at = spec.indexOf('=');
  const role = spec.slice(0, Math.max(at, 0)).trim() as Role;
  const header = spec.slice(at + 1).trim();
  if (at < 0 || !header) throw new InputError(`--map takes role=Header, not "${spec}"`);
  if (!ROLES.includes(role)) throw new InputError(`--map: unknown role "${role}" (roles: ${ROLES.join(', ')})`);
  return { role, header };
}

interface ReplyLike {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; message: string; hint: string };
}

export interface RunReport {
  input: string;
  mode: RunMode;
  /** The spreadsheet's locale, e.g. id_ID. */
  locale: string;
  spreadsheet: string;
  sheets: { name: string; sheetId: number; rows: number; hidden: boolean }[];
  rowsRead: number;
  byStatus: Record<string, number>;
  cleaned: unknown[];
  problems: number;
  earlyMonthPeaks: string[];
  lookerStudioUrl: string;
  executions: number;
  lastRun: unknown;
  /** Trigger runtime this user spent today (ms, virtual clock): what a nightly run costs of the 90-minute daily quota. */
  triggerRuntimeMs: number;
  /** BERHASIL, PERLU_PERIKSA (the run worked but many rows were left out, or dates were ambiguous), or GAGAL. */
  status: 'BERHASIL' | 'PERLU_PERIKSA' | 'GAGAL';
  /** Why PERLU_PERIKSA or GAGAL, one sentence per sheet with the fix to try ('' when BERHASIL). */
  statusReason: string;
  serviceCalls: Record<string, number>;
  totalCalls: number;
  cellsRead: number;
  cellsWritten: number;
  ms: Record<string, number>;
}

export class RunError extends Error {}

/** A date as the log or the cleaner writes it (2023-05-22, 22/05/2023, 2023-05-22 08:56:00). */
const DATE_TEXT = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})( \d{1,2}[:.]\d{2}([:.]\d{2})?)?$/;

/**
 * A value copied out of the sheet into report.json, through the core's redaction (phone, KPJ and
 * NIK numbers, e-mail addresses). Dates are not personal data, but the redaction's digit-run rule
 * would turn them into [nomor]; they are shown as they are.
 */
export function reportValue(value: unknown): string {
  const text = String(value ?? '');
  return DATE_TEXT.test(text.trim()) ? text : redact(text);
}

/** A cleaned sheet's result with its most common changes shown through reportValue. */
function redactCleaned(cleaned: unknown[]): unknown[] {
  return cleaned.map((c) => {
    const result = c as { topChanges?: { from: string; to: string }[] };
    if (!Array.isArray(result?.topChanges)) return c;
    return { ...result, topChanges: result.topChanges.map((t) => ({ ...t, from: reportValue(t.from), to: reportValue(t.to) })) };
  });
}

function replyError(reply: ReplyLike): RunError {
  return new RunError(`${reply.error?.message} ${reply.error?.hint}`.trim());
}

/**
 * Saves `--map` roles the way the sidebar does: inspectSheet for each log sheet that has such a
 * header, then saveMapping with the user's roles. Returns how many sheets were mapped.
 */
function applyMappings(ctx: vm.Context, ss: EmuSpreadsheet, mappings: ColumnMapping[]): number {
  const key = (s: string) => s.trim().toLowerCase();
  const found = new Set<ColumnMapping>();
  let mapped = 0;
  for (const sheet of ss.getSheets()) {
    const view = callEntry(ctx, 'inspectSheet', sheet.getSheetId()) as unknown as ReplyLike;
    if (!view.ok) continue;
    const mapping = view.data as unknown as MappingView;
    const roles: Record<string, Role> = {};
    for (const m of mappings) {
      const column = mapping.columns.find((c) => key(c.header) === key(m.header));
      if (!column) continue;
      roles[String(column.index)] = m.role;
      found.add(m);
    }
    if (Object.keys(roles).length === 0) continue;
    const constants = {
      service: mapping.constantSource.service === 'user' ? mapping.constants.service : '',
      channel: mapping.constantSource.channel === 'user' ? mapping.constants.channel : '',
    };
    const saved = callEntry(ctx, 'saveMapping', { sheetId: mapping.sheetId, roles, constants }) as unknown as ReplyLike;
    if (!saved.ok) throw replyError(saved);
    mapped++;
  }
  const missing = mappings.filter((m) => !found.has(m));
  if (missing.length) throw new InputError(`--map: no sheet has a column "${missing[0].header}"`);
  return mapped;
}

/** Typical Apps Script service latency, for budgets measured against simulated time. */
export const APPS_SCRIPT_LATENCY = { perCallMs: 30, perCellMs: 0.0085 };

/** The built bundle and sidebar, rebuilt first when a source is newer. */
export async function loadBundle(): Promise<{ code: string; sidebar: string }> {
  if (buildIsStale()) await build();
  return {
    code: fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8'),
    sidebar: fs.readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8'),
  };
}

/** Fires a clock trigger as Apps Script would: no active spreadsheet, a trigger execution. */
export function fireTrigger(emu: Emulator, ctx: vm.Context, triggerId: string): void {
  const record = emu.triggers.find((t) => t.id === triggerId);
  if (!record) throw new Error('no trigger ' + triggerId);
  // Runner-side look-ups use the emulator's own fields: they are not the script's service calls.
  const previous = emu.spreadsheets.find((s) => s._id === record.spreadsheetId) ?? null;
  emu.setActive(null);
  emu.beginExecution('trigger', record.user, record.spreadsheetId);
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (ctx as any)[record.handler]({ triggerUid: record.id, authMode: 'FULL' });
  } finally {
    emu.endExecution();
    emu.setActive(previous);
  }
}

function nightlyTriggers(emu: Emulator, ss: EmuSpreadsheet) {
  return emu.triggers.filter((t) => t.handler === 'nightlyRefresh' && t.spreadsheetId === ss._id);
}

/**
 * Shortens the add-on's per-execution time budget: a developer's hook, written into the add-on's
 * own state tab the way one would by hand (tests of continuation, `--budget-ms`).
 */
export function setBudget(ss: EmuSpreadsheet, ms: number): void {
  let sheet = ss.getSheetByName('_pola_state');
  if (!sheet) {
    sheet = ss.insertSheet('_pola_state');
    sheet.hideSheet();
  }
  const rows = sheet.getLastRow() > 0 ? sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues() : [];
  const at = rows.findIndex((r) => r[0] === 'budgetMs');
  sheet.getRange(at >= 0 ? at + 1 : rows.length + 1, 1, 1, 2).setValues([['budgetMs', String(ms)]]);
}

export async function analyze(opts: AnalyzeOptions): Promise<{ report: RunReport; outputs: OutputFiles | null; emu: Emulator }> {
  const mode = opts.mode ?? 'clean';
  const ms: Record<string, number> = {};
  let t0 = Date.now();
  const bundle = await loadBundle();
  ms.bundle = Date.now() - t0;

  t0 = Date.now();
  const { emu, ss } = loadInput(opts.input, { htmlFiles: { Sidebar: bundle.sidebar }, locale: opts.locale });
  if (opts.append) {
    const added = appendCsv(ss, opts.append.file, opts.append.sheet);
    if (added === 0) throw new InputError(`"${path.basename(opts.append.file)}" has no data rows to append`);
  }
  ms.load = Date.now() - t0;

  const ctx = runInContext(bundle.code, emu);
  // A budget only means something if time passes: simulate Apps Script's service latency unless
  // given (about 30 ms a call and 85 s per 10M cells read, as measured by Tanaike).
  const latency = opts.latency ?? (opts.budgetMs ? APPS_SCRIPT_LATENCY : undefined);
  if (latency) emu.rt.latency = latency;
  if (opts.budgetMs) setBudget(ss, opts.budgetMs);
  if (opts.mappings?.length) applyMappings(ctx, ss, opts.mappings);
  emu.resetStats();

  t0 = Date.now();
  let executions = 0;
  let result: Record<string, unknown> | null = null;
  if (mode === 'clean') {
    for (;;) {
      const reply = callEntry(ctx, 'analyzeAll') as unknown as ReplyLike;
      executions++;
      if (!reply.ok) throw replyError(reply);
      result = reply.data as Record<string, unknown>;
      if (result.complete) break;
      if (executions > 500) throw new RunError('the run did not finish after 500 executions');
      emu.clock.advance(60 * 1000);
    }
  } else {
    if (nightlyTriggers(emu, ss).length === 0) {
      const reply = callEntry(ctx, 'setNightly', true, 2) as unknown as ReplyLike;
      if (!reply.ok) throw replyError(reply);
    }
    let trigger = nightlyTriggers(emu, ss)[0];
    for (;;) {
      try {
        fireTrigger(emu, ctx, trigger.id);
      } catch (e) {
        throw new RunError('nightly run failed: ' + (e instanceof Error ? e.message : String(e)));
      }
      executions++;
      const next = nightlyTriggers(emu, ss)[0];
      if (!next || next.runAt === undefined) break;
      if (executions > 500) throw new RunError('the nightly run did not finish after 500 executions');
      emu.clock.advance(Math.max(0, next.runAt - emu.clock.now()));
      trigger = next;
    }
  }
  ms.run = Date.now() - t0;

  const stats = { ...emu.stats, calls: { ...emu.stats.calls } };
  emu.beginExecution('editor');
  const state = callEntry(ctx, 'getSidebarState') as unknown as ReplyLike;
  emu.endExecution();
  const lastRun = (state.ok && (state.data?.nightly as { lastRun?: unknown })?.lastRun) || null;
  const summary = (result?.summary ?? null) as { lookerStudioUrl?: string } | null;
  const cleaned = redactCleaned((result?.cleaned as unknown[] | undefined) ?? []);
  const info = readInfo(ss);
  const byStatus = {
    OK: Number(info.baris_ok ?? 0),
    DIPERBAIKI: Number(info.baris_diperbaiki ?? 0),
    DUPLIKAT: Number(info.baris_duplikat ?? 0),
    TIDAK_VALID: Number(info.baris_tidak_valid ?? 0),
  };

  const report: RunReport = {
    input: opts.input,
    mode,
    locale: ss.getSpreadsheetLocale(),
    spreadsheet: ss.getName(),
    sheets: ss.getSheets().map((s) => ({ name: s.getName(), sheetId: s.getSheetId(), rows: s.getLastRow(), hidden: s.isSheetHidden() })),
    rowsRead: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    cleaned,
    problems: (result?.problems as number) ?? 0,
    earlyMonthPeaks: info.puncak_awal_bulan ? info.puncak_awal_bulan.split(', ') : [],
    lookerStudioUrl: summary?.lookerStudioUrl ?? '',
    executions,
    lastRun,
    triggerRuntimeMs: emu.triggerRuntimeMs(),
    status: info.run_terakhir_status === 'GAGAL' ? 'GAGAL' : info.status_data === 'PERLU PERIKSA' ? 'PERLU_PERIKSA' : 'BERHASIL',
    statusReason: info.run_terakhir_status === 'GAGAL' ? String(info.run_terakhir_galat ?? '') : info.status_data_alasan ?? '',
    serviceCalls: stats.calls,
    totalCalls: stats.totalCalls,
    cellsRead: stats.cellsRead,
    cellsWritten: stats.cellsWritten,
    ms,
  };

  t0 = Date.now();
  // report.json is written last, into the same new folder, with the time the other files took.
  const outputs =
    opts.writeFiles === false
      ? null
      : writeOutputs(emu, ss, opts.out ?? defaultOutDir(opts.input), () => {
          ms.write = Date.now() - t0;
          return { 'report.json': JSON.stringify(report, null, 2) };
        });
  if (!outputs) ms.write = 0;
  return { report, outputs, emu };
}

/** The info_ringkasan tab as a key → value map (empty before the first summary). */
export function readInfo(ss: EmuSpreadsheet): Record<string, string> {
  const sheet = ss.getSheetByName('info_ringkasan');
  const out: Record<string, string> = {};
  if (!sheet || sheet.getLastRow() < 2) return out;
  for (const [k, v] of sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues()) if (k !== '') out[String(k)] = String(v);
  return out;
}

/** out/<input name> beside the project, e.g. out/layanan-bpjs-sample. */
export function defaultOutDir(input: string): string {
  const base = path.basename(input).replace(/\.[^.]+$/, '');
  return path.join(process.cwd(), 'out', base === 'state' ? path.basename(path.dirname(path.resolve(input))) : base);
}
