/**
 * Small inline SVG charts for the result card, built as strings (no DOM), so they can be
 * unit-tested under node and inserted with innerHTML. Every label goes through escapeXml;
 * numbers are formatted by the caller's formatter and escaped too.
 */

export function escapeXml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
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

const W = 280;
const H = 120;
const PAD = { left: 28, right: 6, top: 8, bottom: 18 };

const fx = (x: number) => (Math.round(x * 10) / 10).toString();

function frame(title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const mag = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= v) return m * mag;
  return 10 * mag;
}

function yAxis(max: number, format: (n: number) => string): string {
  const y0 = H - PAD.bottom;
  return (
    `<line x1="${PAD.left}" y1="${y0}" x2="${W - PAD.right}" y2="${y0}" stroke="#999" stroke-width="0.5"/>` +
    `<text x="${PAD.left - 3}" y="${PAD.top + 4}" font-size="8" text-anchor="end">${escapeXml(format(max))}</text>` +
    `<text x="${PAD.left - 3}" y="${y0}" font-size="8" text-anchor="end">0</text>`
  );
}

/** Weekly visits as a solid line, the forecast as a dashed line over its shaded interval. */
export function weeklyForecastSvg(points: readonly WeeklyPoint[], text: ChartText, format: (n: number) => string = String): string {
  if (points.length === 0) return frame(text.title, '');
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.actual ?? 0, p.hi ?? 0, p.forecast ?? 0))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / max) * plotH;
  const path = (pick: (p: WeeklyPoint) => number | null) => {
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
  let body = yAxis(max, format);
  if (band.length > 0) {
    const upper = band.map(([i, , hi]) => `${fx(x(i))},${fx(y(hi))}`);
    const lower = band.map(([i, lo]) => `${fx(x(i))},${fx(y(lo))}`).reverse();
    body += `<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="#1a73e8" fill-opacity="0.15" stroke="none"/>`;
  }
  const actual = path((p) => p.actual);
  const forecast = path((p) => p.forecast);
  if (forecast) body += `<path class="forecast" d="${forecast}" fill="none" stroke="#1a73e8" stroke-width="1.5" stroke-dasharray="4 3"><title>${escapeXml(text.forecastLabel ?? '')}</title></path>`;
  if (actual) body += `<path class="actual" d="${actual}" fill="none" stroke="#202124" stroke-width="1.5"><title>${escapeXml(text.actualLabel ?? '')}</title></path>`;
  const ticks = [0, Math.floor((points.length - 1) / 2), points.length - 1].filter((v, i, a) => a.indexOf(v) === i);
  for (const i of ticks) body += `<text x="${fx(x(i))}" y="${H - 5}" font-size="8" text-anchor="middle">${escapeXml(points[i].label)}</text>`;
  return frame(text.title, body);
}

export interface WeekBar {
  /** e.g. "Minggu 1". */
  label: string;
  value: number;
  peak: boolean;
}

/** Bars per week of month; peak weeks are filled in the accent colour and marked with ▲. */
export function weekOfMonthSvg(bars: readonly WeekBar[], text: ChartText, format: (n: number) => string = String): string {
  if (bars.length === 0) return frame(text.title, '');
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / bars.length;
  let body = yAxis(max, format);
  bars.forEach((b, i) => {
    const h = (Math.max(0, b.value) / max) * plotH;
    const x = PAD.left + i * slot + slot * 0.15;
    const y = PAD.top + plotH - h;
    const tip = `${b.label}: ${format(b.value)}${b.peak && text.peakLabel ? ' (' + text.peakLabel + ')' : ''}`;
    body +=
      `<rect class="${b.peak ? 'bar peak' : 'bar'}" x="${fx(x)}" y="${fx(y)}" width="${fx(slot * 0.7)}" height="${fx(h)}" fill="${b.peak ? '#d93025' : '#9aa0a6'}">` +
      `<title>${escapeXml(tip)}</title></rect>`;
    if (b.peak) body += `<text class="peak-mark" x="${fx(x + slot * 0.35)}" y="${fx(Math.max(PAD.top + 6, y - 2))}" font-size="8" text-anchor="middle" fill="#d93025">\u25B2</text>`;
    body += `<text x="${fx(x + slot * 0.35)}" y="${H - 5}" font-size="8" text-anchor="middle">${escapeXml(b.label)}</text>`;
  });
  return frame(text.title, body);
}

/** One ds_puncak row as the sidebar receives it. */
export interface PeakInput {
  week: number;
  perWorkingDay: number;
  peak: boolean;
}

/**
 * Bars for weekOfMonthSvg from ds_puncak rows: the mean visits per working day of each week of
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
