/**
 * Text keys for matching messy categorical values (OpenRefine's fingerprint keyer) and a small
 * edit distance for typos.
 */
import { at } from './table';

/** Trims and collapses inner whitespace: the spelling we show and store. */
export function tidy(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Lowercase ASCII-folded words without punctuation. */
export function words(s: string): string[] {
  // ASCII text has nothing to decompose or strip: NFKD leaves it as it is.
  const folded = (NON_ASCII.test(s) ? s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return folded === '' ? [] : folded.split(' ');
}

/**
 * OpenRefine's fingerprint: trim, lowercase, strip punctuation, fold accents, split on whitespace,
 * sort and de-duplicate the tokens, join. "Prosedur  klaim JHT." ≡ "jht klaim prosedur".
 */
export function fingerprint(s: string): string {
  return Array.from(new Set(words(s))).sort().join(' ');
}

/** The letters alone, so "LapakAsik" meets "Lapak Asik". */
export function squashKey(s: string): string {
  return words(s).join('');
}

/** The three rows editDistance works in, kept from call to call (grown when a word is longer). */
let rowScratch: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition). Transpositions
 * are the commonest typing slip ("Infromasi"), which plain Levenshtein counts as two edits.
 * Stops early once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > rowScratch[0].length) rowScratch = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  // Rows are reused from call to call: every cell read is written first in the same call.
  let prev2 = rowScratch[0];
  let prev = rowScratch[1];
  let cur = rowScratch[2];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(prev, j) + 1, at(cur, j - 1) + 1, at(prev, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(prev2, j - 2) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return at(prev, n);
}

/** How many typos a word of this length may carry and still be the same word. */
export function typoAllowance(word: string): number {
  // Numbers are never "typos" of each other: 12345678901 and 12345678902 are two KPJ numbers.
  if (/\d/.test(word)) return 0;
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/**
 * True when two fingerprints differ only by typos: the same number of words, each pair within
 * its allowance. Short words (JMO, JHT, KPJ) must match exactly, so "Gagal Klaim JMO" never
 * becomes "Gagal Klaim JHT".
 */
export function closeFingerprints(a: string, b: string): boolean {
  if (a === b) return true;
  return closeWordLists(a.split(' '), b.split(' '));
}

/**
 * closeFingerprints of two different fingerprints given as their words (fingerprint.split(' ')),
 * for callers that compare each fingerprint with many others.
 */
export function closeWordLists(wa: readonly string[], wb: readonly string[]): boolean {
  if (wa.length !== wb.length) return false;
  let total = 0;
  for (let i = 0; i < wa.length; i++) {
    const x = at(wa, i);
    const y = at(wb, i);
    if (x === y) continue;
    // Words under five letters allow no typo (typoAllowance): no need to look further.
    if (x.length < 5 || y.length < 5) return false;
    const allow = Math.min(typoAllowance(x), typoAllowance(y));
    // Two different words with no typo allowed are never close.
    if (allow === 0) return false;
    const d = editDistance(x, y, allow);
    if (d > allow) return false;
    total += d;
  }
  return total > 0 && total <= 2;
}

/**
 * The values Sheets shows for a formula that failed. They say "no value here", never a category,
 * so the summaries count such a cell as unknown.
 */
const FORMULA_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|ERROR!|NAME\?|NUM!|NULL!|SPILL!|CALC!|LOADING\.{0,3})$/i;

export function isFormulaError(s: string): boolean {
  return s.length <= 12 && s.charCodeAt(0) === 35 /* # */ && FORMULA_ERROR.test(s.trim());
}

/**
 * True when the matching keys (fingerprint, squashed key) stand for the whole value: there is at
 * least one Latin letter or digit, and no letter, digit or symbol the keys would drop (Arabic,
 * Chinese, emoji). Only such values may be merged with a different spelling; for the others the
 * keys are empty or blind to what tells two values apart.
 */
export function keyable(s: string): boolean {
  const folded = NON_ASCII.test(s) ? s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : s;
  return /[A-Za-z0-9]/.test(folded) && !/[^\x00-\x7f\s\u00a0\u2000-\u206f]/.test(folded);
}

/** The digits of a value in order ("０８１２" counts as "0812"): two values with different digits are different things. */
export function digitsOf(s: string): string {
  return (NON_ASCII.test(s) ? s.normalize('NFKD') : s).replace(/[^0-9]/g, '');
}

/** A run of digits with the separators people type in phone, KPJ and NIK numbers. */
const NUMBER_RUN = /[+(\uff08\uff0b]*[0-9\uff10-\uff19](?:[0-9\uff10-\uff19 \u00a0\u3000.\-\/()\uff08\uff09\uff0d\uff0e\uff0f]*[0-9\uff10-\uff19])?/g;
/** An e-mail address, with or without a top-level domain ("nama@gmail"). */
const EMAIL = /[\p{L}\p{N}._%+-]+[@\uff20][\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu;
/** A character NUMBER_RUN may start with a run of (every run holds one). */
const ANY_DIGIT = /[0-9\uff10-\uff19]/;
/** Fewer digits than this are counts, ages, years or queue numbers, not identifiers. */
const MIN_IDENTIFIER_DIGITS = 6;

/**
 * Removes personal data from free text before it leaves the log: digit runs long enough to be an
 * identifier (KPJ, NIK, phone numbers, however grouped, full-width digits too), e-mail addresses,
 * and the row's own personal values (its name).
 */
export function redact(text: string, personal: readonly string[] = []): string {
  let out = text;
  // Most values hold neither an at sign nor a digit: the patterns are not run (nor compiled) for them.
  if (out.indexOf('@') >= 0 || out.indexOf('\uff20') >= 0) out = out.replace(EMAIL, '[email]');
  if (ANY_DIGIT.test(out)) out = out.replace(NUMBER_RUN, (m) => (digitsOf(m).length >= MIN_IDENTIFIER_DIGITS ? '[nomor]' : m));
  for (const p of personal) {
    const value = tidy(p);
    if (value.length < 3 || /^\d+$/.test(value)) continue;
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(escaped, 'gi'), '[nama]');
  }
  return out;
}

/** Whether redacted text is nothing but what was redacted ("[nomor]", "[nama] [email]"): it says nothing else. */
export function onlyRedacted(text: string): boolean {
  return /^(\[(nomor|nama|email)\]\W*)+$/.test(text);
}

/**
 * Replaces runs of two or more capitalised words that are not words of the domain ("Budi
 * Santoso" in "Walk-in Budi Santoso", "Sri Wahyuni" in "titipan Sri Wahyuni") with `[nama]`:
 * another person's name typed into a service, channel or topic must not reach a summary, even
 * when three rows hold it. A false alarm ("Bank Mandiri Syariah") costs a less specific label.
 */
export function redactNameRuns(text: string, isDomainWord: (lowerWord: string) => boolean): string {
  // A title before a capitalised word is a name however short: "pak Budi", "Bu Sari", "Sdri. Ani",
  // and "an. Sugeng", "a.n. Sugeng", "u.p. Hartono" (atas nama, untuk perhatian: with their dots,
  // or "Need an update" would lose its words).
  text = text.replace(/\b(pak|bu|ibu|bapak|sdr|sdri|saudara|saudari|mas|mbak|bpk|a\.?n\.|u\.p\.)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/gi, (_m, title: string) => `${title} [nama]`);
  return text.replace(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b/g, (run) => {
    const parts = run.split(/\s+/);
    const names = parts.filter((p) => !isDomainWord(p.toLowerCase()));
    return names.length >= 2 && names.length === parts.length ? '[nama]' : run;
  });
}

/** A personal value as the sidebar may show it: enough to recognise the column, not the person. */
export function maskPersonal(v: string): string {
  return v.length <= 1 ? v : v.charAt(0) + '\u2022'.repeat(Math.min(6, v.length - 1));
}
