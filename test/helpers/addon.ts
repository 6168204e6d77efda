/**
 * Test harness: the built bundle (dist/Code.js, the file clasp pushes) in a bare vm context over
 * a fresh emulator, with helpers to call entry points as the sidebar does and to read tabs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vm from 'vm';
import { Emulator, EmuSpreadsheet, EmuSheet, callEntry, runInContext } from '../../tools/emulator';
import { DIST } from '../../tools/build';
import { writeSample } from '../../tools/sample/cli';

export const CODE = (): string => fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
export const SIDEBAR = (): string => fs.readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');

export type Value = string | number | boolean | Date;

export interface Addon {
  emu: Emulator;
  ss: EmuSpreadsheet;
  ctx: vm.Context;
  /** Calls a sidebar entry and returns `data`, failing the test on an error reply. */
  call<T = any>(name: string, ...args: unknown[]): T;
  /** Calls an entry and returns the raw Reply envelope. */
  reply(name: string, ...args: unknown[]): { ok: boolean; data?: any; error?: { code: string; message: string; hint: string } };
  sheet(name: string): EmuSheet;
  values(name: string): Value[][];
  table(name: string): Record<string, Value>[];
}

export function makeAddon(sheets: { name: string; rows: Value[][] }[], opts: { timeZone?: string; locale?: string } = {}): Addon {
  const emu = new Emulator({ timeZone: opts.timeZone ?? 'Asia/Jakarta', locale: opts.locale ?? 'id', htmlFiles: { Sidebar: SIDEBAR() } });
  const ss = emu.createSpreadsheet('Log Layanan');
  sheets.forEach((s, i) => {
    const sheet = i === 0 ? ss.getSheets()[0] : ss.insertSheet(s.name);
    if (i === 0) sheet.setName(s.name);
    setRows(sheet, s.rows);
  });
  emu.setActive(ss);
  return wrap(emu, ss);
}

export function wrap(emu: Emulator, ss: EmuSpreadsheet): Addon {
  const ctx = runInContext(CODE(), emu);
  const addon: Addon = {
    emu,
    ss,
    ctx,
    reply: (name, ...args) => callEntry(ctx, name, ...args) as any,
    call(name, ...args) {
      const r = addon.reply(name, ...args);
      if (!r.ok) throw new Error(`${name} failed: ${r.error?.code} ${r.error?.message}`);
      return r.data;
    },
    sheet(name) {
      const s = ss.getSheetByName(name);
      if (!s) throw new Error('no sheet ' + name);
      return s;
    },
    values(name) {
      const s = addon.sheet(name);
      return s.getLastRow() === 0 ? [] : (s.getRange(1, 1, s.getLastRow(), s.getLastColumn()).getValues() as Value[][]);
    },
    table(name) {
      const [header, ...rows] = addon.values(name);
      return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
    },
  };
  return addon;
}

export function setRows(sheet: EmuSheet, rows: Value[][]): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  if (sheet.getMaxRows() < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...new Array(width - r.length).fill('')]));
}

let samplePath: string | null = null;
/** The sample workbook (written once per test process into a temp folder). */
export function sampleFile(): string {
  if (!samplePath) {
    samplePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pola-sample-')), 'layanan-bpjs-sample.xlsx');
    writeSample(20240403, samplePath);
  }
  return samplePath;
}

export function tmpDir(prefix = 'pola-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The instant of a wall-clock date in a zone (for building test grids). */
export function localDate(tz: string, y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): Date {
  const { zonedDate } = require('../../tools/emulator') as typeof import('../../tools/emulator');
  return zonedDate(tz, y, m, d, hh, mi, ss);
}
