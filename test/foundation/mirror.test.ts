/**
 * Tests mirror the source (issue #12): every module of src/core has a test file at the same
 * path under test/core (clean.ts → test/core/clean.test.ts), or is listed below with the test
 * that exercises it and why it has no file of its own. A new core module without a test fails
 * here; so does a stale entry below once the module gets its own file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../tools/build';

const COVERED_ELSEWHERE: Record<string, { test: string; why: string }> = {
  'insights/index.ts': { test: 'test/core/insights/contract.test.ts', why: 'the insights entry point: its contract and robustness suites run buildInsights end to end' },
  'insights/prakiraan.ts': { test: 'test/core/insights/forecast.test.ts', why: 'the forecast suite backtests forecastServices against synthetic logs' },
  'logshape/topiccolumn.ts': { test: 'test/core/logshape/headers.test.ts', why: 'the header suite proposes topic columns over real-shaped headers' },
};

function modulesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix + e.name;
    if (e.isDirectory()) return modulesUnder(path.join(dir, e.name), rel + '/');
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const CORE = path.join(ROOT, 'src/core');
const testOf = (module: string): string => path.join(ROOT, 'test/core', module.replace(/\.ts$/, '.test.ts'));

test('every src/core module has its own test file, or names the test that covers it', () => {
  const missing = modulesUnder(CORE).filter((m) => !fs.existsSync(testOf(m)));
  expect(missing.sort()).toEqual(Object.keys(COVERED_ELSEWHERE).sort());
});

test.each(Object.entries(COVERED_ELSEWHERE))('%s is imported by the test that covers it', (module, { test: file }) => {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const imported = Array.from(source.matchAll(/from '([^']+)'/g), (m) => path.resolve(path.dirname(path.join(ROOT, file)), m[1] as string));
  const target = path.join(CORE, module.replace(/\.ts$/, ''));
  const targets = module.endsWith('/index.ts') ? [target, path.dirname(target)] : [target];
  expect(imported.filter((i) => targets.includes(i))).not.toEqual([]);
});
