/**
 * Issue #10's "done when", through the real command line (`npm run analyze`): a log with 26
 * columns, one with a 40,000-character cell, one with personal data in its service and channel
 * columns, and a saved state that lost `_pola_state` or whose log gained a column. Each completes
 * with the right result or refuses with one clear line, and never leaves a half-written folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ROOT } from '../../tools/build';
import { tmpDir } from '../helpers/addon';

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const analyze = (args: string[]) => {
  const r = spawnSync(process.execPath, [TSX, path.join(ROOT, 'tools/runner/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
};
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
const HEADER = ['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik'];
const visit = (i: number, over: Partial<Record<'service' | 'channel' | 'topic', string>> = {}) => [
  `${(i % 27) + 1}/05/2023`,
  `Peserta ${i}`,
  `${20 + (i % 40)} th`,
  over.service ?? (i % 2 ? 'informasi' : 'keluhan'),
  over.channel ?? 'kantor cabang',
  over.topic ?? 'saldo jht',
];
const tabCells = (dir: string, tab: string): string[] => fs.readFileSync(path.join(dir, tab + '.csv'), 'utf8').split(/[\n,]/);
const dsTabs = (dir: string) => fs.readdirSync(dir).filter((f) => /^(ds_|kamus|wawasan|masalah_data|info_ringkasan)/.test(f)).map((f) => f.replace(/\.csv$/, ''));

test('a log of 26 columns (no spare column in the grid) is cleaned: the derived block goes after it', () => {
  const dir = tmpDir();
  const header = [...HEADER, ...Array.from({ length: 20 }, (_, i) => `Kolom ${i + 1}`)];
  fs.writeFileSync(path.join(dir, 'wide.csv'), csv([header, ...Array.from({ length: 12 }, (_, i) => [...visit(i), ...Array.from({ length: 20 }, (_, k) => `x${k}`)])]));
  const r = analyze([path.join(dir, 'wide.csv'), '--out', path.join(dir, 'out')]);
  expect(r.code).toBe(0);
  const log = fs.readFileSync(path.join(dir, 'out', 'wide.csv'), 'utf8').split('\n')[0].split(',');
  expect(log.slice(26, 32)).toEqual(['kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih']);
});

test('a 40,000-character cell: no written cell passes 50,000 characters, and workbook.xlsx still opens', () => {
  const dir = tmpDir();
  const rows = Array.from({ length: 8 }, (_, i) => visit(i, i < 2 ? { topic: 'keluhan panjang '.repeat(2500) + i } : {}));
  fs.writeFileSync(path.join(dir, 'long.csv'), csv([HEADER, ...rows]));
  const r = analyze([path.join(dir, 'long.csv'), '--out', path.join(dir, 'out')]);
  expect(r.code).toBe(0);
  for (const f of fs.readdirSync(path.join(dir, 'out')).filter((x) => x.endsWith('.csv'))) {
    for (const cell of fs.readFileSync(path.join(dir, 'out', f), 'utf8').split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(cell.length).toBeLessThanOrEqual(50002);
  }
  expect(fs.existsSync(path.join(dir, 'out', 'workbook.xlsx'))).toBe(true);
});

test('personal data in the service and channel columns reaches no summary or report tab', () => {
  const dir = tmpDir();
  const rows = Array.from({ length: 12 }, (_, i) => visit(i, i < 5 ? { service: 'Walk-in Budi Santoso', channel: 'WA 0812-3456-7890' } : {}));
  fs.writeFileSync(path.join(dir, 'pii.csv'), csv([HEADER, ...rows]));
  const r = analyze([path.join(dir, 'pii.csv'), '--out', path.join(dir, 'out')]);
  expect(r.code).toBe(0);
  const out = path.join(dir, 'out');
  for (const tab of dsTabs(out)) for (const cell of tabCells(out, tab)) expect(cell).not.toMatch(/Budi|Santoso|0812|3456/);
  expect(fs.readFileSync(path.join(out, 'report.json'), 'utf8')).not.toMatch(/Budi|Santoso|0812-3456/);
});

test('a saved state that lost _pola_state refuses with one clear line and leaves no output folder; a log that gained a column is followed by header', () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'log.csv'), csv([HEADER, ...Array.from({ length: 12 }, (_, i) => visit(i))]));
  expect(analyze([path.join(dir, 'log.csv'), '--out', path.join(dir, 'first')]).code).toBe(0);
  const state = JSON.parse(fs.readFileSync(path.join(dir, 'first', 'state.json'), 'utf8'));
  const book = state.spreadsheets[0];

  const lost = JSON.parse(JSON.stringify(state));
  lost.spreadsheets[0].sheets = book.sheets.filter((s: { name: string }) => s.name !== '_pola_state');
  fs.writeFileSync(path.join(dir, 'lost.json'), JSON.stringify(lost));
  const refused = analyze([path.join(dir, 'lost.json'), '--out', path.join(dir, 'lost-out')]);
  expect(refused.code).toBe(1);
  expect(refused.err.trim().split('\n')).toHaveLength(1);
  expect(refused.err).toMatch(/_pola_state/);
  expect(fs.existsSync(path.join(dir, 'lost-out'))).toBe(false);

  // Staff insert a "Petugas" column before Layanan (column 4) and type a new visit: run again on the state.
  type StateCell = { row: number; col: number; value: { type: string; value: unknown } };
  const moved = JSON.parse(JSON.stringify(state));
  const log = moved.spreadsheets[0].sheets.find((s: { name: string }) => s.name === 'log') as { cells: StateCell[] };
  expect(log).toBeDefined();
  const text = (value: string) => ({ type: 'string', value });
  for (const c of log.cells) if (c.col >= 4) c.col++;
  log.cells.push({ row: 1, col: 4, value: text('Petugas') });
  for (let r = 2; r <= 13; r++) log.cells.push({ row: r, col: 4, value: text('Bu Sari Wulandari') });
  ['28/05/2023', 'Peserta baru', '33 th', 'Pak Joko Susilo', 'update data', 'kantor cabang', 'ganti email'].forEach((v, i) => log.cells.push({ row: 14, col: i + 1, value: text(v) }));
  fs.writeFileSync(path.join(dir, 'moved.json'), JSON.stringify(moved));
  const again = analyze([path.join(dir, 'moved.json'), '--out', path.join(dir, 'again')]);
  expect(again.code).toBe(0);
  for (const cell of tabCells(path.join(dir, 'again'), 'ds_distribusi')) expect(cell).not.toMatch(/Sari|Joko/);
  const cleaned = fs.readFileSync(path.join(dir, 'again', 'log.csv'), 'utf8').split('\n');
  expect(cleaned[13]).toMatch(/Pak Joko Susilo,Permintaan Update Data/);
  expect(cleaned.slice(1, 13).every((line) => line.includes(',Bu Sari Wulandari,'))).toBe(true);
});
