/**
 * The regional flavour in the emulator: its nightly run sends the new valid visits to the fake
 * BigQuery, a failed night is sent again the next night, and no row is ever stored twice.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as vm from 'vm';
import { Emulator, EmuSpreadsheet, callEntry, runInContext } from '../../tools/emulator';
import { build, DIST_REGIONAL } from '../../tools/build';
import { fireTrigger } from '../../tools/runner/run';
import { localDate, setRows, Value } from '../helpers/addon';

const TZ = 'Asia/Jakarta';
const TABLE = 'bpjs-regional.pola_regional.kunjungan';
const HEADER: Value[] = ['Tanggal', 'Nama Peserta', 'No KPJ', 'Usia', 'Layanan', 'Kanal', 'Topik'];
const NAMES = ['Budi Santoso', 'Siti Aminah', 'Andi Wijaya', 'Dewi Lestari'];

let code = '';
beforeAll(async () => {
  await build('regional');
  code = fs.readFileSync(path.join(DIST_REGIONAL, 'Code.js'), 'utf8');
});

/** Visits with names and KPJ numbers; every 9th row repeats the one above (a duplicate, not counted). */
function visits(n: number, seed: number): Value[][] {
  const services = ['Informasi', 'Pengaduan', 'Klaim JHT', 'Update Data'];
  const channels = ['Kantor Cabang', 'JMO', 'Lapak Asik'];
  const topics = ['Saldo JHT', 'Lupa Akun JMO', 'Gagal Biometrik JMO', 'KPJ Lama'];
  const rows: Value[][] = [];
  for (let i = 0; i < n; i++) {
    const k = i * 7 + seed;
    rows.push([localDate(TZ, 2025, 3, 1 + (k % 28)), NAMES[k % 4], String(23000000000 + k), 20 + (k % 40), services[k % 4], channels[k % 3], topics[(k >> 1) % 4]]);
    if (k % 9 === 0) rows.push(rows[rows.length - 1].slice());
  }
  return rows;
}

interface Regional {
  emu: Emulator;
  ss: EmuSpreadsheet;
  ctx: vm.Context;
  call(name: string, ...args: unknown[]): any;
  night(): void;
  stored(): Record<string, unknown>[];
  validInLog(): number;
}

function regional(rows: Value[][]): Regional {
  const emu = new Emulator({ timeZone: TZ, locale: 'id' });
  const ss = emu.createSpreadsheet('Log Layanan');
  const sheet = ss.getSheets()[0];
  sheet.setName('Log');
  setRows(sheet, [HEADER, ...rows]);
  emu.setActive(ss);
  const ctx = runInContext(code, emu);
  const call = (name: string, ...args: unknown[]): any => {
    const r = callEntry(ctx, name, ...args) as any;
    if (r && typeof r === 'object' && 'ok' in r && r.ok === false) throw new Error(`${name}: ${r.error?.code}`);
    return r && typeof r === 'object' && 'ok' in r ? r.data : r;
  };
  const log = () => ss.getSheetByName('Log')!;
  return {
    emu,
    ss,
    ctx,
    call,
    night() {
      const t = emu.triggers.find((x) => x.handler === 'nightlyRefresh' && x.spreadsheetId === ss._id);
      if (!t) throw new Error('no nightly trigger');
      fireTrigger(emu, ctx, t.id);
    },
    stored: () => emu.bigquery.rowsOf(TABLE),
    validInLog() {
      const values = log().getDataRange().getValues();
      const status = values[0].indexOf('status_bersih');
      return values.slice(1).filter((r) => r[status] === 'OK' || r[status] === 'DIPERBAIKI').length;
    },
  };
}

function typeRows(a: Regional, rows: Value[][]): void {
  const log = a.ss.getSheetByName('Log')!;
  const start = log.getLastRow() + 1;
  log.insertRowsAfter(log.getMaxRows(), rows.length);
  log.getRange(start, 1, rows.length, rows[0].length).setValues(rows);
}

function setUp(): Regional {
  const a = regional(visits(30, 1));
  a.call('cleanSheet', a.ss.getSheetByName('Log')!.getSheetId());
  a.call('setNightly', true, 2);
  a.call('setRegionalSettings', { enabled: true, projectId: 'bpjs-regional', dataset: 'pola_regional', table: 'kunjungan', branchCode: 'KC042' });
  return a;
}

const keys = (rows: Record<string, unknown>[]): string[] => rows.map((r) => String(r.kunci_baris));
const loads = (a: Regional) => a.emu.bigquery.jobs.filter((j) => j.kind === 'load');

test('a night sends every valid visit once, without names or KPJ numbers, into a partitioned, clustered table', () => {
  const a = setUp();
  a.night();
  const rows = a.stored();
  expect(rows.length).toBe(a.validInLog());
  expect(rows.length).toBeGreaterThan(20);
  expect(new Set(keys(rows)).size).toBe(rows.length);
  expect(Object.keys(rows[0]).sort()).toEqual(['cabang', 'generasi', 'kanal', 'kelompok_usia', 'kunci_baris', 'layanan', 'status_bersih', 'sumber', 'tanggal', 'topik'].sort());
  const text = JSON.stringify(rows);
  for (const name of NAMES) expect(text).not.toContain(name);
  expect(text).not.toMatch(/230000000\d\d/);
  expect(rows.every((r) => /^[0-9a-f]{64}$/.test(String(r.kunci_baris)) && r.cabang === 'KC042' && r.sumber === 'Log' && /^2025-03-\d\d$/.test(String(r.tanggal)))).toBe(true);
  const table = a.emu.bigquery.tables.get(TABLE)!;
  expect(table.partitionBy).toBe('tanggal');
  expect(table.clusterBy).toEqual(['cabang', 'layanan']);
  expect(a.call('regionalStatus').last).toMatchObject({ ok: true, rows: rows.length, batches: 1, error: '' });
});

test('a failed load on night 1 is sent on night 2 with the new rows, once; a repeated night sends nothing', () => {
  const a = setUp();
  a.emu.bigquery.failNext('load', 'error');
  a.night();
  expect(a.stored()).toHaveLength(0);
  expect(a.call('regionalStatus').last).toMatchObject({ ok: false });
  expect(a.call('regionalStatus').last.error).toContain('Backend error');
  // The branch's own run went through: its summaries are there.
  expect(a.ss.getSheetByName('ds_harian')).not.toBeNull();

  const before = a.validInLog();
  typeRows(a, visits(10, 5));
  a.night();
  const rows = a.stored();
  expect(a.validInLog()).toBeGreaterThan(before);
  expect(rows.length).toBe(a.validInLog());
  expect(new Set(keys(rows)).size).toBe(rows.length);
  expect(a.call('regionalStatus').last).toMatchObject({ ok: true, rows: rows.length });

  const jobs = loads(a).length;
  a.night();
  expect(loads(a).length).toBe(jobs);
  expect(a.stored()).toEqual(rows);
  expect(a.call('regionalStatus').last).toMatchObject({ ok: true, rows: 0 });
});

test('a MERGE whose response is lost is sent again the next night and stored once', () => {
  const a = setUp();
  a.emu.bigquery.failNext('query', 'lost', 'MERGE');
  a.night();
  const first = a.stored();
  // The MERGE did its work, but the night does not know it: its marks are not kept.
  expect(first.length).toBe(a.validInLog());
  expect(a.call('regionalStatus').last.ok).toBe(false);
  typeRows(a, visits(6, 9));
  a.night();
  const rows = a.stored();
  expect(rows.length).toBe(a.validInLog());
  expect(new Set(keys(rows)).size).toBe(rows.length);
  // The second night loaded the first night's rows again: the MERGE, not luck, kept them single.
  const lastLoad = loads(a)[loads(a).length - 1];
  expect(lastLoad.rows).toBe(rows.length);
});

test('a visit edited above the sent mark replaces its old row: the sheet is sent whole, stale rows go', () => {
  const a = setUp();
  a.night();
  const before = a.stored();
  const log = a.ss.getSheetByName('Log')!;
  const data = log.getDataRange().getValues();
  const header = data[0];
  const status = header.indexOf('status_bersih');
  const r = data.findIndex((row, i) => i > 0 && row[status] === 'OK' && row[header.indexOf('Topik')] !== 'Saldo JHT');
  log.getRange(r + 1, header.indexOf('Topik') + 1).setValue('Saldo JHT');
  a.night();
  const after = a.stored();
  expect(after.length).toBe(a.validInLog());
  expect(after.length).toBe(before.length);
  expect(new Set(keys(after)).size).toBe(after.length);
  // Exactly one key changed: the edited visit's.
  const gone = keys(before).filter((k) => !keys(after).includes(k));
  expect(gone).toHaveLength(1);
  expect(loads(a)[loads(a).length - 1].rows).toBe(a.validInLog());
  expect(a.emu.bigquery.jobs[a.emu.bigquery.jobs.length - 1].query).toContain('WHEN NOT MATCHED BY SOURCE');
});

test('without the opt-in the regional flavour makes no BigQuery call', () => {
  const a = regional(visits(12, 3));
  a.call('cleanSheet', a.ss.getSheetByName('Log')!.getSheetId());
  a.call('setNightly', true, 2);
  a.night();
  expect(a.emu.bigquery.jobs).toHaveLength(0);
  expect(a.call('regionalStatus').settings.enabled).toBe(false);
  expect(() => a.call('setRegionalSettings', { enabled: true, projectId: 'X', dataset: 'd', table: 't', branchCode: 'KC1' })).toThrow(/regional.projectId/);
});

test('the logs are read as the document\'s only writer: while another run holds the document, nothing is read or sent, and the next send goes through', () => {
  const a = setUp();
  const state = a.ss.getSheetByName('_pola_state')!;
  const leaseRow = state.getRange(1, 1, state.getLastRow(), 1).getValues().findIndex((r) => r[0] === 'lease') + 1;
  expect(leaseRow).toBeGreaterThan(0);
  // A clean in another execution, writing the log right now.
  state.getRange(leaseRow, 2).setValue(`'${JSON.stringify({ owner: 'another-run', until: Date.now() + 60 * 1000 })}`);
  // (Its outcome is a RegionalOutcome, read as it is: `call` takes ok: false for a refusal.)
  const busy = callEntry(a.ctx, 'sendRegionalNow') as { ok: boolean; error: string };
  expect(busy.ok).toBe(false);
  expect(busy.error).toMatch(/BUSY/);
  expect(a.emu.bigquery.jobs).toHaveLength(0);
  expect(a.call('regionalStatus').last.ok).toBe(false);
  // That run ends: the send reads the logs and stores every valid visit.
  state.getRange(leaseRow, 2).setValue('');
  const sent = callEntry(a.ctx, 'sendRegionalNow') as { ok: boolean; rows: number };
  expect(sent.ok).toBe(true);
  expect(sent.rows).toBe(a.validInLog());
  expect(a.stored()).toHaveLength(a.validInLog());
});
