/**
 * The counting verb of the summaries, over the columnar visits of each sheet: every combination
 * the tabs need is counted on dense integer codes (typed arrays, KeyCounter), then each distinct
 * combination is expanded once into the reported values (rare free text as OTHER) and added to
 * the run's tallies, which the tab builders (tabs.ts) turn into rows.
 */
import type { VisitRecord } from '../clean';
import type { VisitTable } from '../table';
import { Combos, combosOf } from './combos';
import { bucketKey } from '../peaks';
import { JMO_COMPLAINT_CATEGORIES, JmoComplaintCategory } from '../vocabulary';
import { weekdayOfDay } from '../zone';
import { words } from '../text';
import { KeyCounter } from './counter';
import { Hidden, OTHER, SuppressedField } from './suppress';
import { Tally } from './tally';

/** The service of complaints: only its rows can be JMO complaints. */
export const COMPLAINT_SERVICE = 'Pengaduan';

/** Complaint rows about the JMO app: Pengaduan whose channel is JMO or whose topic names JMO. */
export function jmoComplaintCategory(r: VisitRecord): JmoComplaintCategory | null {
  if (r.service !== COMPLAINT_SERVICE) return null;
  const w = new Set(words(r.topic));
  if (r.channel !== 'JMO' && !w.has('jmo')) return null;
  if (w.has('biometrik') || w.has('biometric') || w.has('wajah')) return 'Gagal Biometrik';
  if (w.has('klaim') && w.has('gagal')) return 'Gagal Klaim';
  if (w.has('akun') && (w.has('error') || w.has('eror') || w.has('bermasalah'))) return 'Error Akun';
  if (w.has('lupa')) return 'Lupa Akun';
  return 'Lainnya';
}

/** A visit field recoded densely for one sheet: a code per combination, and the dictionary code of each. */
interface DenseField {
  codes: Int32Array;
  values: number[];
}

/** Dense codes in first-seen order over the combinations (so over the rows too, see combos.ts). */
function denseField(col: Int32Array, n: number, dictSize: number): DenseField {
  const index = new Int32Array(dictSize).fill(-1);
  const values: number[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const code = col[i] ?? 0;
    let k = index[code] ?? -1;
    if (k < 0) {
      k = index[code] = values.length;
      values.push(code);
    }
    codes[i] = k;
  }
  return { codes, values };
}

/** Decodes a mixed-radix key (radixes of the parts after the first); the first part may be large. */
function split(k: number, radixes: readonly number[]): number[] {
  const out = new Array<number>(radixes.length + 1);
  for (let p = radixes.length - 1; p >= 0; p--) {
    const radix = radixes[p] ?? 1;
    out[p + 1] = k % radix;
    k = Math.floor(k / radix);
  }
  out[0] = k;
  return out;
}

/** What the tabs are built from: counts by reported values, over every sheet of the run. */
export class VisitTallies {
  firstDay = Infinity;
  lastDay = -Infinity;
  readonly daily = new Tally<[number, string, string]>();
  readonly weekly = new Tally<[number, string, string]>();
  /** Visits per (bucketKey, service) and per bucket: the week-of-month tab and the peaks. */
  readonly perBucket = new Tally<[string, string]>();
  readonly bucketTotal = new Map<string, number>();
  readonly distribution = new Tally<[string, string]>();
  readonly byAge = new Tally<[string, string]>();
  readonly byTopic = new Tally<[string, string, string]>();
  readonly byChannel = new Tally<[string, string, string, string]>();
  readonly complaints = new Tally<[string, string, string]>();
  readonly services = new Set<string>();

  constructor(private readonly hidden: Hidden) {}

  /**
   * Counts one sheet's visits into the tallies: the day-by-service-by-channel counts are taken
   * per distinct (day, combination) cell, every other count per distinct combination (combos.ts).
   */
  addSheet(sheetName: string, v: VisitTable, combos: Combos = combosOf(v)): void {
    const dict = v.dict.values;
    const K = combos.size;
    // Each field gets dense codes of its own, so a composite key stays far below 2^53 even with
    // hundreds of thousands of distinct topics.
    const S = denseField(combos.fields.service, K, dict.length);
    const C = denseField(combos.fields.channel, K, dict.length);
    const A = denseField(combos.fields.ageGroup, K, dict.length);
    const G = denseField(combos.fields.generation, K, dict.length);
    const T = denseField(combos.fields.topic, K, dict.length);
    const valueOf = (field: DenseField, code: number | undefined): string => dict[field.values[code ?? -1] ?? -1] ?? '';
    const nS = Math.max(1, S.values.length);
    const nC = Math.max(1, C.values.length);
    const nA = Math.max(1, A.values.length);
    const nG = Math.max(1, G.values.length);
    const nT = Math.max(1, T.values.length);
    const { minDay, maxDay } = combos;
    if (minDay < this.firstDay) this.firstDay = minDay;
    if (maxDay > this.lastDay) this.lastDay = maxDay;
    const days = v.size > 0 ? maxDay - minDay + 1 : 1;
    const cats = JMO_COMPLAINT_CATEGORIES.length;
    const s_ = S.codes;
    const c_ = C.codes;
    const a_ = A.codes;
    const g_ = G.codes;
    const t_ = T.codes;
    // Day keys are offset from the sheet's first day, so a day-by-service-by-channel space stays small.
    const dayService = new KeyCounter(days * nS * nC);
    const serviceChannel = new Int32Array(K);
    for (let k = 0; k < K; k++) serviceChannel[k] = (s_[k] as number) * nC + (c_[k] as number);
    const cells = combos.cells;
    const nSC = nS * nC;
    for (let j = 0; j < cells.size; j++) {
      dayService.add(((cells.day[j] as number) - minDay) * nSC + (serviceChannel[cells.combo[j] as number] as number), cells.rows[j] as number);
    }
    const serviceAge = new KeyCounter(nS * nA);
    const serviceAgeTopic = new KeyCounter(nS * nA * nT);
    const channelMix = new KeyCounter(nS * nC * nA * nG);
    const complaintMix = new KeyCounter((cats + 1) * nG * nA);
    // Only complaints can be JMO complaints: the category is worked out per distinct
    // (service, channel, topic) of the complaint rows alone.
    const complaintService = S.values.map((code) => dict[code] === COMPLAINT_SERVICE);
    const complaintOf = new Map<number, number>();
    for (let k = 0; k < K; k++) {
      const n = combos.rows[k] as number;
      const s = s_[k] as number;
      const c = c_[k] as number;
      const a = a_[k] as number;
      serviceAge.add(s * nA + a, n);
      serviceAgeTopic.add((s * nA + a) * nT + (t_[k] as number), n);
      channelMix.add(((s * nC + c) * nA + a) * nG + (g_[k] as number), n);
      if (!complaintService[s]) continue;
      const key = (s * nC + c) * nT + (t_[k] as number);
      let cat = complaintOf.get(key);
      if (cat === undefined) {
        const found = jmoComplaintCategory({ day: 0, service: valueOf(S, s), channel: valueOf(C, c), topic: valueOf(T, t_[k]), ageGroup: '', generation: '' });
        complaintOf.set(key, (cat = found ? JMO_COMPLAINT_CATEGORIES.indexOf(found) : -1));
      }
      if (cat >= 0) complaintMix.add((cat * nG + (g_[k] as number)) * nA + a, n);
    }
    // Reported values, per distinct code: suppressed ones read OTHER (the JMO complaint
    // categories above were taken from the values themselves, and name no one).
    const shownAs = (field: DenseField, which: SuppressedField): string[] => field.values.map((c) => (this.hidden[which].has(dict[c] ?? '') ? OTHER : dict[c] ?? ''));
    const svs = shownAs(S, 'service');
    const chs = shownAs(C, 'channel');
    const tps = shownAs(T, 'topic');
    const sv = (code: number | undefined): string => svs[code ?? -1] ?? '';
    // Each day's week-of-month bucket, worked out once per day (a day has a cell per service and channel).
    const buckets: (string | undefined)[] = [];
    dayService.forEach((k, count) => {
      const [dd = 0, s, chn] = split(k, [nS, nC]);
      const d = dd + minDay;
      const service = sv(s);
      const channel = chs[chn ?? -1] ?? '';
      this.services.add(service);
      this.daily.add([d, service, channel], count);
      this.weekly.add([d - ((weekdayOfDay(d) + 6) % 7), service, channel], count);
      let bk = buckets[dd];
      if (bk === undefined) buckets[dd] = bk = bucketKey(d);
      this.perBucket.add([bk, service], count);
      this.bucketTotal.set(bk, (this.bucketTotal.get(bk) ?? 0) + count);
      this.distribution.add([service, sheetName], count);
    });
    serviceAge.forEach((k, count) => {
      const [s, a] = split(k, [nA]);
      this.byAge.add([sv(s), valueOf(A, a)], count);
    });
    serviceAgeTopic.forEach((k, count) => {
      const [s, a, tpc] = split(k, [nA, nT]);
      this.byTopic.add([sv(s), valueOf(A, a), tps[tpc ?? -1] ?? ''], count);
    });
    channelMix.forEach((k, count) => {
      const [s, chn, a, g] = split(k, [nC, nA, nG]);
      this.byChannel.add([sv(s), chs[chn ?? -1] ?? '', valueOf(A, a), valueOf(G, g)], count);
    });
    complaintMix.forEach((k, count) => {
      const [cat, g, a] = split(k, [nG, nA]);
      const category = JMO_COMPLAINT_CATEGORIES[cat ?? -1];
      if (category) this.complaints.add([valueOf(G, g), valueOf(A, a), category], count);
    });
  }
}
