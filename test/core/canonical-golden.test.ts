/**
 * The canonical mapping pinned byte for byte: thousands of messy spellings (case, typos,
 * punctuation, informal abbreviations, digits, names, non-Latin text, a word that is also a
 * property of Object.prototype) mapped per role, with and without a staff dictionary, on both
 * clustering paths (all pairs, and anchors beyond ALL_PAIRS_LIMIT spellings). The digests were
 * taken from the implementation before the matching work was indexed and cached; any change in
 * which spellings join shows here. The pairwise matchers are also checked against plain
 * reference implementations.
 *
 * Three digests were taken again once: "constructor" in a topic used to be read as Object's
 * method by the informal-word table (its text became the function's source). Without the two
 * spellings holding it, the old and the fixed code give the same digests. The same three were
 * taken again when the vocabulary gained channel and service synonyms (Lapak Asyik, Kntr, Ubah
 * Data…): the spellings are generated from the vocabulary and match against it; with the old
 * vocabulary the code of that commit gives the old digests.
 */
import { createHash } from 'crypto';
import fc from 'fast-check';
import { canonicalise, dictionaryFor, safeText } from '../../src/core/canonical';
import { mayMergeTopics, informalWords } from '../../src/core/logshape/informal';
import { closeFingerprints, closeWordLists, editDistance, redact, typoAllowance, digitsOf, keyable, words } from '../../src/core/text';
import { VOCABULARY, ValueRole } from '../../src/core/vocabulary';

/** A small deterministic generator (LCG), so the spellings are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const EXTRA = [
  'Saldo JHT belum masuk',
  'saldo jht blm masuk',
  'No. KPJ tidak aktif',
  'no kpj tdk aktif',
  'Aplikasi eror',
  'aplikasi error',
  'Antrian 12',
  'Antrian 21',
  'Budi Santoso',
  'Budi Santosa',
  'Siti Aminah',
  'walk-in Budi',
  'Pencairan JKP',
  'Pencairan JKK',
  'constructor object',
  'constructor objekt',
  'Perubahan Tanggal Lahir',
  'Perubahan Nama Ibu Kandung',
  'Verifikasi Wajah Gagal',
  'مرحبا بكم',
  '你好世界',
  '😀 Klaim',
  'email budi@gmail.com',
  'hp 0812 3456 7890',
  'Informasi JHT',
  'Kantor Cabang Madiun',
];

function mutate(v: string, r: () => number): string {
  const k = Math.floor(r() * 10);
  const i = Math.floor(r() * Math.max(1, v.length - 1));
  switch (k) {
    case 0:
      return v.toUpperCase();
    case 1:
      return v.toLowerCase();
    case 2:
      return v.slice(0, i) + v.charAt(i + 1) + v.charAt(i) + v.slice(i + 2); // transposition
    case 3:
      return v.slice(0, i) + v.slice(i + 1); // dropped letter
    case 4:
      return v.slice(0, i) + v.charAt(i) + v.slice(i); // doubled letter
    case 5:
      return v + ['.', ';', ',', ' .', '!'][Math.floor(r() * 5)];
    case 6:
      return v.split(' ').reverse().join(' ');
    case 7:
      return v + ' ' + String(Math.floor(r() * 30));
    case 8:
      return v.replace(/belum/i, 'blm').replace(/tidak/i, 'tdk').replace(/nomor/i, 'no.');
    default:
      return v;
  }
}

function spellings(role: ValueRole, n: number, seed: number): Map<string, number> {
  const r = rng(seed);
  const base = [...VOCABULARY[role].flatMap((e) => [e.canonical, ...e.synonyms]), ...EXTRA];
  const out = new Map<string, number>();
  while (out.size < n) {
    let v = base[Math.floor(r() * base.length)] ?? '';
    const rounds = Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) v = mutate(v, r);
    // Free text beyond the vocabulary: long-tail topics with a serial word, for the anchors path.
    if (r() < 0.3) v = `${v} ${['kasus', 'tiket', 'catatan', 'lapor'][Math.floor(r() * 4)]}${Math.floor(r() * 400)}`;
    v = v.replace(/\s+/g, ' ').trim();
    if (v !== '') out.set(v, (out.get(v) ?? 0) + 1 + Math.floor(r() * 50));
  }
  return out;
}

function digest(role: ValueRole, n: number, seed: number, withDict: boolean): string {
  const counts = spellings(role, n, seed);
  const kamus = withDict
    ? [
        { kolom: 'topik', asli: 'Aplikasi eror', baku: 'Error Aplikasi' },
        { kolom: 'layanan', asli: 'Konsultasi', baku: 'Pengaduan' },
        { kolom: 'kanal', asli: 'WA', baku: 'WhatsApp' },
      ]
    : [];
  const map = canonicalise(role, counts, dictionaryFor(role, kamus));
  const safe = Array.from(map, ([a, b]) => [a, b, safeText(a), safeText(b)]);
  return createHash('sha256').update(JSON.stringify(safe)).digest('hex');
}

const GOLDEN: Record<string, string> = {
  'service/300/1/false': '3c135166429aca028a501a46ab7fe95dc70abcb6073d155119d31c17b608d724',
  'channel/200/2/false': '055aaefd9b01c27f80394dae72617231d3bb0e4e5787bdbf9d78650b25c67978',
  'topic/600/3/false': 'a354884ac725305a8313059a274dd7f649801d8fb7ea02df2700b158d8f5bb8f',
  'topic/600/4/true': 'ac703d8984e4848aa2b5969dc5efe810130fcee83ea9504d53446bc67c7b7b65',
  'service/300/5/true': 'f2c04af93dbf836f5adac1cb723bd740745d03bb5ac72c4af8c64cd989da5179',
  'topic/2600/6/false': '03231b465c4a3c41b322f9c01f4ab59e408884c3d16b4910b971c08de66b678c',
};

test.each([
  ['service', 300, 1, false],
  ['channel', 200, 2, false],
  ['topic', 600, 3, false],
  ['topic', 600, 4, true],
  ['service', 300, 5, true],
  ['topic', 2600, 6, false],
] as [ValueRole, number, number, boolean][])('canonicalise %s over %i spellings (seed %i, kamus %s) is pinned', (role, n, seed, withDict) => {
  const key = `${role}/${n}/${seed}/${withDict}`;
  expect(digest(role, n, seed, withDict)).toBe(GOLDEN[key]);
});

// --- the pairwise matchers against plain reference implementations ---------------------------

function refEditDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push(new Array<number>(b.length + 1).fill(0));
  const row = (i: number): number[] => d[i] as number[];
  for (let j = 0; j <= b.length; j++) row(0)[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row(i)[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((row(i - 1)[j] as number) + 1, (row(i)[j - 1] as number) + 1, (row(i - 1)[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (row(i - 2)[j - 2] as number) + 1);
      row(i)[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return row(a.length)[b.length] as number;
}

function refCloseFingerprints(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return false;
  let total = 0;
  for (let i = 0; i < wa.length; i++) {
    const x = wa[i] as string;
    const y = wb[i] as string;
    const allow = Math.min(typoAllowance(x), typoAllowance(y));
    const d = refEditDistance(x, y, allow);
    if (d > allow) return false;
    total += d;
  }
  return total > 0 && total <= 2;
}

const PRODUCT = new Set(['kpj', 'jht', 'jkk', 'jkm', 'jp', 'jkp', 'jmo', 'bpu']);
function refMayMergeTopics(a: string, b: string): boolean {
  const rigid = (w: string): boolean => /\d/.test(w) || PRODUCT.has(w) || w.length <= 2;
  const rigidPart = (ws: string[]): string => ws.filter((w) => /\d/.test(w) || PRODUCT.has(w)).sort().join(' ');
  const wa = Array.from(new Set(informalWords(a)));
  const wb = Array.from(new Set(informalWords(b)));
  if (wa.length === 0 || wb.length === 0) return false;
  if (rigidPart(wa) !== rigidPart(wb)) return false;
  const onlyA = wa.filter((w) => !wb.includes(w));
  const onlyB = wb.filter((w) => !wa.includes(w));
  if (onlyA.length === 0 && onlyB.length === 0) return true;
  const [a1, b1] = [onlyA[0], onlyB[0]];
  if (onlyA.length !== 1 || onlyB.length !== 1 || a1 === undefined || b1 === undefined) return false;
  const allow = rigid(a1) || rigid(b1) ? 0 : Math.min(a1.length, b1.length) >= 9 ? 2 : 1;
  return allow > 0 && refEditDistance(a1, b1, allow) <= allow;
}

const EMAIL = /[\p{L}\p{N}._%+-]+[@\uff20][\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu;
const NUMBER_RUN = /[+(\uff08\uff0b]*[0-9\uff10-\uff19](?:[0-9\uff10-\uff19 \u00a0\u3000.\-\/()\uff08\uff09\uff0d\uff0e\uff0f]*[0-9\uff10-\uff19])?/g;
const refRedact = (text: string): string => text.replace(EMAIL, '[email]').replace(NUMBER_RUN, (m) => (digitsOf(m).length >= 6 ? '[nomor]' : m));

/** Words made of a few letters, so that random pairs are often one typo apart. */
const word = fc.stringMatching(/^[a-ek0-2]{1,10}$/);
const phrase = fc.array(fc.oneof(word, fc.constantFrom('blm', 'belum', 'no.', 'no', 'kpj', 'jht', 'jkk', 'constructor', 'object', 'objekt')), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

test('editDistance reusing its rows equals a fresh table, whatever the call order', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), fc.constantFrom(0, 1, 2, Infinity)), { minLength: 1, maxLength: 8 }), (calls) => {
      for (const [a, b, max] of calls) expect(editDistance(a, b, max)).toBe(refEditDistance(a, b, max));
    }),
    { numRuns: 300 },
  );
});

test('closeFingerprints and closeWordLists equal the reference', () => {
  fc.assert(
    fc.property(phrase, phrase, (a, b) => {
      expect(closeFingerprints(a, b)).toBe(refCloseFingerprints(a, b));
      if (a !== b) expect(closeWordLists(a.split(' '), b.split(' '))).toBe(refCloseFingerprints(a, b));
    }),
    { numRuns: 2000 },
  );
});

test('mayMergeTopics equals the reference', () => {
  fc.assert(
    fc.property(phrase, phrase, (a, b) => {
      expect(mayMergeTopics(a, b)).toBe(refMayMergeTopics(a, b));
      expect(mayMergeTopics(b, a)).toBe(refMayMergeTopics(b, a));
    }),
    { numRuns: 2000 },
  );
});

test('redact skipping the patterns when nothing can match equals running them', () => {
  const text = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('@', '\uff20', '1', '\uff11', '0812 3456 78', 'a@b.c', ' ')), { maxLength: 8 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(text, (s) => {
      expect(redact(s)).toBe(refRedact(s));
    }),
    { numRuns: 2000 },
  );
});

test('words, keyable and digitsOf skipping NFKD on ASCII text equal the full folding', () => {
  const refFold = (t: string): string => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const refWords = (t: string): string[] => {
    const folded = refFold(t).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    return folded === '' ? [] : folded.split(' ');
  };
  const refKeyable = (t: string): boolean => /[A-Za-z0-9]/.test(refFold(t)) && !/[^\x00-\x7f\s\u00a0\u2000-\u206f]/.test(refFold(t));
  const text = fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('Café', 'ñ', '０８１２', 'Ⅻ', 'ﬁ', '你好', ' ', '-', 'ABC12')), { maxLength: 6 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(text, (t) => {
      expect(words(t)).toEqual(refWords(t));
      expect(keyable(t)).toBe(refKeyable(t));
      expect(digitsOf(t)).toBe(t.normalize('NFKD').replace(/[^0-9]/g, ''));
      expect(safeText(t)).toBe(safeText(t));
    }),
    { numRuns: 2000 },
  );
});

test('a word that is also a property of Object.prototype is a word like any other', () => {
  for (const w of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    expect(informalWords(`klaim ${w} jht`)).toEqual(['klaim', w.toLowerCase(), 'jht']);
  }
});

