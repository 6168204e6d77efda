/**
 * Type-level proof that every emulated method has the shape of the real Apps Script method of the
 * same name (from @types/google-apps-script): for each public method a service class shares with
 * the real interface, every overload's arguments must be accepted, and a primitive return type must
 * match. A method added with the wrong shape fails `npm run typecheck` with its name in the error.
 *
 * Object-typed parameters and returns (Range, Sheet, enums objects, ...) are compared by position
 * only: the emulator's own classes are not the real interfaces and never will be in full. Numeric
 * enums in the typings are taken as "any enum value" (the emulator's enum objects).
 *
 * This file holds no runtime code.
 */
import type { ChartOptions, ContainerInfo, EmbeddedChart, EmbeddedChartBuilder } from './chart';
import type { DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation } from './metadata';
import type { Lock, LockServiceImpl } from './lock';
import type { Properties, PropertiesServiceImpl } from './properties';
import type { Protection } from './protection';
import type { EmuRange } from './range';
import type { ClockTriggerBuilder, ScriptAppService, SpreadsheetTriggerBuilder, Trigger, TriggerBuilder } from './script';
import type { EmuSheet } from './sheet';
import type { TextFinder } from './textfinder';
import type { EmuSpreadsheet, SpreadsheetAppService } from './spreadsheet';
import type { HtmlOutput, HtmlServiceImpl, Menu, UiService } from './ui';
import type { User } from './user';
import type { LoggerService, SessionService, UtilitiesService } from './utilities';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => any;
type Primitive = string | number | boolean | null | undefined | void;

/** Up to four overloads of a function type, as parameter tuples. */
type OverloadParams<T> = T extends {
  (...a: infer A1): unknown;
  (...a: infer A2): unknown;
  (...a: infer A3): unknown;
  (...a: infer A4): unknown;
}
  ? A1 | A2 | A3 | A4
  : T extends Fn
    ? Parameters<T>
    : never;

/** A numeric enum of the typings (a strict subtype of number); the emulator passes enum objects. */
type Equals<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
type IsNumericEnum<T> = [T] extends [number] ? (Equals<T, number> extends true ? false : true) : false;

/** Primitive and primitive-array positions keep their type; object and enum positions become `unknown`. */
type Shallow<T> = IsNumericEnum<T> extends true ? unknown : T extends Primitive ? T : T extends readonly Primitive[] ? T : T extends readonly (readonly Primitive[])[] ? T : unknown;
type ShallowTuple<A> = { [I in keyof A]: Shallow<A[I]> };

type IsAny<T> = 0 extends 1 & T ? true : false;

type ArgsOk<Real, Emu> = [ShallowTuple<OverloadParams<Real>>] extends [ShallowTuple<OverloadParams<Emu>>] ? true : false;

type ReturnOk<Real extends Fn, Emu extends Fn> =
  IsAny<ReturnType<Real>> extends true
    ? true
    : IsNumericEnum<ReturnType<Real>> extends true
      ? true
      : ReturnType<Real> extends Primitive
      ? [ReturnType<Emu>] extends [ReturnType<Real>]
        ? true
        : false
      : ReturnType<Real> extends readonly unknown[]
        ? ReturnType<Emu> extends readonly unknown[]
          ? true
          : false
        : true;

type Shared<Emu, Real> = Exclude<Extract<keyof Emu, keyof Real>, `_${string}`>;

/** Names of shared methods whose shape differs (minus documented exceptions); never when the class conforms. */
export type Mismatches<Emu, Real, Except extends string = never> = {
  [K in Exclude<Shared<Emu, Real>, Except>]: Real[K] extends Fn
    ? Emu[K] extends Fn
      ? ArgsOk<Real[K], Emu[K]> extends true
        ? ReturnOk<Real[K], Emu[K]> extends true
          ? never
          : K
        : K
      : K
    : never;
}[Exclude<Shared<Emu, Real>, Except>];

/** Compiles only when `Missing` is never; otherwise the error names the offending methods. */
export type Conforms<Missing> = [Missing] extends [never] ? true : { mismatched: Missing };



export type Conformance = [
  Conforms<Mismatches<EmuRange, GoogleAppsScript.Spreadsheet.Range>>,
  Conforms<Mismatches<EmuSheet, GoogleAppsScript.Spreadsheet.Sheet>>,
  Conforms<Mismatches<EmuSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  Conforms<Mismatches<SpreadsheetAppService, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  Conforms<Mismatches<Protection<EmuRange, EmuSheet>, GoogleAppsScript.Spreadsheet.Protection>>,
  Conforms<Mismatches<DeveloperMetadata<EmuSheet, EmuSpreadsheet>, GoogleAppsScript.Spreadsheet.DeveloperMetadata>>,
  Conforms<Mismatches<DeveloperMetadataFinder<EmuSheet, EmuSpreadsheet>, GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder>>,
  Conforms<Mismatches<DeveloperMetadataLocation<EmuSheet, EmuSpreadsheet>, GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation>>,
  Conforms<Mismatches<TextFinder, GoogleAppsScript.Spreadsheet.TextFinder>>,
  Conforms<Mismatches<LockServiceImpl, GoogleAppsScript.Lock.LockService>>,
  Conforms<Mismatches<Lock, GoogleAppsScript.Lock.Lock>>,
  Conforms<Mismatches<PropertiesServiceImpl, GoogleAppsScript.Properties.PropertiesService>>,
  Conforms<Mismatches<Properties, GoogleAppsScript.Properties.Properties>>,
  Conforms<Mismatches<ScriptAppService, GoogleAppsScript.Script.ScriptApp>>,
  // The typings say string; Apps Script returns null for a time-driven trigger, which has no source document.
  Conforms<Mismatches<Trigger, GoogleAppsScript.Script.Trigger, 'getTriggerSourceId'>>,
  Conforms<Mismatches<TriggerBuilder, GoogleAppsScript.Script.TriggerBuilder>>,
  Conforms<Mismatches<ClockTriggerBuilder, GoogleAppsScript.Script.ClockTriggerBuilder>>,
  Conforms<Mismatches<SpreadsheetTriggerBuilder, GoogleAppsScript.Script.SpreadsheetTriggerBuilder>>,
  Conforms<Mismatches<HtmlServiceImpl, GoogleAppsScript.HTML.HtmlService>>,
  Conforms<Mismatches<HtmlOutput, GoogleAppsScript.HTML.HtmlOutput>>,
  Conforms<Mismatches<UiService, GoogleAppsScript.Base.Ui>>,
  Conforms<Mismatches<Menu, GoogleAppsScript.Base.Menu>>,
  Conforms<Mismatches<SessionService, GoogleAppsScript.Base.Session>>,
  Conforms<Mismatches<User, GoogleAppsScript.Base.User>>,
  Conforms<Mismatches<LoggerService, GoogleAppsScript.Base.Logger>>,
  Conforms<Mismatches<UtilitiesService, GoogleAppsScript.Utilities.Utilities>>,
  Conforms<Mismatches<EmbeddedChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>>,
  Conforms<Mismatches<EmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>>,
  Conforms<Mismatches<ContainerInfo, GoogleAppsScript.Spreadsheet.ContainerInfo>>,
  Conforms<Mismatches<ChartOptions, GoogleAppsScript.Charts.ChartOptions>>,
];

/** Each entry must be `true`; a mismatch turns it into `{ mismatched: 'methodName' }` and fails here. */
export const conformance: Conformance = [
  true, true, true, true, true, true, true, true, true, true, true, true, true,
  true, true, true, true, true, true, true, true, true, true, true, true,
  true, true, true, true, true,
];

