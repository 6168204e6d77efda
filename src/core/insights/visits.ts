/**
 * The counting verb of the insights, over columnar visits whose text fields are held as codes
 * (a VisitTable's dictionary codes): every count the insight tabs need is taken on integer codes
 * in typed arrays, one pass over the rows per stage, and strings are touched once per distinct
 * value. A million visits then cost a few typed-array passes, not a million string lookups.
 *
 * Maps handed on to the rules (wawasan.ts) keep the order in which their keys were first seen
 * in the rows, as a Map filled row by row would: a rule that breaks ties by that order reads
 * the same result either way. (weeklyBy is the exception: its one reader sorts it fully.)
 */
import { KeyCounter } from '../summarise/counter';
import { JMO_COMPLAINT_CATEGORIES } from '../vocabulary';
import { jmoComplaintCategory, COMPLAINT_SERVICE } from '../summarise/counts';

/** A text column as codes into `values`; two codes may share a text (they count as one value). */
export interface CodedColumn {
  codes: ArrayLike<number>;
  values: readonly string[];
}

/** The insight input with its text fields coded: one entry per valid visit, in row order. */
export interface CodedVisits {
  day: ArrayLike<number>;
  service: CodedColumn;
  topic: CodedColumn;
  channel: CodedColumn;
  ageGroup: CodedColumn;
  generation: CodedColumn;
  /** Minutes after local midnight of the visit, −1 when unknown. */
  minuteOfDay?: ArrayLike<number>;
}

/** Codes a column of text (tests and small inputs; the summaries pass their dictionary codes). */
export function codedColumn(texts: readonly string[]): CodedColumn {
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    let c = index.get(t);
    if (c === undefined) {
      c = values.length;
      values.push(t);
      index.set(t, c);
    }
    codes[i] = c;
  }
  return { codes, values };
}

/** A column's distinct texts, and for each code the index of its text among them. */
export interface Distinct {
  values: string[];
  of: Int32Array;
}

/** Merges the codes that share a text: per distinct code, never per row. */
export function distinctOf(column: CodedColumn): Distinct {
  const index = new Map<string, number>();
  const values: string[] = [];
  const of = new Int32Array(column.values.length);
  column.values.forEach((v, code) => {
    let k = index.get(v);
    if (k === undefined) {
      k = values.length;
      values.push(v);
      index.set(v, k);
    }
    of[code] = k;
  });
  return { values, of };
}

/** The index of a text among distinct values, −1 when absent. */
const indexOf = (d: Distinct, text: string): number => d.values.indexOf(text);

/** Visits per service per day, over the days first..first+span-1. */
export interface DailyByService {
  first: number;
  span: number;
  service: Distinct;
  /** counts[s * span + (day - first)]. */
  counts: Int32Array;
  /** Visits per service over all days. */
  rows: Int32Array;
}

/** The first and last day of the visits (Infinity, −Infinity when there are none). */
export function dayRange(day: ArrayLike<number>): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < day.length; i++) {
    const d = day[i] as number;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return { first, last };
}

/** One pass: the visits of each service on each day. */
export function dailyByService(input: CodedVisits, first: number, span: number): DailyByService {
  const service = distinctOf(input.service);
  const nS = service.values.length;
  const counts = new Int32Array(nS * span);
  const rows = new Int32Array(nS);
  const day = input.day;
  const codes = input.service.codes;
  const of = service.of;
  for (let i = 0; i < day.length; i++) {
    const s = of[codes[i] as number] as number;
    const k = s * span + ((day[i] as number) - first);
    counts[k] = (counts[k] as number) + 1;
    rows[s] = (rows[s] as number) + 1;
  }
  return { first, span, service, counts, rows };
}

/** What the weekly series, the information-by-age rule and the JMO rules read. */
export interface WeeklyCounts {
  /** `service␟topic` (and `service␟ALL`) → visits per week, as a Map filled row by row held them (in another order). */
  weeklyBy: Map<string, number[]>;
  jmoWeekly: number[];
  infoByAge: Map<string, { count: number; topics: Map<string, number> }>;
  jmoByGeneration: Map<string, Map<string, number>>;
}

export interface WeeklyOptions {
  first: number;
  /** Week index of each day first..first+span-1 within the complete weeks, −1 outside them. */
  weekOfDay: Int32Array;
  weeks: number;
  /** The topic key of a service's whole series (ALL_TOPICS). */
  allTopics: string;
  /** The unknown age group / generation / topic (UNKNOWN_GROUP). */
  unknown: string;
  infoService: string;
}

/** Pair keys as the row-by-row Map built them: `a + '␟' + b`. */
const pair = (a: string, b: string): string => a + '\u241f' + b;

/**
 * Per-row counts on codes for the weekly series and the wawasan rules:
 *  - visits per (service, week) and per (service, topic, week) over the complete weeks;
 *  - information requests per known age group, with their topics;
 *  - JMO complaints per week and per (known generation, category), the category worked out
 *    once per distinct (channel, topic) of the complaint rows.
 */
export function weeklyCounts(input: CodedVisits, service: Distinct, o: WeeklyOptions): WeeklyCounts {
  const topic = distinctOf(input.topic);
  const channel = distinctOf(input.channel);
  const age = distinctOf(input.ageGroup);
  const gen = distinctOf(input.generation);
  const nS = service.values.length;
  const nT = topic.values.length;
  const nC = channel.values.length;
  const nA = age.values.length;
  const nG = gen.values.length;
  const W = o.weeks;
  // A topic is followed on its own when it is neither blank nor unknown.
  const topicKept = new Uint8Array(nT);
  topic.values.forEach((t, k) => (topicKept[k] = t && t !== o.unknown ? 1 : 0));
  const infoS = indexOf(service, o.infoService);
  const complaintS = indexOf(service, COMPLAINT_SERVICE);
  const unknownA = indexOf(age, o.unknown);
  const unknownG = indexOf(gen, o.unknown);
  const cats = JMO_COMPLAINT_CATEGORIES.length;

  const whole = new Int32Array(nS * W);
  const serviceTopic = new KeyCounter(nS * nT * W);
  const ageRows = new KeyCounter(nA);
  const ageTopic = new KeyCounter(nA * nT);
  const jmoWeekly = new Array<number>(W).fill(0);
  const genCat = new KeyCounter(nG * cats);
  // Category (index, −1 for none) of a complaint's (channel, topic), −2 until worked out.
  const catOf = new CategoryCache(nC * nT);

  const day = input.day;
  const first = o.first;
  const weekOfDay = o.weekOfDay;
  const sc = input.service.codes;
  const tc = input.topic.codes;
  const cc = input.channel.codes;
  const ac = input.ageGroup.codes;
  const gc = input.generation.codes;
  const sOf = service.of;
  const tOf = topic.of;
  for (let i = 0; i < day.length; i++) {
    const s = sOf[sc[i] as number] as number;
    const t = tOf[tc[i] as number] as number;
    const w = weekOfDay[(day[i] as number) - first] as number;
    if (w >= 0) {
      whole[s * W + w] = (whole[s * W + w] as number) + 1;
      if (topicKept[t]) serviceTopic.add((s * nT + t) * W + w);
    }
    if (s === infoS) {
      const a = age.of[ac[i] as number] as number;
      if (a !== unknownA) {
        ageRows.add(a);
        if (topicKept[t]) ageTopic.add(a * nT + t);
      }
    }
    if (s === complaintS) {
      const c = channel.of[cc[i] as number] as number;
      let cat = catOf.get(c * nT + t);
      if (cat === -2) cat = catOf.set(c * nT + t, categoryIndex(service.values[s] as string, channel.values[c] as string, topic.values[t] as string));
      if (cat >= 0) {
        if (w >= 0) jmoWeekly[w] = (jmoWeekly[w] as number) + 1;
        const g = gen.of[gc[i] as number] as number;
        if (g !== unknownG) genCat.add(g * cats + cat);
      }
    }
  }
  return {
    weeklyBy: weeklyMap(service.values, topic.values, whole, serviceTopic, W, o.allTopics),
    jmoWeekly,
    infoByAge: infoMap(age.values, topic.values, ageRows, ageTopic),
    jmoByGeneration: generationMap(gen.values, genCat, cats),
  };
}

/** The JMO complaint category of a (service, channel, topic), as an index; −1 for none. */
function categoryIndex(service: string, channel: string, topic: string): number {
  const cat = jmoComplaintCategory({ day: 0, service, channel, topic, ageGroup: '', generation: '' });
  return cat ? JMO_COMPLAINT_CATEGORIES.indexOf(cat) : -1;
}

/** Small-integer values by integer key: a typed array for a small key space, else a Map. */
class CategoryCache {
  private readonly dense: Int8Array | null;
  private readonly sparse = new Map<number, number>();
  constructor(space: number) {
    this.dense = space <= 1 << 24 ? new Int8Array(Math.max(1, space)).fill(-2) : null;
  }
  get(key: number): number {
    return this.dense ? (this.dense[key] as number) : (this.sparse.get(key) ?? -2);
  }
  set(key: number, value: number): number {
    if (this.dense) this.dense[key] = value;
    else this.sparse.set(key, value);
    return value;
  }
}

/**
 * The weekly series by `service␟topic` key, built per distinct pair with the keys the row-by-row
 * Map used, so pairs whose keys coincide (a topic spelled like ALL_TOPICS) add up as they did.
 */
function weeklyMap(services: readonly string[], topics: readonly string[], whole: Int32Array, serviceTopic: KeyCounter, W: number, allTopics: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const addTo = (key: string, counts: ArrayLike<number>): void => {
    const arr = out.get(key);
    if (!arr) out.set(key, Array.from(counts));
    else for (let w = 0; w < W; w++) arr[w] = (arr[w] as number) + (counts[w] as number);
  };
  services.forEach((s, k) => {
    const counts = whole.subarray(k * W, (k + 1) * W);
    if (counts.some((n) => n > 0)) addTo(pair(s, allTopics), counts);
  });
  // Per distinct (service, topic): its weeks' counts gathered from the (pair, week) keys.
  const nT = topics.length;
  const byPair = new Map<number, number[]>();
  serviceTopic.forEach((key, n) => {
    const p = Math.floor(key / W);
    let arr = byPair.get(p);
    if (!arr) byPair.set(p, (arr = new Array<number>(W).fill(0)));
    arr[key % W] = n;
  });
  for (const [p, counts] of byPair) addTo(pair(services[Math.floor(p / nT)] as string, topics[p % nT] as string), counts);
  return out;
}

/** Information requests per known age group (first-seen order) with their topics. */
function infoMap(ages: readonly string[], topics: readonly string[], ageRows: KeyCounter, ageTopic: KeyCounter): Map<string, { count: number; topics: Map<string, number> }> {
  const out = new Map<string, { count: number; topics: Map<string, number> }>();
  ageRows.forEach((a, count) => out.set(ages[a] as string, { count, topics: new Map() }));
  const nT = topics.length;
  ageTopic.forEach((key, n) => out.get(ages[Math.floor(key / nT)] as string)?.topics.set(topics[key % nT] as string, n));
  return out;
}

/** JMO complaints per known generation (first-seen order) and category. */
function generationMap(gens: readonly string[], genCat: KeyCounter, cats: number): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  genCat.forEach((key, n) => {
    const g = gens[Math.floor(key / cats)] as string;
    let m = out.get(g);
    if (!m) out.set(g, (m = new Map()));
    m.set(JMO_COMPLAINT_CATEGORIES[key % cats] as string, n);
  });
  return out;
}

/** Per service: visits in the window (from, to], those at a counter, and the times of counter visits. */
export interface CounterCounts {
  all: Map<string, number>;
  counter: Map<string, number>;
  times: Map<string, number[]>;
  allTimes: number[];
}

/** One pass over the rows for ds_staf's counter share and busiest hour. */
export function counterCounts(input: CodedVisits, service: Distinct, from: number, to: number, selfService: readonly string[]): CounterCounts {
  const channel = distinctOf(input.channel);
  const self = new Set(selfService);
  const atCounter = new Uint8Array(channel.values.length);
  channel.values.forEach((c, k) => (atCounter[k] = self.has(c) ? 0 : 1));
  const nS = service.values.length;
  const all = new Int32Array(nS);
  const counter = new Int32Array(nS);
  const times: number[][] = [];
  const allTimes: number[] = [];
  const { day, minuteOfDay } = input;
  const sc = input.service.codes;
  const cc = input.channel.codes;
  for (let i = 0; i < day.length; i++) {
    const d = day[i] as number;
    const s = service.of[sc[i] as number] as number;
    const at = atCounter[channel.of[cc[i] as number] as number] as number;
    if (d > from && d <= to) {
      all[s] = (all[s] as number) + 1;
      counter[s] = (counter[s] as number) + at;
    }
    const minute = minuteOfDay ? (minuteOfDay[i] ?? -1) : -1;
    if (at && minute >= 0) {
      (times[s] ??= []).push(minute);
      allTimes.push(minute);
    }
  }
  const out: CounterCounts = { all: new Map(), counter: new Map(), times: new Map(), allTimes };
  service.values.forEach((v, s) => {
    if (all[s]) out.all.set(v, all[s] as number);
    if (counter[s]) out.counter.set(v, counter[s] as number);
    const t = times[s];
    if (t) out.times.set(v, t);
  });
  return out;
}
