/**
 * What `npm run push` uploads: clasp 3's own file list (`clasp show-file-status`, which works
 * offline and without a login) after a build is exactly the three files of dist/, and stays so
 * when stray files land in dist/ (.claspignore).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { build, buildIsStale, DIST, ROOT } from '../../tools/build';
import { tmpDir } from '../helpers/addon';

const CLASP = path.join(ROOT, 'node_modules/@google/clasp/build/src/index.js');
const ADDON_FILES = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];

/** clasp's list of files to push for the project in `cwd`, with no credentials anywhere. */
function filesToPush(cwd: string): { filesToPush: string[]; untrackedFiles: string[] } {
  const home = tmpDir('pola-clasp-home-');
  const r = spawnSync(process.execPath, [CLASP, 'show-file-status', '--json'], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home },
  });
  if (r.status !== 0) throw new Error(`clasp show-file-status failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  if (buildIsStale()) await build();
}, 60000);

test('.clasp.json pushes dist/ to a placeholder script id', () => {
  const project = JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8'));
  expect(project.rootDir).toBe('dist');
  expect(project.scriptId).toMatch(/REPLACE/);
});

test('clasp show-file-status lists exactly dist/Code.js, dist/Sidebar.html, dist/appsscript.json', () => {
  expect(filesToPush(ROOT).filesToPush.sort()).toEqual([...ADDON_FILES].sort());
});

test('stray files in dist/ are not pushed (.claspignore)', () => {
  const dir = tmpDir();
  fs.copyFileSync(path.join(ROOT, '.clasp.json'), path.join(dir, '.clasp.json'));
  fs.copyFileSync(path.join(ROOT, '.claspignore'), path.join(dir, '.claspignore'));
  fs.mkdirSync(path.join(dir, 'dist', 'old'), { recursive: true });
  for (const f of fs.readdirSync(DIST)) fs.copyFileSync(path.join(DIST, f), path.join(dir, 'dist', f));
  fs.writeFileSync(path.join(dir, 'dist', 'old', 'Code.js'), '// a previous build');
  fs.writeFileSync(path.join(dir, 'dist', 'debug.js'), '// not the add-on');
  const status = filesToPush(dir);
  expect(status.filesToPush.sort()).toEqual([...ADDON_FILES].sort());
  expect(status.untrackedFiles).toEqual(expect.arrayContaining(['dist/debug.js']));
});
