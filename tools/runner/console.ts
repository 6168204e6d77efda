/**
 * What analyze and demo print, in one language and one number style per run: the sheet's
 * locale's (`id`: Indonesian words, 1.234; `en`: English words, 1,234). Links are printed whole.
 */
import * as path from 'path';
import type { RunnerLocale, OutputFiles } from './io';
import type { RunReport } from './run';

const TEXT = {
  id: {
    clean: 'Bersihkan & Ringkas',
    nightly: 'Penyegaran malam',
    rowsRead: 'Baris dibaca',
    statuses: { OK: 'OK', DIPERBAIKI: 'DIPERBAIKI', DUPLIKAT: 'DUPLIKAT', TIDAK_VALID: 'TIDAK_VALID' },
    counted: (visits: string, problems: string) => `${visits} kunjungan dihitung di ringkasan; ${problems} baris tercatat di masalah_data`,
    peaks: 'Puncak awal bulan',
    none: '—',
    work: (execs: string, calls: string, cells: string, ms: string) => `${execs} eksekusi, ${calls} panggilan layanan, ${cells} sel ditulis, ${ms} md`,
    workbook: 'Buku kerja bersih',
    tabs: 'Tab sebagai CSV',
    state: 'Status emulator',
    stateHint: 'muat lagi dengan npm run analyze',
    report: 'Laporan',
    looker: 'Looker Studio',
    counts: 'Jumlah',
    activity: 'Kerja',
  },
  en: {
    clean: 'Clean & Summarize',
    nightly: 'Nightly refresh',
    rowsRead: 'Rows read',
    statuses: { OK: 'OK', DIPERBAIKI: 'fixed', DUPLIKAT: 'duplicates', TIDAK_VALID: 'invalid' },
    counted: (visits: string, problems: string) => `${visits} visits counted in the summaries; ${problems} rows listed in masalah_data`,
    peaks: 'Early-month peaks',
    none: '—',
    work: (execs: string, calls: string, cells: string, ms: string) => `${execs} execution(s), ${calls} service calls, ${cells} cells written, ${ms} ms`,
    workbook: 'Cleaned workbook',
    tabs: 'Tabs as CSV',
    state: 'Emulator state',
    stateHint: 'load it again with npm run analyze',
    report: 'Report',
    looker: 'Looker Studio',
    counts: 'Counts',
    activity: 'Work',
  },
} as const;

/** A whole number in the locale's style: 1.234 (id) or 1,234 (en). */
export function formatCount(n: number, lang: RunnerLocale): string {
  return n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 0 });
}

/** The run's outcome as console lines (no trailing newline), all in `lang`. */
export function runSummaryLines(report: RunReport, outputs: OutputFiles | null, lang: RunnerLocale, inputName: string): string[] {
  const t = TEXT[lang];
  const n = (x: number) => formatCount(x, lang);
  const s = report.byStatus;
  const statuses = (Object.keys(t.statuses) as (keyof typeof t.statuses)[]).map((k) => `${t.statuses[k]} ${n(s[k] ?? 0)}`).join(', ');
  const rel = (f: string) => path.relative(process.cwd(), f) || '.';
  const lines = [
    `Pola Layanan — ${report.mode === 'nightly' ? t.nightly : t.clean}: ${inputName}`,
    `  ${t.rowsRead}: ${n(report.rowsRead)} (${statuses})`,
    `  ${t.counts}: ${t.counted(n((s.OK ?? 0) + (s.DIPERBAIKI ?? 0)), n(report.problems))}`,
    `  ${t.peaks}: ${report.earlyMonthPeaks.join(', ') || t.none}`,
    `  ${t.activity}: ${t.work(n(report.executions), n(report.totalCalls), n(report.cellsWritten), n(report.ms.run ?? 0))}`,
  ];
  if (outputs) {
    lines.push(
      `  ${t.workbook}: ${rel(outputs.xlsx)}`,
      `  ${t.tabs}: ${rel(outputs.dir)}/<tab>.csv (${outputs.csv.length})`,
      `  ${t.state}: ${rel(outputs.state)} (${t.stateHint})`,
      `  ${t.report}: ${rel(path.join(outputs.dir, 'report.json'))}`,
    );
  }
  if (report.lookerStudioUrl) lines.push(`  ${t.looker}: ${report.lookerStudioUrl}`);
  return lines;
}
