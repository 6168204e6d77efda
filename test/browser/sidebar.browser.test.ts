/**
 * The sidebar in a real browser (Debian's /usr/bin/chromium through playwright-core), served by
 * the preview server against the emulator and the built bundle, exactly as a user would drive it.
 *
 * The tests share one browser page and one emulated workbook and run in order: each step starts
 * from where the previous one left the add-on (mapping → clean → open a tab → … → undo).
 * Screenshots go to test-artifacts/ (gitignored).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { loadInput } from '../../tools/runner/io';
import { readInfo } from '../../tools/runner/run';
import { launchChromium } from './chromium';
import { startPreview, type Preview } from '../../tools/preview/server';
import type { EmuSheet } from '../../tools/emulator';
import type { MappingView, Reply, SidebarState, UndoResult } from '../../src/shared/api';
import { buildTestWorkbook, LOG_SHEET, NO_DATE_SHEET, XSS_BOLD, XSS_IMG } from './workbook';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const STEP_TIMEOUT = 20_000;

jest.setTimeout(60_000);

let preview: Preview;
let browser: Browser;
let page: Page;
let sidebar: FrameLocator;
let workbookFile: string;
const pageErrors: string[] = [];
const offsiteRequests: string[] = [];

// ---------------------------------------------------------------------------------------------
// Helpers

async function api<T>(name: string, ...args: unknown[]): Promise<T> {
  const res = await fetch(preview.url + 'api/run', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, args }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`/api/run ${name} → HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function sidebarState(): Promise<SidebarState> {
  const r = await api<Reply<SidebarState>>('getSidebarState');
  if (!r.ok) throw new Error(`getSidebarState failed: ${r.error.message}`);
  return r.data;
}

async function inspect(sheetId: number): Promise<MappingView> {
  const r = await api<Reply<MappingView>>('inspectSheet', sheetId);
  if (!r.ok) throw new Error(`inspectSheet failed: ${r.error.message}`);
  return r.data;
}

/**
 * The add-on must not move the user to another tab behind their back (Sheets' insertSheet()
 * activates the new tab, so a server that creates tabs has to give the user's tab back).
 */
async function expectStillOn(name: string, after: string): Promise<void> {
  const active = preview.ss._active()._name;
  const state = await sidebarState();
  if (active !== name || state.active?.sheetName !== name) {
    throw new Error(
      `after ${after} the active sheet is "${active}" (getSidebarState: active=${state.active ? state.active.sheetName : 'null'}, ` +
        `activeNote=${JSON.stringify(state.activeNote)}), expected the user's sheet "${name}"`,
    );
  }
}

function sidebarFrame(): Frame {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  if (!frame) throw new Error('sidebar iframe not found');
  return frame;
}

/** Whole preview page, the visible sidebar, and the sidebar's full scroll height. */
async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.locator('#sidebar').screenshot({ path: path.join(ARTIFACTS, `${name}-sidebar.png`) });
  // Stretch the iframe to its content for one shot, so the whole sidebar is on record.
  const height = await sidebarFrame().evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate((h) => {
    const f = document.getElementById('sidebar') as HTMLIFrameElement;
    f.style.flex = 'none';
    f.style.height = `${h}px`;
  }, height);
  await page.locator('#sidebar').screenshot({ path: path.join(ARTIFACTS, `${name}-sidebar-full.png`) });
  await page.evaluate(() => {
    const f = document.getElementById('sidebar') as HTMLIFrameElement;
    f.style.flex = '';
    f.style.height = '';
  });
}

/** Switches tabs in the left workbook view (as the user does in Sheets), then the sidebar's ↻. */
async function openSheetAndRefresh(name: string): Promise<void> {
  await page.locator('#tabs button', { hasText: name }).first().click();
  await page.waitForSelector(`#grid[data-sheet-name="${name}"]`, { timeout: STEP_TIMEOUT });
  await sidebar.locator('#btn-refresh').click();
  await sidebar.locator('#hdr-sheet-name', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT });
  await sidebar.locator('#btn-refresh:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
}

function sheetNamed(name: string): EmuSheet {
  const sheet = preview.ss._sheets.find((s) => s._name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A sheet's data range as comparable text; dates by instant (they come from different realms). */
function snapshot(sheet: EmuSheet): string[][] {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows === 0 || cols === 0) return [];
  return (sheet.getRange(1, 1, rows, cols).getValues() as unknown[][]).map((row) =>
    row.map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? `date:${(v as Date).getTime()}` : `${typeof v}:${String(v)}`)),
  );
}

function countCells(a: string[][], b: string[][]): number {
  let n = 0;
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) if ((a[r]?.[c] ?? '') !== (b[r]?.[c] ?? '')) n++;
  }
  return n;
}

/** "1.234" (Indonesian thousands) → 1234. */
function idNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(/,/g, '.').trim());
}

// ---------------------------------------------------------------------------------------------
// Setup

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  workbookFile = buildTestWorkbook();
  // A small per-call delay, like google.script.run's round trip, so every step's state is painted.
  preview = await startPreview({ file: workbookFile, port: 0, delayMs: 40 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  // Offline by construction: anything not served by the preview is refused and recorded.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(preview.url)) return route.continue();
    offsiteRequests.push(url);
    return route.abort();
  });
  await page.goto(preview.url);
  sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#hdr-sheet-name').waitFor({ timeout: STEP_TIMEOUT });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (workbookFile) fs.rmSync(path.dirname(workbookFile), { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Tests

describe('Pola Layanan sidebar in Chromium (preview server + emulator)', () => {
  it('1. shows the active sheet and its detected mapping; a changed role is saved on the server', async () => {
    expect(await page.title()).toBe('Pola Layanan — preview');
    const frameBox = await page.locator('#sidebar').boundingBox();
    expect(frameBox?.width).toBe(300);

    await openSheetAndRefresh(LOG_SHEET);
    await expect(sidebar.locator('#hdr-sheet-name').textContent()).resolves.toBe(LOG_SHEET);

    // The date column is detected: its select has "Tanggal kunjungan" selected.
    const dateCol = sidebar.locator('.col', { has: sidebar.locator('label', { hasText: 'Tgl. Kunjungan' }) });
    const dateSelect = dateCol.locator('select');
    await expect(dateSelect.inputValue()).resolves.toBe('date');
    await expect(dateSelect.locator('option:checked').textContent()).resolves.toBe('Tanggal kunjungan');

    const before = await sidebarState();
    const kanal = before.active!.columns.find((c) => c.header === 'Kanal')!;
    expect(kanal.role).toBe('channel');
    const select = sidebar.locator(`select#role-${kanal.index}`);
    await expect(select.inputValue()).resolves.toBe('channel');

    await select.selectOption('ignore');
    await expect(sidebar.locator('#mapping-dirty').isVisible()).resolves.toBe(true);
    await sidebar.locator('#btn-save-mapping').click();
    await sidebar.locator('#mapping-notice').waitFor({ timeout: STEP_TIMEOUT });
    // The saved mapping, read back from the server by sheet id.
    const saved = await inspect(before.active!.sheetId);
    expect(saved.saved).toBe(true);
    expect(saved.columns[kanal.index].role).toBe('ignore');
    await shoot('01-mapping');

    // Confirmed, the mapping folds into one line that names how many columns were recognised.
    const toggle = sidebar.locator('#btn-mapping-toggle');
    await expect(toggle.textContent()).resolves.toBe(`${saved.columns.filter((c) => c.role !== 'ignore').length} kolom dikenali · Ubah`);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(sidebar.locator('#columns').count()).resolves.toBe(0);

    // …and back, through the sidebar again (unfolded with "Ubah").
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await sidebar.locator(`select#role-${kanal.index}`).selectOption('channel');
    await sidebar.locator('#btn-save-mapping').click();
    await sidebar.locator('#mapping-notice').waitFor({ timeout: STEP_TIMEOUT });
    const restored = await inspect(before.active!.sheetId);
    expect(restored.columns[kanal.index].role).toBe('channel');
    expect(restored.columns.map((c) => c.role)).toEqual(before.active!.columns.map((c) => c.role));

    // Saving a mapping must leave the user on the sheet they are looking at.
    await expectStillOn(LOG_SHEET, 'saveMapping');
  });

  it('2. "Bersihkan & Ringkas" runs the four steps in order with the controls disabled, then shows the result', async () => {
    // Start on the log whatever the previous step did to the active tab.
    await openSheetAndRefresh(LOG_SHEET);
    const frame = sidebarFrame();
    // Record every distinct paint of the steps list and the buttons' state while it runs.
    await frame.evaluate(() => {
      type Snap = { steps: string; run: boolean | null; save: boolean | null; undo: boolean | null };
      const w = window as unknown as { __paints: Snap[] };
      w.__paints = [];
      const snap = (): Snap => ({
        steps: Array.from(document.querySelectorAll<HTMLElement>('#steps li')).map((li) => `${li.dataset.step}:${li.dataset.state}`).join(','),
        run: (document.getElementById('btn-run') as HTMLButtonElement | null)?.disabled ?? null,
        // The mapping is confirmed (step 1), so it is folded: its one-line toggle stands for it.
        save: (document.getElementById('btn-mapping-toggle') as HTMLButtonElement | null)?.disabled ?? null,
        undo: Array.from(document.querySelectorAll<HTMLButtonElement>('#undo .btn-undo')).every((b) => b.disabled),
      });
      new MutationObserver(() => {
        const s = snap();
        const last = w.__paints[w.__paints.length - 1];
        if (!last || JSON.stringify(last) !== JSON.stringify(s)) w.__paints.push(s);
      }).observe(document.getElementById('app')!, { childList: true, subtree: true, attributes: true });
    });

    await sidebar.getByRole('button', { name: 'Bersihkan & Ringkas' }).click();
    await sidebar.locator('#steps li[data-step="meringkas"][data-state="done"]').waitFor({ timeout: STEP_TIMEOUT });
    await sidebar.locator('#result').waitFor({ timeout: STEP_TIMEOUT });
    await sidebar.locator('#app[aria-busy="false"]').waitFor({ timeout: STEP_TIMEOUT });

    const paints = (await frame.evaluate(() => (window as unknown as { __paints: unknown[] }).__paints)) as {
      steps: string;
      run: boolean | null;
      save: boolean | null;
      undo: boolean | null;
    }[];
    const order = ['membaca', 'membersihkan', 'menulis', 'meringkas'];
    const firstPaint = (step: string, state: string): number => paints.findIndex((p) => p.steps.split(',').includes(`${step}:${state}`));
    let previousDone = -1;
    for (const step of order) {
      const working = firstPaint(step, 'working');
      const done = firstPaint(step, 'done');
      // A step starts once the previous one is done (the same paint may show both), and ends later.
      expect(working).toBeGreaterThanOrEqual(previousDone);
      expect(working).toBeGreaterThanOrEqual(0);
      expect(done).toBeGreaterThan(working);
      previousDone = done;
    }
    // Every paint shows done steps, then at most one working step, then waiting ones.
    for (const p of paints.filter((x) => x.steps !== '')) {
      expect(p.steps.split(',').map((x) => x.split(':')[0])).toEqual(order);
      expect(p.steps.split(',').map((x) => x.split(':')[1]).join(' ')).toMatch(/^(done ?)*(working ?)?(waiting ?)*$/);
    }
    expect(paints.some((p) => p.steps.includes('failed'))).toBe(false);
    // While any step is working, every control is disabled.
    const busy = paints.filter((p) => p.steps.includes(':working'));
    expect(busy.length).toBeGreaterThanOrEqual(4);
    for (const p of busy) {
      expect(p.run).toBe(true);
      expect(p.save).toBe(true);
      expect(p.undo).toBe(true);
    }

    // Rows by status match what the server wrote to info_ringkasan.
    const info = readInfo(preview.ss);
    const expected: Record<string, number> = {
      OK: Number(info.baris_ok),
      DIPERBAIKI: Number(info.baris_diperbaiki),
      DUPLIKAT: Number(info.baris_duplikat),
      TIDAK_VALID: Number(info.baris_tidak_valid),
    };
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
    for (const [status, n] of Object.entries(expected)) {
      const cell = sidebar.locator(`#result-status tr[data-status="${status}"] td.num`);
      expect(idNumber((await cell.textContent()) ?? '')).toBe(n);
    }

    // Tab links and the Looker Studio link.
    const links = sidebar.locator('#result-tabs a.tab-link[data-sheet-id]');
    const names = await links.allTextContents();
    expect(names).toEqual(expect.arrayContaining(['ds_harian', 'masalah_data', 'info_ringkasan']));
    for (const name of names) {
      const id = Number(await links.filter({ hasText: new RegExp(`^${name}$`) }).first().getAttribute('data-sheet-id'));
      expect(preview.ss._sheets.find((s) => s._sheetId === id)?._name).toBe(name);
    }
    const looker = sidebar.locator('#btn-looker');
    await expect(looker.textContent()).resolves.toContain('Buka di Looker Studio');
    const href = (await looker.getAttribute('href')) ?? '';
    expect(href.startsWith('https://lookerstudio.google.com/reporting/create?')).toBe(true);
    expect(href).toContain('ds.harian.connector=googleSheets');
    await expect(looker.getAttribute('target')).resolves.toBe('_blank');

    await sidebar.locator('#result').scrollIntoViewIfNeeded();
    await shoot('02-result');

    // Afterwards the user is still on the log, which can be cleaned again.
    await expectStillOn(LOG_SHEET, 'Bersihkan & Ringkas');
    await expect(sidebar.locator('#hdr-sheet-name').textContent()).resolves.toBe(LOG_SHEET);
    await expect(sidebar.locator('#btn-run').isDisabled()).resolves.toBe(false);
  });

  it('3. a tab link in the result card activates that tab in the workbook', async () => {
    await sidebar.locator('#result-tabs a.tab-link', { hasText: /^ds_harian$/ }).click();
    await page.waitForSelector('#grid[data-sheet-name="ds_harian"]', { timeout: STEP_TIMEOUT });
    expect(preview.ss._active()._name).toBe('ds_harian');
    await expect(page.locator('#tabs button[aria-selected="true"]').textContent()).resolves.toBe('ds_harian');
    // The left view shows the tab's contents, not the log's.
    const header = await page.locator('#grid tbody tr').first().locator('td').allTextContents();
    expect(header.length).toBeGreaterThan(1);
    expect(header).not.toContain('Tgl. Kunjungan');
    await shoot('03-tab');
  });

  it('6. markup in the sheet renders as literal text in the sidebar (samples and changes)', async () => {
    // Back on the log, with the folded mapping opened to show its samples; the result card stays.
    await openSheetAndRefresh(LOG_SHEET);
    const frame = sidebarFrame();
    if ((await sidebar.locator('#btn-mapping-toggle').getAttribute('aria-expanded')) === 'false') await sidebar.locator('#btn-mapping-toggle').click();
    await sidebar.locator('#columns').waitFor({ timeout: STEP_TIMEOUT });
    const samples = (await sidebar.locator('#columns .samples').allTextContents()).join('\n');
    expect(samples).toContain(XSS_IMG);
    expect(samples).toContain(XSS_BOLD);
    const changes = (await sidebar.locator('#result-changes').textContent()) ?? '';
    expect(changes).toContain(XSS_IMG);
    expect(await frame.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await frame.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await frame.evaluate(() => document.querySelectorAll('#app b, #app script').length)).toBe(0);
  });

  it('4. undo, confirmed in the sidebar, restores the log to the original cells', async () => {
    const log = sheetNamed(LOG_SHEET);
    const original = snapshot(loadInput(workbookFile).ss.getSheetByName(LOG_SHEET)!);
    const cleaned = snapshot(log);
    const changed = countCells(original, cleaned);
    expect(changed).toBeGreaterThan(0);

    // The history's entry for the log is the one with an enabled "Urungkan".
    const entry = sidebar.locator('#undo-list li.undo-entry[data-undoable="true"]', { hasText: LOG_SHEET });
    await expect(entry.count()).resolves.toBe(1);
    await entry.locator('.btn-undo').click();
    await sidebar.locator('#confirm').waitFor({ timeout: STEP_TIMEOUT });
    await expect(sidebar.locator('#confirm-text').textContent()).resolves.toContain(LOG_SHEET);
    const undone = page.waitForResponse((r) => r.url().endsWith('/api/run') && (r.request().postDataJSON() as { name: string }).name === 'undoLastClean');
    await sidebar.locator('#btn-confirm-yes').click();
    const reply = (await (await undone).json()) as Reply<UndoResult>;
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    await sidebar.locator('#undo-result').waitFor({ timeout: STEP_TIMEOUT });

    expect(snapshot(log)).toEqual(original);
    const text = (await sidebar.locator('#undo-result').textContent()) ?? '';
    const m = /^([\d.]+) sel di "(.+)" dikembalikan\.$/.exec(text.trim());
    expect(m).not.toBeNull();
    expect(idNumber(m![1])).toBe(reply.data.cellsRestored);
    expect(m![2]).toBe(LOG_SHEET);
    // Every changed cell is back (asserted above); the count is of cells undo wrote.
    expect(reply.data.cellsRestored).toBeGreaterThan(0);
    // Nothing changed since the clean, so nothing was skipped, and the sidebar says so.
    expect(reply.data.rowsSkipped).toBe(0);
    await expect(sidebar.locator('#undo-skipped').textContent()).resolves.toBe('Tidak ada baris yang dilewati.');
    // The log's only run is undone: no enabled "Urungkan" is left for it.
    await expect(sidebar.locator('#undo .btn-undo:not([disabled])').count()).resolves.toBe(0);
    await sidebar.locator('#undo').scrollIntoViewIfNeeded();
    await shoot('04-undo');
  });

  it('5. the language switch turns the sidebar English and back', async () => {
    await sidebar.locator('#settings-title').click();
    await sidebar.locator('#lang').selectOption('en');
    await expect(sidebar.locator('#btn-run').textContent()).resolves.toBe('Clean & Summarize');
    await sidebar.locator('#lang:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
    expect((await sidebarState()).settings.language).toBe('en');
    await expect(sidebar.locator('html').getAttribute('lang')).resolves.toBe('en');
    await sidebar.locator('#settings').scrollIntoViewIfNeeded();
    await shoot('05-english');

    await sidebar.locator('#lang').selectOption('id');
    await expect(sidebar.locator('#btn-run').textContent()).resolves.toBe('Bersihkan & Ringkas');
    await sidebar.locator('#lang:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
    const state = await sidebarState();
    expect(state.settings.language).toBe('id');
    expect(state.lang).toBe('id');
  });

  it('7. a sheet without a date column shows an Indonesian blocker and cannot be cleaned', async () => {
    await openSheetAndRefresh(NO_DATE_SHEET);
    const blockers = sidebar.locator('#mapping-blockers');
    await blockers.waitFor({ timeout: STEP_TIMEOUT });
    const text = (await blockers.textContent()) ?? '';
    expect(text).toContain('Belum bisa dibersihkan');
    expect(text).toContain(`Kolom tanggal kunjungan tidak ditemukan di sheet "${NO_DATE_SHEET}"`);
    await expect(sidebar.locator('#btn-run').isDisabled()).resolves.toBe(true);

    // The server refuses it too, in Indonesian, with a next step.
    const id = sheetNamed(NO_DATE_SHEET)._sheetId;
    const r = await api<Reply<unknown>>('cleanSheet', id);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NO_DATE_COLUMN');
    expect(r.error.message).toContain('Kolom tanggal kunjungan tidak ditemukan');
    expect(r.error.hint).toMatch(/Beri judul kolom tanggal/);
    await shoot('06-no-date');
  });

  it('8. keyboard: Tab reaches "Bersihkan & Ringkas" and Enter runs it', async () => {
    await openSheetAndRefresh(LOG_SHEET);
    const frame = sidebarFrame();
    // The main button has an accessible name (its text) and is the only button with it.
    const byName = sidebar.getByRole('button', { name: 'Bersihkan & Ringkas', exact: true });
    await expect(byName.count()).resolves.toBe(1);
    await expect(byName.getAttribute('id')).resolves.toBe('btn-run');

    // The button comes first (#14.6): it is the focus stop just before the sheet line's ↻…
    await sidebar.locator('#btn-refresh').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(frame.evaluate(() => document.activeElement?.id ?? '')).resolves.toBe('btn-run');
    // …and the first control of the sidebar, before the mapping.
    const order = await frame.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#app button, #app select, #app input, #app a[href]')).map((el) => el.id).filter((id) => id !== ''),
    );
    expect(order[0]).toBe('btn-run');
    expect(order.indexOf('btn-refresh')).toBeGreaterThan(0);
    expect(order.indexOf('btn-mapping-toggle')).toBeGreaterThan(order.indexOf('btn-refresh'));

    await page.keyboard.press('Enter');
    await sidebar.locator('#steps li[data-step="membaca"]').waitFor({ timeout: STEP_TIMEOUT });
    await sidebar.locator('#steps li[data-step="meringkas"][data-state="done"]').waitFor({ timeout: STEP_TIMEOUT });
    await sidebar.locator('#result').waitFor({ timeout: STEP_TIMEOUT });
    // Focus comes back to the button after the run.
    await sidebar.locator('#btn-run:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('btn-run');
  });

  it("the preview's google.script.run follows HtmlService's rules", async () => {
    const frame = sidebarFrame();
    const out = await frame.evaluate(async () => {
      type Runner = Record<string, (...a: unknown[]) => unknown> & {
        withSuccessHandler(f: (v: unknown, u: unknown) => void): Runner;
        withFailureHandler(f: (e: Error, u: unknown) => void): Runner;
        withUserObject(o: unknown): Runner;
      };
      const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
      const viaRun = await new Promise<{ value: unknown; user: unknown; returned: unknown }>((resolve, reject) => {
        let returned: unknown = 'unset';
        returned = run
          .withFailureHandler(reject)
          .withSuccessHandler((value, user) => resolve({ value, user, returned }))
          .withUserObject({ tag: 'u1' })
          .getSidebarState();
      });
      let dateError = '';
      try {
        run.openTab(new Date());
      } catch (e) {
        dateError = (e as Error).message;
      }
      return {
        ok: (viaRun.value as { ok: boolean }).ok,
        user: viaRun.user,
        returned: viaRun.returned,
        dateError,
        immutable: run.withSuccessHandler(() => undefined) !== run,
        hasEval: typeof run.eval,
        hasOpenTab: typeof run.openTab,
      };
    });
    expect(out).toEqual({ ok: true, user: { tag: 'u1' }, returned: undefined, dateError: expect.stringContaining('illegal value'), immutable: true, hasEval: 'undefined', hasOpenTab: 'function' });
    // The server only runs the bundle's entry points.
    for (const name of ['eval', 'SpreadsheetApp', 'Pola_', 'constructor']) {
      const res = await fetch(preview.url + 'api/run', { method: 'POST', body: JSON.stringify({ name, args: [] }) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain('Script function not found');
    }
    expect(preview.entries).toEqual(expect.arrayContaining(['getSidebarState', 'cleanSheet', 'undoLastClean', 'showSidebar']));
  });

  it('ran offline with no script errors', () => {
    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
