/**
 * ACCEPTANCE TEST OF ISSUE #11 on the sample: the sample with its real-world mess
 * (`npm run sample -- --real-world`) through the add-on still gives the published figures, and
 * exactly the row statuses the generator's truth says issue #11's rules give.
 *
 * Fails until the cleaner is wired to src/core/logshape (fill-down dates, duplicates as people
 * mean them). Not skipped on purpose; the lead decides when it joins the default run.
 */
import * as path from 'path';
import { analyze } from '../../tools/runner/run';
import { writeSample } from '../../tools/sample/cli';
import type { EmuSpreadsheet } from '../../tools/emulator';
import type { SampleWorkbook } from '../../tools/sample/generate';
import { tmpDir } from '../helpers/addon';

type Row = Record<string, unknown>;
let ss: EmuSpreadsheet;
let wb: SampleWorkbook;

function table(name: string): Row[] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error('missing tab ' + name);
  const [header, ...rows] = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
const sum = (rows: Row[]): number => rows.reduce((n, r) => n + Number(r.jumlah), 0);

beforeAll(async () => {
  const file = path.join(tmpDir(), 'layanan-bpjs-sample-real-world.xlsx');
  wb = writeSample(20240403, file, { realWorld: true });
  const { emu } = await analyze({ input: file, out: tmpDir() });
  ss = emu.spreadsheets[0];
}, 180000);

test('16,932 visits counted: 2,090 customer service, 3,107 onsite, 7,439 Lapak Asik, 4,296 JMO', () => {
  const dist = table('ds_distribusi');
  const bySheet = (s: string) => sum(dist.filter((r) => r.sumber === s));
  expect([bySheet('Customer Service'), bySheet('Klaim JHT Onsite'), bySheet('Klaim JHT Lapak Asik'), bySheet('JMO')]).toEqual([2090, 3107, 7439, 4296]);
  expect(sum(table('ds_harian'))).toBe(16932);
});

test('rows read, DUPLIKAT and TIDAK_VALID are the truth of the generator', () => {
  const expected = Object.values(wb.truth.realWorld!.expectedBySheet);
  const total = (k: 'rows' | 'valid' | 'duplicate' | 'invalid') => expected.reduce((n, e) => n + e[k], 0);
  const info = Object.fromEntries(table('info_ringkasan').map((r) => [r.kunci, String(r.nilai)]));
  expect({
    read: Number(info.baris_dibaca),
    valid: Number(info.baris_ok) + Number(info.baris_diperbaiki),
    duplicate: Number(info.baris_duplikat),
    invalid: Number(info.baris_tidak_valid),
  }).toEqual({ read: total('rows'), valid: total('valid'), duplicate: total('duplicate'), invalid: total('invalid') });
});

test('visits per day are the truth of the generator', () => {
  const perDay: Record<string, number> = {};
  for (const r of table('ds_harian')) {
    const d = r.tanggal as Date;
    const iso = new Date(d.getTime() + 7 * 3600000).toISOString().slice(0, 10);
    perDay[iso] = (perDay[iso] ?? 0) + Number(r.jumlah);
  }
  expect(perDay).toEqual(wb.truth.visitsPerDay);
});
