/**
 * Informal Indonesian as staff type it in a hurry ("blm cair", "sdh lapor tdk ada respon",
 * "no. kpj eror"), turned into a normal form for matching keys only: what staff wrote is never
 * rewritten from here.
 */
import { editDistance, words } from '../text';

/** Chat-style abbreviations and their full word. Only whole words are expanded. */
export const INFORMAL_WORDS: Readonly<Record<string, string>> = {
  blm: 'belum',
  blum: 'belum',
  sdh: 'sudah',
  udh: 'sudah',
  udah: 'sudah',
  tdk: 'tidak',
  gk: 'tidak',
  gak: 'tidak',
  nggak: 'tidak',
  yg: 'yang',
  dgn: 'dengan',
  utk: 'untuk',
  krn: 'karena',
  tgl: 'tanggal',
  bln: 'bulan',
  thn: 'tahun',
  th: 'tahun',
};

/**
 * Product and programme codes. They are kept as they are, never expanded, never read as a typo
 * of another word: "Klaim JHT" and "Klaim JKK" are two different things one letter apart.
 */
export const PRODUCT_CODES: ReadonlySet<string> = new Set(['kpj', 'jht', 'jkk', 'jkm', 'jp', 'jkp', 'jmo', 'bpu']);

/** Words after which a bare "no" is "nomor" ("no kpj", "no hp"). */
const NUMBERED_THINGS = new Set(['kpj', 'hp', 'telp', 'telepon', 'wa', 'nik', 'rek', 'rekening', 'peserta', 'antrian', 'antrean']);

/** The words of a text with informal abbreviations written out: "No. KPJ blm aktif" → nomor kpj belum aktif. */
export function informalWords(text: string): string[] {
  // "no." is the one abbreviation known by its dot: "no" alone is also the English word.
  return expandInformal(words(text.replace(NO_DOT, 'nomor ')));
}

const NO_DOT = /\bno\.(?=\s|\d|$)/gi;

/** True when informalWords(text) is expandInformal(words(text)): the text has no "no." to write out first. */
export function hasNoDot(text: string): boolean {
  NO_DOT.lastIndex = 0;
  const found = NO_DOT.test(text);
  NO_DOT.lastIndex = 0;
  return found;
}

/** The abbreviations among words (as words() gives them) written out. */
export function expandInformal(ws: readonly string[]): string[] {
  return ws.map((w, i) => {
    const next = ws[i + 1];
    if (w === 'no' && next !== undefined && (NUMBERED_THINGS.has(next) || /^\d/.test(next))) return 'nomor';
    // Own entries only: a word like "constructor" or "toString" is a word, not Object's method.
    return Object.prototype.hasOwnProperty.call(INFORMAL_WORDS, w) ? (INFORMAL_WORDS[w] as string) : w;
  });
}

/** A matching key for a topic: its expanded words, sorted and de-duplicated (a fingerprint). */
export function topicMatchKey(text: string): string {
  return Array.from(new Set(informalWords(text))).sort().join(' ');
}

/** Words that must match exactly: numbers, product codes, and one- or two-letter words. */
function isRigid(w: string): boolean {
  return /\d/.test(w) || PRODUCT_CODES.has(w) || w.length <= 2;
}

/** Typos a word may carry: one in a short word (eror/error), two from nine letters on. */
function allowance(a: string, b: string): number {
  if (isRigid(a) || isRigid(b)) return 0;
  return Math.min(a.length, b.length) >= 9 ? 2 : 1;
}

function rigidPart(ws: string[]): string {
  return ws.filter((w) => /\d/.test(w) || PRODUCT_CODES.has(w)).sort().join(' ');
}

/** A topic spelling made ready for mayMergeTopics: its expanded words (de-duplicated, in order) and their rigid part. */
export interface TopicWords {
  readonly words: readonly string[];
  readonly rigid: string;
}

/** The words mayMergeTopics compares a spelling by, worked out once per spelling. */
export function topicWords(text: string): TopicWords {
  const ws = Array.from(new Set(informalWords(text)));
  return { words: ws, rigid: rigidPart(ws) };
}

/** Spellings seen by mayMergeTopics, each with its words (a run compares a few hundred spellings pairwise). */
const TOPIC_WORDS_CACHE = new Map<string, TopicWords>();
const TOPIC_WORDS_CACHE_LIMIT = 8192;

function cachedTopicWords(text: string): TopicWords {
  let tw = TOPIC_WORDS_CACHE.get(text);
  if (tw === undefined) {
    if (TOPIC_WORDS_CACHE.size >= TOPIC_WORDS_CACHE_LIMIT) TOPIC_WORDS_CACHE.clear();
    TOPIC_WORDS_CACHE.set(text, (tw = topicWords(text)));
  }
  return tw;
}

/**
 * May two topic spellings be counted as one topic? Never when they differ in a number or a known
 * product code. Yes when, after abbreviations are written out, they have the same words, or the
 * same words but for one pair within a typo or two ("aplikasi eror" / "aplikasi error").
 */
export function mayMergeTopics(a: string, b: string): boolean {
  return mayMergeTopicWords(cachedTopicWords(a), cachedTopicWords(b));
}

/** mayMergeTopics on spellings made ready by topicWords. */
export function mayMergeTopicWords(ta: TopicWords, tb: TopicWords): boolean {
  const wa = ta.words;
  const wb = tb.words;
  if (wa.length === 0 || wb.length === 0) return false;
  // Both sides must differ in the same number of words (none or one): equal sizes.
  if (wa.length !== wb.length || ta.rigid !== tb.rigid) return false;
  let a1: string | undefined;
  let onlyA = 0;
  for (const w of wa) {
    if (wb.includes(w)) continue;
    if (++onlyA > 1) return false;
    a1 = w;
  }
  if (a1 === undefined) return true;
  let b1: string | undefined;
  for (const w of wb) {
    if (!wa.includes(w)) {
      b1 = w;
      break;
    }
  }
  if (b1 === undefined) return false;
  const allow = allowance(a1, b1);
  return allow > 0 && editDistance(a1, b1, allow) <= allow;
}
