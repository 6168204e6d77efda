import { CHART_HEIGHT, flatten, PAD, SvgNode, textOf, weekOfMonthBars, weekOfMonthChart, weeklyForecastChart, WeeklyPoint } from '../../sidebar/charts';
import { unsafeSvgAttr } from '../../sidebar/svg';

const hostile = `<img src=x onerror="window.__xss=1"> & 'q'`;

const byClass = (tree: SvgNode, cls: string): SvgNode[] => flatten(tree).filter((n) => (n.attrs.class ?? '').split(' ').includes(cls));

/** Every string in the tree is a text child; no attribute carries an event handler or a link. */
function assertInert(tree: SvgNode): void {
  for (const n of flatten(tree)) {
    expect(['svg', 'title', 'line', 'text', 'polygon', 'path', 'rect']).toContain(n.tag);
    for (const name of Object.keys(n.attrs)) expect(unsafeSvgAttr(name)).toBe(false);
  }
}

describe('weeklyForecastChart', () => {
  const points: WeeklyPoint[] = [
    { label: '2 Okt', actual: 50, forecast: null, lo: null, hi: null },
    { label: '9 Okt', actual: 60, forecast: null, lo: null, hi: null },
    { label: hostile, actual: 55, forecast: 54, lo: 45, hi: 64 },
    { label: '23 Okt', actual: null, forecast: 52, lo: 40, hi: 66 },
    { label: '30 Okt', actual: null, forecast: 50, lo: 38, hi: 80 },
  ];
  const tree = weeklyForecastChart(points, { title: hostile, actualLabel: 'Aktual', forecastLabel: 'Prakiraan' });

  test('keeps hostile labels as plain text children, verbatim', () => {
    assertInert(tree);
    expect(tree.tag).toBe('svg');
    expect(tree.attrs['aria-label']).toBe(hostile);
    expect(textOf(tree.children[0] as SvgNode)).toBe(hostile);
    const xLabels = byClass(tree, 'x-label').map(textOf);
    expect(xLabels).toEqual(['2 Okt', hostile, '30 Okt']);
    // The label is one string child, not split or parsed into elements.
    expect(byClass(tree, 'x-label')[1].children).toEqual([hostile]);
    // The edge labels anchor inwards, so neither is cut off at the chart's sides.
    expect(byClass(tree, 'x-label').map((n) => n.attrs['text-anchor'])).toEqual(['start', 'middle', 'end']);
  });

  test('draws the actual line, the dashed forecast and a band with one vertex per bound', () => {
    const actual = byClass(tree, 'actual')[0].attrs.d;
    expect(actual.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    const forecast = byClass(tree, 'forecast')[0];
    expect(forecast.attrs.d.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    expect(forecast.attrs['stroke-dasharray']).toBe('4 3');
    expect(textOf(forecast)).toBe('Prakiraan');
    const band = byClass(tree, 'band')[0].attrs.points.split(' ');
    expect(band).toHaveLength(6);
    // The axis top is the nice maximum above the largest bound (80 → 100): hi 80 sits at 80 %.
    const ys = band.map((p) => Number(p.split(',')[1]));
    const bottom = CHART_HEIGHT - PAD.bottom;
    expect(ys[2]).toBeCloseTo(bottom - 0.8 * (bottom - PAD.top), 0);
    expect(textOf(byClass(tree, 'y-max')[0])).toBe('100');
  });

  test('a gap in the actual series lifts the pen', () => {
    const gap = weeklyForecastChart(
      [
        { label: 'a', actual: 10, forecast: null, lo: null, hi: null },
        { label: 'b', actual: null, forecast: null, lo: null, hi: null },
        { label: 'c', actual: 12, forecast: null, lo: null, hi: null },
      ],
      { title: 't' },
    );
    expect(byClass(gap, 'actual')[0].attrs.d.match(/[ML]/g)).toEqual(['M', 'M']);
    expect(byClass(gap, 'band')).toHaveLength(0);
    expect(byClass(gap, 'forecast')).toHaveLength(0);
  });

  test('an empty series gives an empty, titled chart', () => {
    const empty = weeklyForecastChart([], { title: 'Kosong' });
    expect(empty.children).toEqual([{ tag: 'title', attrs: {}, children: ['Kosong'] }]);
  });

  test('axis numbers go through the formatter', () => {
    const big = weeklyForecastChart([{ label: 'a', actual: 1800, forecast: null, lo: null, hi: null }, { label: 'b', actual: 1900, forecast: null, lo: null, hi: null }], { title: 't' }, (n) =>
      n.toLocaleString('de-DE'),
    );
    expect(textOf(byClass(big, 'y-max')[0])).toBe('2.000');
  });
});

describe('weekOfMonthChart', () => {
  const bars = [
    { label: 'M1', value: 190, peak: true },
    { label: 'M2', value: 105, peak: false },
    { label: 'M3', value: 75, peak: false },
    { label: 'M4', value: 100, peak: false },
    { label: hostile, value: 110, peak: false },
  ];
  const tree = weekOfMonthChart(bars, { title: 'Minggu ke-', peakLabel: 'puncak' }, (n: number) => n.toLocaleString('id-ID'));

  test('marks exactly the peak weeks and scales bars to the values', () => {
    assertInert(tree);
    expect(byClass(tree, 'peak')).toHaveLength(1);
    expect(byClass(tree, 'peak-mark')).toHaveLength(1);
    const heights = byClass(tree, 'bar').map((n) => Number(n.attrs.height));
    expect(heights).toHaveLength(5);
    expect(heights[0] / heights[2]).toBeCloseTo(190 / 75, 1);
    expect(textOf(byClass(tree, 'bar')[0])).toBe('M1: 190 (puncak)');
    expect(byClass(tree, 'x-label').map(textOf)).toEqual(['M1', 'M2', 'M3', 'M4', hostile]);
  });

  test('no peak, no mark', () => {
    const flat = weekOfMonthChart(bars.map((b) => ({ ...b, peak: false })), { title: 't', peakLabel: 'puncak' });
    expect(byClass(flat, 'peak')).toHaveLength(0);
    expect(byClass(flat, 'peak-mark')).toHaveLength(0);
    expect(flatten(flat).map(textOf).join(' ')).not.toContain('puncak');
  });
});

describe('weekOfMonthBars', () => {
  test('averages per week over months and marks weeks flagged in most months', () => {
    const rows = [
      { week: 1, perWorkingDay: 100, peak: true },
      { week: 1, perWorkingDay: 80, peak: true },
      { week: 1, perWorkingDay: 60, peak: false },
      { week: 2, perWorkingDay: 40, peak: true },
      { week: 2, perWorkingDay: 50, peak: false },
      { week: 4, perWorkingDay: 45, peak: false },
    ];
    expect(weekOfMonthBars(rows, (w) => `M${w}`)).toEqual([
      { label: 'M1', value: 80, peak: true },
      { label: 'M2', value: 45, peak: false },
      { label: 'M4', value: 45, peak: false },
    ]);
  });
});

describe('unsafeSvgAttr', () => {
  test('drops handlers, links and styles, keeps drawing attributes', () => {
    for (const a of ['onload', 'ONCLICK', 'href', 'xlink:href', 'style']) expect(unsafeSvgAttr(a)).toBe(true);
    for (const a of ['d', 'points', 'class', 'aria-label', 'viewBox', 'stroke-dasharray']) expect(unsafeSvgAttr(a)).toBe(false);
  });
});
