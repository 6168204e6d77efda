/**
 * One plan per run (issue #12): the sidebar's Bersihkan & Ringkas is one execution that reads
 * every log's used range once and writes masalah_data and the summaries from the same plans,
 * with the same result as the three separate steps it replaces.
 */
import { EmuRange } from '../../tools/emulator';
import { makeAddon, Addon, Value } from '../helpers/addon';

const HEADER = ['Tanggal', 'Nama Peserta', 'Layanan', 'Kanal', 'Usia', 'Topik'];
const SERVICES = ['Informasi', 'informasi ', 'Pengaduan', 'Klaim JHT', 'Permintaan Update Data'];
const CHANNELS = ['Kantor Cabang', 'kantor cabang', 'Lapak Asik', 'JMO'];
const TOPICS = ['Saldo JHT', 'saldo jht', 'Lupa password JMO', 'Update data', 'KPJ hilang'];

/** A messy log of `n` visits over two months: spellings vary, a date is written once per day, ages are text. */
function log(n: number, seed: number): Value[][] {
  const rows: Value[][] = [HEADER];
  let lastDay = 0;
  for (let i = 0; i < n; i++) {
    const k = (i * 7 + seed * 13) % 97;
    const day = 1 + Math.floor((i * 58) / n);
    const month = day > 29 ? 6 : 5;
    const date = `${((day - 1) % 29) + 1}/${month}/2023`;
    rows.push([
      day === lastDay && k % 3 === 0 ? '' : date,
      `Peserta ${seed}-${i}`,
      SERVICES[k % SERVICES.length],
      CHANNELS[k % CHANNELS.length],
      k % 11 === 0 ? `${20 + (k % 40)} th` : 20 + (k % 40),
      TOPICS[k % TOPICS.length],
    ]);
    lastDay = day;
  }
  return rows;
}

/** Reads of a sheet's whole used range (from A1, every column, past the sidebar's 25 sample rows; not the re-checks of the column spans about to be written), per sheet name. */
function countFullReads(run: () => void): Record<string, number> {
  const reads: Record<string, number> = {};
  const original = EmuRange.prototype.getValues;
  EmuRange.prototype.getValues = function (this: EmuRange) {
    if (this.getRow() === 1 && this.getColumn() === 1 && this.getNumRows() > 25 && this.getNumColumns() === this.getSheet().getLastColumn()) {
      const name = this.getSheet().getName();
      reads[name] = (reads[name] ?? 0) + 1;
    }
    return original.call(this);
  };
  try {
    run();
  } finally {
    EmuRange.prototype.getValues = original;
  }
  return reads;
}

function twoLogs(): Addon {
  return makeAddon([
    { name: 'Kunjungan A', rows: log(400, 1) },
    { name: 'Kunjungan B', rows: log(300, 2) },
  ]);
}

/** Staff type one more visit under the log of A. */
function addVisit(a: Addon): void {
  const sheet = a.sheet('Kunjungan A');
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, 6).setValues([['3/6/2023', 'Peserta baru', 'informasi', 'JMO', 33, 'saldo jht']]);
}

const id = (a: Addon, name: string): number => a.sheet(name).getSheetId();

test('Bersihkan & Ringkas reads each log once: the cleaned log and every other registered log', () => {
  const a = twoLogs();
  a.call('cleanAndSummarise', id(a, 'Kunjungan B'));
  // Staff add visits to A; the sidebar runs on A with B registered.
  addVisit(a);
  const reads = countFullReads(() => {
    const run = a.call('cleanAndSummarise', id(a, 'Kunjungan A'));
    expect(run.complete).toBe(true);
    expect(run.clean.sheetName).toBe('Kunjungan A');
    expect(run.summary.sheetsIncluded).toEqual(['Kunjungan B', 'Kunjungan A']);
  });
  expect(reads['Kunjungan A']).toBe(1);
  expect(reads['Kunjungan B']).toBe(1);

  // The three separate steps it replaces read A three times and B twice.
  const b = twoLogs();
  b.call('cleanAndSummarise', id(b, 'Kunjungan B'));
  addVisit(b);
  const stepReads = countFullReads(() => {
    b.call('cleanSheet', id(b, 'Kunjungan A'));
    b.call('writeReports');
    b.call('summarise');
  });
  expect(stepReads['Kunjungan A']).toBe(3);
  expect(stepReads['Kunjungan B']).toBe(2);
});

test('one execution writes what the three steps wrote: the log, masalah_data and every summary tab', () => {
  const one = twoLogs();
  const steps = twoLogs();
  for (const name of ['Kunjungan A', 'Kunjungan B']) {
    const run = one.call('cleanAndSummarise', id(one, name));
    const clean = steps.call('cleanSheet', id(steps, name));
    const report = steps.call('writeReports');
    const summary = steps.call('summarise');
    expect(run.clean.byStatus).toEqual(clean.byStatus);
    expect(run.clean.cellsWritten).toBe(clean.cellsWritten);
    expect(run.report.problems).toBe(report.problems);
    expect(run.summary.byStatus).toEqual(summary.byStatus);
    expect(run.summary.earlyMonthPeaks).toEqual(summary.earlyMonthPeaks);
  }
  const tabs = one.ss.getSheets().map((s) => s.getName()).filter((n) => !n.startsWith('_'));
  expect(tabs).toEqual(steps.ss.getSheets().map((s) => s.getName()).filter((n) => !n.startsWith('_')));
  for (const tab of tabs) {
    // info_ringkasan carries the run's time and kind; everything else must be equal cell for cell.
    if (tab === 'info_ringkasan') continue;
    expect({ tab, values: one.values(tab) }).toEqual({ tab, values: steps.values(tab) });
  }
});

test('a registered log whose confirmed column is gone blocks the summaries of the run and says which', () => {
  const a = twoLogs();
  a.call('cleanAndSummarise', id(a, 'Kunjungan B'));
  const before = a.values('ds_harian');
  // Staff delete B's Layanan column: its mapping is no longer certain.
  a.sheet('Kunjungan B').deleteColumn(3);
  const run = a.call('cleanAndSummarise', id(a, 'Kunjungan A'));
  expect(run.complete).toBe(true);
  expect(run.clean.sheetName).toBe('Kunjungan A');
  expect(run.summary).toBeNull();
  expect(run.report).toBeNull();
  expect(run.blocked).toContain('Kunjungan B');
  expect(a.values('ds_harian')).toEqual(before);
});

test('the active sheet refused is the reply: a summary tab is not a log, and nothing is written', () => {
  const a = twoLogs();
  a.call('cleanAndSummarise', id(a, 'Kunjungan A'));
  const r = a.reply('cleanAndSummarise', id(a, 'ds_harian'));
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe('NOT_A_LOG');
  const empty = a.ss.insertSheet('Kosong');
  const r2 = a.reply('cleanAndSummarise', empty.getSheetId());
  expect(r2.ok).toBe(false);
  expect(r2.error?.code).toBe('NOTHING_TO_CLEAN');
  expect(a.call('getSidebarState').registered.map((s: { name: string }) => s.name)).toEqual(['Kunjungan A']);
});
