/**
 * Building blocks for nightly-refresh and fault tests: a log that has been cleaned and summarised
 * once (the "old" tabs), with new visits typed below it and one row edited since.
 */
import { Emulator, EmuSpreadsheet, runInContext } from '../../tools/emulator';
import type { EmulatorState } from '../../tools/emulator';
import { fireTrigger } from '../../tools/runner/run';
import { CODE, Value, makeAddon, localDate, setRows, Addon, wrap } from './addon';

const TZ = 'Asia/Jakarta';

export const LOG_HEADER: Value[] = ['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik'];

export function messyRows(n: number, seed = 1): Value[][] {
  const services = ['informasi', 'Pengaduan', 'Keluhan', 'Update Data', 'Infromasi'];
  const channels = ['kantor cabang', 'JMO', 'Lapak Asik', 'KANTOR CABANG'];
  const topics = ['kpj lama', 'Gagal biometrik JMO', 'Lupa Akun JMO', 'saldo jht', '=1+1 bukan rumus?', '+62 812'];
  const rows: Value[][] = [];
  for (let i = 0; i < n; i++) {
    const k = i * 7 + seed;
    const d = 1 + (k % 28);
    const date = [`${d}/07/2023`, `${d} Agt 2023`, localDate(TZ, 2023, 9, d), `2023-10-${String(d).padStart(2, '0')}`][k % 4];
    rows.push([k % 23 === 5 ? '??' : date, `Peserta ${seed}-${i}`, k % 3 ? `${20 + (k % 40)} th` : 20 + (k % 40), services[k % 5], channels[k % 4], topics[k % 6]]);
    if (k % 11 === 0) rows.push(rows[rows.length - 1].slice());
  }
  return rows;
}

export interface Scenario {
  /** The emulator state before the nightly run (old tabs, new rows typed). */
  state: EmulatorState;
  /** The raw log before the first clean. */
  raw: Value[][];
}

/** Cleans and summarises a log, turns the nightly refresh on, then types new rows and edits one. */
export function scenario(rows = 30, added = 12): Scenario {
  const raw = [LOG_HEADER, ...messyRows(rows)];
  const a = makeAddon([{ name: 'Log', rows: raw }]);
  const id = a.sheet('Log').getSheetId();
  a.call('cleanSheet', id);
  a.call('writeReports');
  a.call('summarise');
  a.call('setNightly', true, 2);
  const log = a.sheet('Log');
  const more = messyRows(added, 2);
  const start = log.getLastRow() + 1;
  log.insertRowsAfter(log.getMaxRows(), more.length);
  log.getRange(start, 1, more.length, LOG_HEADER.length).setValues(more);
  log.getRange(3, 4).setValue('komplain');
  return { state: a.emu.toState(), raw: rawGrid(raw, log.getLastColumn()) };
}

function rawGrid(raw: Value[][], width: number): Value[][] {
  return raw.map((r) => [...r, ...new Array(Math.max(0, width - r.length)).fill('')]);
}

/** A fresh emulator + bundle from a saved state (fast: no re-cleaning). */
export function restore(state: EmulatorState): Addon {
  const emu = Emulator.fromState(JSON.parse(JSON.stringify(state)));
  const ss = emu.spreadsheets[0];
  emu.setActive(ss);
  return wrap(emu, ss);
}

export function nightlyTrigger(a: Addon) {
  const t = a.emu.triggers.filter((x) => x.handler === 'nightlyRefresh' && x.spreadsheetId === a.ss._id);
  if (t.length !== 1) throw new Error(`expected one nightly trigger, found ${t.length}`);
  return t[0];
}

/** Fires the nightly trigger, and its continuations, until the run is complete. */
export function runNightly(a: Addon, maxExecutions = 50): number {
  let n = 0;
  for (;;) {
    const t = nightlyTrigger(a);
    if (t.runAt !== undefined) a.emu.clock.advance(Math.max(0, t.runAt - a.emu.clock.now()));
    fireTrigger(a.emu, a.ctx, t.id);
    n++;
    if (nightlyTrigger(a).runAt === undefined) return n;
    if (n >= maxExecutions) throw new Error('nightly did not finish');
  }
}

export const SUMMARY_AND_REPORT_TABS = ['ds_harian', 'ds_mingguan', 'ds_minggu_bulan', 'ds_distribusi', 'ds_usia', 'ds_topik', 'ds_kanal', 'ds_keluhan_jmo', 'ds_puncak', 'masalah_data', 'kamus'];

/** A tab's values without info_ringkasan's timestamps. */
export function content(ss: EmuSpreadsheet, name: string): Value[][] {
  const sheet = ss.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return [];
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues() as Value[][];
}

export function grid(ss: EmuSpreadsheet, name: string, width?: number): Value[][] {
  const sheet = ss.getSheetByName(name)!;
  const w = width ?? sheet.getLastColumn();
  return sheet.getRange(1, 1, sheet.getLastRow(), w).getValues() as Value[][];
}

export { setRows, runInContext, CODE };
