/**
 * `npm run demo`: the main job on the bundled sample, from a fresh clone. Builds the add-on if
 * needed, writes the sample workbook if missing, runs Clean & Summarize on every log sheet
 * through the emulator, and says what came out and where.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_OUT, writeSample } from './sample/cli';
import { DEFAULT_SEED } from './sample/generate';
import { analyze } from './runner/run';

async function main(): Promise<void> {
  const input = path.resolve(DEFAULT_OUT);
  if (!fs.existsSync(input)) {
    writeSample(DEFAULT_SEED, input);
    console.log(`Wrote the sample workbook: ${path.relative(process.cwd(), input)}`);
  }
  const out = path.resolve('out', 'demo');
  const { report, outputs } = await analyze({ input, out });
  const s = report.byStatus;
  const fmt = (n: number) => n.toLocaleString('id-ID');
  console.log('');
  console.log(`Pola Layanan — Bersihkan & Ringkas on ${path.basename(input)}`);
  console.log(`  Rows read:   ${fmt(report.rowsRead)}  (OK ${fmt(s.OK)}, DIPERBAIKI ${fmt(s.DIPERBAIKI)}, DUPLIKAT ${fmt(s.DUPLIKAT)}, TIDAK_VALID ${fmt(s.TIDAK_VALID)})`);
  console.log(`  Counted:     ${fmt(s.OK + s.DIPERBAIKI)} visits in the summaries; ${fmt(report.problems)} rows listed in masalah_data`);
  console.log(`  Early-month peaks: ${report.earlyMonthPeaks.join(', ') || '—'}`);
  console.log(`  Apps Script calls: ${fmt(report.totalCalls)}; cells written: ${fmt(report.cellsWritten)}; ${report.ms.run} ms`);
  console.log(`  Cleaned workbook: ${path.relative(process.cwd(), outputs!.xlsx)}`);
  console.log(`  Tabs as CSV:      ${path.relative(process.cwd(), outputs!.dir)}/<tab>.csv (ds_harian, ds_usia, …, kamus, masalah_data)`);
  console.log(`  Emulator state:   ${path.relative(process.cwd(), outputs!.state)} (load it again with npm run analyze)`);
  console.log(`  Looker Studio:    ${report.lookerStudioUrl.slice(0, 90)}…`);
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
