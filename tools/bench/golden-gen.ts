/**
 * Writes the summaries of the synthetic run that test/core/summarise/golden.test.ts guards, as
 * canonical text (FILE.txt, FILE-en.txt) to diff between two commits, and prints their digests
 * (the test's GOLDEN):
 *   npx tsx tools/bench/golden-gen.ts /tmp/out
 */
import * as fs from 'fs';
import { summarise } from '../../src/core/summarise';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { intlZoneClock } from '../emulator';
import { CHECK_RUN, summariesDigest, summariesText } from './summarise-check';
import { syntheticVisits } from './synthvisits';
import { parseOneInput, runMain } from '../runner/args';

const USAGE = `Usage: npx tsx tools/bench/golden-gen.ts OUT

Writes the summaries of the synthetic run that test/core/summarise/golden.test.ts guards as
canonical text (OUT.txt, OUT-en.txt) and prints their digests (the test's GOLDEN).

Options:
  -h, --help   this text`;

const SPEC = { name: 'golden-gen', usage: USAGE, maxPositionals: 1, options: {} } as const;

function main(): void {
  const parsed = parseOneInput(SPEC, process.argv.slice(2), 'OUT');
  if (!parsed) return;
  const file = parsed.input;
  const clock = intlZoneClock('Asia/Jakarta');
  const sheets = syntheticVisits(7, 40);
  const out = summarise(sheets, DEFAULT_SETTINGS, clock, CHECK_RUN);
  fs.writeFileSync(file + '.txt', summariesText(out));
  const today = (sheets[0]?.visits.day.get(0) ?? 0) + 400;
  const en = summarise(sheets, { ...DEFAULT_SETTINGS, peakThreshold: 1.1 }, clock, { ...CHECK_RUN, lang: 'en', today });
  fs.writeFileSync(file + '-en.txt', summariesText(en));
  console.log(JSON.stringify({ id: summariesDigest(out), en: summariesDigest(en) }, null, 2));
}

if (require.main === module) runMain('golden-gen', main, [Error]);
