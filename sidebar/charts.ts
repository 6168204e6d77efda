/**
 * Small inline SVG charts for the result card, described as a plain element tree (no DOM), so
 * they can be unit-tested under node. The sidebar turns a tree into nodes with `svgElement`
 * (sidebar/svg.ts): labels are string children and become text nodes, never markup, so no
 * escaping is needed and none is done here.
 */

/** The SVG elements the charts use; the DOM helper creates nothing else. */
export type SvgTag = 'svg' | 'title' | 'line' | 'text' | 'polygon' | 'path' | 'rect';

export interface SvgNode {
  tag: SvgTag;
  attrs: Record<string, string>;
  /** Strings are text (a label, a tooltip), never parsed. */
  children: (SvgNode | string)[];
}

export interface WeeklyPoint {
  /** Label of the week on the x axis, e.g. "9 Okt". */
  label: string;
  /** Visits logged that week; null for future weeks. */
  actual: number | null;
  /** Forecast and its interval; null for weeks without a forecast. */
  forecast: number | null;
  lo: number | null;
  hi: number | null;
}

export interface ChartText {
  /** Accessible title (read by screen readers, shown as a tooltip). */
  title: string;
  actualLabel?: string;
  forecastLabel?: string;
  peakLabel?: string;
}

const CHART_WIDTH = 280;
export const CHART_HEIGHT = 120;
const W = CHART_WIDTH;
const H = CHART_HEIGHT;
export const PAD = { left: 28, right: 6, top: 8, bottom: 18 };

const fx = (x: number) => (Math.round(x * 10) / 10).toString();

function node(tag: SvgTag, attrs: Record<string, string | number>, ...children: (SvgNode | string)[]): SvgNode {
  const out: Record<string, string> = {};
  for (const k of Object.keys(attrs)) out[k] = typeof attrs[k] === 'number' ? fx(attrs[k] as number) : String(attrs[k]);
  return { tag, attrs: out, children };
}

/** The chart scales with the card (viewBox), up to its natural size. */
function frame(title: string, cls: string, body: SvgNode[]): SvgNode {
  return node(
    'svg',
    { class: `chart ${cls}`, viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': title, preserveAspectRatio: 'xMidYMid meet' },
    node('title', {}, title),
    ...body,
  );
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const mag = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= v) return m * mag;
  return 10 * mag;
}

function yAxis(max: number, format: (n: number) => string): SvgNode[] {
  const y0 = H - PAD.bottom;
  return [
    node('line', { class: 'axis', x1: PAD.left, y1: y0, x2: W - PAD.right, y2: y0, stroke: '#999', 'stroke-width': 0.5 }),
    node('text', { class: 'y-max', x: PAD.left - 3, y: PAD.top + 4, 'font-size': 9, 'text-anchor': 'end' }, format(max)),
    node('text', { class: 'y-zero', x: PAD.left - 3, y: y0, 'font-size': 9, 'text-anchor': 'end' }, format(0)),
  ];
}

/** Edge labels anchor inwards so they are not cut off at the chart's sides. */
function xLabel(x: number, label: string, anchor: 'start' | 'middle' | 'end' = 'middle'): SvgNode {
  return node('text', { class: 'x-label', x, y: H - 5, 'font-size': 9, 'text-anchor': anchor }, label);
}

/** Weekly visits as a solid line, the forecast as a dashed line over its shaded 80 % interval. */
export function weeklyForecastChart(points: readonly WeeklyPoint[], text: ChartText, format: (n: number) => string = String): SvgNode {
  if (points.length === 0) return frame(text.title, 'chart-weekly', []);
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.actual ?? 0, p.hi ?? 0, p.forecast ?? 0))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / max) * plotH;
  // A gap (null) lifts the pen, so the line never bridges weeks without a value.
  const path = (pick: (p: WeeklyPoint) => number | null): string => {
    let d = '';
    let pen = false;
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null || !isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${fx(x(i))} ${fx(y(v))}`;
      pen = true;
    });
    return d;
  };
  const band = points.map((p, i) => [i, p.lo, p.hi] as const).filter(([, lo, hi]) => lo !== null && hi !== null) as [number, number, number][];
  const body = yAxis(max, format);
  if (band.length > 0) {
    const upper = band.map(([i, , hi]) => `${fx(x(i))},${fx(y(hi))}`);
    const lower = band.map(([i, lo]) => `${fx(x(i))},${fx(y(lo))}`).reverse();
    body.push(node('polygon', { class: 'band', points: [...upper, ...lower].join(' '), fill: '#1a73e8', 'fill-opacity': 0.15, stroke: 'none' }));
  }
  const forecast = path((p) => p.forecast);
  const actual = path((p) => p.actual);
  if (forecast) {
    body.push(
      node('path', { class: 'forecast', d: forecast, fill: 'none', stroke: '#1a73e8', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }, node('title', {}, text.forecastLabel ?? '')),
    );
  }
  if (actual) body.push(node('path', { class: 'actual', d: actual, fill: 'none', stroke: '#202124', 'stroke-width': 1.5 }, node('title', {}, text.actualLabel ?? '')));
  const ticks = [0, Math.floor((points.length - 1) / 2), points.length - 1].filter((v, i, a) => a.indexOf(v) === i);
  for (const i of ticks) {
    const point = points[i];
    if (point === undefined) continue;
    const anchor = points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle';
    body.push(xLabel(x(i), point.label, anchor));
  }
  return frame(text.title, 'chart-weekly', body);
}

export interface WeekBar {
  /** e.g. "Mg 1". */
  label: string;
  value: number;
  peak: boolean;
}

/** Bars per week of month; peak weeks are filled in the accent colour and marked with ▲. */
export function weekOfMonthChart(bars: readonly WeekBar[], text: ChartText, format: (n: number) => string = String): SvgNode {
  if (bars.length === 0) return frame(text.title, 'chart-wom', []);
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / bars.length;
  const body = yAxis(max, format);
  bars.forEach((b, i) => {
    const h = (Math.max(0, b.value) / max) * plotH;
    const x = PAD.left + i * slot + slot * 0.15;
    const y = PAD.top + plotH - h;
    const tip = `${b.label}: ${format(b.value)}${b.peak && text.peakLabel ? ' (' + text.peakLabel + ')' : ''}`;
    body.push(node('rect', { class: b.peak ? 'bar peak' : 'bar', x, y, width: slot * 0.7, height: h, fill: b.peak ? '#d93025' : '#9aa0a6' }, node('title', {}, tip)));
    if (b.peak) {
      body.push(node('text', { class: 'peak-mark', x: x + slot * 0.35, y: Math.max(PAD.top + 6, y - 2), 'font-size': 8, 'text-anchor': 'middle', fill: '#d93025' }, '\u25B2'));
    }
    body.push(xLabel(x + slot * 0.35, b.label));
  });
  return frame(text.title, 'chart-wom', body);
}

/** One ds_puncak row as the sidebar receives it. */
export interface PeakInput {
  week: number;
  perWorkingDay: number;
  peak: boolean;
}

/**
 * Bars for weekOfMonthChart from ds_puncak rows: the mean visits per working day of each week of
 * month over the months, a peak when more than half of the months flag that week.
 */
export function weekOfMonthBars(rows: readonly PeakInput[], label: (week: number) => string): WeekBar[] {
  const bars: WeekBar[] = [];
  for (let week = 1; week <= 5; week++) {
    const mine = rows.filter((r) => r.week === week);
    if (mine.length === 0) continue;
    const value = mine.reduce((s, r) => s + r.perWorkingDay, 0) / mine.length;
    bars.push({ label: label(week), value: Math.round(value * 10) / 10, peak: mine.filter((r) => r.peak).length * 2 > mine.length });
  }
  return bars;
}

/** Every node of a tree (depth first), for tests and the DOM helper's checks. */
export function flatten(tree: SvgNode): SvgNode[] {
  const out: SvgNode[] = [tree];
  for (const c of tree.children) if (typeof c !== 'string') out.push(...flatten(c));
  return out;
}

/** The text of a node, as textContent would give it. */
export function textOf(n: SvgNode): string {
  return n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
