/** PropertiesService with the documented quotas (9 KB per value, 500 KB per store). */
import { instrument, Runtime } from './runtime';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

/** Plain data so stores serialise directly into EmulatorState. */
export type PropertyStore = Record<string, string>;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class Properties {
  constructor(
    readonly rt: Runtime,
    private readonly store: PropertyStore,
  ) {}

  getProperty(key: string): string | null {
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(this.store, k) ? this.store[k] : null;
  }

  /** Values are stored as strings, as Apps Script coerces them. */
  setProperty(key: string, value: unknown): Properties {
    this._set({ [String(key)]: String(value) }, false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    const next: PropertyStore = {};
    for (const k of Object.keys(properties)) next[k] = String(properties[k]);
    this._set(next, deleteAllOthers);
    return this;
  }

  getProperties(): Record<string, string> {
    const out = this.rt.object<Record<string, string>>();
    for (const k of Object.keys(this.store)) out[k] = this.store[k];
    return out;
  }

  getKeys(): string[] {
    const out = this.rt.array<string>();
    for (const k of Object.keys(this.store)) out.push(k);
    return out;
  }

  deleteProperty(key: string): Properties {
    delete this.store[String(key)];
    return this;
  }

  deleteAllProperties(): Properties {
    for (const k of Object.keys(this.store)) delete this.store[k];
    return this;
  }

  /** Validates the whole change first so a rejected write leaves the store untouched. */
  private _set(changes: PropertyStore, deleteAllOthers: boolean): void {
    for (const k of Object.keys(changes)) {
      if (bytes(changes[k]) > MAX_VALUE_BYTES) throw this.rt.error('Argument too large: value');
    }
    const merged: PropertyStore = deleteAllOthers ? { ...changes } : { ...this.store, ...changes };
    let total = 0;
    for (const k of Object.keys(merged)) total += bytes(k) + bytes(merged[k]);
    if (total > MAX_STORE_BYTES) {
      throw this.rt.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    if (deleteAllOthers) for (const k of Object.keys(this.store)) delete this.store[k];
    Object.assign(this.store, changes);
  }
}
instrument(Properties, 'Properties', ['setProperty', 'setProperties', 'deleteProperty', 'deleteAllProperties']);

/** Backing data for all stores, owned by the Emulator. */
export interface PropertyData {
  document: Record<string, PropertyStore>;
  user: Record<string, PropertyStore>;
  script: PropertyStore;
}

/** What PropertiesService needs from the emulator, passed in rather than imported. */
export interface PropertiesContext {
  readonly rt: Runtime;
  /** Id of the active document, null in a time-driven trigger. */
  activeDocumentId(): string | null;
  /** The backing data (replaced wholesale when an emulator is restored from state). */
  data(): PropertyData;
}

export class PropertiesServiceImpl {
  readonly rt: Runtime;

  constructor(private readonly ctx: PropertiesContext) {
    this.rt = ctx.rt;
  }

  /** Document properties belong to the active document; none exists in a time-driven trigger. */
  getDocumentProperties(): Properties | null {
    const id = this.ctx.activeDocumentId();
    if (id === null) return null;
    const data = this.ctx.data().document;
    data[id] = data[id] ?? {};
    return new Properties(this.rt, data[id]);
  }

  getUserProperties(): Properties {
    const user = this.rt.current.user;
    const data = this.ctx.data().user;
    data[user] = data[user] ?? {};
    return new Properties(this.rt, data[user]);
  }

  getScriptProperties(): Properties {
    return new Properties(this.rt, this.ctx.data().script);
  }
}
instrument(PropertiesServiceImpl, 'PropertiesService');
