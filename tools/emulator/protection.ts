/**
 * Protected ranges and sheets. Documented behaviour modelled here:
 * - A new protection's editors "mirror those of the spreadsheet itself" until the script changes
 *   the list (Sheet.protect / Range.protect docs), so a fresh protection blocks nobody.
 * - "The owner of the spreadsheet is always able to edit protected ranges and sheets" (Protection.canEdit).
 * - A warning-only protection only shows a warning in the UI: scripts may write through it.
 * - Sheet.protect() returns the sheet's existing protection if there is one; Range.protect() always
 *   creates a new one. A protected sheet may have unprotected ranges.
 * Not documented, chosen here: the owner and the effective user are never removed from a list
 * (the UI refuses to remove yourself); a user who cannot edit a protection cannot change it either
 * (same message as a refused write); a write is allowed in a protected sheet only when it lies
 * entirely inside one unprotected range.
 */
import { enumName, EnumValue, makeEnum } from './enums';
import { contains, intersects, Rect } from './rects';
import { instrument, Runtime } from './runtime';
import { User } from './user';

export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export type ProtectionTypeName = keyof typeof ProtectionType;

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Plain record (also the serialised form). */
export interface ProtectionRecord {
  id: number;
  type: ProtectionTypeName;
  sheetId: number;
  /** 0-based; null for a sheet protection. */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /** Emails allowed to edit; null while the list still mirrors the spreadsheet's editors. */
  editors: string[] | null;
  domainEdit: boolean;
  /** Sheet protections only: areas left editable. */
  unprotected: Rect[];
}

/** Who may edit the file: the owner and the people it is shared with for editing. */
export interface FileAccess {
  owner: string;
  editors: string[];
}

export function canEditProtection(p: ProtectionRecord, user: string, access: FileAccess): boolean {
  return user === access.owner || p.warningOnly || p.editors === null || p.editors.includes(user);
}

/** True when writing `area` (null = the whole sheet or its structure) would touch protection `p`. */
export function touches(p: ProtectionRecord, area: Rect | null): boolean {
  if (p.rect) return area === null || intersects(p.rect, area);
  if (area === null) return true;
  return !p.unprotected.some((u) => contains(u, area));
}

/**
 * What a Protection object needs from its workbook, passed in so this file imports neither the
 * sheet nor the spreadsheet module. R is the range type, S the sheet type.
 */
export interface ProtectionHost<R, S> {
  readonly rt: Runtime;
  readonly store: ProtectionStore;
  access(): FileAccess;
  rangeOf(sheetId: number, rect: Rect | null): R;
  rectOf(range: R): { sheetId: number; rect: Rect };
  sheetOf(sheetId: number): S | null;
}

function emailOf(userOrEmail: unknown): string {
  if (typeof userOrEmail === 'object' && userOrEmail !== null && typeof (userOrEmail as User).getEmail === 'function') {
    return String((userOrEmail as User).getEmail());
  }
  return String(userOrEmail);
}

export class Protection<R, S> {
  readonly rt: Runtime;

  constructor(
    private readonly host: ProtectionHost<R, S>,
    readonly _record: ProtectionRecord,
  ) {
    this.rt = host.rt;
  }

  getProtectionType(): EnumValue<ProtectionTypeName> {
    return ProtectionType[this._record.type];
  }

  /** For a sheet protection: a range spanning the whole sheet (documented). */
  getRange(): R {
    return this.host.rangeOf(this._record.sheetId, this._record.rect);
  }

  getDescription(): string {
    return this._record.description;
  }

  setDescription(description: string): Protection<R, S> {
    this._assertManager();
    this._record.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this._record.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection<R, S> {
    this._assertManager();
    this._record.warningOnly = Boolean(warningOnly);
    return this;
  }

  canEdit(): boolean {
    return canEditProtection(this._record, this.rt.current.user, this.host.access());
  }

  canDomainEdit(): boolean {
    return this._record.domainEdit;
  }

  setDomainEdit(editable: boolean): Protection<R, S> {
    this._assertManager();
    this._record.domainEdit = Boolean(editable);
    return this;
  }

  getEditors(): User[] {
    const out = this.rt.array<User>();
    for (const email of this._editorList()) out.push(new User(this.rt, email));
    return out;
  }

  addEditor(emailOrUser: unknown): Protection<R, S> {
    return this._changeEditors([emailOf(emailOrUser)], []);
  }

  addEditors(emailAddresses: unknown[]): Protection<R, S> {
    return this._changeEditors(emailAddresses.map(emailOf), []);
  }

  removeEditor(emailOrUser: unknown): Protection<R, S> {
    return this._changeEditors([], [emailOf(emailOrUser)]);
  }

  removeEditors(emailAddresses: unknown[]): Protection<R, S> {
    return this._changeEditors([], emailAddresses.map(emailOf));
  }

  getUnprotectedRanges(): R[] {
    const out = this.rt.array<R>();
    for (const u of this._record.unprotected) out.push(this.host.rangeOf(this._record.sheetId, u));
    return out;
  }

  /** Sheet protections only (documented: ignored for range protections). */
  setUnprotectedRanges(ranges: R[]): Protection<R, S> {
    this._assertManager();
    if (this._record.type !== 'SHEET') return this;
    const rects: Rect[] = [];
    for (const r of ranges) {
      const { sheetId, rect } = this.host.rectOf(r);
      if (sheetId !== this._record.sheetId) throw this.rt.error('Invalid argument: ranges');
      rects.push(rect);
    }
    this._record.unprotected = rects;
    return this;
  }

  remove(): void {
    this._assertManager();
    this.host.store.remove(this._record);
  }

  // ---- internals ----------------------------------------------------------

  /** Owner first, then the other editors: the mirrored file editors until the list is changed. */
  _editorList(): string[] {
    const access = this.host.access();
    const list = this._record.editors ?? access.editors;
    return [access.owner, ...list.filter((e) => e !== access.owner)];
  }

  private _changeEditors(add: string[], remove: string[]): Protection<R, S> {
    this._assertManager();
    const access = this.host.access();
    const keep = new Set([access.owner, this.rt.current.user]);
    const next = this._editorList().filter((e) => keep.has(e) || !remove.includes(e));
    for (const e of add) if (!next.includes(e)) next.push(e);
    this._record.editors = next;
    return this;
  }

  private _assertManager(): void {
    if (!this.canEdit()) throw this.rt.error(PROTECTED_MESSAGE);
  }
}
instrument(Protection, 'Protection', [
  'setDescription', 'setWarningOnly', 'setDomainEdit', 'addEditor', 'addEditors', 'removeEditor', 'removeEditors',
  'setUnprotectedRanges', 'remove',
]);

/** The workbook's protections, with the checks every write goes through. */
export class ProtectionStore {
  records: ProtectionRecord[] = [];
  private seq = 0;

  constructor(private readonly rt: Runtime) {}

  create(type: ProtectionTypeName, sheetId: number, rect: Rect | null): ProtectionRecord {
    const record: ProtectionRecord = {
      id: ++this.seq,
      type,
      sheetId,
      rect,
      description: '',
      warningOnly: false,
      editors: null,
      domainEdit: false,
      unprotected: [],
    };
    this.records.push(record);
    return record;
  }

  sheetProtection(sheetId: number): ProtectionRecord | undefined {
    return this.records.find((p) => p.type === 'SHEET' && p.sheetId === sheetId);
  }

  /** Throws Sheets' message when the effective user may not write `area` (null = whole sheet / structure). */
  assertCanWrite(sheetId: number, area: Rect | null, user: string, access: FileAccess): void {
    if (this.records.length === 0) return;
    for (const p of this.records) {
      if (p.sheetId === sheetId && !canEditProtection(p, user, access) && touches(p, area)) throw this.rt.error(PROTECTED_MESSAGE);
    }
  }

  /** Like assertCanWrite, for protections matched by a custom test (row/column edits). */
  assertNone(sheetId: number, user: string, access: FileAccess, blocks: (p: ProtectionRecord) => boolean): void {
    for (const p of this.records) {
      if (p.sheetId === sheetId && !canEditProtection(p, user, access) && blocks(p)) throw this.rt.error(PROTECTED_MESSAGE);
    }
  }

  remove(record: ProtectionRecord): void {
    const i = this.records.indexOf(record);
    if (i >= 0) this.records.splice(i, 1);
  }

  removeSheet(sheetId: number): void {
    this.records = this.records.filter((p) => p.sheetId !== sheetId);
  }

  /** Protections of one sheet (or all) of one type (or all), in creation order. */
  list(type: ProtectionTypeName | undefined, sheetId?: number): ProtectionRecord[] {
    return this.records.filter((p) => (type === undefined || p.type === type) && (sheetId === undefined || p.sheetId === sheetId));
  }

  /** Moves range protections with their cells; a protection whose cells are all deleted goes. */
  move(sheetId: number, move: (r: Rect) => Rect | null): void {
    const kept: ProtectionRecord[] = [];
    for (const p of this.records) {
      if (p.sheetId === sheetId) {
        if (p.rect) {
          const moved = move(p.rect);
          if (!moved) continue;
          p.rect = moved;
        }
        p.unprotected = p.unprotected.map(move).filter((u): u is Rect => u !== null);
      }
      kept.push(p);
    }
    this.records = kept;
  }

  load(records: ProtectionRecord[], seq: number): void {
    this.records = records.map((r) => JSON.parse(JSON.stringify(r)) as ProtectionRecord);
    this.seq = seq;
  }

  get sequence(): number {
    return this.seq;
  }

  typeArg(type: unknown): ProtectionTypeName {
    const name = enumName(type, ProtectionType);
    if (!name) throw this.rt.error('Invalid argument: type');
    return name;
  }
}
