/**
 * The preview's drawing of embedded charts: an SVG from a chart's recorded spec (type, options,
 * ranges) and its ranges' current values, read from the emulator's internal grids so drawing is
 * not a service call. Line and column charts (stacked or not), the first range's first column as
 * the domain, numHeaders rows of series names; other chart types are drawn as columns. Every
 * label is escaped: sheet values are text, never markup.
 */
import type { EmuSheet, EmuSpreadsheet } from '../emulator';
import type { ChartRecord } from '../emulator/chart';
import { csvText } from '../runner/io';
import { intlZoneClock } from '../emulator/dates';

export interface ChartView {
  chartId: number;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  svg: string;
}

const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24', '#5c6bc0', '#f06292'];

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Every chart of a sheet, drawn. */
export function chartViews(ss: EmuSpreadsheet, sheet: EmuSheet): ChartView[] {
  const clock = intlZoneClock(ss._timeZone);
  return sheet._charts.list.map((c) => {
    const r = c.ranges[0];
    const source = r ? ss._sheets.find((s) => s._sheetId === r.sheetId) : undefined;
    const cells: string[][] = [];
    if (r && source) {
      for (let i = 0; i < r.numRows; i++) {
        const row: string[] = [];
        for (let k = 0; k < r.numCols; k++) row.push(csvText(source._values.get(r.row - 1 + i, r.col - 1 + k), clock));
        cells.push(row);
      }
    }
    const width = Number(c.options.width) || 600;
    const height = Number(c.options.height) || 370;
    return { chartId: c.chartId, anchorRow: c.anchorRow, anchorColumn: c.anchorColumn, offsetX: c.offsetX, offsetY: c.offsetY, width, height, svg: chartSvg(c, cells, width, height) };
  });
}

/** The chart as an SVG string; `cells` is its first range as display text (header rows first). */
export function chartSvg(c: Pick<ChartRecord, 'type' | 'options' | 'numHeaders'>, cells: string[][], width: number, height: number): string {
  const headers = Math.max(0, c.numHeaders < 0 ? 1 : c.numHeaders);
  const names = (cells[0] ?? []).slice(1).map((h, k) => (headers > 0 ? h : `Seri ${k + 1}`));
  const rows = cells.slice(headers);
  const labels = rows.map((r) => r[0] ?? '');
  const num = (v: string | undefined): number | null => (v === undefined || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  const series = names.map((_, k) => rows.map((r) => num(r[k + 1])));
  const colors = Array.isArray(c.options.colors) ? (c.options.colors as string[]) : typeof c.options.colors === 'string' ? String(c.options.colors).split(',') : PALETTE;
  const stacked = c.options.isStacked === true;
  const title = String(c.options.title ?? '');
  const m = { top: 36, right: 16, bottom: 64, left: 48 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  let max = 0;
  rows.forEach((_, i) => {
    if (stacked) max = Math.max(max, series.reduce((s, v) => s + (v[i] ?? 0), 0));
    else for (const v of series) max = Math.max(max, v[i] ?? 0);
  });
  max = niceMax(max);
  const y = (v: number) => m.top + ph - (max > 0 ? (v / max) * ph : 0);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="Roboto,Arial,sans-serif">`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff" stroke="#dadce0"/>`);
  out.push(`<text x="${m.left}" y="22" font-size="14" fill="#202124">${escapeXml(title)}</text>`);
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    out.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#eee"/>`);
    out.push(`<text x="${m.left - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#5f6368">${escapeXml(fmt(v))}</text>`);
  }
  const n = Math.max(1, rows.length);
  const step = pw / n;
  const labelEvery = Math.max(1, Math.ceil(n / 12));
  labels.forEach((l, i) => {
    if (i % labelEvery) return;
    const x = m.left + step * (i + 0.5);
    out.push(`<text x="${x.toFixed(1)}" y="${m.top + ph + 14}" font-size="10" text-anchor="middle" fill="#5f6368">${escapeXml(l)}</text>`);
  });
  if (c.type === 'LINE') {
    series.forEach((v, k) => {
      const pts = v.map((val, i) => (val === null ? null : `${(m.left + step * (i + 0.5)).toFixed(1)},${y(val).toFixed(1)}`));
      const own = (c.options.series as Record<string, { lineDashStyle?: number[]; lineWidth?: number }> | undefined)?.[String(k)];
      const dash = Array.isArray(own?.lineDashStyle) ? ` stroke-dasharray="${own.lineDashStyle.map(Number).join(' ')}"` : '';
      const lw = Number(own?.lineWidth) || 2;
      // A gap (blank cell) breaks the line, as in Sheets.
      let run: string[] = [];
      const flush = () => {
        if (run.length) out.push(`<polyline fill="none" stroke="${escapeXml(colors[k % colors.length] ?? '#000')}" stroke-width="${lw}"${dash} points="${run.join(' ')}"/>`);
        run = [];
      };
      for (const p of pts) (p === null ? flush() : run.push(p));
      flush();
    });
  } else {
    const groups = stacked ? 1 : Math.max(1, series.length);
    const bw = (step * 0.7) / groups;
    rows.forEach((_, i) => {
      let base = 0;
      series.forEach((v, k) => {
        const val = v[i] ?? 0;
        if (val <= 0) return;
        const x = m.left + step * i + step * 0.15 + (stacked ? 0 : k * bw);
        const top = y(base + val);
        const h = y(base) - top;
        out.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${escapeXml(colors[k % colors.length] ?? '#000')}"/>`);
        if (stacked) base += val;
      });
    });
  }
  let x = m.left;
  names.forEach((name, k) => {
    const ly = height - 18;
    out.push(`<rect x="${x.toFixed(1)}" y="${ly - 9}" width="10" height="10" fill="${escapeXml(colors[k % colors.length] ?? '#000')}"/>`);
    out.push(`<text x="${(x + 14).toFixed(1)}" y="${ly}" font-size="11" fill="#202124">${escapeXml(name)}</text>`);
    x += 30 + 6.5 * name.length;
  });
  out.push('</svg>');
  return out.join('');
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= v) return f * p;
  return 10 * p;
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}
