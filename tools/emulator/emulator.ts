/** The Emulator: owns all state and hands out the Apps Script globals. */
import { createHash } from 'crypto';
import { FakeBigQuery } from './bigquery';
import { LockServiceImpl } from './lock';
import { ChartsService } from './chart';
import { PropertiesServiceImpl, PropertyData } from './properties';
import { AuthModeName, ExecutionKind, Faults, Runtime, Stats, VirtualClock } from './runtime';
import {
  EventTypeName,
  ScriptAppService,
  TOO_MANY_SCRIPT_TRIGGERS_MESSAGE,
  tooManyTriggersMessage,
  Trigger,
  TRIGGERS_PER_USER_PER_SCRIPT,
  TriggerRecord,
} from './script';
import { BookContext, EmuSpreadsheet, SpreadsheetAppService } from './spreadsheet';
import { EmulatorState, loadSpreadsheet, spreadsheetToState } from './state';
import { emptyUiRecord, HtmlServiceImpl, UiRecord, UiService } from './ui';
import type { CellValue } from './values';
import { LoggerService, makeConsole, SessionService, UtilitiesService } from './utilities';

export interface EmulatorOptions {
  /** Default time zone of new spreadsheets. */
  timeZone?: string;
  scriptTimeZone?: string;
  /** Active user's locale (Session.getActiveUserLocale) and default spreadsheet locale. */
  locale?: string;
  userEmail?: string;
  /** File name without ".html" -> content, for HtmlService.createHtmlOutputFromFile. */
  htmlFiles?: Record<string, string>;
  /** Title of the menu created by Ui.createAddonMenu(). */
  addonName?: string;
  /** Cells a spreadsheet may hold (default 10,000,000, as Sheets). Only the benchmark lifts it. */
  cellLimit?: number;
  /** Daily trigger runtime per user (default 90 min, a consumer account; Workspace has 6 h). */
  triggerRuntimePerDayMs?: number;
}

export interface ResolvedOptions {
  timeZone: string;
  scriptTimeZone: string;
  locale: string;
  userEmail: string;
  htmlFiles: Record<string, string>;
  addonName: string;
  cellLimit?: number;
}

export class Emulator {
  readonly options: ResolvedOptions;
  /** Internal runtime shared by all services (stats, faults, clock, executions, realm). */
  readonly rt: Runtime;
  spreadsheets: EmuSpreadsheet[] = [];
  ui: UiRecord = emptyUiRecord();
  /** Everything scripts wrote with Logger.log / console.*, never printed. */
  logs: string[] = [];
  /** Installed triggers, as plain records. */
  triggers: TriggerRecord[] = [];
  /** Formula text -> the value Sheets would compute (setFormulaResult). */
  readonly _formulaResults = new Map<string, CellValue>();

  _active: EmuSpreadsheet | null = null;
  _properties: PropertyData = { document: {}, user: {}, script: {} };
  /** Lock resource key -> id of the execution holding it. */
  readonly _lockHolders = new Map<string, number>();
  private nextTriggerId = 1;
  private nextSpreadsheetSeq = 1;
  private globalsCache: Record<string, unknown> | null = null;
  /** The BigQuery advanced service (only the regional flavour calls it). */
  bigquery!: FakeBigQuery;

  constructor(opts: EmulatorOptions = {}) {
    this.options = {
      timeZone: opts.timeZone ?? 'Asia/Jakarta',
      scriptTimeZone: opts.scriptTimeZone ?? 'Asia/Jakarta',
      locale: opts.locale ?? 'id',
      userEmail: opts.userEmail ?? 'user@example.com',
      htmlFiles: opts.htmlFiles ?? {},
      addonName: opts.addonName ?? 'Pola Layanan',
      cellLimit: opts.cellLimit,
    };
    this.rt = new Runtime(this.options.userEmail);
    if (opts.triggerRuntimePerDayMs !== undefined) this.rt.triggerRuntime.limitMs = opts.triggerRuntimePerDayMs;
    this.rt.beginExecution('editor', this.options.userEmail);
    this.bigquery = new FakeBigQuery(this.rt);
  }

  get stats(): Stats {
    return this.rt.stats;
  }

  get clock(): VirtualClock {
    return this.rt.clock;
  }

  /** The globals an Apps Script V8 execution sees. Same objects on every call. */
  globals(): Record<string, unknown> {
    if (!this.globalsCache) {
      this.globalsCache = {
        SpreadsheetApp: new SpreadsheetAppService({
          rt: this.rt,
          active: () => this._active,
          spreadsheets: () => this.spreadsheets,
          create: (name) => this._createSpreadsheet(name, {}),
          ui: () => this._ui(),
        }),
        LockService: new LockServiceImpl({ rt: this.rt, activeDocumentId: () => this._activeId(), lockHolders: this._lockHolders }),
        PropertiesService: new PropertiesServiceImpl({ rt: this.rt, activeDocumentId: () => this._activeId(), data: () => this._properties }),
        ScriptApp: new ScriptAppService({ rt: this.rt, triggers: () => this.triggers, installTrigger: (spec) => this._installTrigger(spec) }),
        HtmlService: new HtmlServiceImpl(this.rt, this.options.htmlFiles),
        Session: new SessionService(this.rt, this.options),
        Utilities: new UtilitiesService(this.rt),
        Charts: new ChartsService(this.rt),
        Logger: new LoggerService(this.rt, this.logs),
        console: makeConsole(this.logs),
        BigQuery: this.bigquery,
      };
    }
    return this.globalsCache;
  }

  // ---- spreadsheets -----------------------------------------------------------

  /**
   * `owner` (default: the emulator's user) may always edit protected cells; `editors` are the others
   * the file is shared with, whom a new protection's editor list mirrors. To make the effective user
   * "not an editor" of a protection, create the file with another owner and have that owner (in its
   * own execution) narrow the protection's editors, or run as a different user (beginExecution).
   */
  createSpreadsheet(
    name: string,
    opts: { timeZone?: string; locale?: string; id?: string; owner?: string; editors?: string[] } = {},
  ): EmuSpreadsheet {
    const ss = this._createSpreadsheet(name, opts);
    if (opts.owner !== undefined) ss._owner = opts.owner;
    if (opts.editors !== undefined) ss._editors = [...opts.editors];
    return ss;
  }

  /** null simulates a time-driven trigger: no active document, no Ui, no document lock/properties. */
  setActive(ss: EmuSpreadsheet | null): void {
    this._active = ss;
  }

  /**
   * Test hook: every cell holding exactly this formula text reads as `value` (an error string such
   * as '#N/A' included), for formulas outside the subset the emulator computes itself (formula.ts).
   * A value stored per cell (EmuSheet.__setCell) still wins. null forgets the formula.
   */
  setFormulaResult(formula: string, value: CellValue | null): void {
    if (value === null) this._formulaResults.delete(formula);
    else this._formulaResults.set(formula, value);
  }

  // ---- stats and faults ---------------------------------------------------------

  resetStats(): void {
    this.rt.resetStats();
  }

  injectFault(f: Faults): void {
    this.rt.injectFault(f);
  }

  clearFaults(): void {
    this.rt.clearFaults();
  }

  // ---- executions -----------------------------------------------------------------

  /**
   * Starts an execution. A trigger execution names the document its add-on trigger belongs to:
   * Apps Script ties add-on triggers to a document even when the run has no active spreadsheet.
   */
  beginExecution(
    kind: ExecutionKind = 'editor',
    userEmail?: string,
    document: string | null = null,
    authMode: AuthModeName = 'FULL',
  ): number {
    return this.rt.beginExecution(kind, userEmail ?? this.options.userEmail, document, authMode).id;
  }

  /**
   * Virtual milliseconds `user`'s trigger executions have run in the current 24-hour quota window
   * (what counts against "Triggers total runtime", 90 min/day for a consumer account).
   */
  triggerRuntimeMs(user: string = this.options.userEmail): number {
    return this.rt.triggerRuntime.used(user, this.clock.now());
  }

  get triggerRuntimeLimitMs(): number {
    return this.rt.triggerRuntime.limitMs;
  }

  /**
   * Ends the current execution: Apps Script releases its locks when a script
   * finishes, and injected faults only apply to the run they were set for.
   * The most recent still-running execution (or a fresh one) becomes current.
   */
  endExecution(): void {
    const ending = this.rt.current;
    this.rt.finishExecution(ending);
    for (const [key, holder] of [...this._lockHolders]) if (holder === ending.id) this._lockHolders.delete(key);
    this.rt.clearFaults();
    const alive = [...this.rt.executions.values()].filter((e) => e.alive);
    if (alive.length) this.rt.current = alive[alive.length - 1];
    else this.rt.beginExecution('editor', this.options.userEmail);
  }

  /** Emulator extra: make another still-running execution current (to interleave two runs). */
  switchExecution(id: number): void {
    const ex = this.rt.executions.get(id);
    if (!ex || !ex.alive) throw new Error(`No running execution ${id}`);
    this.rt.current = ex;
  }

  get currentExecution(): { id: number; kind: ExecutionKind; user: string; authMode: AuthModeName } {
    const { id, kind, user, authMode } = this.rt.current;
    return { id, kind, user, authMode };
  }

  // ---- state -------------------------------------------------------------------------

  toState(): EmulatorState {
    return {
      version: 1,
      clock: this.clock.now(),
      activeSpreadsheetId: this._active ? this._active._id : null,
      spreadsheets: this.spreadsheets.map(spreadsheetToState),
      properties: JSON.parse(JSON.stringify(this._properties)) as PropertyData,
      triggers: this.triggers.map((t) => ({ ...t })),
      nextTriggerId: this.nextTriggerId,
      nextSpreadsheetSeq: this.nextSpreadsheetSeq,
    };
  }

  static fromState(s: EmulatorState, opts: EmulatorOptions = {}): Emulator {
    const emu = new Emulator(opts);
    emu.clock.set(s.clock);
    for (const st of s.spreadsheets) {
      const ss = new EmuSpreadsheet(emu._bookContext(), st.id, st.name, st.timeZone, st.locale);
      loadSpreadsheet(ss, st);
      emu.spreadsheets.push(ss);
    }
    emu._active = emu.spreadsheets.find((x) => x._id === s.activeSpreadsheetId) ?? null;
    emu._properties = JSON.parse(JSON.stringify(s.properties)) as PropertyData;
    emu.triggers = s.triggers.map((t) => ({ ...t }));
    emu.nextTriggerId = s.nextTriggerId;
    emu.nextSpreadsheetSeq = s.nextSpreadsheetSeq;
    return emu;
  }

  // ---- internals used by services ---------------------------------------------------

  _createSpreadsheet(name: string, opts: { timeZone?: string; locale?: string; id?: string }): EmuSpreadsheet {
    const seq = this.nextSpreadsheetSeq++;
    // Real ids are 44 URL-safe characters; derive one deterministically.
    const id = opts.id ?? '1' + createHash('sha256').update(`ss:${seq}:${name}`).digest('base64url').slice(0, 43);
    if (this.spreadsheets.some((s) => s._id === id)) throw new Error(`Spreadsheet id ${id} already exists`);
    const ss = new EmuSpreadsheet(this._bookContext(), id, String(name), opts.timeZone ?? this.options.timeZone, opts.locale ?? this.options.locale);
    ss._activeSheet = ss._addSheet('Sheet1');
    this.spreadsheets.push(ss);
    if (!this._active) this._active = ss;
    return ss;
  }

  _activeId(): string | null {
    return this._active ? this._active._id : null;
  }

  /** What every workbook of this emulator may ask of it. */
  _bookContext(): BookContext {
    return {
      rt: this.rt,
      defaultOwner: this.options.userEmail,
      cellLimit: this.options.cellLimit,
      toast: (message) => this.ui.toasts.push(message),
      formulaResult: (formula) => this._formulaResults.get(formula),
    };
  }

  _ui(): UiService {
    if (!this._active || this.rt.current.kind === 'trigger') {
      throw this.rt.error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return new UiService(this.rt, this.ui, this.options.addonName);
  }

  /**
   * Add-on triggers are tied to the document active at creation, and an
   * add-on may hold only one trigger of each event type per user per document.
   */
  _installTrigger(spec: Partial<TriggerRecord> & { handler: string; type: EventTypeName }): Trigger {
    const user = this.rt.current.user;
    const spreadsheetId = this._active ? this._active._id : (this.rt.current.document ?? null);
    if (this.triggers.some((t) => t.user === user && t.spreadsheetId === spreadsheetId && t.type === spec.type)) {
      throw this.rt.error(tooManyTriggersMessage(spec.type));
    }
    if (this.triggers.filter((t) => t.user === user).length >= TRIGGERS_PER_USER_PER_SCRIPT) {
      throw this.rt.error(TOO_MANY_SCRIPT_TRIGGERS_MESSAGE);
    }
    const record: TriggerRecord = {
      ...spec,
      id: String(8_000_000_000_000 + this.nextTriggerId++ * 7919),
      user,
      spreadsheetId,
    };
    if (record.type === 'CLOCK' && record.tz === undefined) record.tz = this.options.scriptTimeZone;
    this.triggers.push(record);
    return new Trigger(this.rt, record);
  }
}
