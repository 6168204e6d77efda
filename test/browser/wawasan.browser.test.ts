/**
 * The result card's wawasan part in real Chromium at sidebar size (300 × 600 px), served by the
 * preview server against the emulator and the built bundle (`npm run build` first): the top
 * recommendations and the Wawasan panel from the server's findings, the weekly forecast chart
 * as real SVG nodes, the week-of-month bars when the reply carries `weekOfMonth`, hostile text
 * drawn as text, and the empty state in both languages.
 *
 * The tests share one page and one emulated workbook and run in order.
 * Screenshots go to test-artifacts/wawasan-*.png (gitignored).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Page, type Route } from 'playwright-core';
import { launchChromium } from './chromium';
import { startPreview, type Preview } from '../../tools/preview/server';
import type { Reply, RunResult, SidebarState, SummaryResult } from '../../src/shared/api';
import { topRecommendations } from '../../sidebar/wawasan';
import { supportingNumbersText } from '../../sidebar/format';
import { buildTestWorkbook, XSS_IMG } from './workbook';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const STEP_TIMEOUT = 30_000;
const WIDTH = 300;
const HEIGHT = 600;
const SVG_NS = 'http://www.w3.org/2000/svg';

jest.setTimeout(90_000);

let preview: Preview;
let browser: Browser;
let page: Page;
let workbookFile: string;
const pageErrors: string[] = [];

async function api<T>(name: string, ...args: unknown[]): Promise<T> {
  const res = await fetch(preview.url + 'api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, args }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`/api/run ${name} → HTTP ${res.status} ${text}`);
  const reply = JSON.parse(text) as Reply<T>;
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.message}`);
  return reply.data;
}

const sidebarState = (): Promise<SidebarState> => api<SidebarState>('getSidebarState');

async function refresh(): Promise<void> {
  await page.locator('#btn-refresh').click();
  await page.locator('#app[aria-busy="false"] #btn-refresh:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
}

async function run(): Promise<void> {
  await page.locator('#btn-run').click();
  await page.locator('#app[aria-busy="false"] #btn-refresh:not([disabled])').waitFor({ timeout: STEP_TIMEOUT });
  await page.locator('#result').waitFor({ timeout: STEP_TIMEOUT });
}

/** Answers the summary part of the sidebar's `cleanAndSummarise` calls through `edit(data)`; the server still runs them. */
async function interceptSummary(edit: (data: SummaryResult) => SummaryResult): Promise<{ seen: () => SummaryResult | null; stop: () => Promise<void> }> {
  let seen: SummaryResult | null = null;
  const handler = async (route: Route): Promise<void> => {
    const body = route.request().postDataJSON() as { name?: string } | null;
    if (body?.name !== 'cleanAndSummarise') return route.fallback();
    const response = await route.fetch();
    const reply = (await response.json()) as Reply<RunResult>;
    if (!reply.ok || !reply.data.summary) return route.fulfill({ response, json: reply });
    seen = reply.data.summary;
    await route.fulfill({ response, json: { ...reply, data: { ...reply.data, summary: edit(structuredClone(reply.data.summary)) } } });
  };
  await page.route('**/api/run', handler);
  return { seen: () => seen, stop: () => page.unroute('**/api/run', handler) };
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The main button is inside the 300 × 600 window. */
async function expectButtonInView(): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('#btn-run').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
}

/** What the card's charts hold, read from the live DOM. */
function chartFacts(): Promise<{ id: string; ns: string; tag: string; actual: number; forecast: number; band: number; bars: number; peaks: number; marks: number; labels: string[]; title: string }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#result-charts figure')).map((fig) => {
      const svg = fig.querySelector('svg')!;
      return {
        id: fig.id,
        ns: svg.namespaceURI ?? '',
        tag: svg.tagName,
        actual: svg.querySelectorAll('path.actual').length,
        forecast: svg.querySelectorAll('path.forecast').length,
        band: svg.querySelectorAll('polygon.band').length,
        bars: svg.querySelectorAll('rect.bar').length,
        peaks: svg.querySelectorAll('rect.peak').length,
        marks: svg.querySelectorAll('text.peak-mark').length,
        labels: Array.from(svg.querySelectorAll('text.x-label')).map((t) => t.textContent ?? ''),
        title: svg.querySelector('title')?.textContent ?? '',
      };
    }),
  );
}

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
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (workbookFile) fs.rmSync(path.dirname(workbookFile), { recursive: true, force: true });
});

describe('the result card shows wawasan at 300 × 600 px in Chromium', () => {
  it('after Bersihkan & Ringkas: the top 3 recommendations, the weekly chart as SVG, every finding with its numbers', async () => {
    const spy = await interceptSummary((d) => d);
    await run();
    await spy.stop();
    const summary = spy.seen();
    expect(summary).not.toBeNull();
    const s = summary!;
    expect(s.findings.length).toBeGreaterThan(0);
    expect(s.weeks.length).toBeGreaterThan(1);

    // Top recommendations: the server's first three with a recommendation, text only.
    const top = topRecommendations(s.findings);
    expect(top.length).toBe(Math.min(3, s.findings.filter((f) => f.rekomendasi.trim()).length));
    const recs = page.locator('#result-recs > li.rec');
    await expect(recs.count()).resolves.toBe(top.length);
    for (let i = 0; i < top.length; i++) {
      await expect(recs.nth(i).locator('.rec-finding').textContent()).resolves.toBe(top[i].temuan);
      await expect(recs.nth(i).locator('.rec-action').textContent()).resolves.toBe(top[i].rekomendasi);
      await expect(recs.nth(i).getAttribute('data-kode')).resolves.toBe(top[i].kode);
    }

    // The weekly chart: real SVG nodes, the actual line, the dashed forecast and its band.
    // The server sends no week-of-month rows yet, so only the weekly chart is drawn.
    const charts = await chartFacts();
    expect(charts.map((c) => c.id)).toEqual(s.weekOfMonth?.length ? ['chart-weekly', 'chart-wom'] : ['chart-weekly']);
    const weekly = charts[0];
    expect(weekly.ns).toBe(SVG_NS);
    expect(weekly.tag).toBe('svg');
    // The test workbook's log is short: its reply may hold only the weeks ahead (no backtest).
    expect(weekly.actual).toBe(s.weeks.some((w) => w.actual !== null) ? 1 : 0);
    expect(weekly.forecast).toBe(s.weeks.some((w) => w.forecast !== null) ? 1 : 0);
    expect(weekly.band).toBe(s.weeks.some((w) => w.lo !== null && w.hi !== null) ? 1 : 0);
    expect(weekly.title).toBe('Kunjungan per minggu, dengan prakiraan 8 minggu dan rentang 80 %');
    expect(weekly.labels[0]).toMatch(/^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des)$/);
    const size = await page.locator('#chart-weekly svg').boundingBox();
    expect(size!.width).toBeGreaterThan(150);
    expect(size!.width).toBeLessThanOrEqual(WIDTH);

    // The Wawasan panel lists every finding, with its supporting numbers.
    const items = page.locator('#wawasan-list > li.finding');
    await expect(items.count()).resolves.toBe(s.findings.length);
    for (let i = 0; i < s.findings.length; i++) {
      const f = s.findings[i];
      await expect(items.nth(i).getAttribute('data-kode')).resolves.toBe(f.kode);
      await expect(items.nth(i).locator('.finding-text').textContent()).resolves.toBe(f.temuan);
      if (f.angka) {
        // The tab's `name=value; …` (for Looker Studio) is shown in words and Indonesian numbers.
        const shown = (await items.nth(i).locator('.finding-numbers').textContent()) ?? '';
        expect(shown).toBe(`Angka pendukung: ${supportingNumbersText(f.angka, 'id')}`);
        expect(shown).not.toMatch(/[=_;]/);
      }
    }
    await expect(page.locator('#wawasan-empty').count()).resolves.toBe(0);

    await expectButtonInView();
    await shoot('wawasan-01-result');
    await page.locator('#result-recs').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'wawasan-01-result-view.png') });
  });

  it('draws week-of-month bars with the peak marked when the reply has them, and hostile text stays text', async () => {
    const spy = await interceptSummary((d) => {
      d.weeks[0].monday = XSS_IMG;
      // Two logged weeks before the forecast, so the actual line is drawn as well.
      d.weeks[0].actual = 24;
      d.weeks[1].actual = 31;
      d.findings[0] = { ...d.findings[0], temuan: XSS_IMG, rekomendasi: `<script>window.__xss=2</script>`, angka: XSS_IMG };
      d.weekOfMonth = [
        { week: 1, perWorkingDay: 42, peak: true },
        { week: 1, perWorkingDay: 38, peak: true },
        { week: 2, perWorkingDay: 20, peak: false },
        { week: 3, perWorkingDay: 15, peak: false },
        { week: 4, perWorkingDay: 18, peak: false },
      ];
      return d;
    });
    await run();
    await spy.stop();

    const charts = await chartFacts();
    expect(charts.map((c) => c.id)).toEqual(['chart-weekly', 'chart-wom']);
    // The weekly chart's first x label is the hostile string, as characters.
    expect(charts[0].labels[0]).toBe(XSS_IMG);
    expect(charts[0].actual).toBe(1);
    expect(charts[0].forecast).toBe(1);
    expect(charts[0].band).toBe(1);
    const wom = charts[1];
    expect(wom.ns).toBe(SVG_NS);
    expect(wom.bars).toBe(4);
    expect(wom.peaks).toBe(1);
    expect(wom.marks).toBe(1);
    expect(wom.labels).toEqual(['Mg 1', 'Mg 2', 'Mg 3', 'Mg 4']);
    // The peak bar is week 1, the tallest (mean 40 against 20, 15, 18).
    const heights = await page.$$eval('#chart-wom rect.bar', (rs) => rs.map((r) => Number(r.getAttribute('height'))));
    expect(heights[0]).toBe(Math.max(...heights));
    expect(heights[0] / heights[2]).toBeCloseTo(40 / 15, 1);
    await expect(page.locator('#chart-wom rect.bar').first().getAttribute('class')).resolves.toBe('bar peak');
    await expect(page.locator('#chart-wom figcaption').textContent()).resolves.toBe('\u25B2 puncak');

    // Hostile finding text is text in the card and the panel; nothing ran or loaded.
    await expect(page.locator('#result-recs .rec-finding').first().textContent()).resolves.toBe(XSS_IMG);
    await expect(page.locator('#wawasan-list .finding-text').first().textContent()).resolves.toBe(XSS_IMG);
    await expect(page.locator('#wawasan-list .finding-numbers').first().textContent()).resolves.toBe('Angka pendukung: <img src: x onerror="window.__xss=1">');
    await expect(page.locator('#app img, #app script, #app svg img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();

    await expectButtonInView();
    await shoot('wawasan-02-charts');
    await page.locator('#result-charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'wawasan-02-charts-view.png') });
  });

  it('without findings or weeks the panel says so, in Indonesian and in English', async () => {
    const spy = await interceptSummary((d) => ({ ...d, findings: [], weeks: [], weekOfMonth: undefined }));
    await run();
    await expect(page.locator('#wawasan-empty').textContent()).resolves.toBe('Belum ada wawasan: datanya belum cukup untuk satu temuan pun.');
    await expect(page.locator('#result-recs').count()).resolves.toBe(0);
    await expect(page.locator('#result-charts').count()).resolves.toBe(0);
    await expect(page.locator('#wawasan-title').textContent()).resolves.toBe('Wawasan');

    await api('saveSettings', { ...(await sidebarState()).settings, language: 'en' });
    await refresh();
    await run();
    await spy.stop();
    await expect(page.locator('#wawasan-title').textContent()).resolves.toBe('Insights');
    await expect(page.locator('#wawasan-empty').textContent()).resolves.toBe('No insights yet: the data is not enough for any finding.');
    await shoot('wawasan-03-empty-en');

    // English with data: the chart title and the panel follow the language.
    await run();
    await expect(page.locator('#chart-weekly svg title').first().textContent()).resolves.toBe('Weekly visits, with the 8-week forecast and its 80 % band');
    await expect(page.locator('#result-recs-title').textContent()).resolves.toBe('Top recommendations');
    const numbers = await page.locator('#wawasan-list .finding-numbers').allTextContents();
    for (const shown of numbers) expect(shown).toMatch(/^Supporting numbers: [^=_;]+$/);
    await api('saveSettings', { ...(await sidebarState()).settings, language: 'id' });
    await refresh();
  });

  it('draws week-of-month bars without a peak legend when no week is a peak', async () => {
    const spy = await interceptSummary((d) => ({
      ...d,
      weekOfMonth: [1, 2, 3, 4].map((week) => ({ week, perWorkingDay: 20 + week, peak: false })),
    }));
    await run();
    await spy.stop();
    const wom = (await chartFacts()).find((c) => c.id === 'chart-wom');
    expect(wom?.bars).toBe(4);
    expect(wom?.peaks).toBe(0);
    // The legend explains the peak mark; with no mark on the chart there is nothing to explain.
    await expect(page.locator('#chart-wom figcaption').count()).resolves.toBe(0);
  });

  it('ran offline with no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
