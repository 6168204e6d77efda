/**
 * The project's root: the nearest folder above `from` holding package.json. The build and the
 * sidebar's build find their files from it, so they also work from a bundle of these tools placed
 * elsewhere (the benchmark runs one from bench/tmp/).
 */
import * as fs from 'fs';
import * as path from 'path';

export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}

export const ROOT = projectRoot();
