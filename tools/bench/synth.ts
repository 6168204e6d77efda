/**
 * Synthesises a large messy service log from the sample workbook's customer-service sheet:
 * its rows repeated with distinct row numbers, names and KPJ numbers (so replicas are not
 * duplicates of each other), keeping every messy spelling, date format and injected problem.
 */
import * as fs from 'fs';
import { generateSample, SampleCell } from '../sample/generate';

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(c: SampleCell): string {
  if (c === null) return '';
  if (typeof c === 'object') {
    const [y, m, d, hh, mi, ss] = c.date;
    return hh === undefined ? `${pad(d)}/${pad(m)}/${y}` : `${pad(d)}/${pad(m)}/${y} ${pad(hh)}:${pad(mi!)}:${pad(ss!)}`;
  }
  return String(c);
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** Header + `rows` data rows of CSV text. */
export function synthLogCsv(rows: number, seed = 20240403): string {
  const cs = generateSample(seed).sheets.find((s) => s.name === 'Customer Service')!;
  const [header, ...data] = cs.rows;
  const noCol = header.indexOf('No');
  const nameCol = header.findIndex((h) => String(h).startsWith('Nama'));
  const kpjCol = header.findIndex((h) => String(h).includes('KPJ'));
  const lines: string[] = [header.map((h) => csvCell(cellText(h))).join(',')];
  for (let i = 0; i < rows; i++) {
    const base = data[i % data.length];
    const replica = Math.floor(i / data.length);
    const row = base.map(cellText);
    if (replica > 0) {
      // The sample's deliberately injected formula-like cells appear once, as in the sample.
      for (let c = 0; c < row.length; c++) if (/^[=+@-]/.test(row[c])) row[c] = 'Informasi Umum';
      row[noCol] = String(i + 1);
      if (row[nameCol]) row[nameCol] = `${row[nameCol]} ${replica}`;
      if (row[kpjCol]) row[kpjCol] = String(10000000000 + ((i * 7919) % 89999999999));
    }
    lines.push(row.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

export function writeSynthLog(file: string, rows: number): void {
  fs.writeFileSync(file, synthLogCsv(rows));
}
