/**
 * The counting verb of the insights, over columnar visits whose text fields are held as codes
 * of distinct combinations (summarise/combos.ts: a million visits repeat a few thousand
 * combinations of service, channel, topic, age group and generation, on a few hundred days).
 * Counts by day read the distinct (day, combination) entries with their visits from typed
 * arrays; the rest are taken per combination; strings are touched once per distinct value.
 *
 * Maps handed on to the rules (wawasan.ts) keep the order in which their keys were first seen
 * in the rows, as a Map filled row by row would: a rule that breaks ties by that order reads
 * the same result either way. (weeklyBy is the exception: its one reader sorts it fully.)
 */
import { Dictionary } from '../table';
import { KeyCounter } from '../summarise/counter';
import { JMO_COMPLAINT_CATEGORIES } from '../vocabulary';
import { jmoComplaintCategory, COMPLAINT_SERVICE } from '../summarise/counts';

/** A text column as codes into `values`; two codes may share a text (they count as one value). */
export interface CodedColumn {
  codes: ArrayLike<number>;
  values: readonly string[];
}

/**
 * The insight input with its text fields coded: each entry is a day and a combination of field
 * values, standing for `weight` visits (1 when absent); each field column holds a combination's
 * code (one combination per visit is fine). Combinations are numbered in the order of their
 * first entry, entries in the order of their first visit.
 */
export interface CodedVisits {
  day: ArrayLike<number>;
  /** The combination of each entry. */
  combo: ArrayLike<number>;
  /** Visits per entry (each entry one visit when absent; then minuteOfDay may be given). */
  weight?: ArrayLike<number>;
  /** Per combination. */
  service: CodedColumn;
  topic: CodedColumn;
  channel: CodedColumn;
  ageGroup: CodedColumn;
  generation: CodedColumn;
  /** Minutes after local midnight of the visit (per entry, without weights), −1 when unknown. */
  minuteOfDay?: ArrayLike<number>;
}

/** Codes a column of text (tests and small inputs; the summaries pass their dictionary codes). */
export function codedColumn(texts: readonly string[]): CodedColumn {
  const dict = new Dictionary();
  const codes = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) codes[i] = dict.code(texts[i] as string);
  return { codes, values: dict.values };
}

/** A column's distinct texts, and for each code the index of its text among them. */
export interface Distinct {
  values: string[];
  of: Int32Array;
}

/** Merges the codes that share a text: per distinct code, never per row. */
export function distinctOf(column: CodedColumn): Distinct {
  const dict = new Dictionary();
  const of = new Int32Array(column.values.length);
  column.values.forEach((v, code) => (of[code] = dict.code(v)));
  return { values: dict.values, of };
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
  /** The distinct service of each combination, and its rows. */
  serviceOf: Int32Array;
  comboRows: Int32Array;
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

/** Per combination, the distinct index of a field's value. */
function perCombo(col: CodedColumn, d: Distinct): Int32Array {
  return Int32Array.from({ length: col.codes.length }, (_, k) => d.of[col.codes[k] as number] as number);
}

/** One pass: the visits of each service on each day, and the rows of each combination. */
export function dailyByService(input: CodedVisits, first: number, span: number): DailyByService {
  const service = distinctOf(input.service);
  const nS = service.values.length;
  const serviceOf = perCombo(input.service, service);
  const counts = new Int32Array(nS * span);
  const comboRows = new Int32Array(serviceOf.length);
  const { day, combo, weight } = input;
  for (let i = 0; i < day.length; i++) {
    const k = combo[i] as number;
    const n = weight ? (weight[i] as number) : 1;
    const at = (serviceOf[k] as number) * span + ((day[i] as number) - first);
    counts[at] = (counts[at] as number) + n;
    comboRows[k] = (comboRows[k] as number) + n;
  }
  const rows = new Int32Array(nS);
  comboRows.forEach((n, k) => {
    const s = serviceOf[k] as number;
    rows[s] = (rows[s] as number) + n;
  });
  return { first, span, service, counts, rows, serviceOf, comboRows };
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
 * Counts for the weekly series and the wawasan rules:
 *  - visits per (service, week) and per (service, topic, week) over the complete weeks, and
 *    JMO complaints per week: one pass over the entries (day, combination, visits);
 *  - information requests per known age group with their topics, and JMO complaints per
 *    (known generation, category): per combination. The category is worked out once per
 *    distinct (channel, topic) of the complaint combinations.
 */
export function weeklyCounts(input: CodedVisits, daily: DailyByService, o: WeeklyOptions): WeeklyCounts {
  const service = daily.service;
  const topic = distinctOf(input.topic);
  const channel = distinctOf(input.channel);
  const age = distinctOf(input.ageGroup);
  const gen = distinctOf(input.generation);
  const K = daily.serviceOf.length;
  const nS = service.values.length;
  const nT = topic.values.length;
  const W = o.weeks;
  const cats = JMO_COMPLAINT_CATEGORIES.length;
  // A topic is followed on its own when it is neither blank nor unknown.
  const topicKept = topic.values.map((t) => Boolean(t) && t !== o.unknown);
  const infoS = indexOf(service, o.infoService);
  const complaintS = indexOf(service, COMPLAINT_SERVICE);
  const unknownA = indexOf(age, o.unknown);
  const unknownG = indexOf(gen, o.unknown);

  // Per combination: its (service, topic) pair among the followed ones (−1: none), its JMO
  // complaint category (−1: none); information requests and complaints counted with its rows.
  const pairOf = new Int32Array(K).fill(-1);
  const pairIds = new Map<number, number>();
  const pairs: number[] = [];
  const catOf = new Int32Array(K).fill(-1);
  const categories = new Map<number, number>();
  const ageRows = new KeyCounter(age.values.length);
  const ageTopic = new KeyCounter(age.values.length * nT);
  const genCat = new KeyCounter(gen.values.length * cats);
  for (let k = 0; k < K; k++) {
    const n = daily.comboRows[k] as number;
    if (n === 0) continue;
    const s = daily.serviceOf[k] as number;
    const t = topic.of[input.topic.codes[k] as number] as number;
    if (topicKept[t]) {
      const key = s * nT + t;
      let p = pairIds.get(key);
      if (p === undefined) pairIds.set(key, (p = pairs.push(key) - 1));
      pairOf[k] = p;
    }
    if (s === infoS) {
      const a = age.of[input.ageGroup.codes[k] as number] as number;
      if (a !== unknownA) {
        ageRows.add(a, n);
        if (topicKept[t]) ageTopic.add(a * nT + t, n);
      }
    }
    if (s === complaintS) {
      const c = channel.of[input.channel.codes[k] as number] as number;
      let cat = categories.get(c * nT + t);
      if (cat === undefined) categories.set(c * nT + t, (cat = categoryIndex(service.values[s] as string, channel.values[c] as string, topic.values[t] as string)));
      catOf[k] = cat;
      const g = gen.of[input.generation.codes[k] as number] as number;
      if (cat >= 0 && g !== unknownG) genCat.add(g * cats + cat, n);
    }
  }

  const whole = new Int32Array(nS * W);
  const pairWeek = new Int32Array(pairs.length * W);
  const jmoWeekly = new Array<number>(W).fill(0);
  const { day, combo, weight } = input;
  const { first, weekOfDay } = o;
  const serviceOf = daily.serviceOf;
  for (let i = 0; i < day.length; i++) {
    const w = weekOfDay[(day[i] as number) - first] as number;
    if (w < 0) continue;
    const k = combo[i] as number;
    const n = weight ? (weight[i] as number) : 1;
    const at = (serviceOf[k] as number) * W + w;
    whole[at] = (whole[at] as number) + n;
    const p = pairOf[k] as number;
    if (p >= 0) pairWeek[p * W + w] = (pairWeek[p * W + w] as number) + n;
    if ((catOf[k] as number) >= 0) jmoWeekly[w] = (jmoWeekly[w] as number) + n;
  }
  return {
    weeklyBy: weeklyMap(service.values, topic.values, whole, pairs, pairWeek, W, o.allTopics),
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

/**
 * The weekly series by `service␟topic` key, built per distinct pair with the keys the row-by-row
 * Map used, so pairs whose keys coincide (a topic spelled like ALL_TOPICS) add up as they did.
 */
function weeklyMap(services: readonly string[], topics: readonly string[], whole: Int32Array, pairs: readonly number[], pairWeek: Int32Array, W: number, allTopics: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const addTo = (key: string, counts: Int32Array): void => {
    if (!counts.some((n) => n > 0)) return;
    const arr = out.get(key);
    if (!arr) out.set(key, Array.from(counts));
    else for (let w = 0; w < W; w++) arr[w] = (arr[w] as number) + (counts[w] as number);
  };
  services.forEach((s, k) => addTo(pair(s, allTopics), whole.subarray(k * W, (k + 1) * W)));
  const nT = topics.length;
  pairs.forEach((key, p) => addTo(pair(services[Math.floor(key / nT)] as string, topics[key % nT] as string), pairWeek.subarray(p * W, (p + 1) * W)));
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
export function counterCounts(input: CodedVisits, daily: DailyByService, from: number, to: number, selfService: readonly string[]): CounterCounts {
  const channel = distinctOf(input.channel);
  const self = new Set(selfService);
  const atCounter = perCombo(input.channel, channel).map((c) => (self.has(channel.values[c] as string) ? 0 : 1));
  const service = daily.service;
  const serviceOf = daily.serviceOf;
  const nS = service.values.length;
  const all = new Int32Array(nS);
  const counter = new Int32Array(nS);
  const times: number[][] = [];
  const allTimes: number[] = [];
  const { day, combo, weight, minuteOfDay } = input;
  for (let i = 0; i < day.length; i++) {
    const d = day[i] as number;
    const k = combo[i] as number;
    const s = serviceOf[k] as number;
    const at = atCounter[k] as number;
    if (d > from && d <= to) {
      const n = weight ? (weight[i] as number) : 1;
      all[s] = (all[s] as number) + n;
      counter[s] = (counter[s] as number) + at * n;
    }
    if (!minuteOfDay) continue;
    const minute = minuteOfDay[i] ?? -1;
    if (at && minute >= 0) {
      const list = times[s] ?? (times[s] = []);
      list.push(minute);
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
