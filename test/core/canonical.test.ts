/**
 * Distinct values never collapse (issue #10 item 3): values without a usable key, names of two
 * people and values with different digits stay apart; real typos still merge.
 */
import { canonicalise, dictionaryFor, looksLikeName } from '../../src/core/canonical';

const counted = (pairs: [string, number][]): Map<string, number> => new Map(pairs);
const mapOf = (pairs: [string, number][], role: 'service' | 'channel' | 'topic' = 'topic') => canonicalise(role, counted(pairs), new Map());

test('distinct: Arabic, Chinese, emoji-only and dash-only topics each stay themselves', () => {
  const odd = ['مرحبا بكم', 'شكرا', '你好世界', '谢谢', '😀😀', '🙏', '---', '…', 'Klaim 👍', 'Klaim 👎'];
  const m = mapOf(odd.map((v) => [v, 2]));
  for (const v of odd) expect(m.get(v)).toBe(v);
});

test('distinct: two people\u2019s names are never joined, not even through a third spelling', () => {
  const m = mapOf([
    ['Budi Santoso', 5],
    ['budi santoso', 1],
    ['Budi Santosa', 1],
    ['Siti Aminah', 2],
    ['Siti Aminha', 1],
  ]);
  expect(m.get('budi santoso')).toBe('Budi Santoso');
  expect(m.get('Budi Santosa')).toBe('Budi Santosa');
  expect(m.get('Siti Aminha')).toBe('Siti Aminha');
});

test('distinct: values with other digits, or the same digits in another order, are never joined', () => {
  const m = mapOf([
    ['Antrian 12 34', 5],
    ['Antrian 34 12', 1],
    ['Loket 12', 4],
    ['Lokte 13', 1],
  ]);
  expect(m.get('Antrian 34 12')).toBe('Antrian 34 12');
  expect(m.get('Lokte 13')).toBe('Lokte 13');
});

test('typos of ordinary free text still merge with the most frequent spelling', () => {
  const m = mapOf([
    ['Pelayanan Lambat', 9],
    ['Pelaynan Lambat', 1],
    ['Lambat Pelayanan', 2],
    ['pelayanan lambat.', 1],
  ]);
  for (const v of ['Pelaynan Lambat', 'Lambat Pelayanan', 'pelayanan lambat.']) expect(m.get(v)).toBe('Pelayanan Lambat');
});

test('distinct: the same guards hold beyond the all-pairs limit (thousands of distinct topics)', () => {
  const pairs: [string, number][] = [];
  for (let i = 0; i < 2100; i++) pairs.push([`topik unik ${i}`, 1]);
  pairs.push(['Budi Santoso', 9], ['Budi Santosa', 1], ['你好世界', 3], ['谢谢', 1], ['😀', 2], ['---', 1], ['Antrian 12 34', 5], ['Antrian 34 12', 1]);
  const m = mapOf(pairs);
  for (const v of ['Budi Santosa', '你好世界', '谢谢', '😀', '---', 'Antrian 34 12', 'topik unik 17']) expect(m.get(v)).toBe(v);
});

test('distinct: a non-Latin or emoji value is never mapped onto the built-in vocabulary', () => {
  const m = mapOf([['Informasi 👍', 1], ['معلومات', 1]], 'service');
  expect(m.get('Informasi 👍')).toBe('Informasi 👍');
  expect(m.get('معلومات')).toBe('معلومات');
});

test('distinct: a kamus merge between two values without a key (left by an earlier version) is ignored', () => {
  const dict = dictionaryFor('topic', [
    { kolom: 'topik', asli: '你好世界', baku: 'مرحبا بكم' },
    { kolom: 'topik', asli: '😀😀', baku: '😀😀' },
    { kolom: 'topik', asli: 'Cek sldo', baku: 'Cek Saldo' },
    { kolom: 'topik', asli: '---', baku: 'Lainnya' },
  ]);
  expect(dict.has('你好世界')).toBe(false);
  expect(dict.get('😀😀')).toBe('😀😀');
  expect(dict.get('Cek sldo')).toBe('Cek Saldo');
  // Staff mapping a keyless value onto a real category is a decision, and is kept.
  expect(dict.get('---')).toBe('Lainnya');
});

test('looksLikeName: capitalised words outside the domain vocabulary', () => {
  expect(looksLikeName('Budi Santoso')).toBe(true);
  expect(looksLikeName('Siti Nur Aminah')).toBe(true);
  expect(looksLikeName('Pelayanan Lambat')).toBe(false);
  expect(looksLikeName('Lupa Akun JMO')).toBe(false);
  expect(looksLikeName('budi santoso')).toBe(false);
  expect(looksLikeName('Budi')).toBe(false);
});
