/**
 * Developer metadata on a spreadsheet and its sheets: key/value tags that live with the object
 * they are attached to. A sheet's tags follow the sheet id, so they survive a rename, and they are
 * deleted with the sheet (Sheets API reference: "If the associated object is deleted its metadata
 * is deleted too"). Row and column locations are not modelled.
 *
 * Size limit: Sheets caps the metadata stored per location (the spreadsheet, each sheet) at 30,000
 * characters; the emulator counts key + value characters per location. The error text for going
 * over it is not documented; the emulator's wording is its own.
 *
 * Copying: Apps Script's Sheet.copyTo documentation does not say whether metadata is copied, and the
 * emulator has no copyTo, so no copy behaviour is claimed.
 */
import { enumName, EnumOf, EnumValue, makeEnum } from './enums';
import { instrument, Runtime } from './runtime';

export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT'] as const);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'] as const);
export type VisibilityName = keyof typeof DeveloperMetadataVisibility;
export type LocationTypeName = keyof typeof DeveloperMetadataLocationType;

/** Characters of metadata (keys + values) one location may hold. */
export const METADATA_CHARS_PER_LOCATION = 30_000;

/** Plain record (also the serialised form). sheetId null = attached to the spreadsheet. */
export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: VisibilityName;
  sheetId: number | null;
}

/**
 * What the metadata classes need from the workbook, passed in so this file imports neither the
 * sheet nor the spreadsheet module. S is the sheet type, B the spreadsheet type.
 */
export interface MetadataHost<S, B> {
  readonly rt: Runtime;
  readonly book: B;
  sheetById(sheetId: number): S | null;
}

export class MetadataStore {
  records: MetadataRecord[] = [];
  private seq = 0;

  constructor(private readonly rt: Runtime) {}

  add(sheetId: number | null, key: unknown, value: unknown, visibility: unknown): MetadataRecord {
    const k = this.checkedKey(key);
    const v = value === undefined || value === null ? null : String(value);
    this.checkRoom(sheetId, k.length + (v?.length ?? 0));
    const record: MetadataRecord = {
      id: this.nextId(),
      key: k,
      value: v,
      visibility: this.checkedVisibility(visibility ?? 'DOCUMENT'),
      sheetId,
    };
    this.records.push(record);
    return record;
  }

  /** Applies a change to one record only if the location stays within its size limit. */
  update(record: MetadataRecord, change: { key?: unknown; value?: unknown; visibility?: unknown }): void {
    const key = change.key === undefined ? record.key : this.checkedKey(change.key);
    const value = change.value === undefined ? record.value : change.value === null ? null : String(change.value);
    const visibility = change.visibility === undefined ? record.visibility : this.checkedVisibility(change.visibility);
    const delta = key.length + (value?.length ?? 0) - (record.key.length + (record.value?.length ?? 0));
    if (delta > 0) this.checkRoom(record.sheetId, delta);
    Object.assign(record, { key, value, visibility });
  }

  remove(record: MetadataRecord): void {
    const i = this.records.indexOf(record);
    if (i >= 0) this.records.splice(i, 1);
  }

  removeSheet(sheetId: number): void {
    this.records = this.records.filter((r) => r.sheetId !== sheetId);
  }

  load(records: MetadataRecord[], seq: number): void {
    this.records = records.map((r) => ({ ...r }));
    this.seq = seq;
  }

  get sequence(): number {
    return this.seq;
  }

  /** Deterministic, positive, unique, random-looking ids (real ones are random positive ints). */
  private nextId(): number {
    for (;;) {
      let h = (++this.seq * 0x9e3779b1) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
      const id = (h % 2_000_000_000) + 1;
      if (!this.records.some((r) => r.id === id)) return id;
    }
  }

  private checkedKey(key: unknown): string {
    if (key === undefined || key === null || String(key) === '') throw this.rt.error('Invalid argument: key');
    return String(key);
  }

  private checkedVisibility(v: unknown): VisibilityName {
    const name = enumName(v, DeveloperMetadataVisibility);
    if (!name) throw this.rt.error('Invalid argument: visibility');
    return name;
  }

  private checkRoom(sheetId: number | null, extra: number): void {
    let used = 0;
    for (const r of this.records) if (r.sheetId === sheetId) used += r.key.length + (r.value?.length ?? 0);
    if (used + extra > METADATA_CHARS_PER_LOCATION) {
      throw this.rt.error(
        `The developer metadata of this ${sheetId === null ? 'spreadsheet' : 'sheet'} would exceed the limit of ${METADATA_CHARS_PER_LOCATION} characters.`,
      );
    }
  }
}

/**
 * Reads the overloads addDeveloperMetadata(key), (key, visibility), (key, value),
 * (key, value, visibility): a second argument that is a visibility enum is the visibility.
 */
export function metadataArgs(a?: unknown, b?: unknown): { value: unknown; visibility: unknown } {
  if (b !== undefined) return { value: a, visibility: b };
  if (typeof a === 'object' && a !== null && enumName(a, DeveloperMetadataVisibility)) return { value: null, visibility: a };
  return { value: a, visibility: undefined };
}

export class DeveloperMetadataLocation<S, B> {
  readonly rt: Runtime;

  constructor(
    private readonly host: MetadataHost<S, B>,
    private readonly record: MetadataRecord,
  ) {
    this.rt = host.rt;
  }

  getLocationType(): EnumValue<LocationTypeName> {
    return DeveloperMetadataLocationType[this.record.sheetId === null ? 'SPREADSHEET' : 'SHEET'];
  }

  /** The sheet for a SHEET location, null otherwise (documented). */
  getSheet(): S | null {
    return this.record.sheetId === null ? null : this.host.sheetById(this.record.sheetId);
  }

  getSpreadsheet(): B | null {
    return this.record.sheetId === null ? this.host.book : null;
  }

  getRow(): null {
    return null;
  }

  getColumn(): null {
    return null;
  }
}
instrument(DeveloperMetadataLocation, 'DeveloperMetadataLocation');

export class DeveloperMetadata<S, B> {
  readonly rt: Runtime;

  constructor(
    private readonly host: MetadataHost<S, B>,
    private readonly store: MetadataStore,
    readonly _record: MetadataRecord,
  ) {
    this.rt = host.rt;
  }

  getId(): number {
    return this._record.id;
  }

  getKey(): string {
    return this._record.key;
  }

  /** null when the metadata has no value (documented). */
  getValue(): string | null {
    return this._record.value;
  }

  getVisibility(): EnumValue<VisibilityName> {
    return DeveloperMetadataVisibility[this._record.visibility];
  }

  getLocation(): DeveloperMetadataLocation<S, B> {
    return new DeveloperMetadataLocation(this.host, this._record);
  }

  setKey(key: string): DeveloperMetadata<S, B> {
    this.store.update(this._record, { key });
    return this;
  }

  setValue(value: string): DeveloperMetadata<S, B> {
    this.store.update(this._record, { value });
    return this;
  }

  setVisibility(visibility: unknown): DeveloperMetadata<S, B> {
    this.store.update(this._record, { visibility });
    return this;
  }

  remove(): void {
    this.store.remove(this._record);
  }
}
instrument(DeveloperMetadata, 'DeveloperMetadata', ['setKey', 'setValue', 'setVisibility', 'remove']);

/** Finder over a snapshot scope; criteria are ANDed, as documented. */
export class DeveloperMetadataFinder<S, B> {
  readonly rt: Runtime;
  private readonly criteria: ((r: MetadataRecord) => boolean)[] = [];

  constructor(
    private readonly host: MetadataHost<S, B>,
    private readonly store: MetadataStore,
    /** Restricts the search to one sheet's metadata (Sheet.createDeveloperMetadataFinder). */
    private readonly sheetId: number | null | undefined,
  ) {
    this.rt = host.rt;
  }

  withId(id: number): DeveloperMetadataFinder<S, B> {
    this.criteria.push((r) => r.id === id);
    return this;
  }

  withKey(key: string): DeveloperMetadataFinder<S, B> {
    this.criteria.push((r) => r.key === String(key));
    return this;
  }

  withValue(value: string | null): DeveloperMetadataFinder<S, B> {
    this.criteria.push((r) => r.value === (value === null ? null : String(value)));
    return this;
  }

  withVisibility(visibility: unknown): DeveloperMetadataFinder<S, B> {
    const name = enumName(visibility, DeveloperMetadataVisibility);
    if (!name) throw this.rt.error('Invalid argument: visibility');
    this.criteria.push((r) => r.visibility === name);
    return this;
  }

  withLocationType(locationType: unknown): DeveloperMetadataFinder<S, B> {
    const name = enumName(locationType, DeveloperMetadataLocationType as EnumOf<LocationTypeName>);
    if (!name) throw this.rt.error('Invalid argument: locationType');
    this.criteria.push((r) => (r.sheetId === null ? 'SPREADSHEET' : 'SHEET') === name);
    return this;
  }

  /** Only matters for row/column/range locations, which the emulator does not model. */
  onIntersectingLocations(): DeveloperMetadataFinder<S, B> {
    return this;
  }

  find(): DeveloperMetadata<S, B>[] {
    const out = this.rt.array<DeveloperMetadata<S, B>>();
    for (const r of this.store.records) {
      if (this.sheetId !== undefined && r.sheetId !== this.sheetId) continue;
      if (this.criteria.every((c) => c(r))) out.push(new DeveloperMetadata(this.host, this.store, r));
    }
    return out;
  }
}
instrument(DeveloperMetadataFinder, 'DeveloperMetadataFinder');

/** The metadata attached to exactly one location (getDeveloperMetadata of a sheet or the spreadsheet). */
export function metadataAt<S, B>(host: MetadataHost<S, B>, store: MetadataStore, sheetId: number | null): DeveloperMetadata<S, B>[] {
  const out = host.rt.array<DeveloperMetadata<S, B>>();
  for (const r of store.records) if (r.sheetId === sheetId) out.push(new DeveloperMetadata(host, store, r));
  return out;
}
