import { escapeXml, weekOfMonthBars, weekOfMonthSvg, weeklyForecastSvg, WeeklyPoint } from '../../sidebar/charts';

/** Every element and attribute of a small SVG string must parse: no raw `<`, `&` or quote leaks. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const re = /<(\/?)([a-z]+)((?:\s+[A-Za-z0-9:-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(svg))) {
    consumed = re.lastIndex;
    if (m[5] !== undefined) {
      expect(m[5]).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
      continue;
    }
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
  }
  expect(consumed).toBe(svg.length);
  expect(stack).toEqual([]);
}

const hostile = `<script>alert("x")</script> & 'q'`;

describe('escapeXml', () => {
  test('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});

describe('weeklyForecastSvg', () => {
  const points: WeeklyPoint[] = [
    { label: '2 Okt', actual: 50, forecast: null, lo: null, hi: null },
    { label: '9 Okt', actual: 60, forecast: null, lo: null, hi: null },
    { label: '16 Okt', actual: 55, forecast: 54, lo: 45, hi: 64 },
    { label: hostile, actual: null, forecast: 52, lo: 40, hi: 66 },
    { label: '30 Okt', actual: null, forecast: 50, lo: 38, hi: 80 },
  ];
  const svg = weeklyForecastSvg(points, { title: hostile, actualLabel: 'Aktual', forecastLabel: 'Prakiraan' });

  test('is well-formed with hostile labels escaped', () => {
    assertWellFormed(svg);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  test('draws the actual line, the dashed forecast and a band with one vertex per bound', () => {
    const actual = /class="actual" d="([^"]+)"/.exec(svg)![1];
    expect(actual.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    const forecast = /class="forecast" d="([^"]+)"/.exec(svg)![1];
    expect(forecast.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    const band = /class="band" points="([^"]+)"/.exec(svg)![1].split(' ');
    expect(band).toHaveLength(6);
    // The axis top is the nice maximum above the largest bound (80 → 100): hi 80 sits at 80 %.
    const ys = band.map((p) => Number(p.split(',')[1]));
    const top = 8;
    const bottom = 120 - 18;
    expect(ys[2]).toBeCloseTo(bottom - 0.8 * (bottom - top), 0);
    expect(svg).toContain('>100<');
  });

  test('an empty series gives an empty, titled chart', () => {
    const empty = weeklyForecastSvg([], { title: 'Kosong' });
    assertWellFormed(empty);
    expect(empty).toContain('<title>Kosong</title>');
    expect(empty).not.toContain('<path');
  });
});

describe('weekOfMonthSvg', () => {
  const bars = [
    { label: 'M1', value: 190, peak: true },
    { label: 'M2', value: 105, peak: false },
    { label: 'M3', value: 75, peak: false },
    { label: 'M4', value: 100, peak: false },
    { label: '<M5>', value: 110, peak: false },
  ];
  const svg = weekOfMonthSvg(bars, { title: 'Minggu ke-', peakLabel: 'puncak' }, (n) => n.toLocaleString('id-ID'));

  test('marks exactly the peak weeks and scales bars to the values', () => {
    assertWellFormed(svg);
    expect(svg.match(/class="bar peak"/g)).toHaveLength(1);
    expect(svg.match(/class="peak-mark"/g)).toHaveLength(1);
    const heights = Array.from(svg.matchAll(/<rect class="bar[^"]*" x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"/g)).map((m) => Number(m[1]));
    expect(heights).toHaveLength(5);
    expect(heights[0] / heights[2]).toBeCloseTo(190 / 75, 1);
    expect(svg).toContain('M1: 190 (puncak)');
    expect(svg).toContain('&lt;M5&gt;');
  });

  test('no peak, no mark', () => {
    const flat = weekOfMonthSvg(bars.map((b) => ({ ...b, peak: false })), { title: 't' });
    expect(flat).not.toContain('peak');
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
