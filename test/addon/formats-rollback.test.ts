/**
 * A failed write to the log is rolled back in full, number formats included. A patch's formats
 * are set before its values; when the values call fails, that patch was never recorded as
 * written, so its formats stayed changed (the date column kept yyyy-mm-dd over the staff's own
 * format). Found by an adversarial review; see cleanSheetFlow's rollback.
 */
import { makeAddon, Value } from '../helpers/addon';
import { EmuRange } from '../../tools/emulator';

const HEADER: Value[] = ['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik'];
const rows: Value[][] = Array.from({ length: 8 }, (_, i) => [`${i + 1}/05/2023`, `Peserta ${i}`, `${30 + i} th`, i % 2 ? 'informasi' : 'keluhan', 'kantor cabang', 'saldo jht']);

test.each([1, 2, 3])('the log write number %i fails: the log keeps its values and its formats', (failing) => {
  const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows] }]);
  const log = a.sheet('Log');
  // The staff's own format under the dates (text), which the clean would replace with a date format.
  log.getRange(2, 1, rows.length, 1).setNumberFormat('@');
  const values = a.values('Log');
  const formats = log.getRange(1, 1, log.getLastRow(), log.getLastColumn()).getNumberFormats();
  const original = EmuRange.prototype.setValues;
  let logWrites = 0;
  EmuRange.prototype.setValues = function (this: EmuRange, v: Parameters<typeof original>[0]) {
    if (this.getSheet().getName() === 'Log' && ++logWrites === failing) throw new Error('Service Spreadsheets failed while accessing document');
    return original.call(this, v);
  };
  let ok: boolean;
  try {
    ok = a.reply('cleanSheet', log.getSheetId()).ok;
  } finally {
    EmuRange.prototype.setValues = original;
  }
  expect(ok).toBe(false);
  expect(a.values('Log').map((r) => r.slice(0, 6))).toEqual(values.map((r) => r.slice(0, 6)));
  expect(log.getRange(1, 1, values.length, 6).getNumberFormats()).toEqual(formats.map((r) => r.slice(0, 6)));
});
