/**
 * The sidebar staff use, in real Chromium at the size of a Sheets sidebar on a small laptop
 * (300 × 600 px), served alone by the preview server (as HtmlService would) against the emulator
 * and the built bundle: the main button first and in view, the folded mapping, the result card's
 * grouped changes and single row count, rows edited during a run, the undo history, a confirmed
 * mapping broken by a renamed column, and a lost state tab rebuilt from the sidebar.
 *
 * The tests share one page and one emulated workbook and run in order.
 * Screenshots go to test-artifacts/ (gitignored).
 */
import { undoSkippedText } from '../../sidebar/model';
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Page, type Route } from 'playwright-core';
import { launchChromium } from './chromium';
import { startPreview, type Preview } from '../../tools/preview/server';
import type { EmuSheet } from '../../tools/emulator';
import type { CleanResult, MappingView, Reply, RunResult, SidebarState, UndoResult } from '../../src/shared/api';
import { formatDateTime } from '../../sidebar/format';
import { isTidyOnly } from '../../sidebar/model';
import { BLANK_ROWS, buildTestWorkbook, LOG_SHEET } from './workbook';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const STEP_TIMEOUT = 20_000;
const WIDTH = 300;
const HEIGHT = 600;

jest.setTimeout(60_000);

let preview: Preview;
let browser: Browser;
let page: Page;
let workbookFile: string;
const pageErrors: string[] = [];

// ---------------------------------------------------------------------------------------------
// Helpers

async function api<T>(name: string, ...args: unknown[]): Promise<T> {
  const res = await fetch(preview.url + 'api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, args }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`/api/run ${name} → HTTP ${res.status} ${text}`);
  const reply = JSON.parse(text) as Reply<T>;
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.message}`);
  return reply.data;
}

const sidebarState = (): Promise<SidebarState> => api<SidebarState>('getSidebarState');
const inspect = (sheetId: number): Promise<MappingView> => api<MappingView>('inspectSheet', sheetId);

function sheetNamed(name: string): EmuSheet {
  const sheet = preview.ss._sheets.find((s) => s._name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** 1-based column of a header in the log's first row. */
function columnOf(header: string): number {
  const row = sheetNamed(LOG_SHEET).getRange(1, 1, 1, sheetNamed(LOG_SHEET).getLastColumn()).getValues()[0] as unknown[];
  const i = row.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
}

/** "1.234" (Indonesian thousands) → 1234. */
function idNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(/,/g, '.').trim());
}

const text = async (selector: string): Promise<string> => ((await page.locator(selector).textContent()) ?? '').trim();

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function refresh(): Promise<void> {
  await page.locator('#btn-refresh').click();
  await page.locator('#app[aria-busy="false"] #btn-refresh:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
}

/** Clicks the main button and waits for the run to end (done or failed); the click marks the sidebar busy at once. */
async function run(): Promise<void> {
  await page.locator('#btn-run').click();
  await page.locator('#app[aria-busy="false"] #btn-refresh:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
}

/** Answers the sidebar's calls to `name` through `edit(reply)`; the server still runs them. */
async function interceptCall(name: string, onReply: (reply: unknown) => unknown | Promise<unknown>): Promise<() => Promise<void>> {
  const handler = async (route: Route): Promise<void> => {
    const body = route.request().postDataJSON() as { name?: string } | null;
    if (body?.name !== name) return route.fallback();
    const response = await route.fetch();
    const json = (await response.json()) as unknown;
    await route.fulfill({ response, json: await onReply(json) });
  };
  await page.route('**/api/run', handler);
  return () => page.unroute('**/api/run', handler);
}

// ---------------------------------------------------------------------------------------------
// Setup

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  workbookFile = buildTestWorkbook();
  preview = await startPreview({ file: workbookFile, port: 0, delayMs: 20 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.route('**/*', (route) => (route.request().url().startsWith(preview.url) ? route.fallback() : route.abort()));
  await page.goto(preview.url + 'sidebar');
  await page.locator('#hdr-sheet-name').waitFor({ timeout: STEP_TIMEOUT });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (workbookFile) fs.rmSync(path.dirname(workbookFile), { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Tests

describe('the sidebar staff use, at 300 × 600 px in Chromium', () => {
  it('shows "Bersihkan & Ringkas" first and in view, even while the long mapping is open', async () => {
    const state = await sidebarState();
    expect(state.active?.sheetName).toBe(LOG_SHEET);
    expect(state.active?.saved).toBe(false);
    // Not yet confirmed: the whole mapping is open, and the sidebar is far longer than the window.
    await page.locator('#columns').waitFor({ timeout: STEP_TIMEOUT });
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(2 * HEIGHT);

    const box = await page.locator('#btn-run').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
    expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
    // Nothing visible is drawn above it.
    const above = await page.evaluate((top) => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('#app *'))) {
        const r = el.getBoundingClientRect();
        if (r.width > 1 && r.height > 1 && r.bottom <= top && getComputedStyle(el).visibility !== 'hidden') out.push(el.tagName + '#' + el.id);
      }
      return out;
    }, box!.y);
    expect(above).toEqual([]);
    // And it is the first thing the keyboard reaches.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('btn-run');
    await expect(page.locator('#btn-run').textContent()).resolves.toBe('Bersihkan & Ringkas');
    await shoot('staff-01-button-first');
  });

  it('folds a confirmed mapping into "N kolom dikenali · Ubah", which opens and closes on click', async () => {
    await page.locator('#btn-save-mapping').click();
    await page.locator('#mapping-notice').waitFor({ timeout: STEP_TIMEOUT });
    const saved = await inspect((await sidebarState()).active!.sheetId);
    expect(saved.saved).toBe(true);
    const recognised = saved.columns.filter((c) => c.role !== 'ignore').length;
    expect(recognised).toBeGreaterThan(2);
    expect(saved.columns.some((c) => c.role === 'ignore')).toBe(true); // "No": the count leaves it out

    const toggle = page.locator('#btn-mapping-toggle');
    await expect(toggle.textContent()).resolves.toBe(`${recognised} kolom dikenali · Ubah`);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('#mapping-body').count()).resolves.toBe(0);
    // Saving put focus on the folded line, so the keyboard user is where the mapping was.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('btn-mapping-toggle');

    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('#columns select').count()).resolves.toBe(saved.columns.length);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('#columns').count()).resolves.toBe(0);

    // In English too.
    await api('saveSettings', { ...(await sidebarState()).settings, language: 'en' });
    await refresh();
    await expect(toggle.textContent()).resolves.toBe(`${recognised} columns recognised · Change`);
    await api('saveSettings', { ...(await sidebarState()).settings, language: 'id' });
    await refresh();
    await expect(toggle.textContent()).resolves.toBe(`${recognised} kolom dikenali · Ubah`);
    await shoot('staff-02-folded');
  });

  it('shows one row count for the sheet, changes grouped by target, and rows staff edited during the run', async () => {
    let clean: CleanResult | null = null;
    // The emulator runs a clean in one go, so no staff can type during it: the reply is given
    // the count a real run reports when staff edited 3 rows between its read and its write.
    const stop = await interceptCall('cleanAndSummarise', (reply) => {
      const r = reply as Reply<RunResult>;
      if (r.ok && r.data.clean) {
        clean = r.data.clean;
        return { ...r, data: { ...r.data, clean: { ...r.data.clean, rowsEditedDuringRun: 3 } } };
      }
      return r;
    });
    await run();
    await stop();
    await page.locator('#result').waitFor({ timeout: STEP_TIMEOUT });
    expect(clean).not.toBeNull();
    const c = clean! as CleanResult;

    await expect(text('#result-edited')).resolves.toBe('3 baris diubah staf selama proses; dibersihkan pada proses berikutnya.');

    // One row count for the sheet: the heading, the table's total and the statuses agree.
    const rows = idNumber(/^([\d.]+) baris dibaca/.exec(await text('#result-rows'))![1]);
    expect(rows).toBe(c.rowsRead);
    // The blank rows the log holds are named, so the rows read and the blank ones add up to the
    // rows the mapping panel counts below the header.
    expect(c.blankRows).toBe(BLANK_ROWS);
    await expect(text('#result-rows')).resolves.toBe(`${rows} baris dibaca dari "${LOG_SHEET}" · ${BLANK_ROWS} baris kosong dilewati`);
    expect(c.rowsRead + c.blankRows).toBe((await inspect(c.sheetId)).dataRows);
    expect(idNumber(await text('#result-status tfoot td.num'))).toBe(c.rowsRead);
    const statuses = await page.locator('#result-status tbody td.num').allTextContents();
    expect(statuses.map(idNumber).reduce((a, b) => a + b, 0)).toBe(c.rowsRead);
    // The problems line counts this sheet's rows in masalah_data.
    if (c.problems > 0) expect(idNumber(/^([\d.]+)/.exec(await text('#result-problems'))![1])).toBe(c.problems);

    // Changes grouped by column and target value; spacing/case-only fixes as one line.
    const tidyChanges = c.topChanges.filter((x) => isTidyOnly(x.from, x.to));
    expect(tidyChanges.length).toBeGreaterThan(1); // the workbook has "kantor cabang" / "KANTOR CABANG" / …
    const groups = page.locator('#result-changes > li.change-group');
    const targets = new Set(c.topChanges.map((x) => JSON.stringify([x.column, x.to])));
    await expect(groups.count()).resolves.toBe(targets.size);
    for (let i = 0; i < targets.size; i++) {
      const g = groups.nth(i);
      const column = (await g.locator('.change-col').textContent()) ?? '';
      const to = (await g.locator('.change-to').textContent()) ?? '';
      const members = c.topChanges.filter((x) => x.column === column && x.to === to);
      expect(members.length).toBeGreaterThan(0);
      expect(idNumber(((await g.locator('.change-target .change-count').textContent()) ?? '').replace('×', ''))).toBe(members.reduce((a, x) => a + x.count, 0));
      const tidy = members.filter((x) => isTidyOnly(x.from, x.to)).reduce((a, x) => a + x.count, 0);
      const tidyLines = await g.locator('.change-tidy').allTextContents();
      expect(tidyLines).toEqual(tidy > 0 ? [`spasi/huruf besar dirapikan ×${tidy.toLocaleString('id-ID')}`] : []);
      // Every other original value has its own line; no spacing/case variant is listed.
      const froms = await g.locator('.change-from').allTextContents();
      expect(froms.sort()).toEqual(members.filter((x) => !isTidyOnly(x.from, x.to)).map((x) => (x.from === '' ? '(kosong)' : x.from)).sort());
    }
    await page.locator('#result').scrollIntoViewIfNeeded();
    await shoot('staff-03-result');

    // A run where nobody edited anything says nothing about it.
    await run();
    await page.locator('#result').waitFor({ timeout: STEP_TIMEOUT });
    await expect(page.locator('#result-edited').count()).resolves.toBe(0);
  });

  it('lists the undo history: what each entry restores, only the newest per sheet enabled, skipped rows said', async () => {
    const log = sheetNamed(LOG_SHEET);
    const kanal = columnOf('Kanal');
    // Staff type a messy value; the next clean makes a second, smaller history entry.
    log.getRange(4, kanal).setValue('KANTOR  cabang');
    // While the run is busy, no "Urungkan" of the existing history may be clicked.
    await page.evaluate(() => {
      const w = window as unknown as { __undoWhileBusy: boolean[]; __undoObserver: MutationObserver };
      w.__undoWhileBusy = [];
      w.__undoObserver = new MutationObserver(() => {
        if (document.getElementById('app')?.getAttribute('aria-busy') !== 'true') return;
        const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('#undo .btn-undo'));
        w.__undoWhileBusy.push(buttons.length > 0 && buttons.every((b) => b.disabled));
      });
      w.__undoObserver.observe(document.getElementById('app')!, { childList: true, subtree: true, attributes: true });
    });
    await run();
    const busyPaints = await page.evaluate(() => {
      const w = window as unknown as { __undoWhileBusy: boolean[]; __undoObserver: MutationObserver };
      w.__undoObserver.disconnect();
      return w.__undoWhileBusy;
    });
    // Paints while busy: the steps of one Clean & Summarize (one server call since issue #12).
    expect(busyPaints.length).toBeGreaterThanOrEqual(3);
    expect(busyPaints.every((allDisabled) => allDisabled)).toBe(true);
    await page.locator('#result').waitFor({ timeout: STEP_TIMEOUT });
    const state = await sidebarState();
    const mine = state.undoHistory.filter((e) => e.sheetName === LOG_SHEET);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.map((e) => e.undoable)).toEqual([true, ...mine.slice(1).map(() => false)]);

    const items = page.locator('#undo-list li.undo-entry');
    await expect(items.count()).resolves.toBe(state.undoHistory.length);
    for (let i = 0; i < state.undoHistory.length; i++) {
      const e = state.undoHistory[i];
      const item = items.nth(i);
      await expect(item.getAttribute('data-entry-id')).resolves.toBe(e.id);
      await expect(item.locator('.undo-sheet').textContent()).resolves.toBe(e.sheetName);
      // The instant in the spreadsheet's zone, formatted in the sidebar from the ISO text.
      await expect(item.locator('.undo-when').textContent()).resolves.toBe(formatDateTime(e.at, 'id', state.timeZone));
      await expect(item.locator('.undo-what').textContent()).resolves.toBe(`${e.rows.toLocaleString('id-ID')} baris · ${e.kind === 'nightly' ? 'Pembaruan malam' : 'Pembersihan'}`);
      await expect(item.locator('.btn-undo').textContent()).resolves.toBe('Urungkan');
      await expect(item.locator('.btn-undo').isDisabled()).resolves.toBe(!e.undoable);
    }
    await page.locator('#undo').scrollIntoViewIfNeeded();
    await shoot('staff-04-history');

    // The row changes again after the clean: undo leaves it alone and says so.
    log.getRange(4, kanal).setValue('Online');
    const newest = mine[0];
    await items.nth(state.undoHistory.indexOf(newest)).locator('.btn-undo').click();
    const confirm = await text('#confirm-text');
    expect(confirm).toContain(`"${LOG_SHEET}"`);
    expect(confirm).toContain(formatDateTime(newest.at, 'id', state.timeZone));
    expect(confirm).toContain(`${newest.rows.toLocaleString('id-ID')} baris`);
    // Cancel keeps everything; the question is asked inside the sidebar.
    await page.locator('#btn-confirm-no').click();
    await expect(page.locator('#confirm').count()).resolves.toBe(0);
    expect(log.getRange(4, kanal).getValue()).toBe('Online');

    // With the nightly refresh on, the undo says the log will be cleaned again tonight.
    await api('setNightly', true, 2);
    await items.nth(state.undoHistory.indexOf(newest)).locator('.btn-undo').click();
    const undone = page.waitForResponse((r) => r.url().endsWith('/api/run') && (r.request().postDataJSON() as { name: string }).name === 'undoLastClean');
    await page.locator('#btn-confirm-yes').click();
    const response = await undone;
    expect((response.request().postDataJSON() as { args: unknown[] }).args).toEqual([newest.id]);
    const reply = (await response.json()) as Reply<UndoResult>;
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.entryId).toBe(newest.id);
    // The cell staff edited after the clean keeps the edit (undo goes cell by cell).
    expect(reply.data.cellsKept).toBeGreaterThanOrEqual(1);
    await page.locator('#undo-skipped').waitFor({ timeout: STEP_TIMEOUT });
    expect(log.getRange(4, kanal).getValue()).toBe('Online');
    await expect(text('#undo-skipped')).resolves.toBe(undoSkippedText('id', reply.data.rowsSkipped, reply.data.cellsKept));
    await expect(text('#undo-nightly')).resolves.toBe(`Pembaruan malam aktif: "${LOG_SHEET}" akan dibersihkan lagi pukul 02:00. Agar tetap seperti sekarang, keluarkan sheet itu dari Sheet terdaftar atau matikan Pembaruan malam.`);
    await api('setNightly', false, 2);
    // The entry is gone and the one before it is now the newest of the log: enabled.
    const after = await sidebarState();
    expect(after.undoHistory.map((e) => e.id)).not.toContain(newest.id);
    const next = after.undoHistory.find((e) => e.sheetName === LOG_SHEET)!;
    expect(next.undoable).toBe(true);
    await expect(page.locator(`#undo-list li.undo-entry[data-entry-id="${next.id}"] .btn-undo`).isDisabled()).resolves.toBe(false);
    await page.locator('#undo').scrollIntoViewIfNeeded();
    await shoot('staff-05-undone');
  });

  it('a confirmed column renamed during a run: the mapping unfolds with the reason and the button waits', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.locator('#btn-mapping-toggle').getAttribute('aria-expanded')).resolves.toBe('false');
    const kanal = columnOf('Kanal');
    const log = sheetNamed(LOG_SHEET);
    // Staff rename "Kanal" while the run reads the sheet: the clean must refuse, not guess.
    const stop = await interceptCall('inspectSheet', (reply) => {
      log.getRange(1, kanal).setValue('Saluran Baru');
      return reply;
    });
    await run();
    await stop();
    await expect(page.locator('#steps li[data-step="membersihkan"]').getAttribute('data-state')).resolves.toBe('failed');
    await expect(page.locator('#run #error').getAttribute('data-code')).resolves.toBe('MAPPING_CHANGED');
    // Unfolded, with the server's reason and what to do.
    await expect(page.locator('#mapping').getAttribute('data-folded')).resolves.toBe('false');
    await expect(page.locator('#btn-mapping-toggle').count()).resolves.toBe(0);
    const blockers = await text('#mapping-blockers');
    expect(blockers).toContain('berubah sejak pemetaan dikonfirmasi');
    expect(blockers).toMatch(/"kanal"/i);
    await expect(text('#mapping-reconfirm')).resolves.toBe('Pemetaan perlu dikonfirmasi lagi: periksa peran kolom di bawah, lalu simpan pemetaan.');
    await expect(page.locator('#columns select').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('#btn-run').isDisabled()).resolves.toBe(true);
    // The button is still first and in view.
    const box = (await page.locator('#btn-run').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
    await shoot('staff-06-mapping-changed');

    // The column gets its name back: the mapping fits again and folds.
    log.getRange(1, kanal).setValue('Kanal');
    await refresh();
    await expect(page.locator('#mapping').getAttribute('data-folded')).resolves.toBe('true');
    await expect(page.locator('#mapping-blockers').count()).resolves.toBe(0);
    await expect(page.locator('#btn-run').isDisabled()).resolves.toBe(false);
  });

  it('a lost state tab: a banner says so, the button is disabled, "Pulihkan status" rebuilds it', async () => {
    const registeredBefore = (await sidebarState()).registered.map((r) => r.name);
    expect(registeredBefore).toEqual([LOG_SHEET]);
    preview.ss.deleteSheet(sheetNamed('_pola_state'));
    await refresh();
    const banner = page.locator('#state-problem');
    await banner.waitFor({ timeout: STEP_TIMEOUT });
    await expect(text('#state-problem-message')).resolves.toBe((await sidebarState()).stateProblem);
    expect((await sidebarState()).stateProblem).toContain('_pola_state');
    await expect(page.locator('#btn-run').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#btn-run').getAttribute('aria-describedby')).resolves.toBe('state-problem-message');
    await expect(page.locator('#btn-rebuild-state').textContent()).resolves.toBe('Pulihkan status');
    // Both in view at 300 × 600, the button still first.
    for (const sel of ['#btn-run', '#btn-rebuild-state']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
    }
    await shoot('staff-07-state-problem');

    const rebuilt = page.waitForResponse((r) => r.url().endsWith('/api/run') && (r.request().postDataJSON() as { name: string }).name === 'rebuildState');
    await page.locator('#btn-rebuild-state').click();
    expect(await (await rebuilt).json()).toEqual({ ok: true, data: true });
    await page.locator('#state-notice').waitFor({ timeout: STEP_TIMEOUT });
    await expect(text('#state-notice')).resolves.toBe('Status dipulihkan dari tab milik Pola Layanan. Pengaturan kembali ke bawaan; periksa Pengaturan.');
    await expect(banner.count()).resolves.toBe(0);
    await expect(page.locator('#btn-run').isDisabled()).resolves.toBe(false);
    const after = await sidebarState();
    expect(after.stateProblem).toBe('');
    expect(after.registered.map((r) => r.name)).toEqual(registeredBefore);
    // The rebuilt state works: the next run succeeds.
    await run();
    await expect(page.locator('#steps li[data-step="meringkas"]').getAttribute('data-state')).resolves.toBe('done');
  });

  it('ran with no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
