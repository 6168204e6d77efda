/**
 * The small workbook the browser tests run on: the sample's "Customer Service" log cut to its
 * first rows (so the suite stays fast), with markup in the topic column to prove the sidebar
 * renders sheet values as text, and a tab without any date column to show a blocker.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { toXlsxWorkbook } from '../../tools/sample/cli';
import { DEFAULT_SEED, generateSample, SHEET, type SampleCell, type SampleSheet } from '../../tools/sample/generate';

export const LOG_SHEET = SHEET.cs;
export const NO_DATE_SHEET = 'Catatan Petugas';
export const XSS_IMG = '<img src=x onerror="window.__xss=1">';
export const XSS_BOLD = '<b>Saldo</b>';
/** Data rows kept from the sample log. */
export const LOG_ROWS = 300;
/** Rows whose topic is markup with stray spaces, so cleaning lists it among the top changes. */
export const MARKUP_ROWS = 60;
/** Blank rows left in the log, as staff leave them between days: skipped, and said so. */
export const BLANK_ROWS = 2;

export function buildTestWorkbook(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pola-browser-'))): string {
  const sample = generateSample(DEFAULT_SEED);
  const cs = sample.sheets.find((s) => s.name === LOG_SHEET);
  if (!cs) throw new Error(`sample has no "${LOG_SHEET}" sheet`);
  const header = cs.rows[0];
  const topic = header.indexOf('Keterangan');
  if (topic < 0) throw new Error('sample log has no Keterangan column');
  const rows: SampleCell[][] = cs.rows.slice(0, LOG_ROWS + 1).map((r) => r.slice());
  // Markup in the first data rows: the mapping's samples come from the top of the sheet.
  rows[1][topic] = XSS_IMG;
  rows[2][topic] = XSS_BOLD;
  const template = rows[5];
  for (let i = 0; i < MARKUP_ROWS; i++) {
    const r = template.slice();
    r[0] = LOG_ROWS + 1 + i;
    r[topic] = i % 2 ? `  ${XSS_BOLD}  ` : `  ${XSS_IMG}  `;
    rows.push(r);
  }
  for (let i = 0; i < BLANK_ROWS; i++) rows.splice(20 + 7 * i, 0, header.map(() => ''));
  const log: SampleSheet = { ...cs, rows };
  const notes: SampleSheet = {
    ...cs,
    name: NO_DATE_SHEET,
    rows: [
      ['Petugas', 'Catatan', 'Jumlah'],
      ['Rina', 'Antrian ramai pagi', 12],
      ['Budi', 'Printer loket 2 rusak', 1],
      ['Sari', 'Banyak pertanyaan JMO', 7],
    ],
  };
  const file = path.join(dir, 'pola-browser-test.xlsx');
  XLSX.writeFile(toXlsxWorkbook({ sheets: [log, notes], truth: sample.truth }), file, { bookType: 'xlsx' });
  return file;
}
