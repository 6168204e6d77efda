/**
 * Privacy and distinctness through the exact bundle (issue #10 items 3, 11–15): no personal data
 * in any summary, report or sidebar payload, and distinct values never collapse into one.
 */
import { makeAddon, Value, Addon } from '../helpers/addon';

const HEADER = ['Tanggal', 'Nama Peserta', 'Layanan', 'Kanal', 'Usia', 'Topik'];
const DS_TABS = ['ds_harian', 'ds_mingguan', 'ds_minggu_bulan', 'ds_distribusi', 'ds_usia', 'ds_topik', 'ds_kanal', 'ds_keluhan_jmo', 'ds_puncak', 'info_ringkasan'];

/** A visit row on a May 2023 day, with plain values unless given. */
function visit(day: number, over: Partial<Record<'name' | 'service' | 'channel' | 'topic', string>> = {}): Value[] {
  return [`${day}/05/2023`, over.name ?? 'Peserta Umum', over.service ?? 'Informasi', over.channel ?? 'Kantor Cabang', 30, over.topic ?? 'KPJ Lama'];
}

/** Cleans the sheet `Log`, writes masalah_data and every summary tab; returns the clean result. */
function runAll(a: Addon): any {
  const res = a.call('cleanSheet', a.sheet('Log').getSheetId());
  a.call('writeReports');
  a.call('summarise');
  return res;
}

/** Every cell text of the given tabs (tabs that do not exist are skipped). */
function textOf(a: Addon, tabs: string[]): string[] {
  const out: string[] = [];
  for (const tab of tabs) if (a.ss.getSheetByName(tab)) for (const row of a.values(tab)) for (const c of row) out.push(String(c));
  return out;
}

const leaks = (cells: string[], needle: RegExp): string[] => cells.filter((c) => needle.test(c));

test('distinct: Arabic, Chinese, emoji-only and dash-only topics stay four topics, in the log and in kamus, also after undo and a new clean', () => {
  const odd = ['مرحبا بكم', '你好世界', '😀😀', '---'];
  const rows: Value[][] = [HEADER];
  for (const t of odd) for (let i = 0; i < 3; i++) rows.push(visit(22 + i, { topic: t, name: `Orang ${t} ${i}` }));
  const a = makeAddon([{ name: 'Log', rows }]);
  const check = (): void => {
    const topics = a.values('Log').slice(1).map((r) => r[5]);
    expect(new Set(topics)).toEqual(new Set(odd));
    for (const t of odd) expect(topics.filter((x) => x === t)).toHaveLength(3);
    const merges = a.values('kamus').slice(1).filter((r) => r[0] === 'topik' && r[1] !== r[2]);
    expect(merges).toEqual([]);
    const dsTopics = new Set(a.table('ds_topik').map((r) => r.topik));
    for (const t of odd) expect(dsTopics.has(t)).toBe(true);
  };
  runAll(a);
  check();
  a.call('undoLastClean');
  runAll(a);
  check();
});

test('distinct: two people\u2019s names in the topic column are never clustered into one', () => {
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < 3; i++) rows.push(visit(22 + i, { topic: 'Budi Santoso' }));
  rows.push(visit(25, { topic: 'Budi Santosa' }));
  const a = makeAddon([{ name: 'Log', rows }]);
  runAll(a);
  expect(a.values('Log')[4][5]).toBe('Budi Santosa');
});

test('distinct: values that differ in a digit are never clustered, even with the digits reordered', () => {
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < 3; i++) rows.push(visit(22 + i, { topic: 'Antrian 12 34' }));
  rows.push(visit(25, { topic: 'Antrian 34 12' }));
  const a = makeAddon([{ name: 'Log', rows }]);
  runAll(a);
  expect(a.values('Log')[4][5]).toBe('Antrian 34 12');
});

test.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#ERROR!', '#NAME?', '#NUM!', '#NULL!'])(
  'privacy: a formula error %s never becomes a service, channel or topic in any ds_ tab nor in kamus',
  (err) => {
    const rows: Value[][] = [HEADER];
    for (let i = 0; i < 4; i++) rows.push(visit(22 + i));
    const a = makeAddon([{ name: 'Log', rows }]);
    const sheet = a.sheet('Log');
    for (let r = 2; r <= 5; r++) for (const c of [3, 4, 6]) sheet.__setCell(r, c, { formula: '=VLOOKUP(A1,X!A:B,2,0)', value: err });
    runAll(a);
    expect(leaks(textOf(a, [...DS_TABS, 'kamus']), /^#[A-Z/0!?]+/)).toEqual([]);
    // Treated as unknown: the four visits are still counted, under "Tidak diketahui".
    const kanal = a.table('ds_kanal');
    expect(kanal.map((r) => [r.layanan, r.kanal, r.jumlah])).toEqual([['Tidak diketahui', 'Tidak diketahui', 4]]);
    expect(a.table('ds_topik').map((r) => r.topik)).toEqual(['Tidak diketahui']);
    // The formula cells are never written.
    expect(sheet.getRange(2, 3).getFormula()).toBe('=VLOOKUP(A1,X!A:B,2,0)');
  },
);

test('privacy: WA 0812\u2026 in the channel column and Walk-in <name> in the service column never reach a ds_ tab or kamus', () => {
  const rows: Value[][] = [HEADER];
  // Three rows each, so small-count suppression alone cannot hide them: redaction must.
  for (let i = 0; i < 3; i++) rows.push(visit(22 + i, { channel: 'WA 0812-3456-7890' }));
  for (let i = 0; i < 3; i++) rows.push(visit(22 + i, { name: 'Budi Santoso', service: 'Walk-in Budi Santoso' }));
  const a = makeAddon([{ name: 'Log', rows }]);
  runAll(a);
  const cells = textOf(a, [...DS_TABS, 'kamus']);
  expect(leaks(cells, /0812|3456|7890/)).toEqual([]);
  expect(leaks(cells, /Budi|Santoso/)).toEqual([]);
  expect(a.table('ds_kanal').some((r) => r.kanal === 'WA [nomor]')).toBe(true);
  // The log itself keeps what staff typed.
  expect(a.values('Log')[1][3]).toBe('WA 0812-3456-7890');
});

test.each([
  ['(0351) 123456'],
  ['0812/3456/7890'],
  ['0812 3456 7890'],
  ['+62 812-3456-7890'],
  ['\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10'],
  ['budi.santoso@gmail'],
  ['12345678901'],
  ['3201234567890001'],
])('privacy: %s in a topic, a service or a channel reaches no ds_ tab, kamus or masalah_data', (secret) => {
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < 3; i++) rows.push(visit(22 + i, { topic: `hubungi ${secret}`, service: `Titip ${secret}`, channel: `WA ${secret}` }));
  const a = makeAddon([{ name: 'Log', rows }]);
  runAll(a);
  const cells = textOf(a, [...DS_TABS, 'kamus', 'masalah_data']);
  const core = secret.normalize('NFKC').replace(/[^0-9a-z]/gi, '').slice(-6);
  expect(cells.filter((c) => c.normalize('NFKC').replace(/[^0-9a-z]/gi, '').includes(core))).toEqual([]);
  expect(a.table('ds_topik').map((r) => r.topik)).toContain(secret.includes('@') ? 'hubungi [email]' : 'hubungi [nomor]');
});

test('privacy: another person\u2019s name typed into a topic once is reported as Lainnya in every ds_ tab (k = 3)', () => {
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < 5; i++) rows.push(visit(22 + i, { topic: 'Cek saldo' }));
  rows.push(visit(26, { name: 'Andi Wijaya', topic: 'titipan Sri Wahyuni' }));
  rows.push(visit(26, { name: 'Andi Wijaya', service: 'Legalisir Sri Wahyuni', channel: 'Dititip Sri Wahyuni' }));
  const a = makeAddon([{ name: 'Log', rows }]);
  runAll(a);
  expect(leaks(textOf(a, DS_TABS), /Sri|Wahyuni/)).toEqual([]);
  const topik = a.table('ds_topik');
  expect(topik.find((r) => r.topik === 'Lainnya')?.jumlah).toBe(1);
  expect(topik.find((r) => r.topik === 'Cek saldo')?.jumlah).toBe(5);
  // "Dititip Sri Wahyuni" is a name run as a whole ("[nama]"): a channel that is nothing but
  // personal data names no channel, so it is unknown rather than a rare one.
  expect(a.table('ds_kanal').find((r) => r.layanan === 'Lainnya' && r.kanal === 'Tidak diketahui')?.jumlah).toBe(1);
  // Built-in vocabulary is never suppressed, however rare.
  expect(topik.find((r) => r.topik === 'KPJ Lama')?.jumlah).toBe(1);
});

test('privacy: the sidebar\u2019s topChanges show redacted values only', () => {
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < 3; i++) rows.push(visit(22 + i, { topic: 'hubungi  0812 3456 7890', channel: 'wa  budi@mail.id' }));
  const a = makeAddon([{ name: 'Log', rows }]);
  const res = runAll(a);
  const shown = JSON.stringify(res.topChanges);
  expect(shown).not.toMatch(/3456|7890|budi@/);
  expect(shown).toContain('hubungi [nomor]');
  expect(shown).toContain('wa [email]');
});

test('privacy: topChanges name a free-text value held by fewer than 3 rows only when it is built-in vocabulary', () => {
  const rows: Value[][] = [HEADER];
  rows.push(visit(22, { topic: 'titipan  Sri Wahyuni' }));
  rows.push(visit(23, { service: 'informasi' }));
  const a = makeAddon([{ name: 'Log', rows }]);
  const res = runAll(a);
  const shown = JSON.stringify(res.topChanges);
  expect(shown).not.toMatch(/Sri|Wahyuni/);
  expect(res.topChanges).toContainEqual(expect.objectContaining({ from: 'informasi', to: 'Informasi', count: 1 }));
});

test('privacy: a rare service staff mapped to in kamus is shown; the same rarity without kamus is Lainnya', () => {
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < 3; i++) rows.push(visit(22 + i));
  rows.push(visit(25, { service: 'legalisir dok' }));
  // Staff edit the add-on's own kamus tab (a tab they create themselves is never taken over).
  const run = (kamus: Value[][]): Record<string, Value>[] => {
    const a = makeAddon([{ name: 'Log', rows: rows.map((r) => r.slice()) }]);
    runAll(a);
    if (kamus.length) {
      const tab = a.sheet('kamus');
      tab.getRange(tab.getLastRow() + 1, 1, kamus.length - 1, 3).setValues(kamus.slice(1));
      runAll(a);
    }
    return a.table('ds_kanal');
  };
  const vetted = run([['kolom', 'asli', 'baku'], ['layanan', 'legalisir dok', 'Legalisir']]);
  expect(vetted.find((r) => r.layanan === 'Legalisir')?.jumlah).toBe(1);
  const free = run([]);
  expect(free.map((r) => r.layanan)).not.toContain('legalisir dok');
  expect(free.find((r) => r.layanan === 'Lainnya')?.jumlah).toBe(1);
});
