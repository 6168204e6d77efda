/**
 * One run cleans several logs, each with the dictionary as the kamus tab holds it when that log
 * is planned. A staff edit to the kamus tab made after one log's clean wrote it, and before the
 * next log's, must survive the next log's rewrite of the tab (found by an adversarial review: a
 * dictionary carried over from the first log overwrote it).
 */
import { makeAddon, Value } from '../helpers/addon';

const HEADER: Value[] = ['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik'];
const rowsA = (n: number): Value[][] =>
  Array.from({ length: n }, (_, i) => [`${(i % 27) + 1}/05/2023`, `Peserta ${i}`, `${20 + (i % 40)} th`, i % 2 ? 'informasi' : 'keluhan', i % 3 ? 'kantor cabang' : 'JMO', i % 2 ? 'saldo jht' : 'lupa akun jmo']);
const rowsB = (n: number): Value[][] =>
  Array.from({ length: n }, (_, i) => [`${(i % 27) + 1}/06/2023`, `Orang ${i}`, `${25 + (i % 30)} th`, i % 2 ? 'pengaduan' : 'informasi', 'kantor cabang', i % 2 ? 'gagal biometrik jmo' : 'cetak kartu peserta']);
const STAFF_ROW = ['topik', 'antri lama sekali', 'Antrian Lama'];

/** The second run over logs A and B, with a staff correction to the kamus tab at service call `at`. */
function runWithEditAt(at: number) {
  const a = makeAddon([
    { name: 'A', rows: [HEADER, ...rowsA(8)] },
    { name: 'B', rows: [HEADER, ...rowsB(8)] },
  ]);
  a.call('analyzeAll');
  // A new spelling in each log: each clean of the second run rewrites the kamus tab.
  a.sheet('A').getRange(10, 1, 1, 6).setValues([['28/05/2023', 'Peserta baru', '33 th', 'informasi', 'kantor cabang', 'ganti email peserta']]);
  a.sheet('B').getRange(10, 1, 1, 6).setValues([['28/06/2023', 'Orang baru', '33 th', 'informasi', 'kantor cabang', 'ubah alamat rumah']]);
  let between = false;
  a.emu.rt.setInterleave(at, () => {
    const k = a.sheet('kamus');
    const rows = k.getRange(1, 1, k.getLastRow(), 3).getValues();
    // A's clean has written its new spelling and its log; B's log is not written yet.
    between = rows.some((r) => r[1] === 'ganti email peserta') && a.sheet('A').getRange(10, 4).getValue() === 'Informasi' && a.sheet('A').getRange(10, 7).getValue() !== '' && a.sheet('B').getRange(10, 4).getValue() === 'informasi';
    const i = rows.findIndex((r) => r[1] === 'saldo jht');
    k.getRange(i + 1, 3).setValue('Saldo JHT Peserta');
    k.getRange(k.getLastRow() + 1, 1, 1, 3).setValues([STAFF_ROW]);
  });
  a.call('analyzeAll');
  return { between, kamus: a.values('kamus'), b: a.values('B') };
}

test('a staff correction to the kamus tab between two logs of one run is kept, and the second log is cleaned with it', () => {
  let run: ReturnType<typeof runWithEditAt> | null = null;
  for (let at = 100; at < 1500 && !run; at += 7) {
    const r = runWithEditAt(at);
    if (r.between) run = r;
  }
  if (!run) throw new Error('no service call between the two logs\' writes');
  expect(run.kamus.find((x) => x[1] === 'saldo jht')?.[2]).toBe('Saldo JHT Peserta');
  expect(run.kamus.some((x) => x[1] === STAFF_ROW[1] && x[2] === STAFF_ROW[2])).toBe(true);
  // B's own new spelling is in the tab too: the correction did not cost B its entry.
  expect(run.kamus.some((x) => x[1] === 'ubah alamat rumah')).toBe(true);
});
