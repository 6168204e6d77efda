import * as fs from 'fs';
import * as path from 'path';
import { VERSION } from '../../src/core/version';

test('the version shown in info_ringkasan and the sidebar is the package version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  expect(VERSION).toBe(pkg.version);
});
