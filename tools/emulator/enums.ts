/**
 * Apps Script enums are Java enum objects, not strings: `String(v)` gives the name, two reads of the
 * same constant are the same object, and a method can tell an enum argument from a string argument
 * (Sheet.addDeveloperMetadata(key, "PROJECT") stores the *value* "PROJECT"). The older services of
 * this emulator use plain strings; newer ones use these objects where the difference matters.
 */
export interface EnumValue<N extends string = string> {
  readonly _enumName: N;
  name(): N;
  toString(): N;
  toJSON(): N;
}

export type EnumOf<N extends string> = { readonly [K in N]: EnumValue<K> };

export function makeEnum<N extends string>(names: readonly N[]): EnumOf<N> {
  const out = {} as Record<string, EnumValue>;
  for (const n of names) {
    const name = (): string => n;
    out[n] = Object.freeze({ _enumName: n, name, toString: name, toJSON: name });
  }
  return Object.freeze(out) as EnumOf<N>;
}

export function isEnumValue(v: unknown): v is EnumValue {
  return typeof v === 'object' && v !== null && typeof (v as EnumValue)._enumName === 'string';
}

/** The name of an enum argument; scripts may also pass the plain name. Undefined when it is neither. */
export function enumName<N extends string>(v: unknown, allowed: EnumOf<N>): N | undefined {
  const name = isEnumValue(v) ? v._enumName : typeof v === 'string' ? v : undefined;
  return name !== undefined && Object.prototype.hasOwnProperty.call(allowed, name) ? (name as N) : undefined;
}
