/**
 * Builds the sidebar into one self-contained HTML string (CSS and JS inlined), for
 * HtmlService.createHtmlOutputFromFile('Sidebar'). tools/build.ts writes it to dist/Sidebar.html.
 */
import { build } from 'esbuild';
import { promises as fs } from 'fs';
import * as path from 'path';
import { ROOT } from '../tools/root';

/** The sidebar's sources (found from the project's root, so a bundle of the build placed elsewhere finds them too). */
const DIR = path.join(ROOT, 'sidebar');

/** Keeps inlined code from closing its own <script>/<style> element or opening an HTML comment. */
export function escapeInline(code: string, tag: 'script' | 'style'): string {
  const closing = new RegExp(`</(${tag})`, 'gi');
  let out = code.replace(closing, '<\\/$1');
  if (tag === 'script') out = out.replace(/<!--/g, '<\\!--');
  return out;
}

async function bundleSidebarJs(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(DIR, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export async function buildSidebarHtml(): Promise<string> {
  const [template, css, js] = await Promise.all([
    fs.readFile(path.join(DIR, 'index.html'), 'utf8'),
    fs.readFile(path.join(DIR, 'styles.css'), 'utf8'),
    bundleSidebarJs(),
  ]);
  if (!template.includes('<!-- INLINE_CSS -->') || !template.includes('<!-- INLINE_JS -->')) {
    throw new Error('sidebar/index.html lacks the INLINE_CSS / INLINE_JS placeholders');
  }
  // Function replacements: `$&` / `$'` inside the code must not be interpreted.
  return template
    .replace('<!-- INLINE_CSS -->', () => escapeInline(css.trim(), 'style'))
    .replace('<!-- INLINE_JS -->', () => escapeInline(js.trim(), 'script'));
}
