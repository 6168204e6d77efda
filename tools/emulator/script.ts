/**
 * ScriptApp: auth-mode enums and installable triggers, with the add-on rule
 * "one trigger of each event type per user per document".
 */
import { instrument, Runtime } from './runtime';

/** A document as ScriptApp sees it (a Spreadsheet). */
export interface DocumentRef {
  readonly _id: string;
}

/** What ScriptApp needs from the emulator, passed in rather than imported. */
export interface ScriptContext {
  readonly rt: Runtime;
  /** The live list of installed triggers. */
  triggers(): TriggerRecord[];
  /** Applies the trigger quotas and records the trigger. */
  installTrigger(spec: Partial<TriggerRecord> & { handler: string; type: EventTypeName }): Trigger;
}

export const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', FULL: 'FULL' } as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const WeekDay = {
  SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY',
} as const;

export type EventTypeName = keyof typeof EventType;

/** Plain record of an installed trigger (also the serialised form). */
export interface TriggerRecord {
  id: string;
  handler: string;
  user: string;
  /** Document the add-on trigger is tied to (the active one at creation). */
  spreadsheetId: string | null;
  type: EventTypeName;
  atHour?: number;
  nearMinute?: number;
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  onWeekDay?: string;
  tz?: string;
  /** One-off triggers (after()/at()): the virtual time (ms) from which they are due. */
  runAt?: number;
  /** For forSpreadsheet() triggers: the source document. */
  sourceId?: string;
}

const TOO_MANY: Record<EventTypeName, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_FORM_SUBMIT: 'form submit',
  ON_CHANGE: 'change',
  ON_EVENT_UPDATED: 'calendar',
};

export class Trigger {
  constructor(
    readonly rt: Runtime,
    readonly _record: TriggerRecord,
  ) {}

  getUniqueId(): string {
    return this._record.id;
  }
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getEventType(): string {
    return this._record.type;
  }
  getTriggerSource(): string {
    return this._record.type === 'CLOCK' ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
  }
  getTriggerSourceId(): string | null {
    return this._record.sourceId ?? null;
  }
}
instrument(Trigger, 'Trigger');

export class TriggerBuilder {
  constructor(
    readonly rt: Runtime,
    private readonly ctx: ScriptContext,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.rt, this.ctx, this.handler);
  }

  forSpreadsheet(sheet: DocumentRef | string): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet._id;
    return new SpreadsheetTriggerBuilder(this.rt, this.ctx, this.handler, id);
  }
}
instrument(TriggerBuilder, 'TriggerBuilder');

export class ClockTriggerBuilder {
  private readonly spec: Partial<TriggerRecord> = {};

  constructor(
    readonly rt: Runtime,
    private readonly ctx: ScriptContext,
    private readonly handler: string,
  ) {}

  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw this.rt.error('Invalid argument: hour');
    this.spec.atHour = hour;
    return this;
  }
  nearMinute(minute: number): ClockTriggerBuilder {
    this.spec.nearMinute = minute;
    return this;
  }
  everyDays(n: number): ClockTriggerBuilder {
    this.spec.everyDays = n;
    return this;
  }
  everyHours(n: number): ClockTriggerBuilder {
    // Apps Script only accepts 1, 2, 4, 6, 8 or 12.
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw this.rt.error('Invalid argument: hours');
    this.spec.everyHours = n;
    return this;
  }
  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw this.rt.error('Invalid argument: minutes');
    this.spec.everyMinutes = n;
    return this;
  }
  onWeekDay(day: unknown): ClockTriggerBuilder {
    this.spec.onWeekDay = String(day);
    return this;
  }
  inTimezone(timezone: string): ClockTriggerBuilder {
    this.spec.tz = timezone;
    return this;
  }
  /** A one-off trigger due `ms` after now (virtual clock). */
  after(ms: number): ClockTriggerBuilder {
    if (typeof ms !== 'number' || !(ms >= 0)) throw this.rt.error('Invalid argument: durationMilliseconds');
    this.spec.runAt = this.rt.clock.now() + ms;
    return this;
  }
  /** A one-off trigger due at a given instant. */
  at(date: Date): ClockTriggerBuilder {
    this.spec.runAt = new Date(date).getTime();
    return this;
  }
  create(): Trigger {
    return this.ctx.installTrigger({ ...this.spec, handler: this.handler, type: 'CLOCK' });
  }
}
instrument(ClockTriggerBuilder, 'ClockTriggerBuilder', ['create']);

export class SpreadsheetTriggerBuilder {
  private type: EventTypeName = 'ON_OPEN';

  constructor(
    readonly rt: Runtime,
    private readonly ctx: ScriptContext,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  onOpen(): SpreadsheetTriggerBuilder {
    this.type = 'ON_OPEN';
    return this;
  }
  onEdit(): SpreadsheetTriggerBuilder {
    this.type = 'ON_EDIT';
    return this;
  }
  onChange(): SpreadsheetTriggerBuilder {
    this.type = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.type = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    return this.ctx.installTrigger({ handler: this.handler, type: this.type, sourceId: this.sourceId });
  }
}
instrument(SpreadsheetTriggerBuilder, 'SpreadsheetTriggerBuilder', ['create']);

export class ScriptAppService {
  readonly AuthMode = AuthMode;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly WeekDay = WeekDay;
  readonly rt: Runtime;

  constructor(private readonly ctx: ScriptContext) {
    this.rt = ctx.rt;
  }

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.rt, this.ctx, String(functionName));
  }

  /** This user's triggers tied to the given document. */
  getUserTriggers(document: DocumentRef): Trigger[] {
    const user = this.rt.current.user;
    return this._wrap(this.ctx.triggers().filter((t) => t.user === user && t.spreadsheetId === document._id));
  }

  /** Installable triggers of this project owned by the current user. */
  getProjectTriggers(): Trigger[] {
    const user = this.rt.current.user;
    return this._wrap(this.ctx.triggers().filter((t) => t.user === user));
  }

  deleteTrigger(trigger: Trigger): void {
    const i = this.ctx.triggers().findIndex((t) => t.id === trigger._record.id);
    if (i >= 0) this.ctx.triggers().splice(i, 1);
  }

  getScriptId(): string {
    return 'emulated-script-id';
  }

  getOAuthToken(): string {
    return 'emulated-oauth-token';
  }

  private _wrap(records: TriggerRecord[]): Trigger[] {
    const out = this.rt.array<Trigger>();
    for (const r of records) out.push(new Trigger(this.rt, r));
    return out;
  }
}
instrument(ScriptAppService, 'ScriptApp', ['deleteTrigger']);

/** Quota: installable triggers per user per script (all documents together). */
export const TRIGGERS_PER_USER_PER_SCRIPT = 20;
export const TOO_MANY_SCRIPT_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export function tooManyTriggersMessage(type: EventTypeName): string {
  return `This add-on has created too many ${TOO_MANY[type]} triggers in this document for this Google Account.`;
}
