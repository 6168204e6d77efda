/**
 * `npm run demo`: the main job on the bundled sample, from a fresh clone. Builds the add-on if
 * needed, writes the sample workbook if missing, runs Clean & Summarize on every log sheet
 * through the emulator, and says what came out and where.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_OUT, writeSample } from './sample/cli';
import { DEFAULT_SEED } from './sample/generate';
import { analyze, RunError } from './runner/run';
import { InputError, RunnerLocale } from './runner/io';
import { parseCli, printedHelp, runMain, UsageError } from './runner/args';
import { runSummaryLines } from './runner/console';

export const USAGE = `Usage: npm run demo [-- --locale id|en] [--out DIR]

Builds the add-on if needed, writes the sample workbook (${DEFAULT_OUT}) if it is missing, runs
Clean & Summarize on it in the emulator and writes the results to out/demo/.

Options:
  --locale id|en   the spreadsheet's locale (id_ID or en_US; default id), and the language and
                   number style of this output
  --out DIR        output folder (default out/demo)
  -h, --help       this text`;

const SPEC = { name: 'demo', usage: USAGE, options: { locale: { type: 'string' }, out: { type: 'string' } } } as const;

async function main(): Promise<void> {
  const parsed = parseCli(SPEC, process.argv.slice(2));
  if (printedHelp(parsed, SPEC)) return;
  const locale = parsed.values.locale ?? 'id';
  if (locale !== 'id' && locale !== 'en') throw new UsageError(`--locale takes id or en, not "${locale}"`);
  const lang: RunnerLocale = locale;
  const input = path.resolve(DEFAULT_OUT);
  if (!fs.existsSync(input)) {
    writeSample(DEFAULT_SEED, input);
    console.log(`${lang === 'id' ? 'Buku kerja contoh ditulis' : 'Wrote the sample workbook'}: ${path.relative(process.cwd(), input)}`);
  }
  const out = path.resolve(parsed.values.out ?? path.join('out', 'demo'));
  const { report, outputs } = await analyze({ input, out, locale: lang });
  console.log('');
  for (const line of runSummaryLines(report, outputs, lang, path.basename(input))) console.log(line);
}

runMain('demo', main, [InputError, RunError]);
