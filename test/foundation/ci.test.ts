/** .ci/run honours CHROMIUM_PATH: a wrong one stops CI at once, before installing anything. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../../tools/build';

test('CHROMIUM_PATH that is not an executable: one line, exit 1, nothing installed', () => {
  const r = spawnSync('bash', [path.join(ROOT, '.ci/run')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', CHROMIUM_PATH: '/nonexistent/chromium' },
  });
  expect(r.status).toBe(1);
  expect(r.stderr.trim()).toBe('CHROMIUM_PATH=/nonexistent/chromium is not an executable');
  expect(r.stdout).toBe('');
});
