/**
 * The insights' counts on codes (visits.ts) equal what the row-by-row code over text columns
 * counted (the reference below is that code, as it stood in insights/index.ts before the
 * speed-up of issue #12), Map order included where the wawasan rules break ties by it.
 */
import fc from 'fast-check';
import { ALL_TOPICS } from '../../../src/core/insights/changepoints';
import { mondayOf } from '../../../src/core/insights/calendar';
import { CodedColumn, CodedVisits, codedColumn, counterCounts, dailyByService, dayRange, distinctOf, weeklyCounts } from '../../../src/core/insights/visits';
import { jmoComplaintCategory } from '../../../src/core/summarise';
import { UNKNOWN_GROUP } from '../../../src/core/settings';
import { dayNumber } from '../../../src/core/zone';

interface Rows {
  day: number[];
  service: string[];
  topic: string[];
  channel: string[];
  ageGroup: string[];
  generation: string[];
  minuteOfDay: number[];
}

const INFO = 'Informasi';

/** The weekly and rule counts, row by row over text (the reference). */
function reference(rows: Rows, firstMonday: number, weeks: number) {
  const weeklyBy = new Map<string, number[]>();
  const bump = (key: string, w: number) => {
    let arr = weeklyBy.get(key);
    if (!arr) weeklyBy.set(key, (arr = new Array(weeks).fill(0)));
    arr[w] = (arr[w] ?? 0) + 1;
  };
  const jmoWeekly = new Array(weeks).fill(0);
  const infoByAge = new Map<string, { count: number; topics: Map<string, number> }>();
  const jmoByGeneration = new Map<string, Map<string, number>>();
  for (let i = 0; i < rows.day.length; i++) {
    const [d, service, topic, channel, ageGroup, generation] = [rows.day[i]!, rows.service[i]!, rows.topic[i]!, rows.channel[i]!, rows.ageGroup[i]!, rows.generation[i]!];
    const w = Math.floor((d - firstMonday) / 7);
    const inWeeks = w < weeks;
    if (inWeeks) {
      bump(service + '\u241f' + ALL_TOPICS, w);
      if (topic && topic !== UNKNOWN_GROUP) bump(service + '\u241f' + topic, w);
    }
    if (service === INFO && ageGroup !== UNKNOWN_GROUP) {
      let g = infoByAge.get(ageGroup);
      if (!g) infoByAge.set(ageGroup, (g = { count: 0, topics: new Map() }));
      g.count++;
      if (topic && topic !== UNKNOWN_GROUP) g.topics.set(topic, (g.topics.get(topic) ?? 0) + 1);
    }
    const cat = jmoComplaintCategory({ day: d, service, channel, topic, ageGroup: '', generation: '' });
    if (cat) {
      if (inWeeks) jmoWeekly[w]++;
      if (generation !== UNKNOWN_GROUP) {
        let m = jmoByGeneration.get(generation);
        if (!m) jmoByGeneration.set(generation, (m = new Map()));
        m.set(cat, (m.get(cat) ?? 0) + 1);
      }
    }
  }
  return { weeklyBy, jmoWeekly, infoByAge, jmoByGeneration };
}

/** ds_staf's counter counts, row by row over text (the reference). */
function counterReference(rows: Rows, recent: number, end: number, selfService: string[]) {
  const self = new Set(selfService);
  const all = new Map<string, number>();
  const counter = new Map<string, number>();
  const times = new Map<string, number[]>();
  const allTimes: number[] = [];
  for (let i = 0; i < rows.day.length; i++) {
    const s = rows.service[i]!;
    const day = rows.day[i]!;
    const minute = rows.minuteOfDay[i] ?? -1;
    const atCounter = !self.has(rows.channel[i]!);
    if (day > recent && day <= end) {
      all.set(s, (all.get(s) ?? 0) + 1);
      if (atCounter) counter.set(s, (counter.get(s) ?? 0) + 1);
    }
    if (atCounter && minute >= 0) {
      if (!times.has(s)) times.set(s, []);
      times.get(s)!.push(minute);
      allTimes.push(minute);
    }
  }
  return { all, counter, times, allTimes };
}

/** Maps as ordered entry lists, nested maps included, so toEqual also checks the order. */
const ordered = (x: unknown): unknown =>
  x instanceof Map ? Array.from(x, ([k, v]) => [k, ordered(v)]) : Array.isArray(x) ? x.map(ordered) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, ordered(v)])) : x;

/** Codes a text column as a sheet dictionary would, some codes sharing a text (suppressed as Lainnya). */
function sharedCodes(texts: string[]): CodedColumn {
  const { codes, values } = codedColumn(texts);
  // Every value gets a twin code with the same text; odd rows use the twin.
  const twin = Int32Array.from(codes, (c, i) => (i % 2 ? c + values.length : c));
  return { codes: twin, values: [...values, ...values] };
}

/** Each row its own combination. */
function coded(rows: Rows, code: (texts: string[]) => CodedColumn): CodedVisits {
  const combo = rows.day.map((_, i) => i);
  return { day: rows.day, combo, service: code(rows.service), topic: code(rows.topic), channel: code(rows.channel), ageGroup: code(rows.ageGroup), generation: code(rows.generation), minuteOfDay: rows.minuteOfDay };
}

/** Rows grouped into their distinct combinations, numbered in first-row order (as combos.ts does). */
function grouped(rows: Rows, code: (texts: string[]) => CodedColumn): CodedVisits {
  const ids = new Map<string, number>();
  const firstRow: number[] = [];
  const combo = rows.day.map((_, i) => {
    const key = JSON.stringify([rows.service[i], rows.topic[i], rows.channel[i], rows.ageGroup[i], rows.generation[i]]);
    let k = ids.get(key);
    if (k === undefined) ids.set(key, (k = firstRow.push(i) - 1));
    return k;
  });
  const per = (col: string[]) => code(firstRow.map((i) => col[i]!));
  return { day: rows.day, combo, service: per(rows.service), topic: per(rows.topic), channel: per(rows.channel), ageGroup: per(rows.ageGroup), generation: per(rows.generation), minuteOfDay: rows.minuteOfDay };
}

/** Visits grouped into distinct (day, combination) entries weighted by their visits (as the summaries pass them). */
function weighted(rows: Rows, code: (texts: string[]) => CodedColumn): CodedVisits {
  const g = grouped(rows, code);
  const ids = new Map<string, number>();
  const day: number[] = [];
  const combo: number[] = [];
  const weight: number[] = [];
  rows.day.forEach((d, i) => {
    const key = `${d},${g.combo[i]}`;
    let e = ids.get(key);
    if (e === undefined) {
      ids.set(key, (e = day.push(d) - 1));
      combo.push(g.combo[i]!);
      weight.push(0);
    }
    weight[e]!++;
  });
  const { minuteOfDay: _, ...rest } = g;
  return { ...rest, day, combo, weight };
}

function check(rows: Rows, weeksCut: number): void {
  const { first, last } = dayRange(rows.day);
  const span = last - first + 1;
  const firstMonday = mondayOf(first);
  const weeks = Math.max(0, Math.floor((last - firstMonday) / 7) + 1 - weeksCut);
  const weekOfDay = Int32Array.from({ length: span }, (_, d) => {
    const w = Math.floor((first + d - firstMonday) / 7);
    return w < weeks ? w : -1;
  });
  const want = reference(rows, firstMonday, weeks);
  const end = last - 3;
  const wantCounter = counterReference(rows, end - 56, end, ['JMO']);
  const untimed = counterReference({ ...rows, minuteOfDay: rows.day.map(() => -1) }, end - 56, end, ['JMO']);
  for (const input of [coded(rows, codedColumn), coded(rows, sharedCodes), grouped(rows, codedColumn), grouped(rows, sharedCodes), weighted(rows, codedColumn), weighted(rows, sharedCodes)]) {
    const daily = dailyByService(input, first, span);
    const got = weeklyCounts(input, daily, { first, weekOfDay, weeks, allTopics: ALL_TOPICS, unknown: UNKNOWN_GROUP, infoService: INFO });
    // weeklyBy's reader sorts its topics fully (count, then name): only its content counts.
    const sorted = <V,>(m: Map<string, V>) => new Map(Array.from(m).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(ordered({ ...got, weeklyBy: sorted(got.weeklyBy) })).toEqual(ordered({ ...want, weeklyBy: sorted(want.weeklyBy) }));
    // The counter counts are read by service name only.
    const bySorted = (c: typeof wantCounter) => ordered({ all: sorted(c.all), counter: sorted(c.counter), times: sorted(c.times), allTimes: c.allTimes });
    expect(bySorted(counterCounts(input, daily, end - 56, end, ['JMO']))).toEqual(bySorted(input.weight ? untimed : wantCounter));
    // Visits per service per day, against a plain count.
    const perDay = new Map<string, number[]>();
    rows.day.forEach((d, i) => {
      const s = rows.service[i]!;
      if (!perDay.has(s)) perDay.set(s, new Array(span).fill(0));
      perDay.get(s)![d - first]++;
    });
    for (const [s, counts] of perDay) {
      const k = daily.service.values.indexOf(s);
      expect(Array.from(daily.counts.subarray(k * span, (k + 1) * span))).toEqual(counts);
      expect(daily.rows[k]).toBe(counts.reduce((a, b) => a + b, 0));
    }
  }
}

const START = dayNumber(2024, 1, 3);
const pick = (xs: string[]) => fc.constantFrom(...xs);
const row = fc.record({
  day: fc.integer({ min: 0, max: 120 }),
  service: pick([INFO, 'Pengaduan', 'Klaim JHT', 'Lainnya', 'A\u241fB', 'A']),
  topic: pick(['', UNKNOWN_GROUP, ALL_TOPICS, 'KPJ Lama', 'gagal klaim jmo', 'lupa akun', 'biometrik', 'B\u241fC', 'Lainnya']),
  channel: pick(['Kantor Cabang', 'JMO', 'Lapak Asik']),
  ageGroup: pick(['20-27', '28-34', '>42', UNKNOWN_GROUP]),
  generation: pick(['Gen Z', 'Milenial', 'Gen X', UNKNOWN_GROUP]),
  minute: fc.integer({ min: -1, max: 1500 }),
});

function rowsOf(rs: { day: number; service: string; topic: string; channel: string; ageGroup: string; generation: string; minute: number }[]): Rows {
  return {
    day: rs.map((r) => START + r.day),
    service: rs.map((r) => r.service),
    topic: rs.map((r) => r.topic),
    channel: rs.map((r) => r.channel),
    ageGroup: rs.map((r) => r.ageGroup),
    generation: rs.map((r) => r.generation),
    minuteOfDay: rs.map((r) => r.minute),
  };
}

test('weekly, rule and counter counts on codes equal the row-by-row counts on text, order included', () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 3 }), (rs, cut) => check(rowsOf(rs), cut)),
    { numRuns: 150, seed: 12 },
  );
});

test('a topic spelled like ALL_TOPICS adds to its service\'s whole series, as the row-by-row Map did', () => {
  const rows = rowsOf([
    { day: 0, service: INFO, topic: ALL_TOPICS, channel: 'Kantor Cabang', ageGroup: '20-27', generation: 'Gen Z', minute: -1 },
    { day: 1, service: INFO, topic: 'KPJ Lama', channel: 'Kantor Cabang', ageGroup: '20-27', generation: 'Gen Z', minute: -1 },
  ]);
  const input = coded(rows, codedColumn);
  const { first, last } = dayRange(rows.day);
  const daily = dailyByService(input, first, last - first + 1);
  const got = weeklyCounts(input, daily, { first, weekOfDay: new Int32Array([0, 0]), weeks: 1, allTopics: ALL_TOPICS, unknown: UNKNOWN_GROUP, infoService: INFO });
  expect(got.weeklyBy.get(INFO + '\u241f' + ALL_TOPICS)).toEqual([3]);
  expect(got.weeklyBy.get(INFO + '\u241fKPJ Lama')).toEqual([1]);
  check(rows, 0);
});

test('distinctOf merges codes that share a text, per code', () => {
  const d = distinctOf({ codes: [0, 1, 2, 3], values: ['a', 'Lainnya', 'b', 'Lainnya'] });
  expect(d.values).toEqual(['a', 'Lainnya', 'b']);
  expect(Array.from(d.of)).toEqual([0, 1, 2, 1]);
});
